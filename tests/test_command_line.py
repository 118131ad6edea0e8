"""The command line's own manners: mistyped commands, unusable folders, closed pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer import cli
from trainer.cli import main


def test_a_mistyped_command_is_named_not_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "stat"]) == 2
    err = capsys.readouterr().err
    assert err == ("trainer: unknown command 'stat' (did you mean 'stats'?); "
                   "'trainer --help' lists them\n")
    assert not (tmp_path / "profiles").exists()  # the window never opened a profile


@pytest.mark.parametrize("raw", [
    [], ["--data-dir", "/tmp/reps", "--smoke-test"], ["--profile", "anna", "--minimized"],
    ["--data", "/tmp/reps"],  # an abbreviated option, as argparse allows
])
def test_opening_the_window_parses_its_options_without_the_commands(
        raw: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    whole = vars(cli.build_parser().parse_args(raw))

    def no_commands(sub: object) -> None:
        raise AssertionError("the commands' parsers were built to open the window")

    monkeypatch.setattr(cli, "_add_commands", no_commands)
    assert vars(cli.parse_arguments(raw)) == whole
    assert whole["command"] is None


@pytest.mark.parametrize(("raw", "said"), [
    (["--colour"], "unrecognized arguments: --colour"),
    (["--data-dir"], "argument --data-dir: expected one argument"),
])
def test_a_wrong_window_option_gets_the_whole_parsers_message(
        raw: list[str], said: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.parse_arguments(raw)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: trainer [-h]") and "COMMAND ..." in err
    assert err.rstrip().endswith(f"trainer: error: {said}")


def test_a_command_after_the_options_still_gets_its_own_parser() -> None:
    args = cli.parse_arguments(["--profile", "anna", "decks", "--json"])
    assert (args.command, args.profile, args.json) == ("decks", "anna", True)


def test_the_window_is_imported_with_the_collector_held_and_then_running() -> None:
    # A fresh process, as a start is: the window's modules are frozen out of later
    # collections, and the collector runs again afterwards.
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
           "QT_QPA_PLATFORM": "offscreen"}
    if os.environ.get("TRAINER_EXPECT_INSTALLED"):
        env.pop("PYTHONPATH")
    code = ("import gc, sys\n"
            "from trainer.cli import window_module\n"
            "run = window_module()\n"
            "print(gc.isenabled(), gc.get_freeze_count() > 10_000, run.__name__,\n"
            "      'PySide6.QtWidgets' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "trainer.gui.run", "True"]


def test_a_data_folder_that_is_a_file_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine\n", encoding="utf-8")
    assert main(["--data-dir", str(not_a_folder), "decks"]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"trainer: {not_a_folder}") and "Traceback" not in err
    assert not_a_folder.read_text(encoding="utf-8") == "mine\n"


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    # As in "trainer stats --json | head -1": the pipe closes before the output is written.
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    if os.environ.get("TRAINER_EXPECT_INSTALLED"):
        env.pop("PYTHONPATH")  # the installed package, as the rest of the run uses
    child = subprocess.Popen(
        [sys.executable, "-m", "trainer", "--data-dir", str(tmp_path), "stats", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 1
    assert err == ""


def test_exit_statuses_are_documented_and_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "Exit status: 0 done; 1 a check found problems" in shown
    assert "3 what you asked cannot be done" in shown and "4 the profile is damaged" in shown
    data = ["--data-dir", str(tmp_path / "data")]
    with pytest.raises(SystemExit) as done:
        main([*data, "stats", "--no-such-option"])
    assert done.value.code == 2  # usage, as argparse says
    assert main([*data, "import", str(tmp_path / "missing.csv"), "--yes"]) == 3
    assert main([*data, "stats", "--from", "2026-02-30"]) == 3
    damaged = tmp_path / "data" / "profiles" / "default" / "trainer.sqlite"
    damaged.write_bytes(b"not a database at all")
    assert main([*data, "decks"]) == 4


def test_json_commands_report_failures_as_json_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "stats", "--json", "--deck", "nope"]) == 3
    captured = capsys.readouterr()
    failure = json.loads(captured.out)
    assert failure["exit"] == 3 and failure["error"].startswith("no deck 'nope' in this profile")
    assert captured.err == f"trainer: {failure['error']}\n"


def test_exports_write_to_standard_output_with_dash(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "export", "progress", "-o", "-", "--name", "Ann"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["learner"]["display_name"] == "Ann"
    assert captured.err.startswith("wrote - for learner")
    assert main([*data, "export", "gift", "objections", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("$CATEGORY:") or "::" in captured.out
    assert "questions to -" in captured.err
    assert main([*data, "export", "xapi", "-o", "-"]) == 0
    assert capsys.readouterr().out == ""  # no answers yet: no statements, nothing else
    assert not (Path.cwd() / "-").exists()


def test_bash_completion_comes_from_the_parser(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    assert main(["completion", "bash"]) == 0
    script = tmp_path / "trainer.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["completion", "zsh"]) == 0
    assert capsys.readouterr().out.startswith("#compdef trainer")
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")

    def complete(*words: str) -> list[str]:
        quoted = " ".join(f'"{w}"' for w in words)
        code = (f'source "{script}"; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; '
                '_shtab_trainer; printf "%s\\n" "${COMPREPLY[@]}"')
        result = subprocess.run([bash, "-c", code], capture_output=True, text=True,
                                timeout=60)
        return result.stdout.split()

    assert complete("trainer", "ba") == ["backup"]
    assert complete("trainer", "backup", "") == ["create", "list", "restore"]


def test_a_command_says_it_is_updating_an_older_profile_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Migrating a long history takes a while: the command says so instead of seeming to
    hang, and only the run that migrates says it."""
    from sqlite_utils import Database

    from trainer.config import make_config
    from trainer.storage.migrations import migrations
    from trainer.storage.schema import SCHEMA_VERSION

    config = make_config(str(tmp_path))
    config.profile_dir.mkdir(parents=True)
    old = Database(config.database_path)
    migrations.apply(old, stop_before="0012_review_hours")
    old.execute("PRAGMA user_version = 11")
    old.conn.close()

    assert main(["--data-dir", str(tmp_path), "decks"]) == 0
    assert "updating the profile for this version" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "decks"]) == 0
    assert "updating the profile" not in capsys.readouterr().err
    done = Database(config.database_path)
    assert done.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    done.conn.close()


def test_ctrl_c_during_an_import_says_so_and_keeps_the_profile_as_it_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.storage import decks_repo

    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "decks"]) == 0
    before = capsys.readouterr().out
    cards = tmp_path / "calls.csv"
    cards.write_text("".join(f"Q{i},A{i}\n" for i in range(50)), encoding="utf-8")
    real_write = decks_repo._write_items

    def interrupted(*args: object, **kwargs: object) -> None:
        real_write(*args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # as Ctrl-C lands, with the rows written but not committed

    monkeypatch.setattr(decks_repo, "_write_items", interrupted)
    assert main([*data, "import", str(cards), "--yes"]) == 130
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.endswith("trainer: stopped (Ctrl-C); the change under way was not saved "
                        "(what was saved before it stays)\n")
    monkeypatch.undo()
    assert main([*data, "decks"]) == 0
    assert capsys.readouterr().out == before  # no deck "calls", no half of one
