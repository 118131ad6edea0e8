"""Review latency and profile opening, ours against Anki's engine in the same run.

Builds a synthetic profile (100,000 cards in five decks, 1,000,000 review-log rows)
straight into SQLite, and the same shape of collection for Anki (bench/anki_engine.py),
then measures both as their review screens use them:

* ``open_ms``: open the profile and compute today's counts for every deck;
* ``answer_p50_ms`` / ``answer_p99_ms``: one answer as trainer/gui/review_view.py makes
  it: answer (commit included) and next card, the counts line, and the next card's four
  button intervals; Anki's the same way (answer, next card with its counts, its
  next-interval labels). The two are interleaved, ``--batch`` answers at a time, over
  ``--rounds`` rounds of ``--answers`` each; ``answer_p99_vs_anki`` is {min, median,
  max} over the rounds of our p99 over Anki's;
* ``statements_per_answer``: SQL statements per answer, as SQLite's trace callback sees
  them, less its repeats: it reports a statement again at the start of each trigger the
  statement fires (the answer's INSERT keeps the statistics' hourly summary), which is
  work inside SQLite, not another statement; ``trace_calls_per_answer`` counts them all.

Then the same again at ``--big-cards`` (1,000,000; 0 leaves it out), printed as
``answer_p99_vs_anki_1m`` and under ``big``. Prints one JSON object. Needs the ``bench``
extra for the Anki half (``--skip-anki`` without it).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from trainer.clock import FakeClock
from trainer.domain.scheduling import Phase, Rating
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.tidier import Tidier
from trainer.storage.timefmt import to_db
from trainer.study.service import StudyService
from trainer.study.wording import format_interval

DECKS = ("sales", "products", "objections", "competitors", "pricing")
DECK_WEIGHTS = (0.5, 0.125, 0.125, 0.125, 0.125)
NEW_FRACTION = 0.5
LEARNING_FRACTION = 0.005
DUE_FRACTION = 0.06
HISTORY_DAYS = 730
# As in the Anki half: 200 reviews a day would end a 1,000-answer run early.
REVIEWS_PER_DAY = 9999
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def build_profile(path: Path, n_cards: int, n_reviews: int, seed: int,
                  n_answers: int = 1_000) -> None:
    """Write a realistic profile with raw SQL (not timed; the schema is the app's own).
    As in the Anki half, enough reviews are due today for ``n_answers`` answers."""
    rng = random.Random(seed)
    reviewed_share = 1 - NEW_FRACTION - LEARNING_FRACTION
    due_fraction = min(1.0, max(DUE_FRACTION, 2.5 * n_answers / (n_cards * reviewed_share)))
    clock = FakeClock(NOW)
    db = open_database(path, clock)
    conn = db.conn
    # Building only: the indexes are filled in random order, which a 2 MB cache makes
    # a disk read per row; nothing needs to survive a crash until the file is closed.
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("PRAGMA synchronous = OFF")
    now_text = to_db(NOW)
    conn.execute("BEGIN")
    for deck in DECKS:
        conn.execute(
            "INSERT INTO decks (id, title, version, installed_at, updated_at, reviews_per_day) "
            "VALUES (?, ?, '1', ?, ?, ?)", (deck, deck.title(), now_text, now_text,
                                            REVIEWS_PER_DAY))
    items, reviewed = [], []
    states: list[tuple[object, ...]] = []
    for i in range(n_cards):
        deck = rng.choices(DECKS, DECK_WEIGHTS)[0]
        items.append((i + 1, deck, f"c{i}", "topic", f"Front of card {i}", f"Back of card {i}",
                      i, now_text, now_text))
        roll = rng.random()
        if roll < NEW_FRACTION:
            states.append((i + 1, deck, i, 0, None, None, None, None, None, 0, 0))
            continue
        reviewed.append((i + 1, deck))
        if roll < NEW_FRACTION + LEARNING_FRACTION:
            due = NOW + timedelta(minutes=rng.randint(-30, 30))
            states.append((i + 1, deck, i, int(Phase.LEARNING), 0, 2.0, 6.0, to_db(due),
                           to_db(due - timedelta(minutes=10)), 1, 0))
            continue
        interval = rng.randint(1, 400)
        if rng.random() < due_fraction:
            due = NOW - timedelta(days=rng.randint(0, 5), hours=rng.randint(0, 5))
        else:
            due = NOW + timedelta(days=rng.randint(1, interval))
        states.append((i + 1, deck, i, int(Phase.REVIEW), None, float(interval),
                       rng.uniform(2, 9), to_db(due), to_db(due - timedelta(days=interval)),
                       rng.randint(2, 30), rng.randint(0, 3)))
    conn.executemany(
        "INSERT INTO items (id, deck_id, key, topic, front, back, position, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", items)
    conn.executemany(
        "INSERT INTO item_state (item_id, deck_id, position, phase, step, stability, "
        "difficulty, due, last_review, reps, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        states)
    state_json = '{"phase":2,"step":null,"stability":10.0,"difficulty":5.0,' \
                 '"due":null,"last_review":null,"reps":3,"lapses":0}'
    start = NOW - timedelta(days=HISTORY_DAYS)
    span = int(timedelta(days=HISTORY_DAYS - 1).total_seconds())
    times = sorted(rng.randrange(span) for _ in range(n_reviews))
    rows = []
    for n, offset in enumerate(times):
        item_id, deck = reviewed[rng.randrange(len(reviewed))]
        rows.append((item_id, deck, to_db(start + timedelta(seconds=offset, microseconds=n % 997)),
                     rng.choice((1, 3, 3, 3, 3, 2, 4)), rng.randint(2000, 15000),
                     2, state_json, state_json))
        if len(rows) == 100_000:
            conn.executemany(
                "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, duration_ms, "
                "phase_before, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows = []
    if rows:
        conn.executemany(
            "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, duration_ms, "
            "phase_before, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    db.close()


def ours_open_ms(path: Path) -> float:
    """Median of five opens that also compute today's counts for every deck."""
    settings = StudySettings(timezone=UTC)
    opens = []
    for _ in range(5):
        clock = FakeClock(NOW)
        started = time.perf_counter_ns()
        db = open_database(path, clock)
        counts = StudyService(db, clock, settings).deck_counts()
        opens.append((time.perf_counter_ns() - started) / 1e6)
        assert counts and counts[0].counts.total > 0
        db.close()
    return statistics.median(opens)


class OurReviewer:
    """Our review screen's calls for one answer (trainer/gui/review_view.py): answer
    (commit and next card), the counts line, and the next card's four intervals as the
    buttons word them."""

    RATINGS = (Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.EASY)

    def __init__(self, path: Path, seed: int) -> None:
        self.clock = FakeClock(NOW)
        self.db = open_database(path, self.clock)
        self.session = StudyService(self.db, self.clock,
                                    StudySettings(timezone=UTC)).start(DECKS[0])
        self.rng = random.Random(seed)
        self.tidier = Tidier(self.db)
        # Milliseconds of each checkpoint run between answers (not part of an answer).
        self.tidied: list[float] = []

    def tidy(self) -> None:
        """What the window does while it waits for the rep (trainer/gui/keeper.py):
        checkpoint the write-ahead log once enough was written, on a worker thread,
        here waited for as the rep reads the card meanwhile, and the next tick, which
        starts the log again. Timed apart."""
        started = time.perf_counter_ns()
        if self.tidier.tidy():
            self.tidier.wait()
            self.tidier.tidy()
            self.tidied.append((time.perf_counter_ns() - started) / 1e6)

    def answer(self) -> float:
        """Answer the card on screen as the screen does; the milliseconds it took."""
        if self.session.current is None:
            raise RuntimeError("our queue ran dry")
        self.clock.advance(timedelta(seconds=8))
        rating = self.rng.choice(self.RATINGS)
        started = time.perf_counter_ns()
        shown = self.session.answer(rating)
        self.session.counts()
        if shown is not None:
            [format_interval(i) for i in self.session.intervals().values()]
        return (time.perf_counter_ns() - started) / 1e6

    def statements(self, answers: int) -> tuple[list[int], list[int]]:
        """SQL statements per answer, and trace calls per answer: the trace callback
        repeats a statement for each trigger it fires, and the first count leaves those
        repeats out (as tests/study/test_running_counts.py does)."""
        seen: list[str] = []
        per_answer, calls = [], []
        self.db.conn.set_trace_callback(seen.append)
        try:
            for _ in range(answers):
                seen.clear()
                self.answer()
                calls.append(len(seen))
                repeats = sum(1 for now, before in zip(seen[1:], seen, strict=False)
                              if now == before)
                per_answer.append(len(seen) - repeats)
        finally:
            self.db.conn.set_trace_callback(None)
        return per_answer, calls

    def close(self) -> None:
        """Close the profile."""
        self.tidier.halt()
        self.db.close()


def spread(values: list[float], digits: int = 2) -> dict[str, float]:
    """{min, median, max} of ``values``."""
    return {"min": round(min(values), digits), "median": round(statistics.median(values), digits),
            "max": round(max(values), digits)}


def run_size(tmp: Path, n_cards: int, args: argparse.Namespace) -> dict[str, object]:
    """Build both profiles of ``n_cards`` cards and time both reviewers, interleaved: in
    every round each answers ``--answers`` cards in alternating batches."""
    out: dict[str, object] = {}
    path = tmp / f"ours-{n_cards}.sqlite"
    started = time.perf_counter()
    build_profile(path, n_cards, args.reviews, args.seed, args.rounds * args.answers)
    out["build_s"] = round(time.perf_counter() - started, 1)
    out["open_ms"] = round(ours_open_ms(path), 2)
    anki = None
    if not args.skip_anki:
        from anki_engine import AnkiReviewer, build_collection, open_ms

        anki_path, deck, build_s = build_collection(
            tmp / f"anki-{n_cards}", n_cards, args.reviews, args.rounds * args.answers,
            args.seed)
        out["anki_build_s"] = round(build_s, 1)
        out["anki_open_ms"] = round(open_ms(anki_path), 2)
        anki = AnkiReviewer(anki_path, deck, args.seed)
    ours = OurReviewer(path, args.seed)
    p50, p99, anki_p50, anki_p99, ratios = [], [], [], [], []
    try:
        for _ in range(args.rounds):
            mine: list[float] = []
            theirs: list[float] = []
            for batch in range(0, args.answers, args.batch):
                size = min(args.batch, args.answers - batch)
                # Who goes first alternates too, so neither always runs on a warm cache.
                order = (0, 1) if batch // args.batch % 2 == 0 else (1, 0)
                for who in order:
                    if who == 0:
                        for _ in range(size):
                            mine.append(ours.answer())
                            ours.tidy()
                    elif anki is not None:
                        theirs += [anki.answer() for _ in range(size)]
            p50.append(statistics.median(mine))
            p99.append(_percentile(mine, 0.99))
            if theirs:
                anki_p50.append(statistics.median(theirs))
                anki_p99.append(_percentile(theirs, 0.99))
                ratios.append(p99[-1] / anki_p99[-1])
        sent, calls = ours.statements(50)
        out["statements_per_answer"] = spread([float(n) for n in sent], 0)
        out["trace_calls_per_answer"] = spread([float(n) for n in calls], 0)
    finally:
        ours.close()
        if anki is not None:
            anki.close()
    if ours.tidied:
        out["idle_checkpoints"] = len(ours.tidied)
        out["idle_checkpoint_ms"] = spread(ours.tidied, 1)
    out["answer_p50_ms"] = spread(p50, 3)
    out["answer_p99_ms"] = spread(p99, 3)
    if ratios:
        out["anki_answer_p50_ms"] = spread(anki_p50, 3)
        out["anki_answer_p99_ms"] = spread(anki_p99, 3)
        out["answer_p99_vs_anki"] = spread(ratios)
        out["open_vs_anki"] = round(float(out["open_ms"]) / float(out["anki_open_ms"]), 2)  # type: ignore[arg-type]
    return out


def main() -> int:
    """Build the profiles, time both engines interleaved, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--big-cards", type=int, default=1_000_000,
                        help="the second, bigger profile (0: leave it out)")
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=500, help="per round and engine")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=50,
                        help="answers in a row before the other engine's turn")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-anki", action="store_true")
    args = parser.parse_args()
    if not args.skip_anki:
        try:
            import anki_engine  # noqa: F401
        except ImportError as exc:
            print(json.dumps({"anki_error": f"install the bench extra: {exc}"}))
            return 1
    result: dict[str, object] = {"cards": args.cards, "reviews": args.reviews,
                                 "answers": args.answers, "rounds": args.rounds}
    with tempfile.TemporaryDirectory() as tmp:
        small = run_size(Path(tmp), args.cards, args)
        result.update(small)
        if args.big_cards:
            big = run_size(Path(tmp), args.big_cards, args)
            result["big_cards"] = args.big_cards
            result["answer_p99_vs_anki_1m"] = big.pop("answer_p99_vs_anki", None)
            result["statements_per_answer_1m"] = big.pop("statements_per_answer")
            result["big"] = big
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
