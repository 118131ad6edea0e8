"""Study days for statistics: a date names the study day that starts on it at the
profile's day-start hour, in the profile's time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from trainer.study.day import StudyDay, study_day

# A range longer than this is almost certainly a typo in a year; each day is a query.
MAX_RANGE_DAYS = 3660
DEFAULT_RANGE_DAYS = 30


def day_bounds(day: date, start_hour: int, zone: tzinfo | None) -> StudyDay:
    """The UTC bounds of the study day named ``day``."""
    # Twelve hours after the day starts is inside that day whatever the start hour,
    # and clear of any daylight-saving jump at the start itself.
    local = datetime.combine(day, time(start_hour)) + timedelta(hours=12)
    moment = local.replace(tzinfo=zone) if zone is not None else local.astimezone()
    return study_day(moment, start_hour, zone)


def day_of(moment: datetime, start_hour: int, zone: tzinfo | None) -> date:
    """The date of the study day that contains ``moment``."""
    start = study_day(moment, start_hour, zone).start
    return (start.astimezone(zone) if zone is not None else start.astimezone()).date()


EARLIEST = date(1970, 1, 1)


def resolve_range(today: date, start: date | None, end: date | None) -> tuple[date, date]:
    """The first and last study day to count: by default the 30 days ending today.

    Days must fall between ``EARLIEST`` and a year after today: nothing is studied
    outside them, and the calendar arithmetic has room at both ends."""
    latest = today + timedelta(days=366)
    for day, what in ((start, "first day"), (end, "last day")):
        if day is not None and not EARLIEST <= day <= latest:
            raise ValueError(f"the {what} {day} is out of range: give a day from "
                             f"{EARLIEST} to {latest}")
    last = end or today
    first = start or last - timedelta(days=DEFAULT_RANGE_DAYS - 1)
    if first > last:
        ending = f"{last}" if end is not None else f"today, {last}"
        raise ValueError(f"the range starts on {first}, after it ends ({ending})")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise ValueError(f"the range from {first} to {last} is longer than "
                         f"{MAX_RANGE_DAYS:,} days")
    return first, last


def days_between(first: date, last: date) -> list[date]:
    """Every date from ``first`` to ``last``, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
