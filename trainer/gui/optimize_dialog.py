"""Settings > Optimize my schedule: fit FSRS to the rep's own answers, from the window.

The fit runs on a worker thread with a connection of its own (14 s at a million
answers), under a progress dialog naming each stage, so the window never stops drawing.
"""

from __future__ import annotations

import html
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.app import Services
from trainer.gui.tasks import Report, run_job
from trainer.profile.errors import user_message
from trainer.study.optimizer import Comparison, OptimizeResult, Outcome, optimize

if TYPE_CHECKING:
    from trainer.gui.main_window import MainWindow

EXPLANATION = (
    "<p>Your schedule decides when each card comes back, using a model of memory with a "
    "few dozen numbers in it. The standard numbers suit most people. This looks at "
    "your own answers so far and fits numbers to how <i>you</i> remember.</p>"
    "<p>To be fair, numbers fitted on your earlier answers are asked to predict your "
    "later ones, which they have not seen. They are kept only if they predict better than the ones "
    "in use; otherwise nothing changes. Your cards and history are never changed.</p>"
)


def _row(name: str, before: str, after: str) -> str:
    return f"<tr><td>{name}</td><td align='right'>{before}</td><td align='right'>{after}</td></tr>"


def result_html(result: OptimizeResult) -> str:
    """The result in words, with the before/after figures when there are any."""
    verdicts = {
        Outcome.IMPROVED: "New settings kept." if result.saved else "New settings are better.",
        Outcome.NOT_BETTER: "Kept your current settings.",
        Outcome.TOO_LITTLE_HISTORY: "Not enough history yet.",
    }
    parts = [f"<p><b>{verdicts[result.outcome]}</b></p>", f"<p>{html.escape(result.message)}</p>"]
    held_out: Comparison | None = result.held_out
    if held_out is not None:
        parts.append(
            f"<p>Tested on {held_out.answers:,} of your answers, each predicted only from the "
            "answers before it (lower is better):</p>"
            "<table cellspacing='6'><tr><th></th><th>before</th><th>after</th></tr>"
            + _row("Log loss", f"{held_out.before.log_loss:.4f}", f"{held_out.after.log_loss:.4f}")
            + _row("RMSE", f"{held_out.before.rmse:.2%}", f"{held_out.after.rmse:.2%}")
            + "</table>")
    return "".join(parts)


class OptimizeDialog(QDialog):
    """Explains, runs on Run (Enter), shows the outcome; Esc closes."""

    parameters_saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.result: OptimizeResult | None = None
        self.setWindowTitle("Optimize my schedule")
        layout = QVBoxLayout(self)
        explanation = QLabel(EXPLANATION)
        explanation.setObjectName("optimizeExplanation")
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.result_label = QLabel("")
        self.result_label.setObjectName("optimizeResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.result_label.hide()
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox()
        self.run_button = QPushButton("&Run")
        self.run_button.setObjectName("optimizeRun")
        self.run_button.setDefault(True)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("optimizeClose")
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.run_button.clicked.connect(self.run)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.run_button.setFocus()

    def run(self) -> OptimizeResult | None:
        """Optimize now on a worker thread, the window still drawing, with each stage
        shown; then show what came of it."""
        self.run_button.setEnabled(False)
        settings = self.services.study.settings

        def job(report: Report) -> OptimizeResult:
            with self.services.apart() as db:
                return optimize(db, settings, progress=report)

        try:
            result: OptimizeResult = run_job(self, "Optimizing your schedule…", job)
        except (sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, "Optimize my schedule",
                                user_message(exc, self.services.config))
            return None
        finally:
            self.run_button.setEnabled(True)
        if result.saved:
            self.services.changed_elsewhere()
        self.result = result
        self.result_label.setText(result_html(result))
        self.result_label.show()
        # The work is done: Enter now closes rather than running it again.
        self.run_button.setDefault(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.adjustSize()
        if result.saved and result.new is not None:
            # The open profile schedules with the new parameters from the next answer on.
            study = self.services.study
            study.use_settings(replace(study.settings, parameters=result.new))
            self.parameters_saved.emit()
        return result


def open_from(window: MainWindow) -> OptimizeDialog:
    """Settings > Optimize my schedule…: show the dialog over the main window."""
    dialog = OptimizeDialog(window.services, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
