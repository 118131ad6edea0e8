"""File > Export progress… driven from the keyboard and the mouse, as a rep would."""

from __future__ import annotations

import errno
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from progress_history import History
from PySide6.QtCore import Qt  # noqa: TID251
from PySide6.QtWidgets import (  # noqa: TID251
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from trainer.gui.main_window import MainWindow
from trainer.gui.progress_dialog import ProgressExportDialog
from trainer.gui.run import make_app
from trainer.profile.errors import user_message
from trainer.reports.progress_export import learner_id, stored_display_name

pytestmark = pytest.mark.gui


class FileDialogs:
    """Stands in for the modal file dialogs: records what they proposed, returns answers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.proposed: list[str] = []
        self.answers: list[str] = []
        self.warnings: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)
        monkeypatch.setattr(QMessageBox, "warning", self._warning)

    def _save(self, _parent: object, _title: str, proposed: str,
              _filter: str) -> tuple[str, str]:
        self.proposed.append(proposed)
        return self.answers.pop(0), ""

    def _folder(self, _parent: object, _title: str, start: str) -> str:
        self.proposed.append(start)
        return self.answers.pop(0)

    def _warning(self, _parent: object, _title: str, text: str) -> None:
        self.warnings.append(text)


@pytest.fixture
def window(qtbot: QtBot, history: History) -> Iterator[MainWindow]:
    make_app()
    shown = MainWindow(history.services)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown, timeout=20_000)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown, timeout=20_000)
    yield shown


def open_dialog(qtbot: QtBot, window: MainWindow) -> ProgressExportDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=20_000)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ProgressExportDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name, timeout=20_000)
    return dialog


def label(dialog: ProgressExportDialog, name: str) -> str:
    found = dialog.findChild(QLabel, name)
    assert found is not None
    return found.text()


def test_export_with_a_name_from_the_keyboard(qtbot: QtBot, window: MainWindow,
                                              history: History, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = FileDialogs(monkeypatch)
    dialog = open_dialog(qtbot, window)
    db = history.services.db
    assert label(dialog, "progressLearnerId") == learner_id(db)
    included = label(dialog, "progressIncluded")
    assert "16 answers, 1 quiz attempt, 1 self-assessment" in included
    assert "anyone else's name" in label(dialog, "progressExcluded")
    assert "anything outside this profile" in label(dialog, "progressExcluded")
    dialog.grab().save("/tmp/progress_dialog.png")

    target = tmp_path / "sent" / "progress-ann.json"
    dialogs.answers.append(str(target))
    qtbot.keyClicks(dialog.name, "Ann Lee")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Save is the default button
    assert dialogs.proposed == [str(Path.home() / "progress-ann-lee-2026-03-12.json")]
    export = json.loads(target.read_text(encoding="utf-8"))
    assert export["learner"] == {"id": learner_id(db), "display_name": "Ann Lee"}
    assert stored_display_name(db) == "Ann Lee"
    status = label(dialog, "progressStatus")
    assert str(target) in status and "Send this file to your trainer" in status
    assert dialog.isVisible() and not dialogs.warnings
    dialog.grab().save("/tmp/progress_dialog_saved.png")

    # Tab to Export CSV… and press Space; the folder offered is where the file went.
    folder = tmp_path / "sheets"
    dialogs.answers.append(str(folder))
    dialog.name.setFocus()
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.csv_button
    qtbot.keyClick(dialog.csv_button, Qt.Key.Key_Space)
    assert dialogs.proposed[-1] == str(target.parent)
    assert sorted(p.name for p in folder.iterdir()) == [
        "practice.csv", "quiz_answers.csv", "reviews.csv", "self_assessments.csv"]
    assert "reviews.csv" in label(dialog, "progressStatus")

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(ProgressExportDialog) is None, timeout=20_000)


def test_name_is_prefilled_and_cancel_stores_nothing(qtbot: QtBot, window: MainWindow,
                                                     history: History, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = FileDialogs(monkeypatch)
    db = history.services.db
    dialog = open_dialog(qtbot, window)
    dialogs.answers.append(str(tmp_path / "first.json"))
    qtbot.keyClicks(dialog.name, "Ann")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(ProgressExportDialog) is None, timeout=20_000)

    dialog = open_dialog(qtbot, window)
    name = dialog.findChild(QLineEdit, "progressName")
    assert name is not None and name.text() == "Ann"
    name.selectAll()
    qtbot.keyClicks(name, "Someone Else")
    dialogs.answers.append("")  # the rep cancels the save dialog
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert stored_display_name(db) == "Ann"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "decks", "first.json"]
    assert not dialog.status.isVisible()


def test_unwritable_file_is_reported_and_nothing_changes(qtbot: QtBot, window: MainWindow,
                                                         history: History, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    dialogs = FileDialogs(monkeypatch)
    blocker = tmp_path / "a-file"
    blocker.write_text("keep", encoding="utf-8")
    dialog = open_dialog(qtbot, window)
    dialogs.answers.append(str(blocker / "progress.json"))
    qtbot.keyClicks(dialog.name, "Ann")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialogs.warnings == [f"The progress file was not saved.\n\n{blocker}: cannot write "
                                "the progress export (a file, not a folder)"]
    assert stored_display_name(history.services.db) is None
    assert blocker.read_text(encoding="utf-8") == "keep"
    assert not dialog.status.isVisible()


def test_a_name_with_control_characters_is_refused(qtbot: QtBot, window: MainWindow,
                                                   history: History,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = FileDialogs(monkeypatch)
    dialog = open_dialog(qtbot, window)
    dialog.name.setText("Ann\x07")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings == ["The name cannot be used: the display name holds control "
                                "characters."]
    assert dialogs.proposed == []  # no save dialog was offered


def test_files_already_there_are_replaced_only_when_the_rep_says_so(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = FileDialogs(monkeypatch)
    questions: list[str] = []
    replies = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
               QMessageBox.StandardButton.No]

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        questions.append(text)
        return replies.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    earlier = tmp_path / "mine.json"
    earlier.write_text("an earlier export", encoding="utf-8")
    (tmp_path / "reviews.csv").write_text("kept", encoding="utf-8")
    dialog = open_dialog(qtbot, window)

    # Typed without ".json": the save dialog never saw "mine.json", so the app asks.
    dialogs.answers.append(str(tmp_path / "mine"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert questions == [f"mine.json already exists in {tmp_path}. Replace it?"]
    assert earlier.read_text(encoding="utf-8") == "an earlier export"

    dialogs.answers.append(str(tmp_path / "mine"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert json.loads(earlier.read_text(encoding="utf-8"))["format"] == "sales-trainer-progress"

    dialogs.answers.append(str(tmp_path))
    qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert questions[-1] == f"reviews.csv already exists in {tmp_path}. Replace it?"
    assert (tmp_path / "reviews.csv").read_text(encoding="utf-8") == "kept"
    assert not (tmp_path / "quiz_answers.csv").exists()


def test_the_progress_file_is_written_off_the_window(qtbot: QtBot, window: MainWindow,
                                                     history: History, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The export waits until the window's thread has handled an event of its own: on
    that thread it would wait in vain and the test fail, not hang."""
    from apart import OffTheWindow

    from trainer.reports import progress_export

    dialogs = FileDialogs(monkeypatch)
    writing = OffTheWindow(monkeypatch, progress_export, "write_export")
    dialog = open_dialog(qtbot, window)
    target = tmp_path / "ann.json"
    dialogs.answers.append(str(target))
    qtbot.keyClicks(dialog.name, "Ann")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert writing.threads == ["worker"]
    assert json.loads(target.read_text(encoding="utf-8"))["learner"]["display_name"] == "Ann"
    assert stored_display_name(history.services.db) == "Ann"  # seen by the window too
    assert "<b>Saved</b>" in label(dialog, "progressStatus") and not dialogs.warnings


def test_escape_and_a_second_press_wait_for_the_file(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """While the file is written the dialog stays open and Save does nothing: the rep
    presses Escape and Save again before the worker may go on (the guard's event comes
    after theirs)."""
    from apart import OffTheWindow
    from PySide6.QtCore import QTimer  # noqa: TID251

    from trainer.reports import progress_export

    dialogs = FileDialogs(monkeypatch)
    dialog = open_dialog(qtbot, window)
    pressed: list[bool] = []

    def impatient() -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        pressed.append(dialog.isVisible())

    QTimer.singleShot(0, impatient)
    writing = OffTheWindow(monkeypatch, progress_export, "write_export")
    target = tmp_path / "ann.json"
    dialogs.answers.append(str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert pressed == [True] and writing.threads == ["worker"]
    assert dialogs.proposed == [dialogs.proposed[0]]  # asked where only once
    assert target.exists() and "<b>Saved</b>" in label(dialog, "progressStatus")
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # now it closes
    qtbot.waitUntil(lambda: window.findChild(ProgressExportDialog) is None, timeout=20_000)


def test_the_csv_files_are_written_off_the_window(qtbot: QtBot, window: MainWindow,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from apart import OffTheWindow

    from trainer.reports import csv_export

    dialogs = FileDialogs(monkeypatch)
    writing = OffTheWindow(monkeypatch, csv_export, "write_csv")
    dialog = open_dialog(qtbot, window)
    folder = tmp_path / "sheets"
    dialogs.answers.append(str(folder))
    qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert writing.threads == ["worker"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "practice.csv", "quiz_answers.csv", "reviews.csv", "self_assessments.csv"]
    assert "<b>Saved</b>" in label(dialog, "progressStatus") and not dialogs.warnings


DISK_FULL = sqlite3.OperationalError("database or disk is full")


def test_a_database_error_while_writing_leaves_no_file(qtbot: QtBot, window: MainWindow,
                                                       history: History, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    from trainer.reports import progress_records

    dialogs = FileDialogs(monkeypatch)
    threads: list[bool] = []

    def failing(_db: object) -> Iterator[dict[str, object]]:
        threads.append(threading.current_thread() is threading.main_thread())
        yield {"deck": "d", "item": "i"}  # part of the file is written already
        raise DISK_FULL

    monkeypatch.setattr(progress_records, "reviews", failing)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = open_dialog(qtbot, window)
    dialogs.answers.append(str(folder / "ann.json"))
    qtbot.keyClicks(dialog.name, "Ann")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert threads == [False]
    assert dialogs.warnings == ["The progress file was not saved.\n\n"
                                + user_message(DISK_FULL, history.services.config)]
    assert "disk is full" in dialogs.warnings[0]
    assert list(folder.iterdir()) == []  # neither the file nor its temporary one
    assert stored_display_name(history.services.db) is None
    assert not dialog.status.isVisible()


def test_a_full_disk_leaves_no_file(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.reports import files

    def no_room(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    dialogs = FileDialogs(monkeypatch)
    monkeypatch.setattr(files.os, "fsync", no_room)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = open_dialog(qtbot, window)
    dialogs.answers.append(str(folder / "ann.json"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings == [f"The progress file was not saved.\n\n{folder / 'ann.json'}: "
                                "cannot write the progress export (No space left on device)"]
    assert list(folder.iterdir()) == []

    dialogs.answers.append(str(folder))
    qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings[-1] == (f"The CSV files were not saved.\n\n{folder / 'reviews.csv'}"
                                    ": cannot write the CSV export (No space left on device)")
    assert list(folder.iterdir()) == []
    assert not dialog.status.isVisible()


def test_a_database_error_in_the_csv_export_leaves_no_file(
        qtbot: QtBot, window: MainWindow, history: History, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.reports import csv_export

    def failing(_db: object) -> object:
        raise DISK_FULL

    dialogs = FileDialogs(monkeypatch)
    monkeypatch.setattr(csv_export, "practice_table", failing)
    folder = tmp_path / "sheets"
    dialog = open_dialog(qtbot, window)
    dialogs.answers.append(str(folder))
    qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert dialogs.warnings == ["The CSV files were not saved.\n\n"
                                + user_message(DISK_FULL, history.services.config)]
    assert not folder.exists() or list(folder.iterdir()) == []
    assert not dialog.status.isVisible()
