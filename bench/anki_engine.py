"""Reference half of the review-engine benchmark: Anki's own engine, measured in-process.

Builds a synthetic but scheduler-valid Anki collection with the real ``anki`` package
(pinned in the ``bench`` extra), then times the two things a user feels:

* ``anki_open_ms``: open the collection from disk and compute today's counts for every deck
  (what Anki's deck browser does right after a profile is opened);
* ``anki_answer_p50_ms`` / ``anki_answer_p99_ms``: answer one card and fetch the next one,
  including the commit to disk.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# anki.collection must be imported before anki.cards: importing anki.cards first fails
# with a circular import (cards -> collection -> hooks_gen -> cards) in anki 26.9.3.
import anki.collection
from anki._backend import RustBackend
from anki.cards import Card
from anki.dbproxy import DBProxy, ValueForDB
from anki.decks import DeckId
from anki.scheduler.v3 import CardAnswer, Scheduler
from anki.utils import base91

__all__ = ["measure_anki"]

# Five decks so that "counts for every deck" has real work to do; the first one is the
# deck being studied and holds half of the cards.
DECK_NAMES: tuple[str, ...] = ("Sales", "Products", "Objections", "Competitors", "Pricing")
DECK_WEIGHTS: tuple[float, ...] = (0.5, 0.125, 0.125, 0.125, 0.125)

HISTORY_DAYS = 730  # the synthetic user has been studying for about two years
NEW_FRACTION = 0.5
LEARNING_FRACTION = 0.005
DUE_FRACTION = 0.06  # share of review cards due today: a few thousand at full size

# Anki's defaults are 20 new / 200 reviews a day. 200 reviews would starve a 1,000-answer
# run, so reviews get the "no practical limit" value many heavy users set.
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

# Card/queue type codes from anki.consts, spelled out so the SQL below reads on its own.
CARD_TYPE_NEW, CARD_TYPE_LRN, CARD_TYPE_REV, CARD_TYPE_RELEARNING = 0, 1, 2, 3
QUEUE_TYPE_NEW, QUEUE_TYPE_LRN, QUEUE_TYPE_REV = 0, 1, 2
REVLOG_LRN, REVLOG_REV = 0, 1

# FSRS-6's default decay (w20 = 0.1542), stored rounded to 3 places as Anki writes it.
FSRS_DECAY = 0.154
DESIRED_RETENTION = 0.9
LEARN_STEP_SECS = 600

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
) -> Iterable[list[Sequence[ValueForDB]]]:
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])


def _field_checksum(text: str) -> int:
    """Anki's notes.csum: first 32 bits of SHA-1 of the HTML-stripped sort field."""
    # anki.utils.field_checksum does the same but strips HTML through the backend's i18n
    # object, which only exists once a GUI has set a language (it is None here), and costs
    # a backend call per note. Our fields are plain text, so stripping is the identity.
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:4], "big")


def _fsrs_data(pos: int, stability: float, difficulty: float, last_review: int) -> str:
    # Same keys and rounding as rslib's CardData::convert_to_json, so the scheduler reads
    # a memory state and never has to replay the revlog to compute one.
    return (
        f'{{"pos":{pos},"s":{stability:.4f},"d":{difficulty:.3f},'
        f'"dr":{DESIRED_RETENTION},"decay":{FSRS_DECAY},"lrt":{last_review}}}'
    )


def _card_row(
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
) -> tuple[ValueForDB, ...]:
    """A ``cards`` row in column order; card id == note id, as Anki assigns for one template."""
    # usn -1 = "not synced yet"; ord/odue/odid/flags are 0 (Basic, no filtered decks/flags).
    return (
        nid,
        nid,
        did,
        0,
        mod,
        -1,
        ctype,
        queue,
        due,
        ivl,
        factor,
        reps,
        lapses,
        left,
        0,
        0,
        0,
        data,
    )


def _note_fields(i: int, rng: random.Random) -> tuple[str, str]:
    topic = TOPICS[i % len(TOPICS)]
    front = f"Card {i}: in a {topic}, the prospect says it costs too much. What do you ask next?"
    back = (
        f"Acknowledge, then quantify the cost of inaction for {topic} #{rng.randrange(1000)}: "
        "ask which outcome matters most this quarter and what delay would cost them."
    )
    return front, back


