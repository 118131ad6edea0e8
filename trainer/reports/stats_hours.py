"""Answers per study day, read from the hourly summary of the log (migration 0012).

``review_hours`` counts the answers of each whole UTC hour. A study day made of whole
hours is a range of it; a zone whose days start at :30 or :45 (India, Nepal, parts of
Australia) leaves a partial hour at each end of a day, and those few answers are
counted from the log itself. The figures are the same as counting every day from the
log (tests/stats/test_stats_from_summary.py compares them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from trainer.reports.stats_sql import MATURE, AnswerGroup, ScopeFilter
from trainer.storage.review_hours import COUNT_COLUMNS
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

_HOUR = timedelta(hours=1)
REVIEW_PHASE = 2

# The ranges come as one JSON parameter, so a long range of days never meets SQLite's
# limit on parameters; each is (day's number, from, to).
_RANGES = ("WITH ranges(n, lo, hi) AS (SELECT json_extract(value, '$[0]'), "
           "json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?)) ")

Key = tuple[int, int, bool]


def _key(phase_before: int, rating: int, mature: object) -> Key:
    """(phase before, rating, mature) as the figures tell answers apart: maturity only
    for reviews, and any phase but new, review and relearning as learning."""
    if phase_before == REVIEW_PHASE:
        return phase_before, rating, bool(mature)
    return (phase_before if phase_before in (0, 3) else 1), rating, False


@dataclass
class DayAnswers:
    """A study day's answers: how many of each (phase before, rating, maturity), as
    ``_key`` names them, and how long they took in all."""

    counts: dict[Key, int] = field(default_factory=dict)
    duration_ms: int = 0

    def add(self, key: Key, answers: int, duration_ms: int) -> None:
        """Count ``answers`` more of ``key`` that took ``duration_ms``."""
        if answers:
            self.counts[key] = self.counts.get(key, 0) + answers
        self.duration_ms += duration_ms

    @classmethod
    def of(cls, groups: Iterable[AnswerGroup]) -> DayAnswers:
        """The day counted from ``answer_groups``, the log read answer by answer."""
        day = cls()
        for g in groups:
            day.add(_key(g.phase_before, g.rating, g.mature), g.count, g.duration_ms)
        return day


# What each count column of the summary counts, as ``_key`` names it.
_COLUMN_KEYS = [(c.phase_before, c.rating, c.mature) for c in COUNT_COLUMNS]


def _floor(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _hour_key(moment: datetime) -> str:
    """The summary's name for the UTC hour that starts at ``moment``."""
    return to_db(moment)[:13]


def _split(bounds: Sequence[tuple[datetime, datetime]]
           ) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    """Each day as whole hours (summary keys) and partial hours (log times)."""
    whole: list[tuple[int, str, str]] = []
    partial: list[tuple[int, str, str]] = []
    for n, (start, end) in enumerate(bounds):
        first = _floor(start)
        if first < start:
            first += _HOUR
        last = _floor(end)
        if first >= last:  # no whole hour inside: never for a real day, but exact anyway
            partial.append((n, to_db(start), to_db(end)))
            continue
        whole.append((n, _hour_key(first), _hour_key(last)))
        if start < first:
            partial.append((n, to_db(start), to_db(first)))
        if last < end:
            partial.append((n, to_db(last), to_db(end)))
    return whole, partial


def day_answers(db: Store, scope: ScopeFilter, bounds: Sequence[tuple[datetime, datetime]]
                ) -> list[DayAnswers]:
    """The answers given in each ``[start, end)`` of ``bounds``: the same counts as
    ``answer_groups`` for each, in two statements for them all."""
    whole, partial = _split(bounds)
    days = [DayAnswers() for _ in bounds]
    if whole:
        cond, args = scope.where(deck_column="h.deck_id", topic_column="h.topic")
        sums = ", ".join(f"sum(h.{c.name})" for c in COUNT_COLUMNS)
        # Summed day by day in a subquery, not by GROUP BY: that would sort every
        # summary row of the range first, which cost three times the sums themselves.
        for n, sums_json in db.execute(
                _RANGES + f"SELECT ranges.n, (SELECT json_array(sum(h.duration_ms), {sums}) "
                "FROM review_hours h WHERE h.hour >= ranges.lo AND h.hour < ranges.hi"
                f"{cond}) FROM ranges", [json.dumps(whole), *args]):
            duration, *counts = json.loads(sums_json)
            if duration is None:  # no answers in the day's hours
                continue
            day = days[n]
            day.duration_ms += duration
            for key, count in zip(_COLUMN_KEYS, counts, strict=True):
                if count:
                    day.counts[key] = day.counts.get(key, 0) + count
    if partial:
        cond, args = scope.where(deck_column="r.deck_id", topic_column="r.topic")
        for n, phase, rating, mature, count, duration in db.execute(
                _RANGES + f"SELECT ranges.n, r.phase_before, r.rating, r.{MATURE}, count(*), "
                "total(r.duration_ms) FROM ranges JOIN reviews r "
                f"ON r.reviewed_at >= ranges.lo AND r.reviewed_at < ranges.hi{cond} "
                f"GROUP BY ranges.n, r.phase_before, r.rating, r.{MATURE}",
                [json.dumps(partial), *args]):
            days[n].add(_key(phase, rating, mature), count, int(duration))
    return days
