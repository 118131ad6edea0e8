"""Review latency and profile opening, ours against Anki's engine in the same run.

Builds a synthetic profile (100,000 cards in five decks, 1,000,000 review-log rows)
straight into SQLite, then measures through the core, as the window uses it:

* ``open_ms``: open the profile and compute today's counts for every deck;
* ``answer_p50_ms`` / ``answer_p99_ms``: answer one card and get the next one, commit
  included, over ``--answers`` answers.

The same shape of collection is built for Anki (bench/anki_engine.py) and timed with
its own scheduler. Prints one JSON object. Needs the ``bench`` extra for the Anki half.
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
from trainer.storage.timefmt import to_db
from trainer.study.service import StudyService

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


def build_profile(path: Path, n_cards: int, n_reviews: int, seed: int) -> None:
    """Write a realistic profile with raw SQL (not timed; the schema is the app's own)."""
    rng = random.Random(seed)
    clock = FakeClock(NOW)
    db = open_database(path, clock)
    conn = db.conn
    now_text = to_db(NOW)
    conn.execute("BEGIN")
    for deck in DECKS:
        conn.execute(
            "INSERT INTO decks (id, title, version, installed_at, updated_at, reviews_per_day) "
            "VALUES (?, ?, '1', ?, ?, ?)", (deck, deck.title(), now_text, now_text,
                                            REVIEWS_PER_DAY))
    items, states, reviewed = [], [], []
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
        if rng.random() < DUE_FRACTION:
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


def measure_ours(path: Path, n_answers: int, seed: int) -> dict[str, float]:
    """Time opening (with counts for every deck) and answer-then-next through the core."""
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

    clock = FakeClock(NOW)
    db = open_database(path, clock)
    service = StudyService(db, clock, settings)
    session = service.start(DECKS[0])
    rng = random.Random(seed)
    ratings = (Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.EASY)
    latencies = []
    for _ in range(n_answers):
        if session.current is None:
            break
        clock.advance(timedelta(seconds=8))
        rating = rng.choice(ratings)
        started = time.perf_counter_ns()
        session.answer(rating)
        latencies.append((time.perf_counter_ns() - started) / 1e6)
    db.close()
    return {
        "answers": len(latencies),
        "answer_p50_ms": round(statistics.median(latencies), 3),
        "answer_p99_ms": round(_percentile(latencies, 0.99), 3),
        "answer_max_ms": round(max(latencies), 3),
        "open_ms": round(statistics.median(opens), 2),
    }


def main() -> int:
    """Build both profiles, time both engines, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-anki", action="store_true")
    args = parser.parse_args()
    result: dict[str, object] = {"cards": args.cards, "reviews": args.reviews}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        started = time.perf_counter()
        build_profile(path, args.cards, args.reviews, args.seed)
        result["build_s"] = round(time.perf_counter() - started, 1)
        result.update(measure_ours(path, args.answers, args.seed))
        if not args.skip_anki:
            try:
                from anki_engine import measure_anki
            except ImportError as exc:
                result["anki_error"] = f"install the bench extra: {exc}"
            else:
                anki = measure_anki(Path(tmp) / "anki", args.cards, args.reviews, args.answers,
                                    args.seed)
                result.update(anki)
    if "anki_answer_p99_ms" in result:
        result["answer_p99_vs_anki"] = round(
            float(result["answer_p99_ms"]) / float(result["anki_answer_p99_ms"]), 2)  # type: ignore[arg-type]
        result["open_vs_anki"] = round(
            float(result["open_ms"]) / float(result["anki_open_ms"]), 2)  # type: ignore[arg-type]
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
