"""``trainer push`` against a real LRS: Ralph (ralph-malph 5.1.0) with its file-system
backend on loopback, its data and credentials in the test's temporary folder.

Ralph's server needs click < 8.2.1 and sqlite-utils needs click >= 8.3.1, so the server
lives in a venv of its own; $TRAINER_RALPH names its ``ralph`` executable (.ci/run
makes that venv and sets it).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from xapi_history import History

from trainer import cli
from trainer.reports.xapi import statements

USER, PASSWORD = "trainer-test", "a-long-test-password"
START_DEADLINE_SECONDS = 60.0


def ralph_executable() -> Path:
    """$TRAINER_RALPH, or a skip, or (in CI, or when told to expect it) a failure."""
    required = os.environ.get("CI") == "true" or os.environ.get("TRAINER_EXPECT_INSTALLED") == "1"
    given = os.environ.get("TRAINER_RALPH")
    problem = None
    if not given:
        problem = ("TRAINER_RALPH is not set; point it at the ralph executable of a venv with "
                   "ralph-malph[cli,lrs]==5.1.0 and requests (.ci/run makes one)")
    elif not os.access(given, os.X_OK):
        problem = f"TRAINER_RALPH={given} is not an executable file"
    if problem is None:
        return Path(str(given))
    if required:
        pytest.fail(problem)
    pytest.skip(problem)


@dataclass
class Lrs:
    """A running Ralph LRS."""

    url: str
    log: Path

    def read_all(self) -> list[dict[str, Any]]:
        """Every stored statement, following the "more" links page by page."""
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        found: list[dict[str, Any]] = []
        origin = self.url.split("/xAPI")[0]
        address: str | None = f"{self.url}statements?limit=25"
        while address:
            request = urllib.request.Request(address, headers={
                "Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"})
            with urllib.request.urlopen(request, timeout=30) as response:
                page = json.load(response)
            found.extend(page["statements"])
            address = origin + page["more"] if page.get("more") else None
        return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    """Poll the heartbeat until it answers, the server dies, or the deadline passes."""
    deadline = time.monotonic() + START_DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"ralph runserver exited ({process.returncode}):\n"
                        + log.read_text(errors="replace")[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            # Between tries, wait on the server itself: its exit ends the wait at once
            # (and is reported above) instead of a fixed pause.
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.2)
    pytest.fail(f"ralph runserver did not answer within {START_DEADLINE_SECONDS:g} s:\n"
                + log.read_text(errors="replace")[-3000:])


@pytest.fixture
def ralph_lrs(tmp_path: Path) -> Iterator[Lrs]:
    """Ralph on a free loopback port, with one user allowed everything."""
    ralph = ralph_executable()
    home = tmp_path / "ralph"
    home.mkdir()
    env = {**os.environ, "RALPH_APP_DIR": str(home), "RALPH_AUTH_FILE": str(home / "auth.json"),
           # `ralph auth` loads the API, which would otherwise ask for Elasticsearch.
           "RALPH_RUNSERVER_BACKEND": "fs"}
    subprocess.run([str(ralph), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                    "-A", "trainer-test", "https://sales-trainer.invalid", "-w"],
                   env=env, cwd=home, check=True, capture_output=True, timeout=120)
    port = free_port()
    log = home / "server.log"
    with open(log, "wb") as output:
        # cwd is the temporary folder: runserver reloads on file changes under its cwd.
        process = subprocess.Popen(
            [str(ralph), "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(port),
             "--fs-default-directory-path", str(home / "data")],
            env=env, cwd=home, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        wait_until_up(process, f"http://127.0.0.1:{port}/__lbheartbeat__", log)
        yield Lrs(f"http://127.0.0.1:{port}/xAPI/", log)
    finally:
        # The reloader runs the server in a child: end the whole process group.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_push_to_ralph_and_read_back(history: History, ralph_lrs: Lrs,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    exported = {s["id"]: s for s in statements(history.services.db)}
    assert len(exported) == 30
    args = ["--data-dir", str(history.data_dir), "push", "--lrs", ralph_lrs.url,
            "--user", USER, "--password", PASSWORD]
    assert cli.main(args) == 0, capsys.readouterr().err
    assert "Sent 30 statements" in (out := capsys.readouterr().out)
    assert "30 new, 0 already there" in out

    stored = ralph_lrs.read_all()
    assert sorted(s["id"] for s in stored) == sorted(exported)
    passed = next(s for s in stored if s["verb"]["id"].endswith("/passed"))
    assert passed["result"]["score"] == exported[passed["id"]]["result"]["score"]
    assert passed["context"]["registration"] == exported[passed["id"]]["context"]["registration"]

    assert cli.main(args) == 0, capsys.readouterr().err
    assert "0 new, 30 already there" in capsys.readouterr().out
    assert len(ralph_lrs.read_all()) == 30
