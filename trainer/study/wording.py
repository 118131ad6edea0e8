"""Short texts for intervals and due times, shared by the window and the CLI."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo


def format_interval(delta: timedelta) -> str:
    """A compact interval like Anki's buttons show: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return f"{round(seconds)}s"
    minutes = seconds / 60
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def describe_due(due: datetime | None, now: datetime, zone: tzinfo | None = None) -> str:
    """When the next item is due, in words a rep reads at a glance."""
    if due is None:
        return "Nothing is scheduled in this deck."
    local_due = due.astimezone(zone) if zone else due.astimezone()
    local_now = now.astimezone(zone) if zone else now.astimezone()
    clock_time = local_due.strftime("%H:%M")
    if due <= now:
        return "Now."
    delta = due - now
    if delta < timedelta(hours=1):
        minutes = max(1, round(delta.total_seconds() / 60))
        return f"In {minutes} minute{'s' if minutes != 1 else ''} (at {clock_time})."
    days = (local_due.date() - local_now.date()).days
    if days == 0:
        return f"Today at {clock_time}."
    if days == 1:
        return f"Tomorrow at {clock_time}."
    if days < 7:
        return f"{local_due.strftime('%A')} at {clock_time} (in {days} days)."
    return f"{local_due.strftime('%d %B %Y')} (in {days} days)."


def local_minute(when: datetime, zone: tzinfo | None = None) -> str:
    """A moment as a rep reads it in a list: local date and time to the minute."""
    return when.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the right number: "1 learner", "3 learners"."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "Rep 2" before "Rep 10" and ignores case."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", text.casefold()) if part)


def topic_label(topic: str) -> str:
    """A topic id as a rep reads it: "pushing-back" is "Pushing back"."""
    words = topic.replace("-", " ").replace("_", " ").split()
    return " ".join(words).capitalize() if words else topic
