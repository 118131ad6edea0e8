"""Which backups to keep: the rule Anki uses, on our backups' times.

Everything from today and yesterday is kept; older than that, the newest backup of each
day for 12 days that have one, then the newest of each week for 10 weeks, then the
newest of each month for 9 months. The rest are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta


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
