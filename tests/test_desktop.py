"""Desktop integration: the menu entry and file type for one user, and a clear sentence
instead of a Qt abort when the window cannot open."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import pytest

from trainer import desktop, display
from trainer.cli import main


def test_install_writes_the_freedesktop_files_and_uninstall_removes_them(
        tmp_path: Path) -> None:
    home = tmp_path / "share"
    placed = desktop.install(home, ["/opt/my apps/sales-trainer"])
    paths = {p.what: p.path for p in placed}
    assert paths["menu entry"] == home / "applications" / f"{desktop.APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(paths["menu entry"], encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == '"/opt/my apps/sales-trainer" %f'
    assert section["Icon"] == desktop.APP_ID
    assert section["MimeType"] == "application/x-trainerdeck;"
    assert paths["icon"].read_bytes().startswith(b"\x89PNG")
    assert "*.trainerdeck" in paths["file type"].read_text(encoding="utf-8")
    assert f"<id>{desktop.APP_ID}</id>" in paths["metadata"].read_text(encoding="utf-8")
    removed = desktop.uninstall(home)
    assert {p.path for p in removed} == set(paths.values())
    assert not any(path.exists() for path in paths.values())


def test_trainer_desktop_install_from_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["desktop", "install", "--launcher", "/usr/local/bin/trainer"]) == 0
    out = capsys.readouterr().out
    assert "applications menu" in out
    assert "Exec=/usr/local/bin/trainer %f" in (
        tmp_path / "applications" / f"{desktop.APP_ID}.desktop").read_text(encoding="utf-8")
    assert main(["desktop", "uninstall"]) == 0
    assert "removed menu entry" in capsys.readouterr().out


@pytest.mark.skipif(not __import__("shutil").which("desktop-file-validate"),
                    reason="desktop-file-validate is not installed (.ci/run installs it)")
def test_the_installed_entry_passes_the_freedesktop_validator(tmp_path: Path) -> None:
    [entry] = [p.path for p in desktop.install(tmp_path, ["/usr/bin/trainer"])
               if p.what == "menu entry"]
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                            text=True)
    assert result.returncode == 0 and result.stdout + result.stderr == ""


def test_no_desktop_session_is_one_sentence_naming_what_works() -> None:
    message = display.why_no_window({}, "linux", frozen=False)
    assert message is not None and "needs a desktop session" in message
    assert "'trainer decks'" in message
    assert display.why_no_window({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display.why_no_window({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display.why_no_window({}, "win32") is None


def test_a_missing_xcb_library_is_named_with_its_package(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display, "_loads", lambda library: library != "libxcb-cursor.so.0")
    message = display.why_no_window({"DISPLAY": ":0"}, "linux", frozen=False)
    assert message is not None
    assert "install libxcb-cursor0" in message and "sudo apt install libxcb-cursor0" in message
    # The bundle carries the libraries itself.
    assert display.why_no_window({"DISPLAY": ":0"}, "linux", frozen=True) is None


def test_the_window_without_a_display_exits_with_the_sentence(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if not os.environ.get("TRAINER_EXPECT_INSTALLED"):
        env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    result = subprocess.run([sys.executable, "-m", "trainer", "--data-dir", str(tmp_path)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 3
    assert result.stderr.startswith("trainer: the window needs a desktop session")
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr
