"""Study days for statistics: a date names the study day that starts on it at the
profile's day-start hour, in the profile's time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from trainer.i18n import Context
from trainer.study.day import StudyDay, study_day


class StatsDaysText(Context):
    """Why a range of study days cannot be counted (the Statistics page and ``trainer stats``)."""


# A range longer than this is almost certainly a typo in a year.
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
    if start is not None and not EARLIEST <= start <= latest:
        raise ValueError(StatsDaysText.tr(
            "the first day {day} is out of range: give a day from {earliest} to {latest}"
        ).format(day=start, earliest=EARLIEST, latest=latest))
    if end is not None and not EARLIEST <= end <= latest:
        raise ValueError(StatsDaysText.tr(
            "the last day {day} is out of range: give a day from {earliest} to {latest}"
        ).format(day=end, earliest=EARLIEST, latest=latest))
    last = end or today
    first = start or last - timedelta(days=DEFAULT_RANGE_DAYS - 1)
    if first > last:
        if end is not None:
            message = StatsDaysText.tr("the range starts on {first}, after it ends ({last})")
        else:
            message = StatsDaysText.tr(
                "the range starts on {first}, after it ends (today, {last})")
        raise ValueError(message.format(first=first, last=last))
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise ValueError(StatsDaysText.tr(
            "the range from {first} to {last} is longer than %Ln day(s)", "", MAX_RANGE_DAYS
        ).format(first=first, last=last))
    return first, last


def days_between(first: date, last: date) -> list[date]:
    """Every date from ``first`` to ``last``, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
