"""Short texts for intervals and due times, shared by the window and the CLI."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo

from trainer.i18n import QT_TRANSLATE_NOOP, Context, number


class Wording(Context):
    """Intervals, due times and dates, shared by every screen."""


_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Wording", "Monday"), QT_TRANSLATE_NOOP("Wording", "Tuesday"),
    QT_TRANSLATE_NOOP("Wording", "Wednesday"), QT_TRANSLATE_NOOP("Wording", "Thursday"),
    QT_TRANSLATE_NOOP("Wording", "Friday"), QT_TRANSLATE_NOOP("Wording", "Saturday"),
    QT_TRANSLATE_NOOP("Wording", "Sunday"),
)
_MONTHS = (
    QT_TRANSLATE_NOOP("Wording", "January"), QT_TRANSLATE_NOOP("Wording", "February"),
    QT_TRANSLATE_NOOP("Wording", "March"), QT_TRANSLATE_NOOP("Wording", "April"),
    QT_TRANSLATE_NOOP("Wording", "May"), QT_TRANSLATE_NOOP("Wording", "June"),
    QT_TRANSLATE_NOOP("Wording", "July"), QT_TRANSLATE_NOOP("Wording", "August"),
    QT_TRANSLATE_NOOP("Wording", "September"), QT_TRANSLATE_NOOP("Wording", "October"),
    QT_TRANSLATE_NOOP("Wording", "November"), QT_TRANSLATE_NOOP("Wording", "December"),
)


# Rating.label is the English name (the domain knows no languages); every screen that
# names an answer shows it through rating_label.
_RATING_LABELS = (
    QT_TRANSLATE_NOOP("Wording", "Again"), QT_TRANSLATE_NOOP("Wording", "Hard"),
    QT_TRANSLATE_NOOP("Wording", "Good"), QT_TRANSLATE_NOOP("Wording", "Easy"),
)


def rating_label(rating: int) -> str:
    """An answer's name as its button shows it (1 Again ... 4 Easy), in the rep's
    language."""
    return Wording.tr(_RATING_LABELS[int(rating) - 1])


def _tenths(value: float) -> str:
    text = number(value, 1)
    # "2.0" and "2,0" read better as "2".
    return text[:-2] if text[-1] == "0" and not text[-2].isdigit() else text


def format_interval(delta: timedelta) -> str:
    """A compact interval like Anki's buttons show: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return Wording.tr("{n}s").format(n=round(seconds))
    minutes = seconds / 60
    if minutes < 60:
        return Wording.tr("{n}m").format(n=round(minutes))
    hours = minutes / 60
    if hours < 24:
        return Wording.tr("{n}h").format(n=round(hours))
    days = hours / 24
    if days < 30:
        return Wording.tr("{n}d").format(n=round(days))
    if days < 365:
        return Wording.tr("{n}mo").format(n=_tenths(days / 30))
    return Wording.tr("{n}y").format(n=_tenths(days / 365))


def weekday_name(when: datetime | date) -> str:
    """The day of the week in the rep's language."""
    return Wording.tr(_WEEKDAYS[when.weekday()])


def long_date(when: datetime | date) -> str:
    """A date written out in the rep's language: "3 March 2027", "3. März 2027"."""
    return Wording.tr("{day} {month} {year}").format(
        day=when.day, month=Wording.tr(_MONTHS[when.month - 1]), year=when.year)


def describe_due(due: datetime | None, now: datetime, zone: tzinfo | None = None) -> str:
    """When the next item is due, in words a rep reads at a glance."""
    if due is None:
        return Wording.tr("Nothing is scheduled in this deck.")
    local_due = due.astimezone(zone) if zone else due.astimezone()
    local_now = now.astimezone(zone) if zone else now.astimezone()
    clock_time = local_due.strftime("%H:%M")
    if due <= now:
        return Wording.tr("Now.")
    delta = due - now
    if delta < timedelta(hours=1):
        minutes = max(1, round(delta.total_seconds() / 60))
        return Wording.tr("In %n minute(s) (at {time}).", "", minutes).format(time=clock_time)
    days = (local_due.date() - local_now.date()).days
    if days == 0:
        return Wording.tr("Today at {time}.").format(time=clock_time)
    if days == 1:
        return Wording.tr("Tomorrow at {time}.").format(time=clock_time)
    if days < 7:
        return Wording.tr("{weekday} at {time} (in %n day(s)).", "", days).format(
            weekday=weekday_name(local_due), time=clock_time)
    return Wording.tr("{date} (in %n day(s)).", "", days).format(date=long_date(local_due))


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
