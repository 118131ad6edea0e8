"""Durability: kill -9 while answering and while importing, and what backups and checks cost.

* ``answers_lost``: a child process answers cards through ``StudyService`` (the code the
  window uses) and prints a line after each committed answer; it is killed with SIGKILL
  ``--answer-kills`` times at random points (after a random number of answers plus a
  random delay of a few milliseconds, so some kills land inside a transaction; one kill
  in ten lands during start-up). After each kill the profile is opened again the way the
  app opens it, and every answer the child reported must be in ``reviews``. One profile
  lives through many kills, as a rep's file lives through many crashes.
* ``imports_partial``: ``trainer import`` of a package of 20 decks with pictures is
  killed ``--import-kills`` times at a random moment within an unkilled import's
  duration. After opening the profile again (which finishes a picture move a stopped
  import left), every installed deck of the package must have all its pictures.
* ``integrity_failures``: after every kill of both kinds, ``PRAGMA integrity_check``
  and Check Database must find nothing, no staging folder of an import may be left,
  and an import must be all or nothing (every deck of the package, or none).
* ``backup_ms`` / ``check_ms`` / ``full_check_ms``: a manual backup, the quick check the
  app runs when a profile is closed, and the full Check Database, on a 100,000-card,
  1,000,000-answer profile (built as review_latency.py builds it). The reference in the
  same run is ``copy_ms``: a plain copy of the same database file (``copy_fsync_ms``:
  the copy flushed to disk, as a backup is).

A kill -9 stops the process, not the machine: what the process had handed to the
operating system survives, so this measures the app's transactions and file moves, not
what a power cut does to a disk. Prints one JSON object; ``--quick`` for a short run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).resolve().parent))

from trainer.app import Services, open_services
from trainer.clock import FakeClock, system_clock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings
from trainer.library.deck_pictures import DeckPictures
from trainer.library.media import STAGING_PREFIX
from trainer.storage.timefmt import from_db

ROOT = Path(__file__).resolve().parent.parent
CARDS_DECK = ROOT / "tests" / "data" / "cards_deck.toml"
CARDS_DECK_ID = "cards"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SETTINGS = StudySettings(fuzz=False, timezone=UTC)
# The child's answers: mostly Good, some Again so cards keep coming back soon.
RATINGS = (Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY)
RATING_WEIGHTS = (0.25, 0.1, 0.55, 0.1)
# A profile whose next card is further off than this (or whose clock has run this far)
# has run dry: the child says so and the next kill starts a fresh profile.
MAX_GAP = timedelta(days=120)
MAX_SPAN = timedelta(days=3650)
DRY = "dry"
# Kills in the answer half: a random number of answers, then up to this many seconds.
MAX_ANSWERS_BEFORE_KILL = 100
MAX_KILL_DELAY_S = 0.004
STARTUP_KILL_FRACTION = 0.1
STARTUP_WINDOW_S = 1.0
# The package of the import half.
PACKAGE_DECKS = 20
CARDS_PER_DECK = 50
PICTURE_BYTES = 20_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# How many failures are described in the output (all are counted).
MAX_DETAILS = 20

QUICK = {"answer_kills": 20, "import_kills": 5, "cards": 10_000, "reviews": 100_000}
FULL = {"answer_kills": 200, "import_kills": 50, "cards": 100_000, "reviews": 1_000_000}


@dataclass
class Tally:
    """What the kills found."""

    answers_lost: int = 0
    answers_reported: int = 0
    integrity_failures: int = 0
    imports_partial: int = 0
    details: list[str] = field(default_factory=list)

    def fail(self, what: str) -> None:
        """Count one integrity failure and keep its description."""
        self.integrity_failures += 1
        self.note(what)

    def note(self, what: str) -> None:
        """Keep a description of something wrong (the first few only)."""
        if len(self.details) < MAX_DETAILS:
            self.details.append(what)


# --- the child that answers ------------------------------------------------------------


def child_answer(data_dir: Path, decks_folder: Path, seed: int) -> int:
    """Answer cards until killed, printing the running count after each commit."""
    rng = random.Random(seed)
    clock = FakeClock(NOW)
    services = open_services(Config(data_dir), clock, SETTINGS, decks_folder)
    last = from_db(services.db.execute("SELECT max(reviewed_at) FROM reviews").fetchone()[0])
    if last is not None and last > clock():
        clock.set(last + timedelta(seconds=10))
    out = sys.stdout
    answered = 0
    session = services.study.start(CARDS_DECK_ID)
    while True:
        if session.current is None:
            session.finish()
            due = services.study.next_due(CARDS_DECK_ID)
            if due is None or due - clock() > MAX_GAP or clock() - NOW > MAX_SPAN:
                out.write(f"{DRY}\n")
                out.flush()
                services.close()
                return 0
            clock.set(max(due, clock() + timedelta(minutes=1)))
            session = services.study.start(CARDS_DECK_ID)
            continue
        clock.advance(timedelta(seconds=rng.randint(3, 20)))
        session.answer(rng.choices(RATINGS, RATING_WEIGHTS)[0])
        answered += 1
        out.write(f"{answered}\n")
        out.flush()
        # As the window does while the rep reads (trainer/gui/keeper.py), so that some
        # kills land in a checkpoint.
        services.tidy()


# --- kills while answering -------------------------------------------------------------


def _count_lines(text: str) -> tuple[int, bool]:
    """The last count a child printed in full, and whether it said it ran dry."""
    reported = 0
    dry = False
    for line in text.split("\n")[:-1]:  # a line without its newline was not finished
        if line == DRY:
            dry = True
        elif line.isdigit():
            reported = int(line)
    return reported, dry


def _kill(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL the child if it is still running; whether it was."""
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    return True


