"""The subcommands of ``trainer``, one module per group."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from trainer.config import Config, make_config

if TYPE_CHECKING:
    from trainer.app import Services
    from trainer.profile.lock import ProfileLock

def command_name(args: argparse.Namespace) -> str:
    """How the lock's holder is named to someone refused: "trainer import"."""
    parts = [args.command, str(getattr(args, f"{args.command}_command", "") or "")]
    return "trainer " + " ".join(p for p in parts if p)


def lock_profile(config: Config, what: str) -> ProfileLock:
    """Take the profile's lock for a command that changes it: refused at once while the
    window has the profile open, after a short wait while another command runs."""
    from trainer.clock import system_clock
    from trainer.profile.lock import ProfileLock

    return ProfileLock(config.profile_dir, what, system_clock).take(
        lambda holder: print(f"trainer: waiting for {holder.what} to finish with this "
                             "profile…", file=sys.stderr))


def _lock_if_free(config: Config, args: argparse.Namespace) -> ProfileLock | None:
    """A reading command takes the lock only if nobody has it, and only while it opens
    the profile: then it may also finish what an earlier run left (pictures of a
    stopped import, changed built-in decks)."""
    from trainer.clock import system_clock
    from trainer.profile.lock import ProfileInUseError, ProfileLock

    try:
        return ProfileLock(config.profile_dir, command_name(args), system_clock).acquire()
    except ProfileInUseError:
        return None


@contextmanager
def profile_services(args: argparse.Namespace, *, writes: bool = False) -> Iterator[Services]:
    """The profile named by ``--data-dir`` and ``--profile``, open for one command and
    closed after it, whatever happens. A command that ``writes`` holds the profile's
    lock meanwhile and runs the quick check when it closes the profile."""
    from trainer.app import open_services, profile_behind

    config = make_config(args.data_dir, args.profile)
    lock = lock_profile(config, command_name(args)) if writes else _lock_if_free(config, args)
    try:
        if profile_behind(config):
            # A long history takes a while to migrate: said, so that nobody stops it.
            print("trainer: updating the profile for this version (once; a long history "
                  "takes a while)…", file=sys.stderr)
        services = open_services(config, writer=lock is not None)
        if lock is not None and not writes:
            # Opening is done: a reading command need not keep a window from starting.
            lock.release()
        try:
            yield services
        finally:
            report = services.close(check=writes)
            if report is not None and not report.ok:
                print(f"trainer: the check on closing found a problem: "
                      f"{' '.join(report.lines())} 'trainer check --repair' fixes it.",
                      file=sys.stderr)
    finally:
        if lock is not None:
            lock.release()
