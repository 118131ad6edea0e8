"""A damaged profile is met with a way out: restore its newest good backup (or another
one), start a new profile with the damaged file kept aside, or quit."""

from __future__ import annotations

import html
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from trainer.domain.errors import ProfileDamagedError
from trainer.gui.backup_dialog import when
from trainer.i18n import Context
from trainer.profile.backup_service import BackupInfo


class DamagedDialogText(Context):
    """Texts of the dialog met when a profile's file is damaged."""


class Choice(Enum):
    """What the rep chose to do about the damaged profile."""

    RESTORE = "restore"
    CHOOSE = "choose"
    START_AFRESH = "start afresh"
    QUIT = "quit"


class DamagedDialog(QDialog):
    """Says what is wrong and offers the ways out as buttons."""

    def __init__(self, error: ProfileDamagedError, newest: BackupInfo | None,
                 others: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = Choice.QUIT
        self.setWindowTitle(DamagedDialogText.tr("This profile is damaged"))
        layout = QVBoxLayout(self)
        if newest is not None:
            offer = DamagedDialogText.tr(
                "The newest good backup is from {when}, with {answers} and {decks}. "
                "Restoring it keeps the damaged file in the backups folder.").format(
                    when=f"<b>{when(newest)}</b>",
                    answers=DamagedDialogText.tr("%Ln answer(s)", "", newest.answers),
                    decks=DamagedDialogText.tr("%Ln deck(s)", "", len(newest.decks)))
        else:
            offer = DamagedDialogText.tr(
                "There is no good backup of it. You can start a new profile; the damaged "
                "file is kept in the backups folder, not deleted.")
        damaged = DamagedDialogText.tr(
            "<b>Sales Trainer cannot use this profile:</b> its file {path} is damaged "
            "({detail}).").format(path=f"<code>{html.escape(str(error.path))}</code>",
                                  detail=html.escape(error.detail))
        text = QLabel(f"<p>{damaged}</p><p>{offer}</p>")
        text.setObjectName("damagedText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        buttons = QDialogButtonBox()
        if newest is not None:
            restore = self._button(buttons, DamagedDialogText.tr("&Restore this backup"),
                                   Choice.RESTORE, QDialogButtonBox.ButtonRole.AcceptRole)
            restore.setDefault(True)
        if others > (1 if newest else 0):
            self._button(buttons, DamagedDialogText.tr("&Choose another backup…"),
                         Choice.CHOOSE, QDialogButtonBox.ButtonRole.ActionRole)
        self._button(buttons, DamagedDialogText.tr("&Start a new profile"), Choice.START_AFRESH,
                     QDialogButtonBox.ButtonRole.ActionRole)
        self._button(buttons, DamagedDialogText.tr("&Quit"), Choice.QUIT,
                     QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _button(self, box: QDialogButtonBox, text: str, choice: Choice,
                role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"damaged-{choice.value.replace(' ', '-')}")
        box.addButton(button, role)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept() if choice is not Choice.QUIT else self.reject()
