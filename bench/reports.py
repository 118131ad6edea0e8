"""Statistics, cohort reports and schedule optimization at the sizes the issue names.

* ``stats_ms``: every figure of the Statistics screen ("everything", last 30 days) for a
  profile of 100,000 items and 1,000,000 review-log rows (built as review_latency.py
  builds it); target <= 200 ms.
* ``cohort_ms``: read and merge 1,000 rep progress exports (each covering the five
  built-in decks) and write the HTML report and its CSV; target <= 3,000 ms. The files
  are read by one process per CPU; ``cohort_one_process_ms`` is the same in one (runs
  alternate). Both as {min, median, max}.
* ``export_peak_mb``: how far the peak resident memory (``ru_maxrss``) of a child
  process rises while it writes the progress export of a 1,000,000-answer profile,
  against its own peak before (imports done, profile open); target <= 300 MB, with the
  profile's and the file's size beside it. {min, median, max} over runs, each in a
  fresh child; ``export_ms`` is how long each took.
* ``topic_stats_365_ms``: the same figures for one topic over a year, as
  {min, median, max} of ``--runs`` runs; target <= 200 ms. ``all_decks_365_ms``, run
  interleaved with it, is every deck over the same year (the same answers: the
  profile's items share one topic).
* ``optimize_ms``: fit FSRS parameters on 100,000 reviews (simulated reps whose memory
  differs from the default model), check on the latest fifth included, as {min, median,
  max}; target <= 1,500 ms. ``optimize_helper_ms`` is the same with the check always in
  a helper process, ``optimize_one_process_ms`` never (by default the load decides),
  ``anki_optimize_ms`` Anki's own optimizer (its health check on) on the same answers,
  the four interleaved; ``optimize_cpu_ms`` each one's CPU time in this process, and
  ``optimize_load_average`` the one-minute load before and after.

Each other figure is the median of ``--runs`` runs. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from trainer.clock import FakeClock
from trainer.domain.quiz import Question, QuestionType
from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.storage.database import open_database
from trainer.storage.timefmt import to_db
from trainer.study.fsrs_adapter import FsrsScheduling, retrievability

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
    items: list[tuple[object, ...]] = []
    reviews: list[tuple[object, ...]] = []
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


def _spread_ms(times: list[float]) -> dict[str, float]:
    """min / median / max in ms of times in seconds."""
    return {"min": round(min(times) * 1000, 1), "median": round(statistics.median(times) * 1000, 1),
            "max": round(max(times) * 1000, 1)}


def anki_collection_like(profile: Path, path: Path) -> Callable[[], object] | None:
    """An Anki collection holding the profile's items as cards and its answers as Anki's
    revlog (learning, review or relearning by the phase before), and a function that
    runs Anki's "Optimize" on it (health check on: Anki's own time-series check); None
    without the anki package."""
    try:
        import anki.collection
    except ImportError:
        return None
    import sqlite3

    src = sqlite3.connect(profile)
    col = anki.collection.Collection(str(path))
    assert col.db is not None
    col.set_config("fsrs", True)
    deck_id = col.decks.id("Simulated")
    basic = col.models.by_name("Basic")
    assert basic is not None and deck_id is not None
    kinds = {int(Phase.NEW): 0, int(Phase.LEARNING): 0, int(Phase.REVIEW): 1,
             int(Phase.RELEARNING): 2}
    notes, cards, revlog, ids = [], [], [], set()
    for (item_id,) in src.execute("SELECT id FROM items ORDER BY id"):
        nid = 1_000_000_000_000 + item_id
        notes.append((nid, f"g{item_id}", basic["id"], 0, -1, "", f"card {item_id}\x1fb",
                      f"card {item_id}", 0, 0, ""))
        cards.append((nid, nid, deck_id, 0, 0, -1, 2, 2, 0, 1, 2500, 0, 0, 0, 0, 0, 0, "{}"))
    for item_id, at, rating, phase in src.execute(
            "SELECT item_id, reviewed_at, rating, phase_before FROM reviews ORDER BY id"):
        rid = int(datetime.fromisoformat(at).timestamp() * 1000)
        while rid in ids:  # revlog ids are answer times in ms and must be unique
            rid += 1
        ids.add(rid)
        revlog.append((rid, 1_000_000_000_000 + item_id, -1, rating, 1, 0, 2500, 5000,
                       kinds[phase]))
    src.close()

    def insert() -> None:
        assert col.db is not None
        col.db.executemany("insert into notes values (?,?,?,?,?,?,?,?,?,?,?)", notes)
        col.db.executemany("insert into cards values "
                           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)
        col.db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", revlog)

    col.db.transact(insert)

    def optimize_in_anki() -> object:
        return col._backend.compute_fsrs_params(
            search="", current_params=[], ignore_revlogs_before_ms=0,
            num_of_relearning_steps=len(SETTINGS.relearning_steps), health_check=True)

    return optimize_in_anki


def measure_optimize(folder: Path, n_reviews: int, runs: int, seed: int) -> dict[str, object]:
    """Time ``optimize`` (dry run: every run fits from the same defaults), check
    included (its helper process started and fed within each run) as it chooses, with
    the helper process always and never; Anki's optimizer on the same answers; runs
    interleaved. CPU times are this process's (the helper's not included)."""
    from trainer.study.optimizer import optimize

    path = folder / "optimize.sqlite"
    written = simulated_log_profile(path, n_reviews, seed)
    anki = anki_collection_like(path, folder / "optimize.anki2")
    db = open_database(path, FakeClock(NOW))
    walls: dict[str, list[float]] = {"ours": [], "helper": [], "one": [], "anki": []}
    cpus: dict[str, list[float]] = {"ours": [], "helper": [], "one": [], "anki": []}

    def timed(name: str, run: Callable[[], object]) -> None:
        started, cpu = time.perf_counter(), time.process_time()
        run()
        walls[name].append(time.perf_counter() - started)
        cpus[name].append(time.process_time() - cpu)

    try:
        result = optimize(db, SETTINGS, dry_run=True)
        load = os.getloadavg()[0]
        for _ in range(runs):
            timed("ours", lambda: optimize(db, SETTINGS, dry_run=True))
            timed("helper", lambda: optimize(db, SETTINGS, dry_run=True, workers=1))
            timed("one", lambda: optimize(db, SETTINGS, dry_run=True, workers=0))
            if anki is not None:
                timed("anki", anki)
    finally:
        db.close()
    held_out = result.held_out
    return {
        "optimize_reviews": written,
        "optimize_ms": _spread_ms(walls["ours"]),
        "optimize_helper_ms": _spread_ms(walls["helper"]),
        "optimize_one_process_ms": _spread_ms(walls["one"]),
        "anki_optimize_ms": _spread_ms(walls["anki"]) if walls["anki"] else None,
        "optimize_cpu_ms": {name: _spread_ms(times) for name, times in cpus.items() if times},
        "optimize_load_average": [round(load, 2), round(os.getloadavg()[0], 2)],
        "optimize_outcome": str(result.outcome),
        "optimize_log_loss": None if held_out is None else
        [round(held_out.before.log_loss, 4), round(held_out.after.log_loss, 4)],
    }


def measure_stats(folder: Path, runs: int, seed: int) -> dict[str, object]:
    """Time the Statistics screen's figures on review_latency.py's big profile."""
    from review_latency import build_profile

    from trainer.reports.stats import compute_stats

    path = folder / "stats.sqlite"
    build_profile(path, 100_000, 1_000_000, seed)
    clock = FakeClock(datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
    db = open_database(path, clock)
    try:
        compute_stats(db, clock, SETTINGS)  # first run warms SQLite's page cache
        month = _median_ms(lambda: compute_stats(db, clock, SETTINGS), runs)
        year_start = clock().date() - timedelta(days=364)
        year = _median_ms(lambda: compute_stats(db, clock, SETTINGS, start=year_start), runs)
    finally:
        db.close()
    return {"stats_reviews": 1_000_000, "stats_ms": month, "stats_365_days_ms": year,
            **measure_topic_stats(path, runs)}


def measure_topic_stats(path: Path, runs: int) -> dict[str, object]:
    """Time one topic's figures over a year. review_latency.py writes its answers
    without their topic, so they get it as migration 0011 gives an old profile's; its
    items all share one topic, the heaviest case: every answer is in it."""
    from trainer.reports.stats import compute_stats

    clock = FakeClock(datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
    db = open_database(path, clock)
    try:
        with db.atomic():
            db.execute("UPDATE reviews SET topic = "
                       "(SELECT topic FROM items WHERE items.id = reviews.item_id)")
        db.execute("ANALYZE")
        topic = db.execute("SELECT topic FROM items LIMIT 1").fetchone()[0]
        year_start = clock().date() - timedelta(days=364)

        def year(scope: str | None) -> object:
            return compute_stats(db, clock, SETTINGS, topic=scope, start=year_start)

        year(topic)
        # The reference, interleaved: every deck over the same year, the same answers.
        times: dict[str | None, list[float]] = {topic: [], None: []}
        for _ in range(runs):
            for scope in (topic, None):
                started = time.perf_counter()
                year(scope)
                times[scope].append(time.perf_counter() - started)
        answers = db.execute("SELECT count(*) FROM reviews WHERE topic = ? AND reviewed_at >= ?",
                             [topic, to_db(datetime.combine(year_start, datetime.min.time(),
                                                            UTC))]).fetchone()[0]
    finally:
        db.close()
    return {"topic_stats_365_ms": _spread_ms(times[topic]), "topic_stats_365_answers": answers,
            "all_decks_365_ms": _spread_ms(times[None])}


def _right(question: Question) -> Response:
    if question.type is QuestionType.SHORTANSWER:
        return Response(text=question.options[0].text)
    if question.type is QuestionType.TRUEFALSE:
        return Response(truth=question.answer)
    if question.type is QuestionType.MATCHING:
        return Response(matches=tuple(pair.right for pair in question.pairs))
    if question.type is QuestionType.ORDERING:
        return Response(order=question.steps)
    if question.type is QuestionType.MULTIPLE:
        return Response(chosen=tuple(o.id for o in question.options if o.value > 0))
    return Response(chosen=(max(question.options, key=lambda o: o.value).id,))


def _wrong(question: Question) -> Response:
    if question.type is QuestionType.SHORTANSWER:
        return Response(text="?")
    if question.type is QuestionType.TRUEFALSE:
        return Response(truth=not question.answer)
    if question.type is QuestionType.MATCHING:
        rights = [pair.right for pair in question.pairs]
        return Response(matches=tuple(rights[1:] + rights[:1]))
    if question.type is QuestionType.ORDERING:
        return Response(order=tuple(reversed(question.steps)))
    return Response(chosen=(min(question.options, key=lambda o: o.value).id,))


def simulate_rep(root: Path, name: str, skill: float, seed: int) -> dict[str, object]:
    """Two weeks of one rep on the built-in decks (cards every day, each quiz twice, each
    self-check once), exported with the real exporter."""
    from trainer.app import open_services
    from trainer.config import Config
    from trainer.reports.progress_export import build_export

    rng = random.Random(seed)
    clock = FakeClock(NOW - timedelta(days=14))
    services = open_services(Config(root / name), clock, SETTINGS)
    try:
        services.paths.progress()
        for day in range(14):
            for deck_id, in services.db.execute("SELECT id FROM decks").fetchall():
                session = services.study.start(deck_id)
                shown = session.next()
                while shown is not None:
                    clock.advance(timedelta(seconds=rng.randint(3, 20)))
                    right = rng.random() < skill
                    if shown.is_question:  # a missed quiz question, due again
                        asked = services.quizzes.asked_in_review(session)
                        answer = _right(asked.question) if right else _wrong(asked.question)
                        services.quizzes.answer_in_review(session, asked, answer,
                                                          rng.choice((1, 2, 3)))
                        shown = session.next()
                    elif shown.is_practice:  # a reply typed: every check met, or one missed
                        checks = [c.id for c in services.practice.shown(session).item.checks]
                        met = set(checks[1:] if not right and len(checks) > 2 else checks)
                        services.practice.answer(session, "A reply in my own words.", met)
                        shown = session.next()
                    else:
                        shown = session.answer(Rating.GOOD if right else Rating.AGAIN)
                session.finish()
            if day in (2, 9):
                for quiz in services.quizzes.quizzes():
                    run = services.quizzes.start(quiz.deck_id, quiz.key)
                    while (current := run.current()) is not None:
                        right = rng.random() < skill
                        answer = _right(current.question) if right else _wrong(current.question)
                        run.answer(answer, rng.choice((1, 2, 3)))
                        run.advance()
                    run.finish()
            if day == 3:
                for deck_id, assessment in services.assessments.assessments():
                    check = services.assessments.start(deck_id, assessment.id)
                    while not check.done:
                        check.choose(rng.randint(1, len(assessment.scale)))
                    check.finish()
            clock.advance(timedelta(days=1))
        return build_export(services.db, clock, name, settings=SETTINGS)
    finally:
        services.close()


def write_cohort(folder: Path, n_reps: int, seed: int) -> Path:
    """``n_reps`` exports made from a few simulated reps, each copy a different learner
    with its own id, name and scattered memory strengths."""
    from trainer.reports.progress_export import export_text

    rng = random.Random(seed)
    bases = [simulate_rep(folder / "profiles", f"rep{i}", skill, seed + i)
             for i, skill in enumerate((0.55, 0.7, 0.8, 0.9))]
    out = folder / "exports"
    out.mkdir()
    for n in range(n_reps):
        doc = json.loads(json.dumps(bases[n % len(bases)]))
        doc["learner"] = {"id": str(uuid.UUID(int=rng.getrandbits(128))),
                          "display_name": f"Rep {n + 1}"}
        for item in doc["items"]:
            if item.get("stability"):
                item["stability"] *= math.exp(rng.gauss(0, 0.5))
        (out / f"rep-{n + 1:04}.json").write_text(export_text(doc), encoding="utf-8")
    return out


def _spread(values: list[float], digits: int = 1) -> dict[str, float]:
    """Min, median and max of several runs (one number alone says little here)."""
    return {"min": round(min(values), digits), "median": round(statistics.median(values), digits),
            "max": round(max(values), digits)}


def measure_cohort(folder: Path, n_reps: int, runs: int, seed: int,
                   keep: Path | None = None) -> dict[str, object]:
    """Time reading, merging and writing the report (HTML and CSV) over the exports: in
    worker processes as the app does, and in one process, runs alternating. With
    ``keep``, the exports are made there, or those a run made there before are read
    again (so that two versions of the code can be timed on the same files)."""
    from trainer.reports.cohort import load_cohort
    from trainer.reports.cohort_output import write_report

    if keep is not None and (keep / "exports").is_dir():
        exports = keep / "exports"
        if len(list(exports.glob("*.json"))) != n_reps:
            raise SystemExit(f"{exports} does not hold {n_reps} exports")
    else:
        exports = write_cohort(keep or folder, n_reps, seed)
    sizes = [p.stat().st_size for p in exports.iterdir()]

    def report(workers: int | None = None) -> float:
        started = time.perf_counter()
        cohort = load_cohort([exports], workers)
        if len(cohort.learners) != n_reps:
            raise SystemExit(f"expected {n_reps} learners, merged {len(cohort.learners)}")
        write_report(cohort, folder / "report.html", folder / "report.csv")
        return (time.perf_counter() - started) * 1000

    parallel, one = [], []
    for _ in range(runs):
        parallel.append(report())
        one.append(report(1))
    return {"cohort_exports": n_reps, "cohort_export_kb": round(statistics.mean(sizes) / 1024),
            "cohort_ms": _spread(parallel), "cohort_one_process_ms": _spread(one),
            "cpus": os.cpu_count(),
            "cohort_report_kb": round((folder / "report.html").stat().st_size / 1024)}


def export_child(profile: Path, target: Path) -> None:
    """In a process of its own: open the profile, note the peak resident memory so far,
    write the progress export, and print how far the peak rose (and the time taken)."""
    import resource

    from trainer.reports.progress_export import write_export

    db = open_database(profile, FakeClock(NOW))
    try:
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        started = time.perf_counter()
        write_export(db, FakeClock(NOW), target, "Rep", settings=SETTINGS)
        elapsed = (time.perf_counter() - started) * 1000
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:
        db.close()
    print(json.dumps({"peak_mb": (peak - baseline) / 1024, "baseline_mb": baseline / 1024,
                      "ms": elapsed}))


def measure_export(folder: Path, runs: int, seed: int) -> dict[str, object]:
    """The progress export of review_latency.py's 100,000-card, 1,000,000-answer profile,
    each run in a fresh child process (maxrss is a high-water mark of a whole process)."""
    from review_latency import build_profile

    profile = folder / "export.sqlite"
    build_profile(profile, 100_000, 1_000_000, seed)
    target = folder / "progress.json"
    peaks, baselines, times = [], [], []
    # Linux carries a process's peak resident memory over fork and exec: a child started
    # from this process (grown big building the profile) would start at its peak and
    # show no rise. Started by a small Python launcher, it starts at the launcher's.
    launcher = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", launcher, sys.executable, __file__, "--export-child",
             str(profile), str(target)], capture_output=True, text=True, check=True)
        child = json.loads(done.stdout)
        peaks.append(child["peak_mb"])
        baselines.append(child["baseline_mb"])
        times.append(child["ms"])
    return {"export_answers": 1_000_000,
            "export_profile_mb": round(profile.stat().st_size / 2**20, 1),
            "export_file_mb": round(target.stat().st_size / 2**20, 1),
            "export_peak_mb": _spread(peaks), "export_baseline_mb": _spread(baselines),
            "export_ms": _spread(times, 0)}


def main() -> int:
    """Build the inputs, time each report, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--optimize-reviews", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=1_000)
    parser.add_argument("--only", choices=("stats", "cohort", "export", "optimize"))
    parser.add_argument("--keep-exports", type=Path, metavar="DIR",
                        help="make the cohort's exports in DIR, or read again those a "
                             "run made there (same --reps and --seed)")
    parser.add_argument("--export-child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        export_child(*args.export_child)
        return 0
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only in (None, "stats"):
            result.update(measure_stats(folder, args.runs, args.seed))
        if args.only in (None, "cohort"):
            result.update(measure_cohort(folder, args.reps, args.runs, args.seed,
                                         args.keep_exports))
        if args.only in (None, "export"):
            result.update(measure_export(folder, args.runs, args.seed))
        if args.only in (None, "optimize"):
            result.update(measure_optimize(folder, args.optimize_reviews, args.runs,
                                           args.seed))
    result["targets_ms"] = {"stats_ms": 200, "topic_stats_365_ms": 200, "cohort_ms": 3000,
                            "optimize_ms": 1500}
    result["targets_mb"] = {"export_peak_mb": 300}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
