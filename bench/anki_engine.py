"""Reference half of the review-engine benchmark: Anki's own engine, measured in-process.

Builds a synthetic but scheduler-valid Anki collection with the real ``anki`` package
(pinned in the ``bench`` extra), then times the two things a user feels:

* ``anki_open_ms``: open the collection from disk and compute today's counts for every deck
  (what Anki's deck browser does right after a profile is opened);
* ``anki_answer_p50_ms`` / ``anki_answer_p99_ms``: answer one card as Anki's review
  screen does (commit to disk included), fetch the next one with the day's counts, and
  word its four next-interval labels (``AnkiReviewer``, which review_latency.py
  interleaves with ours).

Run directly to print the figures as JSON::

    python bench/anki_engine.py --cards 100000 --reviews 1000000 --answers 1000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import pathlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

# anki.collection must be imported before anki.cards: importing anki.cards first fails
# with a circular import (cards -> collection -> hooks_gen -> cards) in anki 26.9.3.
import anki.collection
from anki._backend import RustBackend
from anki.cards import Card
from anki.dbproxy import DBProxy, ValueForDB
from anki.decks import DeckId
from anki.scheduler.v3 import CardAnswer, Scheduler
from anki.utils import base91

__all__ = ["AnkiReviewer", "build_collection", "measure_anki", "open_ms"]

# Five decks so that "counts for every deck" has real work to do; the first one is the
# deck being studied and holds half of the cards.
DECK_NAMES: tuple[str, ...] = ("Sales", "Products", "Objections", "Competitors", "Pricing")
DECK_WEIGHTS: tuple[float, ...] = (0.5, 0.125, 0.125, 0.125, 0.125)

HISTORY_DAYS = 730  # the synthetic user has been studying for about two years
MAX_IVL_DAYS = 400
NEW_FRACTION = 0.5
LEARNING_FRACTION = 0.005  # of these, a third are lapsed review cards (relearning)
DUE_FRACTION = 0.06  # share of review cards due today: ~3,000 at full size

# Anki's defaults are 20 new / 200 reviews a day. 200 reviews would starve a 1,000-answer
# run, so reviews get the "no practical limit" value heavy users set.
NEW_PER_DAY = 20
REVIEWS_PER_DAY = 9999

OPEN_REPEATS = 5
INSERT_CHUNK = 50_000  # bounds the JSON payload DBProxy builds per executemany call

# Ratings as a typical user presses them: mostly Good.
RATINGS: tuple[CardAnswer.Rating.V, ...] = (
    CardAnswer.AGAIN,
    CardAnswer.HARD,
    CardAnswer.GOOD,
    CardAnswer.EASY,
)
RATING_WEIGHTS: tuple[float, ...] = (0.08, 0.07, 0.75, 0.10)
HISTORY_EASE_WEIGHTS: tuple[float, ...] = (0.10, 0.05, 0.80, 0.05)

# Type codes from anki.consts, spelled out so the rows below read on their own.
CARD_TYPE_NEW, CARD_TYPE_LRN, CARD_TYPE_REV, CARD_TYPE_RELEARNING = 0, 1, 2, 3
QUEUE_TYPE_NEW, QUEUE_TYPE_LRN, QUEUE_TYPE_REV = 0, 1, 2
REVLOG_LRN, REVLOG_REV = 0, 1
EASE_AGAIN, EASE_GOOD = 1, 3
SM2_START_FACTOR = 2500  # Anki still writes this on graduation with FSRS enabled

# FSRS-6's default decay (w20 = 0.1542), rounded to 3 places as Anki stores it.
FSRS_DECAY = 0.154
DESIRED_RETENTION = 0.9
LEARN_STEP_SECS = 600  # second default learning step / the default relearning step

TOPICS: tuple[str, ...] = (
    "discovery call",
    "pricing objection",
    "competitor comparison",
    "renewal",
    "upsell",
    "procurement",
    "security review",
    "champion building",
)

Row = tuple[ValueForDB, ...]


@dataclass(frozen=True, slots=True)
class _Plan:
    """How many cards of each kind to build; card index ranges follow this order."""

    n_review: int
    n_learning: int  # first-time learning cards (type 1)
    n_relearning: int  # lapsed review cards (type 3)
    n_new: int
    n_due: int  # review cards due today or overdue

    @classmethod
    def for_sizes(cls, n_cards: int, n_answers: int) -> _Plan:
        n_all_learning = max(1, round(n_cards * LEARNING_FRACTION))
        n_relearning = n_all_learning // 3
        n_new = round(n_cards * NEW_FRACTION)
        n_review = max(0, n_cards - n_new - n_all_learning)
        # Realistically "a few percent due today", but never so few that the studied deck
        # (half the cards) could run dry during the answer loop.
        n_due = min(n_review, max(round(n_review * DUE_FRACTION), math.ceil(2.5 * n_answers)))
        return cls(n_review, n_all_learning - n_relearning, n_relearning, n_new, n_due)


@dataclass(slots=True)
class _Rows:
    notes: list[Row] = field(default_factory=list)
    cards: list[Row] = field(default_factory=list)
    revlog: list[tuple[int, ...]] = field(default_factory=list)


@dataclass(slots=True)
class _Synth:
    """Generates the rows of one synthetic collection (deterministic for a given seed)."""

    rng: random.Random
    mid: int
    crt: int  # collection creation, seconds; day numbers count from here
    today: int  # day number of today, as the scheduler computes it
    now: int
    rows: _Rows = field(default_factory=_Rows)
    _revlog_ids: set[int] = field(default_factory=set)

    @property
    def history_start(self) -> int:
        return self.now - HISTORY_DAYS * 86_400

    def revlog_id(self, ts: int) -> int:
        # Revlog ids are answer times in ms and the primary key: nudge rare collisions.
        rid = ts * 1000 + self.rng.randrange(1000)
        while rid in self._revlog_ids:
            rid += 1
        self._revlog_ids.add(rid)
        return rid

    def add_revlog(
        self, cid: int, ts: int, ease: int, ivl: int, last_ivl: int, factor: int, kind: int
    ) -> None:
        taken_ms = self.rng.randrange(2_000, 20_000)
        self.rows.revlog.append(
            (self.revlog_id(ts), cid, -1, ease, ivl, last_ivl, factor, taken_ms, kind)
        )

    def add_note(self, nid: int, index: int) -> None:
        topic = TOPICS[index % len(TOPICS)]
        front = f"Card {index}: in a {topic}, the prospect says it costs too much. Next question?"
        back = (
            f"Acknowledge, then quantify the cost of inaction ({topic} #{index % 997}): ask "
            "which outcome matters most this quarter and what a delay would cost them."
        )
        guid = base91(self.rng.getrandbits(64))
        # usn -1 = "not synced yet", as for everything a local Anki writes.
        self.rows.notes.append(
            (nid, guid, self.mid, nid // 1000, -1, "", f"{front}\x1f{back}", front,
             _field_checksum(front), 0, "")
        )  # fmt: skip

    def add_card(
        self,
        nid: int,
        did: int,
        mod: int,
        ctype: int,
        queue: int,
        due: int,
        *,
        ivl: int = 0,
        factor: int = 0,
        reps: int = 0,
        lapses: int = 0,
        left: int = 0,
        data: str = "{}",
    ) -> None:
        # Card id == note id, as Anki assigns for a one-template notetype; ord/odue/odid/
        # flags are 0 (Basic notetype, no filtered decks, no flags).
        self.rows.cards.append(
            (nid, nid, did, 0, mod, -1, ctype, queue, due, ivl, factor, reps, lapses, left,
             0, 0, 0, data)
        )  # fmt: skip

    def add_learning_card(self, nid: int, did: int, pos: int) -> None:
        """A new card answered Good once in the last hour; waiting for its 10-minute step."""
        last = self.now - self.rng.randrange(60, 3_600)
        stability, difficulty = self.rng.uniform(0.5, 3.0), self.rng.uniform(3.0, 7.0)
        factor = round(difficulty * 100)
        self.add_revlog(nid, last, EASE_GOOD, -LEARN_STEP_SECS, 0, factor, REVLOG_LRN)
        data = _fsrs_data(pos, stability, difficulty, last)
        due = last + LEARN_STEP_SECS  # intraday learning due is a timestamp
        self.add_card(nid, did, last, CARD_TYPE_LRN, QUEUE_TYPE_LRN, due, reps=1, left=1, data=data)

    def add_reviewed_card(
        self,
        nid: int,
        did: int,
        pos: int,
        ivl: int,
        n_revlog: int,
        *,
        due_today: bool,
        relearning: bool,
    ) -> None:
        """A graduated card with ``n_revlog`` past reviews; optionally lapsed today."""
        rng = self.rng
        difficulty = min(10.0, max(1.0, rng.gauss(5.0, 1.8)))
        if relearning:
            last = self.now - rng.randrange(60, 3_600)
            due = last + LEARN_STEP_SECS  # intraday (re)learning due is a timestamp
            stability = rng.uniform(1.0, 5.0)
        else:
            overdue = 0 if rng.random() < 0.7 else rng.randrange(1, 8)
            due = self.today - overdue if due_today else self.today + rng.randint(1, ivl)
            # The last review happened ivl days before due, at some daytime hour.
            last = self.crt + (due - ivl) * 86_400 + rng.randrange(8 * 3_600, 20 * 3_600)
            last = min(last, self.now - rng.randrange(60, 3_600))
            # With 90% desired retention FSRS schedules interval ~= stability.
            stability = ivl * rng.uniform(0.85, 1.15)

        first = max(self.history_start, last - ivl * 86_400 * n_revlog)
        stamps = sorted(rng.randrange(min(first, last - 1), last) for _ in range(n_revlog - 1))
        stamps.append(last)
        factor = round(difficulty * 100)  # what Anki logs as "factor" for FSRS reviews
        last_ivl = lapses = 0
        for j, ts in enumerate(stamps):
            ease = rng.choices((1, 2, 3, 4), HISTORY_EASE_WEIGHTS)[0]
            if j == len(stamps) - 1:
                if relearning:  # today's lapse that put the card back into relearning
                    ease, h_ivl = EASE_AGAIN, -LEARN_STEP_SECS
                else:  # the review that set the current interval cannot have been a lapse
                    ease, h_ivl = max(ease, EASE_GOOD - 1), ivl
            else:
                h_ivl = max(1, round((stamps[j + 1] - ts) / 86_400))
            if j == 0:  # graduation from the learning steps
                ease, kind = EASE_GOOD, REVLOG_LRN
            else:
                kind = REVLOG_REV
                lapses += ease == EASE_AGAIN
            self.add_revlog(nid, ts, ease, h_ivl, last_ivl, factor, kind)
            last_ivl = h_ivl

        data = _fsrs_data(pos, stability, difficulty, last)
        if relearning:
            ctype, queue, ivl, left = CARD_TYPE_RELEARNING, QUEUE_TYPE_LRN, 1, 1
            lapses = max(1, lapses)
        else:
            ctype, queue, left = CARD_TYPE_REV, QUEUE_TYPE_REV, 0
        self.add_card(
            nid,
            did,
            last,
            ctype,
            queue,
            due,
            ivl=ivl,
            factor=SM2_START_FACTOR,
            reps=n_revlog,
            lapses=lapses,
            left=left,
            data=data,
        )


@dataclass(frozen=True, slots=True)
class _BuildInfo:
    main_deck_id: DeckId
    revlog_rows: int
    due_review_cards: int


def _db(col: anki.collection.Collection) -> DBProxy:
    # Collection.db is Optional only because it is None after close().
    assert col.db is not None, "collection is closed"
    return col.db


def _sched(col: anki.collection.Collection) -> Scheduler:
    sched = col.sched
    assert isinstance(sched, Scheduler), "expected the v3 scheduler"
    return sched


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in [0, 100]) of already sorted values."""
    if not sorted_values:
        return math.nan
    pos = (len(sorted_values) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def _chunks(
    rows: Sequence[Sequence[ValueForDB]], size: int
) -> Iterator[Sequence[Sequence[ValueForDB]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _field_checksum(text: str) -> int:
    """Anki's notes.csum: first 32 bits of SHA-1 of the HTML-stripped sort field."""
    # anki.utils.field_checksum does the same but strips HTML through the global i18n
    # object, which is None until a GUI sets a language, and costs a backend call per note.
    # Our fields are plain text, so stripping is the identity.
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:4], "big")


def _fsrs_data(pos: int, stability: float, difficulty: float, last_review: int) -> str:
    # Same keys and rounding as rslib's CardData::convert_to_json, so the scheduler reads a
    # memory state and never has to replay the revlog to compute one.
    return (
        f'{{"pos":{pos},"s":{stability:.4f},"d":{difficulty:.3f},'
        f'"dr":{DESIRED_RETENTION},"decay":{FSRS_DECAY},"lrt":{last_review}}}'
    )


def _revlog_counts(rng: random.Random, intervals: Sequence[int], total: int) -> list[int]:
    """Split ``total`` revlog rows over cards: at least one each, more for long intervals."""
    counts = [1] * len(intervals)
    spare = total - len(intervals)
    if spare <= 0 or not intervals:
        return counts
    weights = [rng.uniform(0.5, 1.5) * (1.0 + math.log(ivl)) for ivl in intervals]
    total_w = sum(weights)
    for k, w in enumerate(weights):
        counts[k] += int(spare * w / total_w)
    for k in rng.choices(range(len(counts)), k=total - sum(counts)):
        counts[k] += 1
    return counts


def _generate(synth: _Synth, plan: _Plan, deck_ids: Sequence[int], n_reviews: int) -> None:
    """Fill ``synth.rows``: reviewed cards are the oldest notes, new cards the most recent."""
    rng = synth.rng
    n_cards = plan.n_review + plan.n_learning + plan.n_relearning + plan.n_new
    decks = rng.choices(deck_ids, DECK_WEIGHTS, k=n_cards)
    due_today = set(rng.sample(range(plan.n_review), plan.n_due))
    n_graduated = plan.n_review + plan.n_relearning
    intervals = [
        max(1, int(math.exp(rng.uniform(0.0, math.log(MAX_IVL_DAYS))))) for _ in range(n_graduated)
    ]
    # Learning cards have exactly one revlog row; the rest of the budget is spread out.
    counts = _revlog_counts(rng, intervals, n_reviews - plan.n_learning)

    base_nid = (synth.history_start - 40 * 86_400) * 1000
    for i in range(n_cards):
        nid = base_nid + i
        did = decks[i]
        pos = i + 1
        synth.add_note(nid, i)
        if i < plan.n_review:
            synth.add_reviewed_card(
                nid, did, pos, intervals[i], counts[i], due_today=i in due_today, relearning=False
            )
        elif i < n_graduated:
            synth.add_reviewed_card(
                nid, did, pos, intervals[i], counts[i], due_today=False, relearning=True
            )
        elif i < n_graduated + plan.n_learning:
            synth.add_learning_card(nid, did, pos)
        else:
            synth.add_card(nid, did, nid // 1000, CARD_TYPE_NEW, QUEUE_TYPE_NEW, pos)
    # Ascending primary keys turn the revlog inserts into B-tree appends.
    synth.rows.revlog.sort(key=lambda row: row[0])


def _build_collection(
    path: pathlib.Path, n_cards: int, n_reviews: int, n_answers: int, seed: int
) -> _BuildInfo:
    """Create the collection at ``path`` with raw SQL bulk inserts and close it."""
    col = anki.collection.Collection(str(path))
    try:
        # The v3 scheduler is already on for new collections in this version. FSRS is the
        # plain "fsrs" config bool (BoolKey::Fsrs in rslib; pylib's Config.Bool has no
        # member for it). Default (empty) FSRS params mean FSRS-6 defaults.
        col.set_config("fsrs", True)
        deck_ids = [col.decks.add_normal_deck_with_name(name).id for name in DECK_NAMES]
        conf = col.decks.config_dict_for_deck_id(DeckId(deck_ids[0]))
        conf["new"]["perDay"] = NEW_PER_DAY
        conf["rev"]["perDay"] = REVIEWS_PER_DAY
        col.decks.update_config(conf)  # all five decks share this default preset

        basic = col.models.by_name("Basic")
        assert basic is not None
        db = _db(col)
        # A fresh collection's day 0 is today. Moving crt back HISTORY_DAYS makes it a
        # two-year-old collection whose day numbers (review due) are all positive.
        today = _sched(col).today + HISTORY_DAYS
        crt = int(db.scalar("select crt from col")) - HISTORY_DAYS * 86_400
        db.execute("update col set crt = ?", crt)

        plan = _Plan.for_sizes(n_cards, n_answers)
        synth = _Synth(random.Random(seed), int(basic["id"]), crt, today, int(time.time()))
        _generate(synth, plan, deck_ids, n_reviews)
        rows = synth.rows

        def insert_all() -> None:
            for sql, table in (
                ("insert into notes values (?,?,?,?,?,?,?,?,?,?,?)", rows.notes),
                ("insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.cards),
                ("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows.revlog),
            ):
                for chunk in _chunks(table, INSERT_CHUNK):
                    db.executemany(sql, chunk)

        # Raw inserts through DBProxy run in autocommit mode, so without one explicit
        # transaction every row would be its own fsynced commit.
        db.transact(insert_all)
        # Notes added later (e.g. an import) must get positions after ours.
        col.set_config("nextPos", n_cards + 1)
        return _BuildInfo(DeckId(deck_ids[0]), len(rows.revlog), plan.n_due)
    finally:
        col.close()


def _timed_open(path: pathlib.Path) -> tuple[float, dict[str, int]]:
    """One fresh open + deck-list counts; returns (ms, main deck counts)."""
    # Anki creates its backend once per process and reuses it for every profile open, so
    # backend start-up (i18n etc., ~10 ms) stays out of the timed region.
    backend = RustBackend()
    t0 = time.perf_counter_ns()
    col = anki.collection.Collection(str(path), backend=backend)
    tree = _sched(col).deck_due_tree()  # what the deck browser calls to draw its counts
    elapsed_ms = (time.perf_counter_ns() - t0) / 1e6
    try:
        main = next(child for child in tree.children if child.name == DECK_NAMES[0])
        counts = {"new": main.new_count, "learn": main.learn_count, "review": main.review_count}
    finally:
        col.close()
    return elapsed_ms, counts


class AnkiReviewer:
    """Anki's reviewer on an open collection, answer by answer as its screen does it:
    answer, fetch the next card with the day's counts, and the next card's four
    next-interval labels (what the answer buttons show)."""

    def __init__(self, path: pathlib.Path, main_deck: DeckId, seed: int) -> None:
        self.col = anki.collection.Collection(str(path))
        self.sched = _sched(self.col)
        self.col.decks.set_current(main_deck)
        # Its own stream, so changing the collection's size does not change the ratings.
        self.rng = random.Random(seed + 1_000_003)
        # The first fetch builds the day's queues; that belongs to "open the deck", not
        # to the per-answer cost, so it happens before any answer is timed.
        self.queued = self.sched.get_queued_cards(fetch_limit=1)
        self.card = self._shown()
        self.counts: tuple[int, int, int] = (0, 0, 0)
        self.labels: Sequence[str] = ()

    def _shown(self) -> Card:
        if not self.queued.cards:
            raise RuntimeError("Anki's queue ran dry")
        # As aqt's reviewer does: a Card from the queued backend card, timer on show.
        card = Card(self.col, backend_card=self.queued.cards[0].card)
        card.start_timer()
        return card

    def answer(self) -> float:
        """Answer the card on screen and show the next one; the milliseconds it took."""
        rating = self.rng.choices(RATINGS, RATING_WEIGHTS)[0]
        states = self.queued.cards[0].states
        t0 = time.perf_counter_ns()
        # No explicit commit is needed, or possible: in anki 26.9.3 col.save() and
        # col.autosave() are deprecated no-ops ("saving is automatic"). answer_card runs
        # in rslib's transact(), a "savepoint rust" ... "release rust" pair; with no
        # outer transaction open, the release is the COMMIT. The collection is WAL with
        # synchronous=FULL, so each answer fsyncs the WAL before returning (one fsync
        # per answer_card, checked with strace).
        self.sched.answer_card(self.sched.build_answer(card=self.card, states=states,
                                                       rating=rating))
        self.queued = self.sched.get_queued_cards(fetch_limit=1)
        self.counts = (self.queued.new_count, self.queued.learning_count,
                       self.queued.review_count)
        self.card = self._shown()
        self.labels = self.sched.describe_next_states(self.queued.cards[0].states)
        return (time.perf_counter_ns() - t0) / 1e6

    def close(self) -> None:
        """Close the collection."""
        self.col.close()


def build_collection(
    workdir: pathlib.Path, n_cards: int, n_reviews: int, n_answers: int, seed: int
) -> tuple[pathlib.Path, DeckId, float]:
    """Build the collection in ``workdir`` for ``n_answers`` answers in its main deck:
    its path, the main deck and the seconds it took."""
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "collection.anki2"
    if path.exists():
        raise FileExistsError(f"{path} already exists; use an empty workdir")
    t0 = time.perf_counter()
    info = _build_collection(path, n_cards, n_reviews, n_answers, seed)
    return path, info.main_deck_id, time.perf_counter() - t0


def open_ms(path: pathlib.Path) -> float:
    """Median of fresh opens that also compute every deck's counts."""
    return statistics.median(_timed_open(path)[0] for _ in range(OPEN_REPEATS))


def measure_anki(
    workdir: pathlib.Path,
    n_cards: int = 100_000,
    n_reviews: int = 1_000_000,
    n_answers: int = 1_000,
    seed: int = 1,
) -> dict[str, float]:
    """Build an Anki collection of n_cards cards and n_reviews revlog rows in workdir, then time it.

    Returns milliseconds for ``anki_open_ms`` (median of fresh opens that also compute
    every deck's due counts) and ``anki_answer_p50_ms``/``anki_answer_p99_ms`` (answer,
    committed to disk, then the next card, its counts and its next-interval labels), plus
    ``anki_build_s`` and descriptive extras (counts and sizes) for checking that the
    collection looked as intended. ``n_reviews`` is met exactly unless it is smaller than
    the number of reviewed cards (one row each).
    """
    if n_cards < 10 or n_answers < 1 or n_reviews < 0:
        raise ValueError("need n_cards >= 10, n_answers >= 1 and n_reviews >= 0")
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "collection.anki2"
    if path.exists():
        raise FileExistsError(f"{path} already exists; use an empty workdir")

    t0 = time.perf_counter()
    info = _build_collection(path, n_cards, n_reviews, n_answers, seed)
    build_s = time.perf_counter() - t0

    open_ms: list[float] = []
    main_counts: dict[str, int] = {}
    for _ in range(OPEN_REPEATS):
        ms, main_counts = _timed_open(path)
        open_ms.append(ms)

    reviewer = AnkiReviewer(path, info.main_deck_id, seed)
    try:
        answers = sorted(reviewer.answer() for _ in range(n_answers))
    finally:
        reviewer.close()

    return {
        "anki_answer_p50_ms": _percentile(answers, 50),
        "anki_answer_p99_ms": _percentile(answers, 99),
        "anki_answer_mean_ms": statistics.fmean(answers),
        "anki_answer_max_ms": answers[-1],
        "anki_open_ms": statistics.median(open_ms),
        "anki_open_min_ms": min(open_ms),
        "anki_build_s": build_s,
        "anki_cards": float(n_cards),
        "anki_revlog_rows": float(info.revlog_rows),
        "anki_due_review_cards": float(info.due_review_cards),
        "anki_main_deck_new": float(main_counts.get("new", 0)),
        "anki_main_deck_learn": float(main_counts.get("learn", 0)),
        "anki_main_deck_review": float(main_counts.get("review", 0)),
        "anki_answers": float(len(answers)),
        "anki_collection_mb": path.stat().st_size / 1e6,
    }


def _parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None, out: Callable[[str], object] = print) -> int:
    """Run :func:`measure_anki` in a temporary directory and print the figures as JSON."""
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory(prefix="anki-bench-") as tmp:
        result = measure_anki(
            pathlib.Path(tmp),
            n_cards=args.cards,
            n_reviews=args.reviews,
            n_answers=args.answers,
            seed=args.seed,
        )
    out(json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
