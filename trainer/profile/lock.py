"""One writer per profile: the window holds the profile's lock while it is open, and
commands that change the profile take it for as long as they run.

Two windows on one profile each scheduled answers from the state they had read, so
one undid the other's work. The lock is an operating-system file lock (``fcntl`` on
Linux and macOS, ``msvcrt`` on Windows), so it is released by the system when the
process ends, however it ends; a file beside it says who holds it, so the one who is
refused can be told. (The ``filelock`` package does the same two system calls but
costs a tenth of a second of imports at every start.)
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from trainer.clock import Clock
from trainer.domain.errors import TrainerError
from trainer.study.wording import local_minute

# How the window names itself to anyone it refuses.
WINDOW = "the Sales Trainer window"
# Whoever finds a command holding the profile waits this long for it to finish; the
# window holds it for as long as it is open, so it is never waited for.
COMMAND_WAIT_SECONDS = 10.0
LOCK_NAME = ".lock"
OWNER_NAME = ".lock-owner"


class Holder(NamedTuple):
    """Who holds a profile's lock, as they recorded it."""

    what: str  # "the Sales Trainer window", "trainer import"
    pid: int
    since: str  # local time, as text


class ProfileInUseError(TrainerError):
    """The profile is open in a window or being changed by a command."""

    exit_code = 4

    def __init__(self, profile_dir: Path, holder: Holder | None) -> None:
        self.profile_dir = profile_dir
        self.holder = holder
        who = (f"{holder.what} (process {holder.pid}, since {holder.since})" if holder
               else "another Sales Trainer")
        super().__init__(f"profile '{profile_dir.name}' ({profile_dir}) is in use by {who}; "
                         "close it first, or wait for it to finish")


class ProfileLock:
    """The lock of one profile folder; use as a context manager or acquire/release."""

    def __init__(self, profile_dir: Path, what: str, clock: Clock) -> None:
        self.profile_dir = profile_dir
        self.what = what
        self.clock = clock
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock now."""
        return self._fd is not None

    def acquire(self, wait: float = 0.0) -> ProfileLock:
        """Take the lock, waiting up to ``wait`` seconds; raises ``ProfileInUseError``."""
        if self._fd is not None:
            return self
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.profile_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise ProfileInUseError(self.profile_dir, read_holder(self.profile_dir))
            time.sleep(0.1)
        self._fd = fd
        try:
            since = local_minute(self.clock())
            (self.profile_dir / OWNER_NAME).write_text(
                json.dumps({"what": self.what, "pid": os.getpid(), "since": since}),
                encoding="utf-8")
        except OSError:
            pass  # the lock still holds; only the refusal message loses its detail
        return self

    def take(self, on_wait: Callable[[Holder], object] | None = None) -> ProfileLock:
        """Take the lock: refused at once while a window holds it, after a wait of up
        to ``COMMAND_WAIT_SECONDS`` (``on_wait`` told first) while a command does."""
        try:
            return self.acquire()
        except ProfileInUseError as refused:
            holder = refused.holder
            if holder is None or holder.what == WINDOW:
                raise
            if on_wait is not None:
                on_wait(holder)
            return self.acquire(wait=COMMAND_WAIT_SECONDS)

    def release(self) -> None:
        """Let the profile go (nothing happens if it is not held)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            (self.profile_dir / OWNER_NAME).unlink(missing_ok=True)
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> ProfileLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def _try_lock(fd: int) -> bool:
    """Take the operating system's exclusive lock on ``fd`` without waiting."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(profile_dir: Path) -> Holder | None:
    """Who says they hold the profile's lock, if anyone wrote it down."""
    try:
        data = json.loads((profile_dir / OWNER_NAME).read_text(encoding="utf-8"))
        return Holder(str(data["what"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
