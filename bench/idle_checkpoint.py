"""The idle checkpoint: on the window's thread (the code before) against a worker thread
(storage/tidier.py), with the log's restart on the window's connection, on another
connection, or left to the next answer; in one run, interleaved.

Builds one profile (review_latency.build_profile: ``--cards`` cards, ``--reviews``
review rows), copies it once per way below and answers on each in turn, ``--batch``
answers at a time, over ``--rounds`` rounds of ``--answers`` answers per way. After
each answer comes the window's one-second tick, and the rep reading the next card
(the worker is waited for), then the next tick:

* ``window``: ``Store.tidy`` on the window's thread and connection (before);
* ``worker``: ``Tidier.tidy`` (as the window now does): the checkpoint on a worker
  thread and connection, the log started again by the next tick on the window's;
* ``worker_restart_apart``: the same, but the log started again through another
  connection (as the worker's own would), the design this replaced;
* ``worker_no_restart``: the same with no restart: the next answer makes it.

Per way: ``window_ms``, the time the window's thread spent in each tick that started
(or, before, ran) a checkpoint; ``restart_ms``, in the next tick, which starts the log
again (on the window's thread, or waiting for the other connection); ``checkpoint_ms``, start
to end of each checkpoint; ``after_ms``, the first answer after each checkpoint;
``answer_p50_ms`` and ``answer_p99_ms`` over all answers, {min, median, max} over
rounds. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from review_latency import OurReviewer, _percentile, build_profile, spread

from trainer.storage.store import Store

WAYS = ("window", "worker", "worker_restart_apart", "worker_no_restart")


class Way:
    """One way of checkpointing, on its own copy of the profile."""

    def __init__(self, name: str, path: Path, seed: int) -> None:
        self.name = name
        self.reviewer = OurReviewer(path, seed)
        db = self.reviewer.db
        if name == "worker_no_restart":
            db.start_log_again = lambda: False  # type: ignore[method-assign]
        elif name == "worker_restart_apart":
            other = Store(sqlite3.connect(path, isolation_level=None), path)
            self.other = other
            db.start_log_again = other.start_log_again  # type: ignore[method-assign]
        self.window_ms: list[float] = []
        self.restart_ms: list[float] = []
        self.checkpoint_ms: list[float] = []
        self.after_ms: list[float] = []
        self.answers: list[float] = []
        self._after = False

    def step(self) -> None:
        """One answer, then the tick, the rep reading, and the next tick."""
        took = self.reviewer.answer()
        self.answers.append(took)
        if self._after:
            self.after_ms.append(took)
            self._after = False
        db, tidier = self.reviewer.db, self.reviewer.tidier
        started = time.perf_counter_ns()
        if self.name == "window":
            if db.tidy():
                self.window_ms.append(_ms(started))
                self.checkpoint_ms.append(self.window_ms[-1])
                self._after = True
            return
        if not tidier.tidy():
            return
        self.window_ms.append(_ms(started))
        tidier.wait()
        self.checkpoint_ms.append(_ms(started))
        started = time.perf_counter_ns()
        tidier.tidy()  # the next tick: the log starts again (in the ways that do)
        if self.name != "worker_no_restart":
            self.restart_ms.append(_ms(started))
        self._after = True

    def close(self) -> None:
        """Close the profile (and the other connection)."""
        self.reviewer.close()
        if self.name == "worker_restart_apart":
            self.other.close()

    def figures(self, per_round: list[list[float]]) -> dict[str, object]:
        """This way's figures as JSON."""
        out: dict[str, object] = {"checkpoints": len(self.checkpoint_ms)}
        for key, values in (("window_ms", self.window_ms), ("restart_ms", self.restart_ms),
                            ("checkpoint_ms", self.checkpoint_ms),
                            ("after_ms", self.after_ms)):
            if values:
                out[key] = spread(values, 2)
        out["answer_p50_ms"] = spread([statistics.median(r) for r in per_round], 2)
        out["answer_p99_ms"] = spread([_percentile(r, 0.99) for r in per_round], 2)
        return out


def _ms(started: int) -> float:
    return (time.perf_counter_ns() - started) / 1e6


def run(tmp: Path, args: argparse.Namespace) -> dict[str, object]:
    """Build the profile, copy it per way, answer on each in turn, collect figures."""
    built = tmp / "built.sqlite"
    n_answers = args.rounds * args.answers * 2
    build_profile(built, args.cards, args.reviews, args.seed, n_answers)
    names = WAYS
    ways: list[Way] = []
    for name in names:
        folder = tmp / name
        folder.mkdir()
        shutil.copyfile(built, folder / "trainer.sqlite")
        ways.append(Way(name, folder / "trainer.sqlite", args.seed))
    per_round: dict[str, list[list[float]]] = {name: [] for name in names}
    try:
        for round_ in range(args.rounds):
            counted = {way.name: len(way.answers) for way in ways}
            for batch in range(0, args.answers, args.batch):
                # The order turns every batch, so that no way always follows another.
                shift = (batch // args.batch + round_) % len(ways)
                for way in ways[shift:] + ways[:shift]:
                    for _ in range(min(args.batch, args.answers - batch)):
                        way.step()
            for way in ways:
                per_round[way.name].append(way.answers[counted[way.name]:])
    finally:
        for way in ways:
            way.close()
    return {way.name: way.figures(per_round[way.name]) for way in ways}


def main() -> int:
    """Time each way, interleaved; print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=200_000)
    parser.add_argument("--answers", type=int, default=500, help="per round and way")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = run(Path(tmp), args)
    out["args"] = vars(args)
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
