"""File > Export progress…: say what the file will hold, ask the name the trainer will
see, then save the JSON file (or the CSV files) where the rep chooses."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.app import Services
from trainer.domain.errors import TrainerError
from trainer.gui.tasks import Report, run_job
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.profile.errors import user_message
from trainer.reports import csv_export, progress_export


class ProgressDialogText(Context):
    """Texts of File > Export progress."""


INCLUDED = (
    QT_TRANSLATE_NOOP("ProgressDialogText", "the decks you have and their versions"),
    QT_TRANSLATE_NOOP("ProgressDialogText",
                      "how well you know each card and question, with the start of its text"),
    QT_TRANSLATE_NOOP("ProgressDialogText", "everything you answered so far ({counts})"),
    QT_TRANSLATE_NOOP("ProgressDialogText",
                      "your quiz answers as you gave them, with how certain you were"),
    QT_TRANSLATE_NOOP("ProgressDialogText",
                      "your self-assessment choices and scores, and your learning path "
                      "progress"),
)
EXCLUDED = (
    QT_TRANSLATE_NOOP("ProgressDialogText", "anyone else's name or progress"),
    QT_TRANSLATE_NOOP("ProgressDialogText",
                      "anything outside this profile: other profiles, files or settings"),
)


def _bullets(lines: tuple[str, ...] | list[str]) -> str:
    return "".join(f"<li>{line}</li>" for line in lines)


class ProgressExportDialog(QDialog):
    """What goes into the progress file, the display name, and Save / Export CSV."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.folder = Path.home()  # where the last file went; the next save starts there
        self.busy = False  # a file is being written on the worker thread
        db = services.db
        self.learner = progress_export.learner_id(db)
        counts = progress_export.counts_line(*progress_export.profile_counts(db))
        self.setWindowTitle(ProgressDialogText.tr("Export progress"))
        layout = QVBoxLayout(self)

        intro = QLabel("<b>" + ProgressDialogText.tr(
            "Your progress, as one file to send to your trainer.") + "</b>")
        layout.addWidget(intro)
        included = QLabel(ProgressDialogText.tr("The file holds:") + "<ul>" + _bullets(
            [ProgressDialogText.tr(line).format(counts=counts) for line in INCLUDED]) + "</ul>")
        included.setObjectName("progressIncluded")
        included.setWordWrap(True)
        layout.addWidget(included)
        excluded = QLabel(ProgressDialogText.tr("It does not hold:") + "<ul>" + _bullets(
            [ProgressDialogText.tr(line) for line in EXCLUDED]) + "</ul>")
        excluded.setObjectName("progressExcluded")
        excluded.setWordWrap(True)
        layout.addWidget(excluded)
        layout.addWidget(QLabel(ProgressDialogText.tr(
            "Nothing is sent anywhere: you save the file and choose who gets it.")))

        form = QFormLayout()
        learner = QLabel(self.learner)
        learner.setObjectName("progressLearnerId")
        learner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        learner.setToolTip(ProgressDialogText.tr(
            "Made once for this profile; it tells your exports apart from other people's "
            "without saying who you are."))
        form.addRow(ProgressDialogText.tr("Learner id:"), learner)
        self.name = QLineEdit(progress_export.stored_display_name(db) or "")
        self.name.setObjectName("progressName")
        self.name.setMaxLength(progress_export.MAX_DISPLAY_NAME)
        self.name.setPlaceholderText(
            ProgressDialogText.tr("empty: your trainer sees only the learner id"))
        name_label = QLabel(ProgressDialogText.tr("&Name your trainer sees:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        layout.addLayout(form)

        self.status = QLabel("")
        self.status.setObjectName("progressStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.save_button = self._button(ProgressDialogText.tr("&Save progress file…"),
                                        "progressSave", QDialogButtonBox.ButtonRole.AcceptRole,
                                        self.save)
        self.csv_button = self._button(ProgressDialogText.tr("E&xport CSV…"), "progressCsv",
                                       QDialogButtonBox.ButtonRole.ActionRole, self.save_csv)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("progressClose")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Only once the button is inside the dialog does Enter press it.
        self.save_button.setDefault(True)
        self.setMinimumWidth(560)
        self.name.setFocus()

    def _button(self, text: str, name: str, role: QDialogButtonBox.ButtonRole,
                slot: object) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _run(self, title: str, job: Callable[[Report], Any]) -> Any:
        """``job`` on a worker thread under a progress dialog; meanwhile the buttons do
        nothing and the dialog stays open, since the work's end is handled here."""
        self.busy = True
        self.buttons.setEnabled(False)
        try:
            return run_job(self, title, job)
        finally:
            self.busy = False
            self.buttons.setEnabled(True)

    def reject(self) -> None:
        if not self.busy:  # Escape while the file is written: it is closed when done
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)

    def _says(self, error: Exception) -> str:
        """A sentence for what stopped the export: the app's own errors as they are,
        SQLite's and the file system's in the profile's words."""
        if isinstance(error, sqlite3.Error | OSError):
            return user_message(error, self.services.config)
        return str(error)

    def _done(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()
        self.adjustSize()  # room for the new line instead of squeezing the rest

    def _replace(self, paths: list[Path]) -> bool:
        """Ask before writing over files that are already there."""
        names = ", ".join(path.name for path in paths)
        # Not a count but one file or several: each is its own sentence.
        question = (ProgressDialogText.tr("{names} already exists in {folder}. Replace it?")
                    if len(paths) == 1 else
                    ProgressDialogText.tr("{names} already exist in {folder}. Replace them?"))
        answer = QMessageBox.question(
            self, ProgressDialogText.tr("Replace files?"),
            question.format(names=names, folder=paths[0].parent),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        """Ask where, then write the progress file with the name typed."""
        try:
            name = progress_export.clean_display_name(self.name.text())
        except ValueError as exc:
            QMessageBox.warning(self, ProgressDialogText.tr("Export progress"),
                                ProgressDialogText.tr("The name cannot be used: {error}.")
                                .format(error=exc))
            return
        proposed = self.folder / progress_export.default_file_name(
            name or self.learner[:8], self.services.clock())
        chosen, _ = QFileDialog.getSaveFileName(
            self, ProgressDialogText.tr("Save progress file"), str(proposed),
            ProgressDialogText.tr("Progress files") + " (*.json)")
        if not chosen:
            return  # cancelled: nothing stored, nothing written
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".json")
            # The save dialog asked about the name as typed, not with ".json" added.
            if path.exists() and not self._replace([path]):
                return
        services = self.services
        clock, settings = services.clock, services.study.settings

        def job(report: Report) -> progress_export.Written:
            # The worker reads on a connection of its own, from what was read here.
            with services.apart() as db:
                return progress_export.write_export(db, clock, path, name, settings=settings,
                                                    report=report)

        try:
            export: progress_export.Written = self._run(
                ProgressDialogText.tr("Saving the progress file…"), job)
        except (TrainerError, ValueError, sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, ProgressDialogText.tr("Export progress"),
                                ProgressDialogText.tr("The progress file was not saved.\n\n"
                                                      "{error}").format(error=self._says(exc)))
            return
        services.changed_elsewhere()  # the name typed was stored on the worker's connection
        self.folder = path.parent
        self.name.setText(export.display_name or "")
        self._done(ProgressDialogText.tr("<b>Saved</b> to {path}").format(path=escape(str(path)))
                   + "<br>" + ProgressDialogText.tr("{summary}. Send this file to your trainer.")
                   .format(summary=progress_export.summary(export)))

    def save_csv(self) -> None:
        """Ask for a folder, then write the four CSV files into it."""
        chosen = QFileDialog.getExistingDirectory(
            self, ProgressDialogText.tr("Folder for the CSV files"), str(self.folder))
        if not chosen:
            return
        existing = [Path(chosen) / name for name in csv_export.FILES
                    if (Path(chosen) / name).exists()]
        if existing and not self._replace(existing):
            return
        services = self.services
        clock, folder = services.clock, Path(chosen)

        def job(report: Report) -> list[Path]:
            with services.apart() as db:
                return csv_export.write_csv(db, clock, folder, report=report)

        try:
            written: list[Path] = self._run(ProgressDialogText.tr("Exporting CSV files…"), job)
        except (TrainerError, ValueError, sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, ProgressDialogText.tr("Export CSV"),
                                ProgressDialogText.tr("The CSV files were not saved.\n\n{error}")
                                .format(error=self._says(exc)))
            return
        self.folder = Path(chosen)
        self._done(ProgressDialogText.tr("<b>Saved</b> {files} to {folder}").format(
            files=", ".join(p.name for p in written), folder=escape(chosen)))


def open_from(services: Services, parent: QWidget) -> ProgressExportDialog:
    """Show the export dialog over ``parent`` (window-modal; returns at once)."""
    dialog = ProgressExportDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
