"""Importing from the window: the file is read and compared with the profile on a worker
thread, the plan is shown (with the choice to bring in Anki's review history), and the
import is installed on a worker thread under a progress dialog (Cancel writes nothing).
The window goes on drawing and handling events throughout."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trainer.app import Services
from trainer.domain.errors import TrainerError
from trainer.gui.tasks import Report, run_job
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.library.importing import ImportPlan, ImportResult, InstallCancelled


class ImportDialogText(Context):
    """Texts of importing from the window: the file types, the plan and the outcome."""


_PATTERNS = "*.trainerdeck *.toml *.apkg *.colpkg *.csv *.tsv *.txt *.gift"
_DECKS_AND_IMPORTS = QT_TRANSLATE_NOOP("ImportDialogText", "Decks and imports")
_ALL_FILES = QT_TRANSLATE_NOOP("ImportDialogText", "All files")
# English, for a caller that has not moved to file_filter() yet.
FILE_FILTER = f"{_DECKS_AND_IMPORTS} ({_PATTERNS});;{_ALL_FILES} (*)"


def file_filter() -> str:
    """The Open dialog's file types, named in the rep's language (the patterns stay)."""
    return (f"{ImportDialogText.tr(_DECKS_AND_IMPORTS)} ({_PATTERNS});;"
            f"{ImportDialogText.tr(_ALL_FILES)} (*)")


class ConfirmImport(QDialog):
    """What will change, and Import / Cancel."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(ImportDialogText.tr("Import {name}").format(name=plan.source.name))
        layout = QVBoxLayout(self)
        heading = QLabel(ImportDialogText.tr("<b>Importing {name}</b> will change:").format(
            name=plan.source.name))
        layout.addWidget(heading)
        # Without the history line: the checkbox below offers the history instead.
        summary = QLabel("\n".join(f"• {line}" for line in plan.summary(history=False)))
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if plan.has_older:
            warning = QLabel(ImportDialogText.tr(
                "This file holds an <b>older version</b> than the one installed: edited cards "
                "would go back to their older text. Progress is kept either way."))
            warning.setObjectName("importOlder")
            warning.setWordWrap(True)
            layout.addWidget(warning)
            self.older_ok = QCheckBox(ImportDialogText.tr("Import the older version anyway"))
            self.older_ok.setObjectName("importOlderOk")
            layout.addWidget(self.older_ok)
        clashes = plan.clash_warnings()
        if clashes:
            clash = QLabel("\n\n".join(clashes))
            clash.setObjectName("importClash")
            clash.setWordWrap(True)
            layout.addWidget(clash)
            self.clash_ok = QCheckBox(
                ImportDialogText.tr("Retire them: this file replaces the installed deck"))
            self.clash_ok.setObjectName("importClashOk")
            layout.addWidget(self.clash_ok)
        self.history: QCheckBox | None = None
        if plan.bundle.history:
            self.history = QCheckBox(ImportDialogText.tr(
                "Bring in %Ln past answer(s) from the file's review history, so each card's "
                "schedule goes on where it was (answers already here are never doubled)", "",
                len(plan.bundle.history)))
            self.history.setObjectName("importHistory")
            self.history.setChecked(True)
            layout.addWidget(self.history)
        if plan.bundle.skipped:
            details = QPlainTextEdit("\n".join(str(p) for p in plan.bundle.skipped))
            details.setReadOnly(True)
            details.setMaximumHeight(140)
            layout.addWidget(QLabel(ImportDialogText.tr("Skipped:")))
            layout.addWidget(details)
        kept = QLabel(ImportDialogText.tr(
            "Progress on existing cards is kept: edited cards keep their history, removed "
            "ones are hidden, not deleted."))
        kept.setWordWrap(True)
        layout.addWidget(kept)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(ImportDialogText.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importConfirm")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Every agreement asked for must be given before Import can be pressed.
        self._agreements = [box for box in (getattr(self, "older_ok", None),
                                            getattr(self, "clash_ok", None)) if box]
        for box in self._agreements:
            box.toggled.connect(self._update_import_button)
        self._update_import_button()
        self.setMinimumWidth(520)


    def _update_import_button(self) -> None:
        self.import_button.setEnabled(all(box.isChecked() for box in self._agreements))

    def chosen_plan(self) -> ImportPlan:
        """The plan as confirmed: without the review history if the rep said no."""
        if self.history is None or self.history.isChecked():
            return self.plan
        return replace(self.plan, bundle=replace(self.plan.bundle, history=[]))


def import_file(parent: QWidget, services: Services, path: Path) -> bool:
    """The whole import from the window; returns True if anything was written."""

    reading = ImportDialogText.tr("Reading {name}…").format(name=path.name)

    def read(report: Report) -> ImportPlan:
        report(0, 0, reading)
        with services.imports_apart() as imports:
            # History is read too, so the preview can offer it with its size.
            return imports.prepare(path, with_history=True)

    try:
        plan: ImportPlan = run_job(parent, reading, read)
    except TrainerError as exc:
        QMessageBox.warning(parent, ImportDialogText.tr("Cannot import"), ImportDialogText.tr(
            "{name} cannot be imported:\n\n{error}\n\nNothing was changed.").format(
                name=path.name, error=exc))
        return False
    dialog = ConfirmImport(plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    chosen = dialog.chosen_plan()

    importing = ImportDialogText.tr("Importing %Ln item(s)…", "", chosen.item_count)

    def install(report: Report) -> ImportResult:
        report(0, chosen.item_count, importing)
        with services.imports_apart() as imports:
            return imports.apply(chosen, lambda done, total: report(done, total, ""))

    try:
        result: Any = run_job(
            parent, ImportDialogText.tr("Importing {name}…").format(name=path.name), install,
            cancel_label=ImportDialogText.tr("Cancel"))
    except InstallCancelled:
        QMessageBox.information(parent, ImportDialogText.tr("Import cancelled"),
                                ImportDialogText.tr("Nothing was imported."))
        return False
    except TrainerError as exc:
        QMessageBox.warning(parent, ImportDialogText.tr("Import failed"),
                            ImportDialogText.tr("{error}\n\nNothing was changed.").format(
                                error=exc))
        return False
    finally:
        services.changed_elsewhere()
    titles = ", ".join(c.deck.title for c in chosen.changes)
    if result.reviews:
        done = ImportDialogText.tr("Imported %Ln item(s), with {answers} into {decks}.", "",
                                   result.items).format(
            answers=ImportDialogText.tr("%Ln past answer(s)", "", result.reviews), decks=titles)
    else:
        done = ImportDialogText.tr("Imported %Ln item(s) into {decks}.", "",
                                   result.items).format(decks=titles)
    QMessageBox.information(parent, ImportDialogText.tr("Imported"), done)
    return True