def _run_answer_child(data_dir: Path, decks_folder: Path, seed: int, rng: random.Random,
                      stderr: IO[bytes]) -> tuple[int, bool, int | None]:
    """Start a child that answers, kill it at a random point; returns the answers it
    reported committed, whether it ran dry, and its exit status if it ended by itself."""
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child-answer", str(data_dir),
         "--child-decks", str(decks_folder), "--child-seed", str(seed)],
        stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None
    seen = b""
    killed = False
    if rng.random() < STARTUP_KILL_FRACTION:
        time.sleep(rng.uniform(0, STARTUP_WINDOW_S))
        killed = _kill(proc)
    else:
        target = rng.randint(1, MAX_ANSWERS_BEFORE_KILL)
        delay = rng.uniform(0, MAX_KILL_DELAY_S)
        while True:
            line = proc.stdout.readline()
            seen += line
            if not line:
                break
            text = line.decode().strip()
            if text == DRY:
                break
            if text.isdigit() and int(text) >= target:
                if delay:
                    time.sleep(delay)
                killed = _kill(proc)
                break
    seen += proc.stdout.read()
    status = proc.wait()
    reported, dry = _count_lines(seen.decode(errors="replace"))
    return reported, dry, None if killed else status


def _inspect_answers(data_dir: Path, decks_folder: Path) -> tuple[int, list[str]]:
    """Open the profile as the app does and check it; returns the number of answers in
    it and what is wrong (an empty list when nothing is)."""
    problems: list[str] = []
    try:
        services = open_services(Config(data_dir), FakeClock(NOW), SETTINGS, decks_folder)
    except Exception as exc:  # a profile the app refuses is what this looks for
        return -1, [f"opening failed: {type(exc).__name__}: {exc}"]
    try:
        present = int(services.db.execute("SELECT count(*) FROM reviews").fetchone()[0])
        problems += _database_problems(services)
    finally:
        services.close()
    return present, problems


