"""The daily reminder: when it next comes, and what it says (how much is waiting today).

The window shows it through the system tray's notification while it runs; "start when I
log in" keeps it running from login, minimised."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from trainer.i18n import Context
from trainer.study.service import StudyService


class RemindersText(Context):
    """The reminder's notification."""


def next_reminder(at: time, now: datetime, zone: tzinfo | None = None) -> datetime:
    """The next moment the clock in ``zone`` (the machine's) reads ``at``, after
    ``now``: today when that is still ahead, else tomorrow."""
    local_now = now.astimezone(zone)
    today = local_now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if today > local_now:
        return today
    # Built from the date (not today + 24 h) so that a change to or from summer time
    # keeps the reminder at the same clock time.
    tomorrow = (local_now + timedelta(days=1)).date()
    return datetime.combine(tomorrow, at.replace(second=0, microsecond=0),
                            tzinfo=local_now.tzinfo)


def reminder_message(study: StudyService) -> str | None:
    """What the reminder says, or None when nothing waits today (no reminder then)."""
    counts = [row.counts for row in study.deck_counts()]
    due = sum(c.review + c.learning for c in counts)
    new = sum(c.new for c in counts)
    if not due and not new:
        return None
    parts = []
    if due:
        parts.append(RemindersText.tr("%Ln review(s)", "", due))
    if new:
        parts.append(RemindersText.tr("%Ln new item(s)", "", new))
    if len(parts) == 2:
        return RemindersText.tr("Waiting today: {reviews} and {new}.").format(
            reviews=parts[0], new=parts[1])
    return RemindersText.tr("Waiting today: {items}.").format(items=parts[0])
