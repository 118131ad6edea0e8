"""Settings > Optimize my schedule: fit FSRS to the rep's own answers, from the window.

The fit runs on a worker thread with a connection of its own (14 s at a million
answers), under a progress dialog naming each stage, so the window never stops drawing.
"""

from __future__ import annotations

import html
import sqlite3

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
from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.profile.errors import user_message
from trainer.study.optimizer import Comparison, OptimizeResult, Outcome, optimize


class OptimizeDialogText(Context):
    """Texts of Settings > Optimize my schedule."""


# One paragraph each.
EXPLANATION = (
    QT_TRANSLATE_NOOP(
        "OptimizeDialogText",
        "Your schedule decides when each card comes back, using a model of memory with a "
        "few dozen numbers in it. The standard numbers suit most people. This looks at "
        "your own answers so far and fits numbers to how <i>you</i> remember."),
    QT_TRANSLATE_NOOP(
        "OptimizeDialogText",
        "To be fair, numbers fitted on your earlier answers are asked to predict your "
        "later ones, which they have not seen. They are kept only if they predict better "
        "than the ones in use; otherwise nothing changes. Your cards and history are never "
        "changed."),
)


def explanation_html() -> str:
    """What optimizing does, in the rep's language."""
    return "".join(f"<p>{OptimizeDialogText.tr(paragraph)}</p>" for paragraph in EXPLANATION)


def _row(name: str, before: str, after: str) -> str:
    return f"<tr><td>{name}</td><td align='right'>{before}</td><td align='right'>{after}</td></tr>"


def _percent(value: float) -> str:
    return OptimizeDialogText.tr("{percent}%").format(percent=number(value * 100, 2))


def result_html(result: OptimizeResult) -> str:
    """The result in words, with the before/after figures when there are any."""
    verdicts = {
        Outcome.IMPROVED: (OptimizeDialogText.tr("New settings kept.") if result.saved
                           else OptimizeDialogText.tr("New settings are better.")),
        Outcome.NOT_BETTER: OptimizeDialogText.tr("Kept your current settings."),
        Outcome.TOO_LITTLE_HISTORY: OptimizeDialogText.tr("Not enough history yet."),
    }
    parts = [f"<p><b>{verdicts[result.outcome]}</b></p>", f"<p>{html.escape(result.message)}</p>"]
    held_out: Comparison | None = result.held_out
    if held_out is not None:
        tested = OptimizeDialogText.tr(
            "Tested on %Ln of your answers, each predicted only from the answers before it "
            "(lower is better):", "", held_out.answers)
        parts.append(
            f"<p>{tested}</p>"
            "<table cellspacing='6'><tr><th></th>"
            "<th>" + OptimizeDialogText.tr("before") + "</th>"
            "<th>" + OptimizeDialogText.tr("after") + "</th></tr>"
            + _row(OptimizeDialogText.tr("Log loss"), number(held_out.before.log_loss, 4),
                   number(held_out.after.log_loss, 4))
            + _row(OptimizeDialogText.tr("RMSE"), _percent(held_out.before.rmse),
                   _percent(held_out.after.rmse))
            + "</table>")
    return "".join(parts)


class OptimizeDialog(QDialog):
    """Explains, runs on Run (Enter), shows the outcome; Esc closes."""

    parameters_saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.outcome: OptimizeResult | None = None
        self.setWindowTitle(OptimizeDialogText.tr("Optimize my schedule"))
        layout = QVBoxLayout(self)
        explanation = QLabel(explanation_html())
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
        self.run_button = QPushButton(OptimizeDialogText.tr("&Run"))
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
            result: OptimizeResult = run_job(
                self, OptimizeDialogText.tr("Optimizing your schedule…"), job)
        except (sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, OptimizeDialogText.tr("Optimize my schedule"),
                                user_message(exc, self.services.config))
            return None
        finally:
            self.run_button.setEnabled(True)
        if result.saved:
            self.services.changed_elsewhere()
        self.outcome = result
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
            study.use_settings(study.settings.replace(parameters=result.new))
            self.parameters_saved.emit()
        return result


def open_from(services: Services, parent: QWidget) -> OptimizeDialog:
    """Settings > Optimize my schedule…: show the dialog over ``parent``."""
    dialog = OptimizeDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
