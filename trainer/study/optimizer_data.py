"""The review log as fsrs-rs training data, the way Anki turns its revlog into it.

Per item, the answers from the start of its last run of learning answers on, each with
the number of whole study days since the previous answer (0 for the same day); one
training example per answer after the first, holding the item's history up to that
answer, kept only when that answer came on a later study day than the one before (FSRS
predicts recall across days; same-day answers still count as history, through its
short-term terms). The examples are in time order.

The log is read as plain rows (times as stored text) in the order of the index on its
times, and each answer's study day is found by where each study day's start, in the
stored form, falls among those times: a hundred thousand answers are never parsed into
datetimes one by one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cached_property
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING

from trainer.domain.scheduling import Phase
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db

if TYPE_CHECKING:
    from fsrs_rs_python import FSRSItem

_LEARNING = (int(Phase.NEW), int(Phase.LEARNING))
# An answer as read: item id, time as stored (timefmt.to_db), rating, phase before it.
LogRow = tuple[int, str, int, int]
# An answer training learns from: item id, rating, whole study days since the item's
# previous one (0 for its first).
Kept = tuple[int, int, int]
# The stored form's length: 'YYYY-MM-DDTHH:MM:SS.ffffff+00:00'.
_STORED_LENGTH = 32


@dataclass(frozen=True)
class LoggedReview:
    """One answer from the review log, as the optimizer needs it."""

    item_id: int
    reviewed_at: datetime
    rating: int
    phase_before: int


@dataclass(frozen=True)
class TrainingSet:
    """The log as fsrs-rs training examples, oldest first, with counts for the report."""

    kept: Sequence[Kept]  # the answers the examples are made of
    reviews: int
    items_reviewed: int
    items_with_history: int
    example_count: int

    @cached_property
    def items(self) -> list[FSRSItem]:
        """The examples, made the first time they are asked for (the counts are known
        first, and the kept answers may go to another process meanwhile)."""
        return examples(self.kept)


def read_log_rows(db: Store) -> list[LogRow]:
    """Every answer in the profile in time order; answers given at the same moment in
    the order of their items, then as logged."""
    columns = "SELECT item_id, reviewed_at, rating, phase_before FROM reviews"
    # In the order of the index on the time alone SQLite sorts nothing, which is a third
    # of reading; answers at the very same moment (rare: times have microseconds) would
    # come in another order, so then the log is read again sorted in full.
    rows: list[LogRow] = db.execute(f"{columns} ORDER BY reviewed_at").fetchall()
    if len(set(map(itemgetter(1), rows))) == len(rows):
        return rows
    return db.execute(f"{columns} ORDER BY reviewed_at, item_id, id").fetchall()


def answer_count(db: Store) -> int:
    """How many answers the profile's log holds (from an index: a few milliseconds)."""
    return int(db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def rows_of(log: Iterable[LoggedReview]) -> list[LogRow]:
    """Answers (each item's in the order given) as rows in time order, times stored."""
    rows = [(r.item_id, to_db(r.reviewed_at), r.rating, r.phase_before) for r in log]
    rows.sort(key=itemgetter(1, 0))
    return rows


def study_date(when: datetime, day_start_hour: int, zone: tzinfo | None = None) -> date:
    """The study day ``when`` falls in (as ``trainer.study.day.study_day``), as a date."""
    local = when.astimezone(zone) if zone is not None else when.astimezone()
    return (local - timedelta(hours=day_start_hour)).date()


def _day_start(day: date, hour: int, zone: tzinfo | None) -> datetime:
    if zone is None:
        return datetime.combine(day, time(hour)).astimezone()
    return datetime.combine(day, time(hour), tzinfo=zone)


def _day_numbers(times: Sequence[str], hour: int, zone: tzinfo | None) -> list[int]:
    """Each stored time's study day as a number (only differences between them count).

    Found from the stored starts of the days the times span, unless some time is not in
    the stored form or a day's start is not where ``study_date`` puts it (a zone whose
    clock change crosses the day-start hour): then each time is parsed."""
    starts = _day_starts(times, hour, zone) if times else None
    if starts is None:
        return [study_date(datetime.fromisoformat(t), hour, zone).toordinal() for t in times]
    # The times are in order: each day's answers are the run between where its start and
    # the next day's fall, so a few hundred searches number them all.
    cuts = [bisect_left(times, start) for start in starts]
    numbers = list(repeat(0, cuts[0]))
    for day, (begin, end) in enumerate(zip(cuts, [*cuts[1:], len(times)], strict=True),
                                       start=1):
        numbers.extend(repeat(day, end - begin))
    return numbers


def _day_starts(times: Sequence[str], hour: int, zone: tzinfo | None) -> list[str] | None:
    """The stored start of each study day from the first time's to the last's, checked
    against ``study_date``; None if the times (all in the stored form, in order) or the
    zone do not allow numbering days by them."""
    # Each a pass in C over the times (sorting sorted text only compares neighbours).
    if set(map(len, times)) != {_STORED_LENGTH} or \
            not all(map(str.endswith, times, repeat("+00:00"))) or \
            sorted(times) != times:
        return None
    first = study_date(datetime.fromisoformat(times[0]), hour, zone)
    last = study_date(datetime.fromisoformat(times[-1]), hour, zone)
    days = [first + timedelta(days=n) for n in range((last - first).days + 2)]
    starts = [_day_start(d, hour, zone).astimezone(UTC) for d in days]
    tick = timedelta(microseconds=1)
    for day, start in zip(days, starts, strict=True):
        if study_date(start, hour, zone) != day or \
                study_date(start - tick, hour, zone) != day - timedelta(days=1):
            return None
    texts = [to_db(s) for s in starts]
    return texts if texts == sorted(set(texts)) else None


def kept_answers(rows: Sequence[LogRow], day_start_hour: int, zone: tzinfo | None = None
                 ) -> list[Kept]:
    """The answers (in time order, ties by item) that training learns from, each with
    the whole study days since its item's previous kept answer."""
    day_numbers = _day_numbers([r[1] for r in rows], day_start_hour, zone)
    # Where each item's last run of learning answers starts (an item that was forgotten
    # and learned again starts over); an item with none gives no examples.
    run_start: dict[int, int] = {}
    learning: dict[int, bool] = {}
    started_late = False
    for position, (item_id, _, _, phase) in enumerate(rows):
        now_learning = phase in _LEARNING
        if now_learning and not learning.get(item_id, False):
            started_late = started_late or item_id in learning
            run_start[item_id] = position
        learning[item_id] = now_learning
    if started_late or len(run_start) != len(learning):
        # Most logs start every item with its one learning run; only others lose rows.
        never = len(rows)
        chosen = [position >= run_start.get(row[0], never) for position, row in enumerate(rows)]
        rows = [row for row, keep in zip(rows, chosen, strict=True) if keep]
        day_numbers = [day for day, keep in zip(day_numbers, chosen, strict=True) if keep]
    kept: list[Kept] = []
    append = kept.append
    previous: dict[int, int] = {}
    for (item_id, _, rating, _), day in zip(rows, day_numbers, strict=True):
        before = previous.get(item_id, day)  # an item's first kept answer: 0 days
        append((item_id, rating, day - before if day > before else 0))
        previous[item_id] = day
    return kept


def examples(kept: Iterable[Kept]) -> list[FSRSItem]:
    """One example per kept answer on a later study day than its item's previous one,
    holding the item's history up to it, in time order."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    out: list[FSRSItem] = []
    append = out.append
    so_far: dict[int, list[FSRSReview]] = {}
    # A review is a (rating, days) value: one object for each pair met is enough.
    made: dict[tuple[int, int], FSRSReview] = {}
    for item_id, rating, delta_t in kept:
        review = made.get((rating, delta_t))
        if review is None:
            review = made[rating, delta_t] = FSRSReview(rating, delta_t)
        history = so_far.get(item_id)
        if history is None:
            so_far[item_id] = [review]
        else:
            history.append(review)
            if delta_t > 0:
                append(FSRSItem(history))
    return out


def training_set(rows: Sequence[LogRow], day_start_hour: int, zone: tzinfo | None = None
                 ) -> TrainingSet:
    """Turn answers, in time order (ties by item), into training data."""
    kept = kept_answers(rows, day_start_hour, zone)
    # An item's first kept answer has 0 days, so any later day means an example.
    later_day = [item_id for item_id, _, delta_t in kept if delta_t > 0]
    return TrainingSet(kept, len(rows), len({r[0] for r in rows}), len(set(later_day)),
                       len(later_day))
