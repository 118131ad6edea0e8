"""``trainer export xapi`` and ``trainer push`` as a rep runs them, against a small LRS
on loopback, and every error a rep can run into."""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_lrs import FakeLrs, serve
from xapi_history import History

from trainer import cli
from trainer.domain.errors import TrainerError
from trainer.reports import xapi_lrs
from trainer.reports.progress_export import set_display_name
from trainer.reports.xapi import statements


def run(history: History, *args: str) -> int:
    return cli.main(["--data-dir", str(history.data_dir), *args])


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def lrs() -> Iterator[FakeLrs]:
    with serve(FakeLrs()) as server:
        yield server


def test_export_writes_one_statement_a_line(history: History, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "statements.jsonl"
    assert run(history, "export", "xapi", "-o", str(out)) == 0
    written = lines(out)
    assert written == json.loads(json.dumps(list(statements(history.services.db))))
    assert len(written) == 30
    assert f"wrote 30 xAPI statements to {out}" in capsys.readouterr().err
    first = out.read_bytes()
    assert run(history, "export", "xapi", "-o", str(out)) == 0
    assert out.read_bytes() == first
    assert [p.name for p in out.parent.iterdir()] == ["statements.jsonl"]
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask  # readable as any new file


def test_a_failed_export_leaves_the_earlier_file(history: History, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "statements.jsonl"
    out.write_text("earlier export\n", encoding="utf-8")

    def broken(db: object) -> Iterator[dict[str, Any]]:
        yield {"id": "first"}
        raise TrainerError("the profile could not be read")

    monkeypatch.setattr("trainer.reports.xapi.statements", broken)
    assert run(history, "export", "xapi", "-o", str(out)) == 3
    assert "trainer: the profile could not be read" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_to_an_unwritable_place_names_it(history: History, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert run(history, "export", "xapi", "-o", str(blocker / "x.jsonl")) == 3
    assert f"trainer: cannot write {blocker / 'x.jsonl'}" in capsys.readouterr().err


def test_push_sends_in_batches_and_never_twice(history: History, lrs: FakeLrs,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(xapi_lrs, "BATCH_SIZE", 8)
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", "p")
    assert run(history, "push", "--lrs", lrs.url, "--user", "u") == 0
    assert f"Sent 30 statements to {lrs.url}: 30 new, 0 already there." \
        in capsys.readouterr().out
    assert set(lrs.stored) == {s["id"] for s in statements(history.services.db)}
    assert [r["count"] for r in lrs.requests] == [8, 8, 8, 6]
    headers = lrs.requests[0]["headers"]
    assert headers["x-experience-api-version"] == "1.0.3"
    assert headers["content-type"].startswith("application/json")
    assert headers["authorization"] == "Basic dTpw"  # u:p
    assert run(history, "push", "--lrs", lrs.url, "--user", "u", "--password", "p") == 0
    assert "30 statements" in (out := capsys.readouterr().out)
    assert "0 new, 30 already there" in out
    assert len(lrs.stored) == 30


def test_push_a_file_written_by_export(history: History, lrs: FakeLrs, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.jsonl"
    assert run(history, "export", "xapi", "-o", str(out)) == 0
    # Two exports in one file: the repeats are recognized, not sent twice.
    out.write_text(out.read_text(encoding="utf-8") * 2, encoding="utf-8")
    assert cli.main(["push", "--lrs", lrs.url, "--user", "u", "--password", "p",
                     "--file", str(out)]) == 0
    assert "Sent 60 statements" in (text := capsys.readouterr().out)
    assert "30 new, 30 already there" in text
    assert list(lrs.stored.values()) == lines(out)[:30]


def test_statements_changed_since_they_were_sent_are_reported(
        history: History, lrs: FakeLrs, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("push", "--lrs", lrs.url, "--user", "u", "--password", "p")
    assert run(history, *args) == 0
    set_display_name(history.services.db, "Sam Rep")  # changes every statement's actor
    assert run(history, *args) == 3
    captured = capsys.readouterr()
    assert "0 new, 0 already there" in captured.out
    assert "trainer: 30 statements were not stored: the LRS holds different statements" \
        in captured.err
    assert all("name" not in s["actor"] for s in lrs.stored.values())


def test_malformed_file_names_the_line_and_sends_nothing(
        tmp_path: Path, lrs: FakeLrs, capsys: pytest.CaptureFixture[str]) -> None:
    good = json.dumps({"id": "6f0f6c36-5c8b-5d7e-9a63-0c7ad9f1f0aa", "actor": {},
                       "verb": {}, "object": {}})
    cases = {
        "{not json": "line 3: not valid JSON",
        "[1, 2]": "line 3: not a JSON object",
        '{"actor": {}}': "line 3: the statement has no id",
        '{"id": "x", "actor": {}, "verb": {}, "object": {}}': "line 3: the statement id 'x'",
        '{"id": "6f0f6c36-5c8b-5d7e-9a63-0c7ad9f1f0ab", "actor": {}}':
            "line 3: the statement has no verb",
    }
    for bad, message in cases.items():
        path = tmp_path / "bad.jsonl"
        path.write_text(f"{good}\n\n{bad}\n{good}\n", encoding="utf-8")
        assert cli.main(["push", "--lrs", lrs.url, "--user", "u", "--password", "p",
                         "--file", str(path)]) == 3
        assert f"trainer: {path}, {message}" in capsys.readouterr().err
    assert lrs.requests == []
    missing = tmp_path / "missing.jsonl"
    assert cli.main(["push", "--lrs", lrs.url, "--file", str(missing)]) == 3
    assert f"trainer: cannot read {missing}" in capsys.readouterr().err


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_refused(history: History, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{closed_port()}/xAPI"
    assert run(history, "push", "--lrs", url, "--user", "u", "--password", "p") == 3
    err = capsys.readouterr().err
    assert f"trainer: cannot reach the LRS at {url}: connection refused" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("status", "body", "message"), [
    (401, '{"detail": "Invalid authentication credentials"}',
     "refused the user name or password (HTTP 401: Invalid authentication credentials)"),
    (500, '{"detail": "Statements bulk indexation failed"}',
     "answered HTTP 500: Statements bulk indexation failed"),
    (400, "<html><body>Bad   request\n</body></html>",
     "answered HTTP 400: <html><body>Bad request </body></html>"),
    (404, '{"detail": "Not Found"}', "has no statements resource (HTTP 404: Not Found)"),
    (200, '{"ok": true}', "answered with something other than a list of statement ids"),
])
def test_lrs_errors_carry_its_message(history: History, status: int, body: str,
                                      message: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with serve(FakeLrs(fixed=(status, body))) as lrs:
        assert run(history, "push", "--lrs", lrs.url, "--user", "u", "--password", "p") == 3
    assert f"trainer: the LRS at {lrs.url} {message}" in capsys.readouterr().err


def test_wrong_password_against_the_lrs(history: History, lrs: FakeLrs,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(history, "push", "--lrs", lrs.url, "--user", "u", "--password", "nope") == 3
    assert "refused the user name or password (HTTP 401" in capsys.readouterr().err
    assert lrs.stored == {}


@pytest.mark.parametrize("url", ["ftp://lrs.example.com/xAPI", "lrs.example.com/xAPI",
                                 "https:///xAPI", "http://host:port/xAPI",
                                 "https://lrs.example.com/xAPI?x=1"])
def test_bad_urls(history: History, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(history, "push", "--lrs", url, "--user", "u", "--password", "p") == 3
    err = capsys.readouterr().err
    assert err.startswith("trainer: --lrs ") and url in err


def test_credentials_come_in_pairs(history: History, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("TRAINER_LRS_PASSWORD", raising=False)
    assert run(history, "push", "--lrs", "http://127.0.0.1:9/", "--user", "u") == 3
    assert "set TRAINER_LRS_PASSWORD for --user 'u' (or run this in a terminal" \
        in capsys.readouterr().err
    assert run(history, "push", "--lrs", "http://127.0.0.1:9/", "--password", "p") == 3
    assert "--user is needed with a password" in capsys.readouterr().err


def test_a_server_that_is_not_http_is_named(history: History,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Something else listens there (an SSH server, say) and answers in its own tongue.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]

    def answer() -> None:
        connection, _ = server.accept()
        connection.recv(65536)
        connection.sendall(b"SSH-2.0-OpenSSH_9.0\r\n")
        connection.close()

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}/xAPI"
    assert run(history, "push", "--lrs", url, "--user", "u", "--password", "p") == 3
    thread.join(timeout=10)
    server.close()
    err = capsys.readouterr().err
    assert f"trainer: the LRS at {url} did not answer as an HTTP server does" in err
    assert "is --lrs right?" in err and "Traceback" not in err


def test_nothing_to_send_contacts_nobody(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{closed_port()}/xAPI"
    assert cli.main(["--data-dir", str(tmp_path / "new"), "push", "--lrs", url,
                     "--user", "u", "--password", "p"]) == 0
    assert "Nothing to send: no answers yet." in capsys.readouterr().out


def test_the_password_is_asked_for_at_a_terminal_and_never_shown(
        history: History, lrs: FakeLrs, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import getpass
    import sys

    monkeypatch.delenv("TRAINER_LRS_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return "p"  # the fake LRS's password

    monkeypatch.setattr(getpass, "getpass", typed)
    assert run(history, "push", "--lrs", lrs.url, "--user", "u") == 0
    assert asked == ["Password for u at the LRS: "]
    captured = capsys.readouterr()
    assert "Sent 30 statements" in captured.out and ": p" not in captured.out + captured.err
