"""The question asked before something typed is thrown away: the safe answer is the
default, and Esc gives it too."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_discard(parent: QWidget, title: str, text: str, discard: str, keep: str) -> bool:
    """Ask ``text``; True only if the rep chooses ``discard`` (Enter and Esc ``keep``)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    chosen = box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole)
    safe = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.exec()
    return box.clickedButton() is chosen