def _review_history(
    rng: random.Random,
    count: int,
    first_ts: int,
    last_ts: int,
    final_ivl: int,
) -> list[tuple[int, int, int]]:
    """(timestamp_s, ease, ivl_days) for ``count`` reviews ending at ``last_ts``."""
    if count == 1:
        stamps = [last_ts]
    else:
        stamps = sorted(rng.randrange(first_ts, last_ts) for _ in range(count - 1))
        stamps.append(last_ts)
    history: list[tuple[int, int, int]] = []
    for j, ts in enumerate(stamps):
        ivl = final_ivl if j == count - 1 else max(1, round((stamps[j + 1] - ts) / 86_400))
        ease = 3 if j == 0 else rng.choices((1, 2, 3, 4), HISTORY_EASE_WEIGHTS)[0]
        history.append((ts, ease, ivl))
    return history


def _build_collection(
    path: pathlib.Path, n_cards: int, n_reviews: int, n_answers: int, seed: int
) -> _BuildInfo:
    """Create the collection at ``path`` with raw SQL bulk inserts and close it."""
    rng = random.Random(seed)
    col = anki.collection.Collection(str(path))
    try:
        # The v3 scheduler is already on for new collections in this version; FSRS is the
        # plain "fsrs" config bool (BoolKey::Fsrs in rslib; pylib has no enum member for it).
        col.set_config("fsrs", True)
        deck_ids = [col.decks.add_normal_deck_with_name(name).id for name in DECK_NAMES]
        main_deck = DeckId(deck_ids[0])
        conf = col.decks.config_dict_for_deck_id(main_deck)
        conf["new"]["perDay"] = NEW_PER_DAY
        conf["rev"]["perDay"] = REVIEWS_PER_DAY
        col.decks.update_config(conf)  # all five decks share the default preset

        basic = col.models.by_name("Basic")
        assert basic is not None
        mid = int(basic["id"])

        db = _db(col)
        # A fresh collection's day 0 is today. Moving crt back HISTORY_DAYS makes this a
        # two-year-old collection, so day numbers (review due/ivl) are all non-negative.
        today = _sched(col).today + HISTORY_DAYS
        crt = int(db.scalar("select crt from col")) - HISTORY_DAYS * 86_400
        db.execute("update col set crt = ?", crt)

        now = int(time.time())
        history_start = now - HISTORY_DAYS * 86_400

        n_learning = max(1, round(n_cards * LEARNING_FRACTION)) if n_cards >= 10 else 0
        n_new = round(n_cards * NEW_FRACTION)
        n_review = max(0, n_cards - n_new - n_learning)
        # Enough due reviews that the studied deck (half the cards) cannot run dry during
        # the answer loop, but otherwise the realistic "a few percent due today".
        n_due = min(n_review, max(round(n_review * DUE_FRACTION), math.ceil(2.5 * n_answers)))
        n_relearning = n_learning // 3

        decks = rng.choices(deck_ids, DECK_WEIGHTS, k=n_cards)
        # Reviewed cards are the older notes (low ids/positions), new cards the recent ones.
        review_order = list(range(n_review))
        rng.shuffle(review_order)
        due_today = set(review_order[:n_due])

        # Revlog budget: learning cards get one entry each, everything else is spread over
        # review/relearning cards, weighted towards long intervals (i.e. older cards).
        n_hist_cards = n_review + n_relearning
        intervals = [
            max(1, min(int(math.exp(rng.uniform(0.0, math.log(400.0)))), HISTORY_DAYS - 40))
            for _ in range(n_hist_cards)
        ]
        weights = [rng.uniform(0.5, 1.5) * (1.0 + math.log(ivl)) for ivl in intervals]
        spare = n_reviews - (n_learning - n_relearning) - n_hist_cards
        counts = [1] * n_hist_cards
        if spare > 0 and n_hist_cards:
            total_w = sum(weights)
            for k, w in enumerate(weights):
                counts[k] += int(spare * w / total_w)
            for k in rng.choices(
                range(n_hist_cards), k=n_reviews - n_learning + n_relearning - sum(counts)
            ):
                counts[k] += 1

        base_ms = (history_start - 40 * 86_400) * 1000
        notes: list[tuple[ValueForDB, ...]] = []
        cards: list[tuple[ValueForDB, ...]] = []
        revlog: list[tuple[int, ...]] = []
        seen_ids: set[int] = set()

        def revlog_id(ts: int) -> int:
            # Revlog ids are answer times in ms and the primary key: nudge collisions.
            rid = ts * 1000 + rng.randrange(1000)
            while rid in seen_ids:
                rid += 1
            seen_ids.add(rid)
            return rid

        for i in range(n_cards):
            nid = base_ms + i
            front, back = _note_fields(i, rng)
            guid = base91(rng.getrandbits(64))
            note_mod = nid // 1000
            notes.append(
                (
                    nid,
                    guid,
                    mid,
                    note_mod,
                    -1,
                    "",
                    f"{front}\x1f{back}",
                    front,
                    _field_checksum(front),
                    0,
                    "",
                )
            )
            did = decks[i]
            pos = i + 1

            if i >= n_review + n_learning:  # new
                cards.append(_card_row(nid, did, note_mod, CARD_TYPE_NEW, QUEUE_TYPE_NEW, pos))
                continue

            if n_review <= i < n_review + n_learning - n_relearning:  # first-time learning
                last = now - rng.randrange(60, 3_600)
                stability, difficulty = rng.uniform(0.5, 3.0), rng.uniform(3.0, 7.0)
                revlog.append(
                    (
                        revlog_id(last),
                        nid,
                        -1,
                        3,
                        -LEARN_STEP_SECS,
                        0,
                        round(difficulty * 100),
                        rng.randrange(2_000, 20_000),
                        REVLOG_LRN,
                    )
                )
                data = _fsrs_data(pos, stability, difficulty, last)
                due = last + LEARN_STEP_SECS
                cards.append(
                    _card_row(
                        nid,
                        did,
                        last,
                        CARD_TYPE_LRN,
                        QUEUE_TYPE_LRN,
                        due,
                        reps=1,
                        left=1,
                        data=data,
                    )
                )
                continue

            k = i if i < n_review else i - n_learning + n_relearning
            ivl = intervals[k]
            difficulty = min(10.0, max(1.0, rng.gauss(5.0, 1.8)))
            if i < n_review:
                if i in due_today:
                    overdue = 0 if rng.random() < 0.7 else rng.randrange(1, 8)
                    due = today - overdue
                else:
                    due = today + rng.randint(1, ivl)
                last_day = due - ivl
                last = crt + last_day * 86_400 + rng.randrange(8 * 3_600, 20 * 3_600)
                last = min(last, now - rng.randrange(60, 3_600))
                stability = ivl * rng.uniform(0.85, 1.15)
            else:  # relearning: lapsed earlier today, waiting for its 10-minute step
                last = now - rng.randrange(60, 3_600)
                due = last + LEARN_STEP_SECS
                stability = rng.uniform(1.0, 5.0)
            first = max(history_start, last - ivl * 86_400 * max(1, counts[k]))
            history = _review_history(
                rng,
                counts[k],
                min(first, last - 1),
                last,
                ivl if i < n_review else -LEARN_STEP_SECS,
            )
            if i >= n_review:
                ts, _, _ = history[-1]
                history[-1] = (ts, 1, -LEARN_STEP_SECS)
            lapses = sum(1 for j, (_, ease, _) in enumerate(history) if j and ease == 1)
            last_ivl = 0
            factor = round(difficulty * 100)
            for j, (ts, ease, h_ivl) in enumerate(history):
                revlog.append(
                    (
                        revlog_id(ts),
                        nid,
                        -1,
                        ease,
                        h_ivl,
                        last_ivl,
                        factor,
                        rng.randrange(2_000, 20_000),
                        REVLOG_LRN if j == 0 else REVLOG_REV,
                    )
                )
                last_ivl = h_ivl
            data = _fsrs_data(pos, stability, difficulty, last)
            if i < n_review:
                cards.append(
                    _card_row(
                        nid,
                        did,
                        last,
                        CARD_TYPE_REV,
                        QUEUE_TYPE_REV,
                        due,
                        ivl=ivl,
                        factor=2500,
                        reps=len(history),
                        lapses=lapses,
                        data=data,
                    )
                )
            else:
                cards.append(
                    _card_row(
                        nid,
                        did,
                        last,
                        CARD_TYPE_RELEARNING,
                        QUEUE_TYPE_LRN,
                        due,
                        ivl=1,
                        factor=2500,
                        reps=len(history),
                        lapses=max(1, lapses),
                        left=1,
                        data=data,
                    )
                )

        # Ascending primary keys turn the inserts into B-tree appends.
        revlog.sort(key=lambda row: row[0])

        def insert_all() -> None:
            for sql, rows in (
                ("insert into notes values (?,?,?,?,?,?,?,?,?,?,?)", notes),
                ("insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards),
                ("insert into revlog values (?,?,?,?,?,?,?,?,?)", revlog),
            ):
                for chunk in _chunks(rows, INSERT_CHUNK):
                    db.executemany(sql, chunk)

        # DBProxy is in autocommit mode between backend ops, so without one explicit
        # transaction every executemany row would be its own fsynced commit.
        db.transact(insert_all)
        # New cards added later (e.g. by an import) must get positions after ours.
        col.set_config("nextPos", n_cards + 1)
        return _BuildInfo(main_deck_id=main_deck, revlog_rows=len(revlog), due_review_cards=n_due)
    finally:
        col.close()


def _timed_open(path: pathlib.Path) -> tuple[float, dict[str, int]]:
    """One fresh open + deck-list counts; returns (ms, main deck counts)."""
    # Anki creates its backend once per process and reuses it for every profile open, so
    # backend start-up (i18n etc., ~10 ms) is kept out of the timed region.
    backend = RustBackend()
    t0 = time.perf_counter_ns()
    col = anki.collection.Collection(str(path), backend=backend)
    tree = _sched(col).deck_due_tree()
    elapsed_ms = (time.perf_counter_ns() - t0) / 1e6
    try:
        main = next(child for child in tree.children if child.name == DECK_NAMES[0])
        counts = {"new": main.new_count, "learn": main.learn_count, "review": main.review_count}
    finally:
        col.close()
    return elapsed_ms, counts


def _timed_answers(
    path: pathlib.Path, main_deck: DeckId, n_answers: int, rng: random.Random
) -> list[float]:
    """Answer ``n_answers`` cards in the main deck; per answer ms (answer + next fetch)."""
    col = anki.collection.Collection(str(path))
    try:
        sched = _sched(col)
        col.decks.set_current(main_deck)
        # The first fetch builds the day's queues; that belongs to "open the deck", not to
        # the per-answer cost, so it happens before the loop.
        queued = sched.get_queued_cards(fetch_limit=1)
        timings: list[float] = []
        for n in range(n_answers):
            if not queued.cards:
                raise RuntimeError(f"Anki's queue ran dry after {n} answers; build more due cards")
            top = queued.cards[0]
            # Mirrors aqt's reviewer: Card from the queued backend card, timer on show.
            card = Card(col, backend_card=top.card)
            card.start_timer()
            rating = rng.choices(RATINGS, RATING_WEIGHTS)[0]
            t0 = time.perf_counter_ns()
            # No explicit commit needed (or possible): in anki 26.9.3 col.save()/autosave()
            # are deprecated no-ops ("saving is automatic"). answer_card runs inside rslib's
            # transact(), a "savepoint rust" ... "release rust" pair; with no outer
            # transaction open the release is the COMMIT, and the collection runs WAL with
            # synchronous=FULL, so every answer is fsynced before answer_card returns.
            sched.answer_card(sched.build_answer(card=card, states=top.states, rating=rating))
            queued = sched.get_queued_cards(fetch_limit=1)
            timings.append((time.perf_counter_ns() - t0) / 1e6)
        return timings
    finally:
        col.close()


def measure_anki(
    workdir: pathlib.Path,
    n_cards: int = 100_000,
    n_reviews: int = 1_000_000,
    n_answers: int = 1_000,
    seed: int = 1,
) -> dict[str, float]:
    """Build an Anki collection of n_cards cards and n_reviews revlog rows in workdir, then time it.

    Returns milliseconds for ``anki_open_ms`` (median of fresh opens that also compute
    every deck's due counts) and ``anki_answer_p50_ms``/``anki_answer_p99_ms`` (answer +
    fetch next card, committed to disk), plus ``anki_build_s`` and a few descriptive
    extras (counts and sizes) so a reader can check that the collection looked sane.
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

    # A separate stream from the build's, so changing sizes does not change the ratings.
    answers = sorted(
        _timed_answers(path, info.main_deck_id, n_answers, random.Random(seed + 1_000_003))
    )

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
