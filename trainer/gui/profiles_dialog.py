"""File > Profiles…: every profile of this data folder; open another (Enter), make a new
one (Ctrl+N), rename (F2) or delete (Del) one that is not open. A deleted profile is
moved, whole, to deleted-profiles/ in the data folder, from where it can be put back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.clock import Clock
from trainer.config import Config
from trainer.domain.errors import TrainerError
from trainer.gui.theme import muted
from trainer.i18n import Context
from trainer.profile.profiles_service import ProfilesService
from trainer.study.wording import local_minute


class ProfilesDialogText(Context):
    """Texts of File > Profiles."""


ROLE = Qt.ItemDataRole.UserRole


class ProfilesDialog(QDialog):
    """The profile list; ``chosen`` is the profile to open when it closes accepted."""

    def __init__(self, config: Config, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = ProfilesService(config, clock)
        self.current = config.profile
        self.chosen: str | None = None
        self.setWindowTitle(ProfilesDialogText.tr("Profiles"))
        self.setObjectName("profilesDialog")
        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.list.setAccessibleName(ProfilesDialogText.tr("Profiles"))
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.open_button = QPushButton(ProfilesDialogText.tr("&Open"))
        self.open_button.setObjectName("profileOpen")
        self.new_button = QPushButton(ProfilesDialogText.tr("&New…") + "  (Ctrl+N)")
        self.new_button.setObjectName("profileNew")
        self.rename_button = QPushButton(ProfilesDialogText.tr("&Rename…") + "  (F2)")
        self.rename_button.setObjectName("profileRename")
        self.delete_button = QPushButton(ProfilesDialogText.tr("&Delete…") + "  (Del)")
        self.delete_button.setObjectName("profileDelete")
        for button, slot in ((self.open_button, self.open_selected),
                             (self.new_button, self.new_profile),
                             (self.rename_button, self.rename_selected),
                             (self.delete_button, self.delete_selected)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        side = QVBoxLayout()
        for button in (self.open_button, self.new_button, self.rename_button,
                       self.delete_button):
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        note = muted(QLabel(ProfilesDialogText.tr(
            "Each profile keeps its own decks, progress, settings and backups: one per "
            "person, or one for practice. Opening another closes this one (backed up as on "
            "any close).")))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        for keys, slot in (("Ctrl+N", self.new_profile), ("F2", self.rename_selected),
                           ("Delete", self.delete_selected)):
            QShortcut(QKeySequence(keys), self, slot)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.resize(520, 340)
        self.fill()

    def fill(self, select: str | None = None) -> None:
        """List the profiles, the open one marked."""
        self.list.clear()
        for entry in self.service.profiles():
            when = (ProfilesDialogText.tr("last used {when}").format(
                        when=local_minute(entry.modified)) if entry.modified
                    else ProfilesDialogText.tr("new"))
            line = (ProfilesDialogText.tr("{name}  (open now) · {when}")
                    if entry.name == self.current else "{name} · {when}")
            item = QListWidgetItem(line.format(name=entry.name, when=when))
            item.setData(ROLE, entry.name)
            self.list.addItem(item)
            if entry.name == (select or self.current):
                self.list.setCurrentItem(item)
        self.list.setFocus()
        self._update_buttons()

    def selected(self) -> str | None:
        """The profile picked in the list."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(ROLE))

    def _update_buttons(self) -> None:
        name = self.selected()
        other = name is not None and name != self.current
        self.open_button.setEnabled(other)
        self.rename_button.setEnabled(other)
        self.delete_button.setEnabled(other)

    def open_selected(self) -> None:
        """Open the picked profile in place of this one."""
        name = self.selected()
        if name is not None and name != self.current:
            self.chosen = name
            self.accept()

    def new_profile(self) -> None:
        """Make a new profile and pick it."""
        name, ok = QInputDialog.getText(self, ProfilesDialogText.tr("New profile"),
                                        ProfilesDialogText.tr("Name of the new profile:"))
        if not ok:
            return
        try:
            made = self.service.create(name)
        except TrainerError as exc:
            QMessageBox.warning(self, ProfilesDialogText.tr("New profile"), str(exc))
            return
        self.fill(made)

    def rename_selected(self) -> None:
        """Rename the picked profile (not the open one)."""
        old = self.selected()
        if old is None or old == self.current:
            return
        new, ok = QInputDialog.getText(
            self, ProfilesDialogText.tr("Rename profile"),
            ProfilesDialogText.tr("New name for '{name}':").format(name=old), text=old)
        if not ok or new.strip() == old:
            return
        try:
            renamed = self.service.rename(old, new)
        except TrainerError as exc:
            QMessageBox.warning(self, ProfilesDialogText.tr("Rename profile"), str(exc))
            return
        self.fill(renamed)

    def delete_selected(self) -> None:
        """Delete the picked profile (not the open one), after asking."""
        name = self.selected()
        if name is None or name == self.current:
            return
        answer = QMessageBox.question(
            self, ProfilesDialogText.tr("Delete profile"),
            ProfilesDialogText.tr(
                "Delete the profile '{name}'? Its folder, with its progress and backups, is "
                "moved to deleted-profiles in the data folder, from where it can be put "
                "back.").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.delete(name)
        except TrainerError as exc:
            QMessageBox.warning(self, ProfilesDialogText.tr("Delete profile"), str(exc))
            return
        self.fill()
