"""Start-up benchmark: process start to the first card painted, against a bare PySide6 window.

Each measurement is a fresh child process of this same script (``--child app`` or
``--child bare``) on the offscreen Qt platform. The parent notes the wall clock just before
starting the child; the child prints the wall clock (``time.time_ns()``) at the moment its
window has been painted, then closes it and quits. The difference is the start-up time the
user would wait for. The child also prints the CPU time it had used by then
(``startup_cpu_ms``, ``bare_qt_cpu_ms``, ``cpu_ratio``), which a busy machine distorts less.

* ``app``: import the window as the ``trainer`` command does (``cli.window_module``),
  ``make_app()``, ``open_profile`` (as ``run_gui`` opens it) on a profile prepared by an
  untimed first run, ``MainWindow``, ``show()``, ``study("objections")``; the time is
  taken once the window's first paint, with the first card on the review screen, has
  finished.
* ``home`` (``home_ms``, ``home_ratio``): the same start without studying, to the first paint
  of the home screen a rep's start shows (its decks listed).
* ``bare``: import ``PySide6.QtWidgets``, ``QApplication``, a ``QMainWindow`` with a
  ``QLabel``, ``show()``; the time is taken once the window's first paint has finished.

Both watch the window itself: Qt paints a window and every visible widget in it in one
pass, and the report waits for the end of that pass. Watching the card's viewport instead
would mean asking for it from Python (``card.viewport()``), which makes PySide build the
Python classes of some seventy widget types to find the viewport's (40-90 ms here): a cost
of the measurement that the app itself never pays before its first paint.
* with ``--instructions``, also the instructions each kind of start runs up to its first
  paint, counted once each under valgrind's callgrind (``instructions``,
  ``instructions_ratio``, ``home_instructions_ratio``). A count is the same from run to
  run however busy the machine, so it shows a change of a few milliseconds that the
  timings' spread hides; it leaves out what the timings include besides (waiting on
  the disk, page faults, the dynamic loader's system calls), so it reads lower than
  ``ratio``. The counted children stop at their first paint.
* with ``--bundle PROGRAM``, also the whole program as a rep starts it, ``trainer
  --smoke-test`` of this Python's install (``pip_ms``) against the bundle's
  (``bundle_ms``), up to its line saying the first card was painted.

Runs are interleaved, one of each kind back to back, taking turns at going first: ``ratio``
is each run's app time over its bare time, as min, median and max over the runs, and
``startup_ms`` and ``bare_qt_ms`` are the medians of each. The children
get a private bytecode cache (``PYTHONPYCACHEPREFIX`` in the temporary folder, with
``PYTHONDONTWRITEBYTECODE`` removed), filled by the untimed first runs: an installed app has
compiled ``.pyc`` files, while a source checkout under ``PYTHONDONTWRITEBYTECODE=1`` would
recompile every module of ``trainer`` on each start. ``--no-bytecode-cache`` keeps the
inherited environment instead. Prints JSON::

    python bench/startup.py --runs 7
"""

from __future__ import annotations

# Only cheap modules at the top: the children run this file too, and anything imported
# here would be counted in both measurements. The parent imports the rest in ``main``.
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DECK_ID = "objections"
CHILD_TIMEOUT_MS = 60_000
# Set for the children counted under valgrind: they end at their first paint.
STOP_AT_PAINT = "STARTUP_BENCH_STOP_AT_PAINT"


def _install_paint_probe(target: Any, on_painted: Any) -> Any:
    """Call ``on_painted`` once, right after ``target`` has handled its first paint event.

    An event filter sees the paint event before the widget draws, so the report is queued
    with a zero-delay timer: it runs once the current paint (and the backing-store flush that
    follows it in the same event) has finished.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintProbe(QObject):
        """Event filter that reports the first ``QEvent.Paint`` of the watched widget."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            """Queue the report on the first paint; never swallow the event."""
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, on_painted)
            return False

    probe = PaintProbe()
    target.installEventFilter(probe)
    return probe


def _report_and_quit(app: Any, close: Any) -> None:
    """Print the wall clock and this process's CPU time now (the measurement), then close
    the window and quit (under ``--instructions``, stop here: what follows the first paint
    is not counted)."""
    print(time.time_ns(), time.process_time_ns(), flush=True)
    if os.environ.get(STOP_AT_PAINT):
        os._exit(0)
    close()
    app.quit()


def _fail_after_timeout(app: Any, what: str) -> None:
    """Give up if nothing is painted within ``CHILD_TIMEOUT_MS``."""
    from PySide6.QtCore import QTimer

    def fail() -> None:
        print(f"startup bench: {what} was not painted within {CHILD_TIMEOUT_MS} ms",
              file=sys.stderr)
        app.exit(3)

    QTimer.singleShot(CHILD_TIMEOUT_MS, fail)


def child_bare() -> int:
    """Reference child: a bare QMainWindow with a QLabel, shown until its first paint."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(900, 640)
    label = QLabel("Hello")
    window.setCentralWidget(label)
    probe = _install_paint_probe(window, lambda: _report_and_quit(app, window.close))
    _fail_after_timeout(app, "the window")
    window.show()
    code = app.exec()
    del probe
    return code


