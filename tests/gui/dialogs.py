"""Answering modal dialogs in GUI tests: a dialog's ``exec()`` blocks the test until it
is closed, so what to do with it is queued on a timer before the action that opens it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QProgressDialog
from PySide6.QtWidgets import QPushButton as Button

Action = Callable[[QDialog], None]


def _texts(dialog: QDialog) -> str:
    if isinstance(dialog, QMessageBox):
        return dialog.text()
    return "\n".join(w.text() for w in dialog.findChildren(QLabel))


def answer_dialogs(actions: list[Action], kind: type[QDialog] = QDialog) -> list[str]:
    """Handle each modal dialog of ``kind`` in turn as it appears (progress dialogs are
    passed over); returns their texts."""
    seen: list[str] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or isinstance(dialog, QProgressDialog):
            QTimer.singleShot(20, handle)
            return
        seen.append(_texts(dialog))
        try:
            actions.pop(0)(dialog)
        except BaseException:
            # Closed, so that exec() returns and the test fails on this error rather
            # than waiting for ever on a dialog nobody answers.
            dialog.reject()
            raise
        if actions:
            QTimer.singleShot(20, handle)

    QTimer.singleShot(0, handle)
    return seen


def click(button: Button) -> None:
    """Click a button as a user would."""
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def press(name: str) -> Action:
    """An action that clicks the dialog's button with this object name or label."""
    def act(dialog: QDialog) -> None:
        click(next(b for b in dialog.findChildren(Button)
                   if b.objectName() == name or b.text().replace("&", "") == name))
    return act
