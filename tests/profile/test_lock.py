"""The profile lock: one holder at a time, who holds it is said, and the operating
system frees it when the holder dies, however it dies."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.clock import FakeClock
from trainer.profile.lock import WINDOW, ProfileInUseError, ProfileLock


def test_one_holder_at_a_time_and_the_refused_are_told_who(
        tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "profiles" / "default"
    first = ProfileLock(folder, WINDOW, clock).acquire()
    assert first.held
    with pytest.raises(ProfileInUseError) as err:
        ProfileLock(folder, "trainer import", clock).acquire(wait=0.2)
    holder = err.value.holder
    assert holder is not None and holder.what == WINDOW and holder.pid == os.getpid()
    assert f"in use by {WINDOW} (process {os.getpid()}" in str(err.value)
    first.release()
    assert not first.held and not (folder / ".lock-owner").exists()
    with ProfileLock(folder, "trainer import", clock) as second:
        assert second.held


def test_a_killed_holder_lets_the_profile_go(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "profile"
    code = ("import sys; from pathlib import Path; from trainer.clock import system_clock; "
            "from trainer.profile.lock import ProfileLock; "
            "ProfileLock(Path(sys.argv[1]), 'trainer import', system_clock).acquire(); "
            "print('held', flush=True); sys.stdin.read()")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    if os.environ.get("TRAINER_EXPECT_INSTALLED"):
        env.pop("PYTHONPATH")
    child = subprocess.Popen([sys.executable, "-c", code, str(folder)], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    with pytest.raises(ProfileInUseError, match="trainer import"):
        ProfileLock(folder, WINDOW, clock).acquire()
    child.kill()  # SIGKILL: no chance to let go by itself
    child.wait(timeout=60)
    lock = ProfileLock(folder, WINDOW, clock).acquire(wait=30)  # freed by the system
    assert lock.held
    lock.release()
