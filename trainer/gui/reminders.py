"""The daily reminder in the desktop: a system-tray icon and Qt's own notification at
the chosen time, saying what waits today. Without a system tray the window asks for
attention (its taskbar entry flashes) and says it in its title instead."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from trainer.clock import Clock
from trainer.content.builtin import resources_dir
from trainer.i18n import Context
from trainer.study.reminders import next_reminder, reminder_message
from trainer.study.service import StudyService
from trainer.study.settings_service import Reminder


class ReminderTrayText(Context):
    """The tray icon and the reminder's notification."""


# Checked once a minute rather than one long timer, so that a laptop that slept
# through the reminder time still reminds when it wakes, and a changed clock is seen.
CHECK_EVERY_MS = 60_000


class Reminders(QObject):
    """Reminds the rep once a day while the app runs (minimised, or only in the tray
    when it started at login)."""

    shown = Signal(str)  # the reminder's text, once it has been shown
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, study: StudyService, clock: Clock, window: QWidget,
                 icon: QIcon | None = None) -> None:
        super().__init__(window)
        self.study = study
        self.clock = clock
        self.window = window
        self.reminder = Reminder()
        self.due_at: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.tray: QSystemTrayIcon | None = None
        self._icon = icon
        self._title: str | None = None

    @staticmethod
    def tray_available() -> bool:
        """Whether the desktop has a system tray to put the icon in."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    def follow(self, reminder: Reminder, *, keep_icon: bool = False) -> None:
        """Remind as ``reminder`` says from now on (off stops it); ``keep_icon`` keeps
        the tray icon even when reminders are off (the app was started in the tray)."""
        self.reminder = reminder
        if reminder.enabled:
            self.due_at = next_reminder(reminder.at, self.clock())
            self.timer.start()
        else:
            self.due_at = None
            self.timer.stop()
        self._show_icon(reminder.enabled or keep_icon)

    def check(self) -> None:
        """Remind when the time has come (called by the timer each minute)."""
        if self.due_at is None or self.clock() < self.due_at:
            return
        self.due_at = next_reminder(self.reminder.at, self.clock())
        text = reminder_message(self.study)
        if text is None:
            return  # Nothing waits: no reminder today.
        title = ReminderTrayText.tr("Time for today's sales training")
        if self.tray is not None and self.tray.isVisible() and self.tray.supportsMessages():
            self.tray.showMessage(title, text, self.tray.icon(), 20_000)
        else:
            QApplication.alert(self.window)
            if self._title is None:
                self._title = self.window.windowTitle()
                self.window.installEventFilter(self)
            self.window.setWindowTitle(f"{text} \u2014 {self._title}")
        self.shown.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The title said the reminder; once the rep comes to the window it is read."""
        if (watched is self.window and event.type() == QEvent.Type.WindowActivate
                and self._title is not None):
            self.window.setWindowTitle(self._title)
            self._title = None
            self.window.removeEventFilter(self)
        return False

    def _show_icon(self, wanted: bool) -> None:
        if not wanted or not self.tray_available():
            if self.tray is not None:
                self.tray.hide()
            return
        if self.tray is None:
            icon = self._icon or QApplication.windowIcon()
            if icon.isNull():
                # The window's icon is set once the event loop runs; the tray needs one now.
                icon = QIcon(str(resources_dir() / "icons" / "sales-trainer.png"))
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("Sales Trainer")
            menu = QMenu(self.window)
            open_action = QAction(ReminderTrayText.tr("&Open Sales Trainer"), menu)
            open_action.triggered.connect(self.open_requested)
            quit_action = QAction(ReminderTrayText.tr("&Quit"), menu)
            quit_action.triggered.connect(self.quit_requested)
            menu.addAction(open_action)
            menu.addSeparator()
            menu.addAction(quit_action)
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.open_requested)
            self.tray.activated.connect(self._activated)
        self.tray.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()