def child_app(data_dir: Path, *, home: bool = False) -> int:
    """App child: start the trainer as the ``trainer`` command does (its import of the
    window, then what ``run_gui`` does), then study the objections deck (with ``home``,
    stay on the home screen a rep's start shows)."""
    from trainer.cli import window_module
    from trainer.config import Config

    window_module()  # as the ``trainer`` command imports the window
    from trainer.gui.main_window import MainWindow
    from trainer.gui.run import make_app, open_profile

    app = make_app()
    services = open_profile(Config(data_dir))  # as run_gui opens it
    if services is None:
        print("startup bench: the profile could not be opened", file=sys.stderr)
        return 5
    window: MainWindow | None = None
    try:
        window = MainWindow(services)
        card = window.review.card

        def painted() -> None:
            if home:
                shown = window.stack.currentWidget() is window.decks and bool(
                    window.decks.tree.topLevelItemCount())
            else:
                shown = window.stack.currentWidget() is window.review and bool(
                    card.toPlainText())
            if not shown:
                print(f"startup bench: the {'home' if home else 'review'} screen shows "
                      "nothing", file=sys.stderr)
                app.exit(4)
                return
            _report_and_quit(app, window.close)

        probe = _install_paint_probe(window, painted)
        _fail_after_timeout(app, "the home screen" if home else "the card")
        window.show()
        if not home:
            window.study(DECK_ID)
        code = int(app.exec())
        del probe
        return code
    finally:
        # As run_gui closes: the check made on closing lets the next start skip its own.
        services.close(checked=window.keeper.closed_check if window else None)


def _count_instructions(valgrind: str, kind: str, data_dir: Path, work_dir: Path,
                        env: dict[str, str]) -> int:
    """The instructions one start of ``kind`` runs up to its first paint, counted by
    callgrind, on a copy of the profile as the untimed first run left it: the same start
    every time, however busy the machine."""
    import shutil
    import subprocess

    copy = work_dir / f"counted-{kind}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data_dir, copy)
    cmd = [valgrind, "--tool=callgrind", f"--callgrind-out-file={work_dir / 'callgrind.out'}",
           sys.executable, str(Path(__file__).resolve()), "--child", kind]
    if kind != "bare":
        cmd += ["--data-dir", str(copy)]
    done = subprocess.run(cmd, env={**env, STOP_AT_PAINT: "1"}, cwd=str(REPO_ROOT),
                          capture_output=True, text=True, timeout=600, check=False)
    counted = [line for line in done.stderr.splitlines() if "Collected :" in line]
    if done.returncode != 0 or not counted:
        raise RuntimeError(f"{kind} child under valgrind failed (exit {done.returncode}):\n"
                           f"{done.stderr[-2000:]}")
    return int(counted[-1].split(":")[-1].strip())