def _database_problems(services: Services) -> list[str]:
    """SQLite's integrity check and Check Database, in words."""
    problems: list[str] = []
    rows = [str(r[0]) for r in services.db.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        problems.append("integrity_check: " + "; ".join(rows[:3]))
    report = services.checks.check()
    if not report.ok:
        problems.append("Check Database: " + " ".join(f.what for f in report.findings))
    return problems


def measure_answer_kills(work: Path, kills: int, rng: random.Random, tally: Tally
                         ) -> dict[str, object]:
    """Kill answering children ``kills`` times; count lost answers and failures."""
    decks_folder = work / "answer-decks"
    decks_folder.mkdir()
    shutil.copyfile(CARDS_DECK, decks_folder / CARDS_DECK.name)
    profiles = 0
    data_dir = work / f"answers-{profiles}"
    before = 0
    done = 0
    ended_alone = 0
    unreported = 0  # committed, but killed before the line saying so was written
    attempts = 0
    with (work / "answer-child.err").open("w+b") as stderr:
        while done < kills:
            attempts += 1
            if attempts > kills * 3:
                tally.note("answer kills: too many children ended by themselves; gave up")
                break
            seed = rng.randrange(2**32)
            mark = stderr.tell()
            reported, dry, status = _run_answer_child(data_dir, decks_folder, seed, rng,
                                                      stderr)
            present, problems = _inspect_answers(data_dir, decks_folder)
            where = f"answer kill {done + 1} (child seed {seed}, {data_dir.name})"
            if present >= 0:
                lost = max(0, reported - (present - before))
                if lost:
                    tally.note(f"{where}: {lost} of {reported} reported answers missing")
                tally.answers_lost += lost
                unreported += max(0, present - before - reported)
            tally.answers_reported += reported
            for problem in problems:
                tally.fail(f"{where}: {problem}")
            if status is not None and not dry:
                stderr.seek(mark)
                error = stderr.read().decode(errors="replace").strip().splitlines()
                tally.fail(f"{where}: the child ended by itself with status {status}: "
                           f"{error[-1] if error else '(no message)'}")
            stderr.seek(0, os.SEEK_END)
            if status is None or not dry:
                done += 1
            else:
                ended_alone += 1
            if dry or present < 0:
                profiles += 1
                data_dir = work / f"answers-{profiles}"
                before = 0
            else:
                before = present
    return {"answer_kills": done, "answers_reported": tally.answers_reported,
            "answers_committed_unreported": unreported, "answer_profiles": profiles + 1,
            "answer_children_ran_dry": ended_alone}


# --- kills while importing -------------------------------------------------------------


def build_package(work: Path, rng: random.Random) -> tuple[Path, list[str], list[str]]:
    """A package of ``PACKAGE_DECKS`` decks whose cards show pictures; returns it, its
    deck ids and the picture names every deck shows.

    Card N of every deck shows ``pN.png``, so every deck needs every picture: the most
    pictures for the import to put in place, and the most for a kill to interrupt."""
    from trainer.content.package import pack

    src = work / "package-src"
    media = src / "media"
    media.mkdir(parents=True)
    pictures = [f"p{n}.png" for n in range(CARDS_PER_DECK)]
    for name in pictures:
        (media / name).write_bytes(PNG_SIGNATURE + rng.randbytes(PICTURE_BYTES))
    deck_ids = [f"pictures-{d:02d}" for d in range(PACKAGE_DECKS)]
    for d, deck_id in enumerate(deck_ids):
        lines = ["format = 1", "", "[deck]", f'id = "{deck_id}"',
                 f'title = "Pictures {d:02d}"', 'version = "1"', 'topic = "pictures"', "",
                 "[[sources]]", 'id = "s"', 'title = "Bench"', 'publisher = "Bench"', ""]
        for n, name in enumerate(pictures):
            lines += ["[[cards]]", f'id = "c{n:02d}"', 'source = "s"',
                      f'front = "Deck {d}, chart {n}: what does it show?"',
                      f"back = 'The trend of quarter {n}.<br><img src=\"{name}\">'", ""]
        (src / f"{deck_id}.toml").write_text("\n".join(lines), encoding="utf-8")
    package = work / "pictures.trainerdeck"
    pack([src], package, NOW)
    return package, deck_ids, pictures


def _import_command(data_dir: Path, package: Path) -> list[str]:
    """``trainer import PACKAGE --yes`` into ``data_dir``, as a rep would run it."""
    return [sys.executable, "-m", "trainer", "--data-dir", str(data_dir), "import",
            str(package), "--yes"]


def _inspect_import(data_dir: Path, deck_ids: list[str], pictures: list[str]
                    ) -> tuple[int, list[str], list[str]]:
    """Open the profile as the app does and check it after an import; returns how many
    of the package's decks are installed, which of those lack a picture, and what
    else is wrong."""
    try:
        services = open_services(Config(data_dir), system_clock)
    except Exception as exc:  # a profile the app refuses is what this looks for
        return 0, [], [f"opening failed: {type(exc).__name__}: {exc}"]
    problems: list[str] = []
    try:
        installed = {str(r[0]) for r in services.db.execute("SELECT id FROM decks")}
        ours = [d for d in deck_ids if d in installed]
        if ours and len(ours) != len(deck_ids):
            problems.append(f"not all or nothing: {len(ours)} of {len(deck_ids)} decks")
        media_root = services.config.profile_dir / "media"
        partial: list[str] = []
        for deck_id in ours:
            shown = DeckPictures(services.db, media_root, deck_id)
            missing = [p for p in pictures if shown.path(p) is None]
            if missing:
                partial.append(f"deck {deck_id} lacks {len(missing)} of {len(pictures)} "
                               f"pictures ({', '.join(missing[:3])})")
        if media_root.is_dir():
            staging = [p.name for p in media_root.iterdir() if p.name.startswith(STAGING_PREFIX)]
            if staging:
                problems.append(f"staging folders left: {', '.join(staging)}")
        problems += _database_problems(services)
    finally:
        services.close()
    return len(ours), partial, problems


def measure_import_kills(work: Path, kills: int, rng: random.Random, tally: Tally
                         ) -> dict[str, object]:
    """Kill ``trainer import`` ``kills`` times, each in a fresh copy of one profile."""
    package, deck_ids, pictures = build_package(work, rng)
    base = work / "import-base"
    open_services(Config(base), system_clock).close(check=True)

    def fresh(name: str) -> Path:
        """A copy of the prepared profile (built-in decks installed) to import into."""
        target = work / name
        shutil.copytree(base, target)
        return target

    # Two imports left to finish: how long one takes, and that an import is sound.
    durations = []
    for run in range(2):
        target = fresh(f"import-whole-{run}")
        started = time.perf_counter()
        done = subprocess.run(_import_command(target, package), capture_output=True,
                              stdin=subprocess.DEVNULL, check=False)
        durations.append(time.perf_counter() - started)
        if done.returncode != 0:
            tally.fail(f"unkilled import {run}: status {done.returncode}: "
                       f"{done.stderr.decode(errors='replace').strip()[-300:]}")
        installed, partial, problems = _inspect_import(target, deck_ids, pictures)
        if installed != len(deck_ids):
            tally.fail(f"unkilled import {run}: {installed} of {len(deck_ids)} decks")
        tally.imports_partial += len(partial)
        for what in partial:
            tally.note(f"unkilled import {run}: {what}")
        for problem in problems:
            tally.fail(f"unkilled import {run}: {problem}")
        shutil.rmtree(target)
    duration = statistics.median(durations)

    complete = none = finished = 0
    for kill in range(kills):
        target = fresh(f"import-kill-{kill}")
        delay = rng.uniform(0, duration)
        proc = subprocess.Popen(_import_command(target, package), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        time.sleep(delay)
        if not _kill(proc):
            finished += 1
        proc.wait()
        installed, partial, problems = _inspect_import(target, deck_ids, pictures)
        complete += installed == len(deck_ids)
        none += installed == 0
        where = f"import kill {kill + 1} (after {delay * 1000:.0f} ms)"
        tally.imports_partial += len(partial)
        for what in partial:
            tally.note(f"{where}: {what}")
        for problem in problems:
            tally.fail(f"{where}: {problem}")
        shutil.rmtree(target)
    return {"import_kills": kills, "import_ms": round(duration * 1000, 1),
            "import_pictures": len(pictures), "import_decks": len(deck_ids),
            "imports_complete_after_kill": complete, "imports_absent_after_kill": none,
            "imports_finished_before_kill": finished}


# --- backups and checks on a big profile -----------------------------------------------


def _timed_ms(action: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _copy_fsync(source: Path, target: Path) -> None:
    """Copy a file and flush the copy to disk, as a backup is flushed."""
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_consistent(path: Path) -> int:
    """Make review_latency.py's profile pass Check Database (not timed): its log rows
    carry one made-up state, so each item's latest answer is given the state the item
    has, and an item that is not new but has no answer becomes new. Returns how many
    items were made new."""
    from trainer.domain.scheduling import ItemState, Phase
    from trainer.storage.database import open_database
    from trainer.storage.study_repo import state_to_json

    db = open_database(path, FakeClock(NOW), check=False)
    try:
        latest = dict(db.execute("SELECT item_id, max(id) FROM reviews GROUP BY item_id"))
        updates: list[tuple[str, int]] = []
        made_new: list[tuple[int]] = []
        for row in db.execute("SELECT item_id, phase, step, stability, difficulty, due, "
                              "last_review, reps, lapses FROM item_state").fetchall():
            item_id, phase, step, stability, difficulty, due, last, reps, lapses = row
            if item_id not in latest:
                if phase or reps or lapses or due is not None or stability is not None:
                    made_new.append((item_id,))
                continue
            state = ItemState(item_id, Phase(phase), step, stability, difficulty,
                              from_db(due), from_db(last), reps, lapses)
            updates.append((state_to_json(state), latest[item_id]))
        with db.atomic():
            db.conn.executemany("UPDATE reviews SET state_after = ? WHERE id = ?", updates)
            db.conn.executemany(
                "UPDATE item_state SET phase = 0, step = NULL, stability = NULL, "
                "difficulty = NULL, due = NULL, last_review = NULL, reps = 0, lapses = 0 "
                "WHERE item_id = ?", made_new)
    finally:
        db.close()
    return len(made_new)


def measure_backup_and_check(work: Path, cards: int, reviews: int, seed: int,
                             tally: Tally) -> dict[str, object]:
    """Back up and check a big profile; a plain file copy is the reference."""
    from review_latency import build_profile

    data_dir = work / "big"
    config = Config(data_dir)
    config.profile_dir.mkdir(parents=True)
    build_profile(config.database_path, cards, reviews, seed)
    made_new = make_consistent(config.database_path)
    decks_folder = work / "big-decks"
    decks_folder.mkdir()
    shutil.copyfile(CARDS_DECK, decks_folder / CARDS_DECK.name)
    clock = FakeClock(NOW)
    services = open_services(config, clock, SETTINGS, decks_folder)
    try:
        backups, sizes = [], []
        for _ in range(3):
            clock.advance(timedelta(seconds=1))  # each backup gets a name of its own
            info = None

            def backup() -> None:
                """A manual backup through the open connection, as the window makes it."""
                nonlocal info
                info = services.backups.create("manual", services.db.conn)

            backups.append(_timed_ms(backup))
            assert info is not None
            sizes.append(info.path.stat().st_size)
            # Backups come at least half an hour apart in use, long after the last one
            # reached the disk; three written back to back (1.4 GB of new files) were
            # measured slowing each other down on this machine's disk, so each is
            # removed before the next is timed.
            info.path.unlink()
        quick = [_timed_ms(lambda: services.checks.check(quick=True)) for _ in range(3)]
        full_report = None

        def full() -> None:
            """Check Database in full (Tools > Check Database)."""
            nonlocal full_report
            full_report = services.checks.check()

        full_ms = _timed_ms(full)
        assert full_report is not None
        for finding in full_report.findings:
            tally.note(f"big profile (not counted): {finding.what}")
    finally:
        services.close()
    database = config.database_path
    copies = [_timed_ms(lambda: shutil.copyfile(database, work / "copy.sqlite"))
              for _ in range(3)]
    synced = [_timed_ms(lambda: _copy_fsync(database, work / "copy.sqlite")) for _ in range(3)]
    return {"backup_ms": round(statistics.median(backups), 1),
            "backup_mb": round(sizes[-1] / 1e6, 1),
            "db_mb": round(database.stat().st_size / 1e6, 1),
            "copy_ms": round(statistics.median(copies), 1),
            "copy_fsync_ms": round(statistics.median(synced), 1),
            "check_ms": round(statistics.median(quick), 1),
            "full_check_ms": round(full_ms, 1),
            "big_profile_check_ok": full_report.ok, "big_profile_made_new": made_new}


# --- main ------------------------------------------------------------------------------


def main() -> int:
    """Run the kills and the timings, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--answer-kills", type=int, help="default 200 (--quick: 20)")
    parser.add_argument("--import-kills", type=int, help="default 50 (--quick: 5)")
    parser.add_argument("--cards", type=int, help="default 100,000 (--quick: 10,000)")
    parser.add_argument("--reviews", type=int, help="default 1,000,000 (--quick: 100,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="a short run")
    parser.add_argument("--only", choices=("answers", "imports", "backup"),
                        help="run one part only")
    parser.add_argument("--child-answer", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-decks", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_answer is not None:
        return child_answer(args.child_answer, args.child_decks, args.child_seed)

    sizes = QUICK if args.quick else FULL
    answer_kills = sizes["answer_kills"] if args.answer_kills is None else args.answer_kills
    import_kills = sizes["import_kills"] if args.import_kills is None else args.import_kills
    cards = sizes["cards"] if args.cards is None else args.cards
    reviews = sizes["reviews"] if args.reviews is None else args.reviews

    started = time.perf_counter()
    rng = random.Random(args.seed)
    tally = Tally()
    result: dict[str, object] = {"seed": args.seed, "answer_kills": 0, "import_kills": 0,
                                 "cards": cards, "reviews": reviews}
    with tempfile.TemporaryDirectory(prefix="durability-") as tmp:
        work = Path(tmp)
        # Each part has a generator of its own, so --only runs a part as the full run does.
        answer_rng, import_rng = (random.Random(rng.randrange(2**32)) for _ in range(2))
        if args.only in (None, "answers"):
            result.update(measure_answer_kills(work, answer_kills, answer_rng, tally))
        if args.only in (None, "imports"):
            result.update(measure_import_kills(work, import_kills, import_rng, tally))
        if args.only in (None, "backup"):
            result.update(measure_backup_and_check(work, cards, reviews, args.seed, tally))
    result.update({"answers_lost": tally.answers_lost,
                   "integrity_failures": tally.integrity_failures,
                   "imports_partial": tally.imports_partial,
                   "failures": tally.details,
                   "elapsed_s": round(time.perf_counter() - started, 1)})
    first = ("answers_lost", "integrity_failures", "imports_partial", "answer_kills",
             "import_kills", "backup_ms", "check_ms", "full_check_ms", "backup_mb", "copy_ms",
             "cards", "reviews", "seed")
    ordered = {key: result[key] for key in first if key in result}
    ordered.update({k: v for k, v in result.items() if k not in ordered})
    print(json.dumps(ordered, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
