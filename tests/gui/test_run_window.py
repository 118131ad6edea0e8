"""A start as `trainer` makes it (run.py): the window first, then, once it is painted,
the server that brings it forward for a later start and the daily reminder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from trainer.clock import FakeClock
from trainer.config import Config
from trainer.gui import run
from trainer.gui.main_window import MainWindow
from trainer.gui.single_instance import server_name


def _listening(config: Config) -> bool:
    """Whether a later start on this profile would find the window's server."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(config.profile_dir))
    connected = socket.waitForConnected(2_000)
    socket.abort()
    return connected


def test_the_window_listens_and_reminds_once_it_is_painted(
        qtbot: QtBot, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(tmp_path / "data")
    seen: dict[str, tuple[bool, bool]] = {}

    def event_loop(app: QApplication) -> int:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        # Shown but not painted yet: nothing besides the window has started.
        seen["shown"] = (window.reminders is not None, _listening(config))
        qtbot.waitUntil(lambda: window.reminders is not None, timeout=20_000)
        seen["painted"] = (window.reminders is not None, _listening(config))
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert run._run_window(config, clock, None, smoke_test=False) == (0, None)
    assert seen == {"shown": (False, False), "painted": (True, True)}
    assert not _listening(config)  # closed with the window
