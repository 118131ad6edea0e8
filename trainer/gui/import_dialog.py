"""Importing from the window: show the plan, confirm, then install with a progress
dialog (Cancel writes nothing) when the import is large."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from trainer.app import Services
from trainer.domain.errors import TrainerError
from trainer.library.importing import ImportPlan, InstallCancelled

PROGRESS_ABOVE = 2000  # items; smaller imports finish before a dialog would be seen
FILE_FILTER = ("Decks and imports (*.trainerdeck *.toml *.apkg *.colpkg *.csv *.tsv *.txt "
               "*.gift);;All files (*)")


class ConfirmImport(QDialog):
    """What will change, and Import / Cancel."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {plan.source.name}")
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>Importing {plan.source.name}</b> will change:")
        layout.addWidget(heading)
        summary = QLabel("\n".join(f"• {line}" for line in plan.summary()))
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if plan.has_older:
            warning = QLabel("This file holds an <b>older version</b> than the one installed: "
                             "edited cards would go back to their older text. Progress is "
                             "kept either way.")
            warning.setObjectName("importOlder")
            warning.setWordWrap(True)
            layout.addWidget(warning)
            self.older_ok = QCheckBox("Import the older version anyway")
            self.older_ok.setObjectName("importOlderOk")
            layout.addWidget(self.older_ok)
        clashes = plan.clash_warnings()
        if clashes:
            clash = QLabel("\n\n".join(clashes))
            clash.setObjectName("importClash")
            clash.setWordWrap(True)
            layout.addWidget(clash)
            self.clash_ok = QCheckBox("Retire them: this file replaces the installed deck")
            self.clash_ok.setObjectName("importClashOk")
            layout.addWidget(self.clash_ok)
        if plan.bundle.skipped:
            details = QPlainTextEdit("\n".join(str(p) for p in plan.bundle.skipped))
            details.setReadOnly(True)
            details.setMaximumHeight(140)
            layout.addWidget(QLabel("Skipped:"))
            layout.addWidget(details)
        kept = QLabel("Progress on existing cards is kept: edited cards keep their history, "
                      "removed ones are hidden, not deleted.")
        kept.setWordWrap(True)
        layout.addWidget(kept)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("Import",
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


def import_file(parent: QWidget, services: Services, path: Path) -> bool:
    """The whole import from the window; returns True if anything was written."""
    try:
        plan = services.imports.prepare(path)
    except TrainerError as exc:
        QMessageBox.warning(parent, "Cannot import", f"{path.name} cannot be imported:\n\n"
                                                     f"{exc}\n\nNothing was changed.")
        return False
    dialog = ConfirmImport(plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    progress = None
    if plan.item_count > PROGRESS_ABOVE:
        progress = QProgressDialog(f"Importing {plan.item_count} items…", "Cancel", 0,
                                   plan.item_count, parent)
        progress.setWindowTitle("Importing")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)

    def step(done: int, total: int) -> bool:
        if progress is None:
            return True
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        result = services.imports.apply(plan, step)
    except InstallCancelled:
        QMessageBox.information(parent, "Import cancelled", "Nothing was imported.")
        return False
    except TrainerError as exc:
        QMessageBox.warning(parent, "Import failed", f"{exc}\n\nNothing was changed.")
        return False
    finally:
        if progress is not None:
            progress.close()
    QMessageBox.information(parent, "Imported", f"Imported {result.items} items into "
                            f"{', '.join(result.decks)}.")
    return True
