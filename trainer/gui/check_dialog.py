"""Tools > Check Database: the check runs off the window's thread with each step shown,
then the report in plain words, and Repair when something can be repaired."""

from __future__ import annotations

import html
from collections.abc import Callable

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
from trainer.gui.tasks import Report, Task
from trainer.i18n import Context
from trainer.profile.check_service import CheckReport
from trainer.profile.errors import user_message


class CheckDialogText(Context):
    """Texts of Tools > Check Database."""


class CheckDialog(QDialog):
    """Shows a check's report; Repair (after a backup) when it can help."""

    repaired = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.report: CheckReport | None = None
        self.task: Task | None = None
        self.setWindowTitle(CheckDialogText.tr("Check Database"))
        layout = QVBoxLayout(self)
        self.text = QLabel(CheckDialogText.tr("Checking…"))
        self.text.setObjectName("checkReport")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.repair_button = QPushButton(CheckDialogText.tr("&Repair"))
        self.repair_button.setObjectName("checkRepair")
        self.repair_button.setEnabled(False)
        buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("checkClose")
        buttons.rejected.connect(self.reject)
        self.repair_button.clicked.connect(self.repair)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def run(self, *, repair: bool = False) -> None:
        """Check (or repair) in a worker thread; the report shows when it is done."""
        self.repair_button.setEnabled(False)
        self.text.setText(CheckDialogText.tr("Repairing…") if repair
                          else CheckDialogText.tr("Checking…"))

        def job(report: Report) -> CheckReport:
            return self.services.check_apart(repair=repair, progress=report)

        title = (CheckDialogText.tr("Repairing the database…") if repair
                 else CheckDialogText.tr("Checking the database…"))
        self.task = Task(self, title, job, lambda r: self._show(r, repair), self._failed)
        self.task.start()

    def repair(self) -> None:
        """Back up, then repair what can be repaired."""
        self.run(repair=True)

    def done(self, result: int) -> None:
        """Closing (Esc, Close) waits for a check or repair under way: its thread must
        not outlive the dialog, and a repair must not stop half way."""
        if self.task is not None:
            self.task.wait()
        super().done(result)

    def _show(self, report: CheckReport, repaired: bool) -> None:
        self.report = report
        items = "".join(f"<li>{html.escape(line)}</li>" for line in report.lines())
        heading = (CheckDialogText.tr("Repaired.") if repaired and report.ok else
                   CheckDialogText.tr("No problems found.") if report.ok else
                   CheckDialogText.tr("Check Database found:"))
        where = ("<p>" + CheckDialogText.tr("A backup was made first: {name}.").format(
                     name=html.escape(report.backup.name)) + "</p>"
                 if report.backup is not None else "")
        body = "" if report.ok and not report.repaired else f"<ul>{items}</ul>"
        self.text.setText(f"<p><b>{heading}</b></p>{body}{where}")
        self.repair_button.setEnabled(report.repairable)
        (self.repair_button if report.repairable else self.close_button).setFocus()
        if repaired:
            self.repaired.emit()
        self.adjustSize()

    def _failed(self, error: Exception) -> None:
        message = user_message(error, self.services.config)
        self.text.setText("<p><b>" + CheckDialogText.tr("The check could not finish.")
                          + f"</b></p><p>{html.escape(message)}</p>")
        QMessageBox.warning(self, CheckDialogText.tr("Check Database"), message)


def open_from(services: Services, parent: QWidget,
              repaired: Callable[[], None]) -> CheckDialog:
    """Tools > Check Database: open the dialog over ``parent`` and start checking;
    ``repaired`` is called after a repair."""
    dialog = CheckDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.repaired.connect(repaired)
    dialog.open()
    dialog.run()
    return dialog
