"""File > Restore from backup…: every backup with its date and what it holds, what
restoring the chosen one would change, and Restore (the profile as it is now is backed
up first, so a restore can itself be undone)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.profile.backup_service import BackupInfo, BackupService, RestorePreview
from trainer.study.wording import local_minute


class BackupDialogText(Context):
    """Texts of File > Restore from backup."""


REASONS = {
    "close": QT_TRANSLATE_NOOP("BackupDialogText", "closing the window"),
    "periodic": QT_TRANSLATE_NOOP("BackupDialogText", "while studying"),
    "manual": QT_TRANSLATE_NOOP("BackupDialogText", "made by hand"),
    "before-import": QT_TRANSLATE_NOOP("BackupDialogText", "before an import"),
    "before-update": QT_TRANSLATE_NOOP("BackupDialogText", "before a deck update"),
    "before-restore": QT_TRANSLATE_NOOP("BackupDialogText", "before a restore"),
    "before-repair": QT_TRANSLATE_NOOP("BackupDialogText", "before a repair"),
    "damaged": QT_TRANSLATE_NOOP("BackupDialogText", "damaged file kept"),
}


def describe_reason(reason: str) -> str:
    """Why a backup was made, in words."""
    if reason.startswith("before-v"):
        return BackupDialogText.tr("before an app update")
    return BackupDialogText.tr(REASONS[reason]) if reason in REASONS else reason


def when(info: BackupInfo) -> str:
    """The backup's local date and time."""
    return local_minute(info.created)


class RestoreDialog(QDialog):
    """The list of backups, a preview of the chosen one, and Restore / Close."""

    def __init__(self, backups: BackupService, parent: QWidget | None = None, *,
                 preview: Callable[[BackupInfo], RestorePreview] | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self._preview = preview or backups.preview
        self.chosen: BackupInfo | None = None
        self.setWindowTitle(BackupDialogText.tr("Restore from backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            BackupDialogText.tr(
                "Backups are made when you close the window after studying, every half hour "
                "while you study, and before imports, deck updates, restores and repairs. "
                "The last two days are all kept, then one a day, one a week and one a month; "
                "one made before an event is kept 30 days, and one you made is never "
                "deleted.")
            + "<br><br>" + BackupDialogText.tr("They are in {folder}.").format(
                folder=f"<code>{html.escape(str(backups.folder))}</code>"))
        intro.setObjectName("backupIntro")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setHeaderLabels([BackupDialogText.tr("Made"), BackupDialogText.tr("Why"),
                                   BackupDialogText.tr("Answers"), BackupDialogText.tr("Decks")])
        self.list.setRootIsDecorated(False)
        self.list.setAllColumnsShowFocus(True)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.list, 1)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("backupPreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setMinimumHeight(80)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.preview_label)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(BackupDialogText.tr("&Restore this backup"))
        self.restore_button.setObjectName("backupRestore")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        buttons.accepted.connect(self._accept_chosen)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show_preview)
        self.list.itemActivated.connect(lambda *_: self._accept_chosen())
        self._fill()
        self.resize(640, 480)
        self.list.setFocus()

    def _fill(self) -> None:
        self.infos = self.backups.list()
        for info in self.infos:
            held = ([number(info.answers), number(len(info.decks))] if info.readable
                    else ["-", "-"])
            row = QTreeWidgetItem([when(info), describe_reason(info.reason), *held])
            for column in (2, 3):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if not info.readable or info.reason == "damaged":
                row.setDisabled(True)
            self.list.addTopLevelItem(row)
        usable = [i for i, info in enumerate(self.infos)
                  if info.readable and info.reason != "damaged"]
        first = self.list.topLevelItem(usable[0]) if usable else None
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.preview_label.setText(BackupDialogText.tr("There is no backup to restore yet."))
            self.restore_button.setEnabled(False)

    def _show_preview(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            return
        info = self.infos[self.list.indexOfTopLevelItem(current)]
        if not info.readable or info.reason == "damaged":
            self.restore_button.setEnabled(False)
            problem = info.problem or BackupDialogText.tr("it is damaged")
            self.preview_label.setText(BackupDialogText.tr(
                "This backup cannot be restored: {problem}.").format(
                    problem=html.escape(problem)))
            return
        preview = self._preview(info)
        decks = (", ".join(html.escape(d.title) for d in info.decks)
                 or BackupDialogText.tr("none"))
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in preview.lines)
        self.preview_label.setText(
            BackupDialogText.tr("{when}: %Ln answer(s); decks: {decks}.", "",
                                info.answers).format(when=f"<b>{when(info)}</b>", decks=decks)
            + "<br>" + BackupDialogText.tr("Restoring it:") + f"<ul>{lines}</ul>")
        self.restore_button.setEnabled(True)

    def _accept_chosen(self) -> None:
        current = self.list.currentItem()
        if current is None or not self.restore_button.isEnabled():
            return
        self.chosen = self.infos[self.list.indexOfTopLevelItem(current)]
        self.accept()
