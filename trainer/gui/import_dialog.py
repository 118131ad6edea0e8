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
from trainer.library.importing import ImportPlan, ImportResult, InstallCancelled
from trainer.study.wording import count

FILE_FILTER = ("Decks and imports (*.trainerdeck *.toml *.apkg *.colpkg *.csv *.tsv *.txt "
               "*.gift);;All files (*)")


class ConfirmImport(QDialog):
    """What will change, and Import / Cancel."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Import {plan.source.name}")
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>Importing {plan.source.name}</b> will change:")
        layout.addWidget(heading)
        summary = QLabel("\n".join(f"• {line}" for line in plan.summary()
                                     if not line.endswith("past reviews to bring in")))
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
        self.history: QCheckBox | None = None
        if plan.bundle.history:
            self.history = QCheckBox(
                f"Bring in {count(len(plan.bundle.history), 'past answer')} from the "
                "file's review history, so each card's schedule goes on where it was "
                "(answers already here are never doubled)")
            self.history.setObjectName("importHistory")
            self.history.setChecked(True)
            layout.addWidget(self.history)
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

    def chosen_plan(self) -> ImportPlan:
        """The plan as confirmed: without the review history if the rep said no."""
        if self.history is None or self.history.isChecked():
            return self.plan
        return replace(self.plan, bundle=replace(self.plan.bundle, history=[]))


def import_file(parent: QWidget, services: Services, path: Path) -> bool:
    """The whole import from the window; returns True if anything was written."""

    def read(report: Report) -> ImportPlan:
        report(0, 0, f"Reading {path.name}…")
        with services.imports_apart() as imports:
            # History is read too, so the preview can offer it with its size.
            return imports.prepare(path, with_history=True)

    try:
        plan: ImportPlan = run_job(parent, f"Reading {path.name}…", read)
    except TrainerError as exc:
        QMessageBox.warning(parent, "Cannot import", f"{path.name} cannot be imported:\n\n"
                                                     f"{exc}\n\nNothing was changed.")
        return False
    dialog = ConfirmImport(plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    chosen = dialog.chosen_plan()

    def install(report: Report) -> ImportResult:
        report(0, chosen.item_count, f"Importing {count(chosen.item_count, 'item')}…")
        with services.imports_apart() as imports:
            return imports.apply(chosen, lambda done, total: report(done, total, ""))

    try:
        result: Any = run_job(parent, f"Importing {path.name}…", install,
                              cancel_label="Cancel")
    except InstallCancelled:
        QMessageBox.information(parent, "Import cancelled", "Nothing was imported.")
        return False
    except TrainerError as exc:
        QMessageBox.warning(parent, "Import failed", f"{exc}\n\nNothing was changed.")
        return False
    finally:
        services.changed_elsewhere()
    titles = ", ".join(c.deck.title for c in chosen.changes)
    history = f", with {count(result.reviews, 'past answer')}" if result.reviews else ""
    QMessageBox.information(parent, "Imported",
                            f"Imported {count(result.items, 'item')}{history} into {titles}.")
    return True
