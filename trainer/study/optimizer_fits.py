"""A process of its own for the optimizer's check while this one makes the final fit.

The check (parameters fitted on the earlier answers, scored on the later ones) and the
final fit (on all of them) are independent, and fsrs-rs holds the interpreter lock while
it fits, so on a machine with a spare processor the check runs in another process. That
process is started before the log is read, so that its own start (an interpreter,
fsrs-rs) overlaps the reading; it then makes the examples again from the kept answers.
Every fit is the same call on the same examples wherever it runs, so the figures are
those of making everything here, one after another.

The job is pickled by the calling thread before it starts fitting and written to a pipe
by a thread of its own (writing lets go of the interpreter lock): a process pool's
threads would pickle it only once they got that lock, which fsrs-rs holds until the fit
here ends, and the other process would wait idle for that long.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import Generic, ParamSpec, TypeVar

# Below this many answers the fits are quick and a process would not be ready in time
# to save anything: at 30,000 this one spent 0.31 s of CPU with the helper against 0.48 s
# alone, and the helper's own start costs about 0.3 s.
PARALLEL_FROM = 50_000
# How much of a processor the last minute's load must leave idle for the helper.
SPARE = 0.5
_log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")


def _serve(connection: Connection) -> None:
    """The helper process: load what the check needs, make the one job sent, send back
    what it returned or raised."""
    import fsrs_rs_python  # noqa: F401

    import trainer.study.optimizer  # noqa: F401

    try:
        job, args, kwargs = connection.recv()
    except EOFError:  # not needed after all
        return
    try:
        connection.send((True, job(*args, **kwargs)))
    except Exception as exc:  # raised again in the caller
        try:
            connection.send((False, exc))
        except Exception:  # one that cannot be pickled
            connection.send((False, RuntimeError(repr(exc))))
    finally:
        connection.close()


class Begun(Generic[T]):
    """A job handed to the helper process."""

    def __init__(self, connection: Connection, sending: threading.Thread,
                 failed: list[BaseException]) -> None:
        self._connection = connection
        self._sending = sending
        self._failed = failed

    def result(self, here: Callable[[], T]) -> T:
        """What the job returned (what it raised is raised here), or ``here()`` if the
        process died."""
        self._sending.join()
        try:
            if self._failed:
                raise self._failed[0]
            ok, value = self._connection.recv()
        except (EOFError, OSError) as exc:
            _log.info("checking in this process: %r", exc)
            return here()
        if not ok:
            raise value
        result: T = value
        return result


class Helper:
    """Another process, started ahead, for one job; or none, and the job runs here."""

    def __init__(self, process: BaseProcess | None = None,
                 connection: Connection | None = None) -> None:
        self._process = process
        self._connection = connection

    def start(self, job: Callable[P, T], *args: P.args, **kwargs: P.kwargs
              ) -> Begun[T] | None:
        """``job`` handed to the other process; None if there is none (then make it
        here)."""
        if self._connection is None:
            return None
        # Pickled here, written on a thread: the other process may still be starting,
        # and writing to a pipe lets go of the interpreter lock, so the fit here need
        # not wait for it to read.
        message = ForkingPickler.dumps((job, args, kwargs))
        failed: list[BaseException] = []
        connection = self._connection

        def send() -> None:
            try:
                connection.send_bytes(message)
            except OSError as exc:  # the process died while starting
                failed.append(exc)

        sending = threading.Thread(target=send, name="optimizer-check-send", daemon=True)
        sending.start()
        return Begun(connection, sending, failed)

    def close(self) -> None:
        """Let the process go: stopped if its job is still running (the caller gave up
        on it), reaped on a thread, so that the caller need not wait for it to exit."""
        process, connection = self._process, self._connection
        if process is None or connection is None:
            return
        if process.is_alive():
            process.terminate()

        def reap() -> None:
            process.join()
            connection.close()

        threading.Thread(target=reap, name="optimizer-check-reaper", daemon=True).start()


def _spare(workers: int | None) -> bool:
    if workers is not None:
        return workers > 0
    # In a frozen build the spawned process is the app's own executable: its entry point
    # (packaging/launcher.py) calls multiprocessing.freeze_support(), which makes it
    # run the job instead of the app, as the cohort report's processes do.
    count = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # not told (Windows)
        busy = 0.0
    # Another process only pays where a processor is idle: on a machine already busy
    # it takes its share from this one (two cores at a load of 5: 3.5 s against 2.5 s).
    return count - busy >= SPARE


def _start() -> Helper:
    # "spawn", not fork: the caller may be the window's worker thread, and a forked copy
    # of a running Qt application is not safe.
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs,), name="optimizer-check",
                              daemon=True)
    try:
        process.start()
    except OSError as exc:  # no processes to be had (a sandbox): slower, the same result
        _log.info("checking in this process: %s", exc)
        ours.close()
        return Helper()
    finally:
        theirs.close()
    return Helper(process, ours)


@contextmanager
def helper(answers: int, workers: int | None = None) -> Iterator[Helper]:
    """A helper process for a log of ``answers`` answers, started now; none when
    ``workers`` is 0, or by default when no processor is spare (one alone, or all busy)
    or below PARALLEL_FROM answers (any other ``workers``: one)."""
    wanted = _spare(workers) and (workers is not None or answers >= PARALLEL_FROM)
    started = _start() if wanted else Helper()
    try:
        yield started
    finally:
        started.close()
