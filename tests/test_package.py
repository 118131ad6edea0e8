"""The installed package finds its decks and resources, and the commands work."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import trainer
from trainer.cli import main
from trainer.config import ENV_DATA_DIR, make_config, resolve_data_dir
from trainer.content.builtin import builtin_decks_dir, resources_dir
from trainer.storage.schema import SCHEMA_VERSION

CHECKOUT = Path(__file__).resolve().parents[1]


def test_decks_and_resources_ship_with_the_package() -> None:
    package = Path(trainer.__file__).resolve().parent
    if os.environ.get("TRAINER_EXPECT_INSTALLED"):
        assert package != CHECKOUT / "trainer", "tests must run against the installed wheel"
        assert "site-packages" in package.parts
        assert builtin_decks_dir() == package / "decks"
        assert resources_dir() == package / "resources"
    assert any(builtin_decks_dir().glob("*.toml"))
    assert (resources_dir() / "io.github.salestrainer.trainer.desktop").is_file()
    assert (resources_dir() / "icons" / "sales-trainer.svg").is_file()


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"trainer {trainer.__version__}"


def test_python_dash_m_runs_the_same_command() -> None:
    out = subprocess.run([sys.executable, "-m", "trainer", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == f"trainer {trainer.__version__}"


def test_data_dir_flag_beats_environment_beats_platform(tmp_path: Path) -> None:
    env = {ENV_DATA_DIR: str(tmp_path / "env")}
    assert resolve_data_dir(str(tmp_path / "flag"), env) == tmp_path / "flag"
    assert resolve_data_dir(None, env) == tmp_path / "env"
    assert "sales-trainer" in str(resolve_data_dir(None, {}))
    config = make_config(None, "team a", env)
    assert config.database_path == tmp_path / "env" / "profiles" / "team a" / "trainer.sqlite"


def test_decks_command_uses_the_env_data_dir(tmp_path: Path) -> None:
    env = {**os.environ, ENV_DATA_DIR: str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "trainer", "decks"], capture_output=True,
                         text=True, env=env, check=True)
    assert " 20 " in out.stdout  # a built-in deck with today's 20 new cards
    assert (tmp_path / "profiles" / "default" / "trainer.sqlite").is_file()


def test_deck_check_exit_codes_and_json(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deck", "check", str(builtin_decks_dir())]) == 0
    capsys.readouterr()
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\n[deck]\nid = "b"\ntitle = "B"\nversion = "1"\n'
                   '[[cards]]\nid = "c"\nfront = "f"\n')
    assert main(["deck", "check", "--json", str(bad), str(builtin_decks_dir())]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["decks"]
    assert set(doc["decks"][0]) >= {"id", "version", "cards", "quizzes", "assessments"}
    problems = {(p["file"], p["line"], p["item"]) for p in doc["problems"]}
    assert (str(bad), 6, "c") in problems  # missing back, and missing topic


def test_newer_profile_is_refused_by_the_command_line(tmp_path: Path) -> None:
    db_path = tmp_path / "profiles" / "default" / "trainer.sqlite"
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    out = subprocess.run([sys.executable, "-m", "trainer", "--data-dir", str(tmp_path), "decks"],
                         capture_output=True, text=True)
    assert out.returncode == 4
    assert "newer version" in out.stderr and "Traceback" not in out.stderr
    assert db_path.read_bytes() == before


def test_settings_command_changes_and_keeps_settings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from trainer.content.check import check_paths

    deck_id = check_paths([builtin_decks_dir()]).decks[0].id
    base = ["--data-dir", str(tmp_path), "settings"]
    assert main([*base, "--retention", "0.85", "--learning-steps", "30s 5m",
                 "--day-start", "6", "--deck", deck_id, "--new-per-day", "7"]) == 0
    capsys.readouterr()
    assert main(base) == 0
    out = capsys.readouterr().out
    assert "desired retention  0.85" in out and "learning steps     30s 5m" in out
    assert "06:00" in out and f"deck {deck_id}: 7 new and 200 reviews a day" in out
    assert main([*base, "--learning-steps", "ten minutes"]) == 3
    assert "should look like 30s, 10m, 1h or 1d" in capsys.readouterr().err
    assert main([*base, "--deck", "nope", "--new-per-day", "3"]) == 3