def main(argv: list[str] | None = None) -> int:
    """Parent: run the interleaved children and print the JSON summary."""
    import argparse
    import json
    import shutil
    import statistics
    import subprocess
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="keep the inherited bytecode settings (no private .pyc cache)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions each start runs up to its first "
                             "paint, under valgrind's callgrind (needs valgrind): the same "
                             "on every run, however busy the machine")
    parser.add_argument("--bundle", type=Path, metavar="PROGRAM",
                        help="also time this bundle (dist/sales-trainer/sales-trainer) "
                             "against the pip-installed 'trainer', whole program each")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    valgrind = shutil.which("valgrind")
    if args.instructions and valgrind is None:
        parser.error("--instructions needs valgrind (apt install valgrind)")

    work_dir = Path(tempfile.mkdtemp(prefix="trainer-startup-bench-"))
    data_dir = work_dir / "data"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    if not args.no_bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work_dir / "pycache")
    script = str(Path(__file__).resolve())

    def run_child(kind: str, data_dir: Path) -> tuple[float, float]:
        """One fresh process: milliseconds from just before Popen to the painted time, and
        the CPU milliseconds the process had used by then."""
        cmd = [sys.executable, script, "--child", kind]
        if kind != "bare":
            cmd += ["--data-dir", str(data_dir)]
        start_ns = time.time_ns()
        proc = subprocess.Popen(cmd, env=env, cwd=str(REPO_ROOT), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        out, err = proc.communicate(timeout=CHILD_TIMEOUT_MS / 1000 + 30)
        lines = out.split()
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"{kind} child failed (exit {proc.returncode}):\n{err}")
        return (int(lines[-2]) - start_ns) / 1e6, int(lines[-1]) / 1e6

    def run_program(cmd: list[str], data_dir: Path) -> float:
        """The whole program, as a rep starts it (``--smoke-test``): milliseconds from
        just before Popen to its line saying the first card was painted."""
        start_ns = time.time_ns()
        proc = subprocess.Popen([*cmd, "--data-dir", str(data_dir), "--smoke-test"],
                                env={**env, "PYTHONPATH": ""}, cwd=str(work_dir),
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("first card:"):
                shown_ns = time.time_ns()
                break
        else:
            raise RuntimeError(f"{cmd[0]} showed no card")
        proc.communicate(timeout=CHILD_TIMEOUT_MS / 1000)
        return (shown_ns - start_ns) / 1e6

    pip_cmd = [sys.executable, "-m", "trainer"]
    programs: dict[str, list[float]] = {}
    if args.bundle is not None:
        # Untimed first runs, as below: a profile of each's own, caches warmed.
        run_program(pip_cmd, work_dir / "pip-data")
        run_program([str(args.bundle.resolve())], work_dir / "bundle-data")
        for _ in range(args.runs):
            programs.setdefault("pip_ms", []).append(run_program(pip_cmd, work_dir / "pip-data"))
            programs.setdefault("bundle_ms", []).append(
                run_program([str(args.bundle.resolve())], work_dir / "bundle-data"))

    try:
        # Untimed: the first app run creates the profile and installs the built-in decks, so
        # every timed run is a normal start; both runs also fill the bytecode cache and warm
        # the OS file cache.
        run_child("app", data_dir)
        run_child("bare", data_dir)
        kinds = ["bare", "app", "home"]
        timed: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
        for run in range(args.runs):
            # Each run is one of each back to back, taking turns at going first so that
            # none always meets the machine as another left it.
            for kind in kinds[run % 3:] + kinds[:run % 3]:
                timed[kind].append(run_child(kind, data_dir))
        instructions = {kind: _count_instructions(valgrind, kind, data_dir, work_dir, env)
                        for kind in kinds if valgrind and args.instructions}
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)

    home = [wall for wall, _cpu in timed["home"]]
    startup = [wall for wall, _cpu in timed["app"]]
    bare = [wall for wall, _cpu in timed["bare"]]
    startup_cpu = [cpu for _wall, cpu in timed["app"]]
    bare_cpu = [cpu for _wall, cpu in timed["bare"]]

    def spread(values: list[float]) -> dict[str, float]:
        return {"min": round(min(values), 3), "median": round(statistics.median(values), 3),
                "max": round(max(values), 3)}

    # The ratio within each run: the machine's load changes from one run to the next far
    # more than within one, so a run's ratio says more than the ratio of two medians.
    # CPU time leaves out, mostly, the time spent waiting for other processes on a
    # shared machine: a second view when it is busy.
    result = {
        "startup_ms": round(statistics.median(startup), 1),
        "bare_qt_ms": round(statistics.median(bare), 1),
        "ratio": spread([a / b for a, b in zip(startup, bare, strict=True)]),
        "startup_cpu_ms": round(statistics.median(startup_cpu), 1),
        "bare_qt_cpu_ms": round(statistics.median(bare_cpu), 1),
        "cpu_ratio": spread([a / b for a, b in zip(startup_cpu, bare_cpu, strict=True)]),
        "home_ms": round(statistics.median(home), 1),
        "home_ratio": spread([a / b for a, b in zip(home, bare, strict=True)]),
        "runs": args.runs,
        "startup_runs_ms": [round(v, 1) for v in startup],
        "bare_qt_runs_ms": [round(v, 1) for v in bare],
        "platform": "offscreen",
        **{name: round(statistics.median(runs), 1) for name, runs in programs.items()},
        **({"bundle_vs_pip": round(statistics.median(programs["bundle_ms"])
                                   / statistics.median(programs["pip_ms"]), 3)}
           if programs else {}),
        **({"instructions": instructions,
            "instructions_ratio": round(instructions["app"] / instructions["bare"], 3),
            "home_instructions_ratio": round(instructions["home"] / instructions["bare"], 3)}
           if instructions else {}),
        "bytecode_cache": not args.no_bytecode_cache,
        "python": sys.version.split()[0],
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        if sys.argv[2] == "bare":
            sys.exit(child_bare())
        if sys.argv[2] in ("app", "home") and len(sys.argv) == 5 and sys.argv[3] == "--data-dir":
            sys.exit(child_app(Path(sys.argv[4]), home=sys.argv[2] == "home"))
        sys.exit("usage: startup.py --child bare | --child app|home --data-dir DIR")
    sys.exit(main())
