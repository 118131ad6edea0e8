"""Which backups to keep.

The ones made as a matter of course (on closing the window, every half hour) are
thinned by the rule Anki uses for its own: everything from today and yesterday is
kept; older than that, the newest backup of each day for 12 days that have one, then
the newest of each week for 10 weeks, then the newest of each month for 9 months.

The ones made before something happened (an import, a deck update, a restore, a
repair, an app update) are what "undo" means for that event: each is kept for 30 days,
and the newest three of each kind always. A damaged file set aside is kept likewise.
Backups made by hand are never deleted: the rep asked for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

ROTATING = frozenset({"close", "periodic"})
MANUAL = "manual"
EVENT_DAYS = 30
EVENT_NEWEST = 3


@dataclass(frozen=True)
class BackupLimits:
    """How many older backups to keep, per period."""

    daily: int = 12
    weekly: int = 10
    monthly: int = 9
    recent_days: int = 2  # today and yesterday: every backup kept


def backups_to_keep(times: list[datetime], today: date,
                    limits: BackupLimits = BackupLimits()) -> set[datetime]:
    """The backup times to keep out of ``times``, with ``today`` the local date now.

    ``times`` are local times (the day a user would say a backup was made)."""
    keep: set[datetime] = set()
    first_recent = today - timedelta(days=limits.recent_days - 1)
    daily, weekly, monthly = limits.daily, limits.weekly, limits.monthly
    last_day: date | None = None
    last_week: tuple[int, int] | None = None
    last_month: tuple[int, int] | None = None
    for when in sorted(times, reverse=True):
        day = when.date()
        if day >= first_recent:
            keep.add(when)
            continue
        week = day.isocalendar()[:2]
        month = (day.year, day.month)
        if daily and day != last_day:
            daily -= 1
        elif not daily and weekly and week != last_week:
            weekly -= 1
        elif not daily and not weekly and monthly and month != last_month:
            monthly -= 1
        else:
            continue
        keep.add(when)
        last_day, last_week, last_month = day, (week[0], week[1]), month
    return keep


def events_to_keep(times: list[datetime], today: date) -> set[datetime]:
    """Of the backups of one event kind (``before-import``, say), those to keep: the
    last ``EVENT_DAYS`` days' and the newest ``EVENT_NEWEST`` whatever their age."""
    newest = set(sorted(times, reverse=True)[:EVENT_NEWEST])
    first = today - timedelta(days=EVENT_DAYS)
    return newest | {t for t in times if t.date() >= first}
