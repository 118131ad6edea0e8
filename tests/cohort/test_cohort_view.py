"""File > Open cohort… driven as a trainer would: pick the folder, read the tabs, save the
HTML, go back with Esc; a folder with nothing usable explains itself.

It lives beside the cohort fixtures rather than in tests/gui/, hence the Qt imports'
exemption from the rule that keeps Qt under trainer/gui/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cohort_builders import DATA, SCRIPT_NAME, SETTINGS, START, CohortFiles
from PySide6.QtCore import Qt  # noqa: TID251
from PySide6.QtWidgets import (  # noqa: TID251
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.gui.cohort_view import CohortView
from trainer.gui.main_window import MainWindow
from trainer.gui.run import make_app
from trainer.gui.theme import apply_theme
from trainer.reports.cohort import load_cohort
from trainer.reports.cohort_html import render_html

pytestmark = pytest.mark.gui


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TRAINER_THEME", request.param)
    app = make_app()
    apply_theme(app)
    yield request.param
    monkeypatch.delenv("TRAINER_THEME")
    apply_theme(app)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, theme: str) -> Iterator[MainWindow]:
    decks = tmp_path / "window-decks"
    decks.mkdir()
    shutil.copy(DATA / "cards_deck.toml", decks)
    services: Services = open_services(Config(tmp_path / "data"), FakeClock(START), SETTINGS,
                                       decks)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1000, 640)
    window.show()
    qtbot.waitExposed(window, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=20_000)
    yield window
    services.close()


def _open_cohort_from_menu(qtbot: QtBot, window: MainWindow) -> None:
    # Alt+F opens the File menu; C is "Open &cohort…".
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = window.menuBar().actions()[0].menu()
    qtbot.waitUntil(lambda: menu.isVisible(), timeout=20_000)
    qtbot.keyClick(menu, Qt.Key.Key_C)


def _table(view: CohortView, name: str) -> QTableWidget:
    table = view.findChild(QTableWidget, name)
    assert table is not None, name
    return table


def test_open_read_save_and_go_back(qtbot: QtBot, window: MainWindow, theme: str,
                                    cohort_files: CohortFiles, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *a, **k: str(cohort_files.folder))
    _open_cohort_from_menu(qtbot, window)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), CohortView), timeout=20_000)
    view = window.stack.currentWidget()
    assert isinstance(view, CohortView)
    assert view.summary.text().startswith("3 learners from 4 exports")

    heatmap = _table(view, "heatmap")
    assert [heatmap.horizontalHeaderItem(c).text() for c in range(3)] == [
        "general", "objections", "pushing-back"]
    assert [heatmap.verticalHeaderItem(r).text() for r in range(3)][:2] == [SCRIPT_NAME, "Ana"]
    ana_general = heatmap.item(1, 0)
    assert ana_general.text().endswith("%") and "from 5 answers" in ana_general.toolTip()
    assert heatmap.item(1, 1).text() == "—"
    assert "Not enough data: 4 answers, 5 needed" in heatmap.item(1, 1).toolTip()
    QApplication.processEvents()  # let the tables settle their scroll bars before the shot
    view.grab().save(f"/tmp/cohort-mastery-{theme}.png")

    bar = view.tabs.tabBar()
    names = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert names == ["Readiness", "Mastery", "Quizzes", "Learning path", "Practice",
                     "Sure but wrong", "Calibration", "Files (4 skipped)"]
    for index in range(len(names)):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert view.tabs.currentIndex() == index
        QApplication.processEvents()
        view.grab().save(f"/tmp/cohort-{index}-{theme}.png")

    readiness = _table(view, "readiness")
    ana = load_cohort([cohort_files.folder]).learners[1]
    general = ana.readiness["general"]
    assert readiness.item(1, 0).text().startswith(f"{general.value:.0%} {general.verdict}")
    assert "Recall in 30 days" in readiness.item(1, 0).toolTip()
    assert readiness.horizontalHeaderItem(3).text() == "Ready on"
    rates = _table(view, "passRates")
    assert [rates.item(0, c).text() for c in range(5)] == [
        "Quiz test deck", "Mixed quiz", "2 of 3", "1", "50%"]
    paths = _table(view, "paths")
    assert paths.item(0, 0).text() == SCRIPT_NAME
    assert paths.item(0, 4).text() == ("Study Quiz test deck; Pass the quiz: Mixed quiz; "
                                       "Take the self-check: Ready?")
    assert paths.item(2, 4).text() == "on track"
    wrong = _table(view, "confidentWrong")
    assert wrong.rowCount() == 3 and wrong.item(0, 3).text() == "2"
    calibration = _table(view, "calibration")
    assert calibration.item(3, 0).text() == "Whole cohort"
    files = _table(view, "files")
    assert {Path(files.item(r, 0).text()).name for r in range(files.rowCount())} == {
        "broken.json", "from-the-future.json", "huge.json", "package.json", "ana-monday.json"}

    target = tmp_path / "saved" / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "HTML files (*.html)"))
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_name("report.html")
    assert saved.read_text(encoding="utf-8") == render_html(load_cohort([cohort_files.folder]))
    assert view.status.text() == f"Saved {saved}"

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks


def test_a_folder_with_nothing_usable_is_explained(
        qtbot: QtBot, window: MainWindow, cohort_files: CohortFiles, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "strays"
    folder.mkdir()
    shutil.copy(cohort_files.broken, folder)
    shutil.copy(cohort_files.foreign, folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    _open_cohort_from_menu(qtbot, window)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown == [f"No usable progress export in {folder}.\n\nSkipped:\n"
                     "• broken.json: not valid JSON (line 3, column 1: Expecting property name "
                     "enclosed in double quotes)\n"
                     '• package.json: not a progress export ("format" is None)']
    assert window.stack.currentWidget() is window.decks


def test_cancelling_the_folder_dialog_changes_nothing(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    _open_cohort_from_menu(qtbot, window)
    assert window.stack.currentWidget() is window.decks
    assert window.findChild(QLabel, "cohortTitle") is None


def test_the_window_keeps_handling_events_while_reading(
        qtbot: QtBot, window: MainWindow, cohort_files: CohortFiles,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The exports are read off the window's thread: reading waits until the window's
    thread has handled an event of its own (on that thread it would wait for ever, and
    the test fail, not hang)."""
    from apart import OffTheWindow

    from trainer.gui import cohort_view

    reading = OffTheWindow(monkeypatch, cohort_view, "load_cohort")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *a, **k: str(cohort_files.folder))
    _open_cohort_from_menu(qtbot, window)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), CohortView),
                    timeout=20_000)
    assert reading.threads == ["worker"]
