"""A start as `trainer` makes it (run.py): the window first, then, once it is painted,
the server that brings it forward for a later start, the daily reminder, and the row of
a study session begun before the paint."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings
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

    made: list[MainWindow] = []

    class Window(MainWindow):
        def __init__(self, services: Services) -> None:
            super().__init__(services)
            made.append(self)

    def event_loop(app: QApplication) -> int:
        window = made[-1]
        # Shown but not painted yet: nothing besides the window has started.
        seen["shown"] = (window.reminders is not None, _listening(config))
        qtbot.waitUntil(lambda: window.reminders is not None, timeout=20_000)
        seen["painted"] = (window.reminders is not None, _listening(config))
        window.close()
        return 0

    monkeypatch.setattr(run, "MainWindow", Window)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert run._run_window(config, clock, None, smoke_test=False) == (0, None)
    assert seen == {"shown": (False, False), "painted": (True, True)}
    assert not _listening(config)  # closed with the window


def test_a_study_chosen_before_the_first_paint_writes_its_session_once_painted(
        qtbot: QtBot, tmp_path: Path, clock: FakeClock, settings: StudySettings,
        card_decks: Path) -> None:
    services = open_services(Config(tmp_path / "data"), clock, settings, card_decks)
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        deck = next(row.deck.id for row in services.study.deck_counts() if row.counts.new)
        window.study(deck)  # as a start straight to a deck's cards: before the paint
        assert window.review.card.toPlainText()
        sessions = "SELECT count(*) FROM sessions"
        assert services.db.execute(sessions).fetchone()[0] == 0
        with qtbot.waitSignal(window.first_painted, timeout=20_000):
            window.show()
        assert services.db.execute(sessions).fetchone()[0] == 1
        window.study(deck)  # once painted, a new sitting is written at once
        assert services.db.execute(sessions).fetchone()[0] == 2
        window.close()
    finally:
        services.close()


def test_the_media_folder_is_tidied_once_the_window_is_painted(
        qtbot: QtBot, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(tmp_path / "data")
    open_services(config, clock).close()
    stray = config.profile_dir / "media" / ".incoming-stray"  # an import stopped early
    stray.mkdir(parents=True)
    seen: dict[str, list[bool]] = {"shown": [], "painted": []}
    made: list[MainWindow] = []

    class Window(MainWindow):
        def __init__(self, services: Services) -> None:
            super().__init__(services)
            made.append(self)
            # Connected after the window's own: runs after them.
            self.first_painted.connect(lambda: seen["painted"].append(stray.exists()))

    def event_loop(app: QApplication) -> int:
        window = made[-1]
        seen["shown"].append(stray.exists())  # shown, not painted: left for after the paint
        qtbot.waitUntil(lambda: bool(seen["painted"]), timeout=20_000)
        window.close()
        return 0

    monkeypatch.setattr(run, "MainWindow", Window)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert run._run_window(config, clock, None, smoke_test=False) == (0, None)
    assert seen == {"shown": [True], "painted": [False]}
