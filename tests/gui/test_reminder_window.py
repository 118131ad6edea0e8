"""The daily reminder as a rep meets it: switched on in Preferences by keyboard, it
comes at its time on the fake clock saying what waits, once a day; the start at login
writes (and removes) the freedesktop autostart entry."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import time, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.main_window import MainWindow
from trainer.gui.reminders import Reminders
from trainer.gui.settings_dialog import SettingsDialog
from trainer.study.settings_service import Reminder

Opener = Callable[..., tuple[MainWindow, Services]]


def test_switched_on_by_keyboard_and_stored(qtbot: QtBot, open_window: Opener,
                                            clock: FakeClock) -> None:
    _window, services = open_window(clock)
    dialog = SettingsDialog(services.settings, profile="default")
    qtbot.addWidget(dialog)
    changes: list[Reminder] = []
    dialog.reminder_changed.connect(changes.append)
    dialog.show()
    dialog.remind.setFocus()
    qtbot.keyClick(dialog.remind, Qt.Key.Key_Space)
    assert dialog.remind_at.isEnabled()
    dialog.remind_at.setFocus()
    qtbot.keyClick(dialog.remind_at, Qt.Key.Key_Up)  # the hour: 09 -> 10
    assert services.settings.reminder() == Reminder(True, time(10, 0))
    assert changes[-1] == Reminder(True, time(10, 0))
    qtbot.keyClick(dialog.remind, Qt.Key.Key_Space)
    assert services.settings.reminder() == Reminder(False, time(10, 0))


def test_start_at_login_writes_the_autostart_entry(qtbot: QtBot, open_window: Opener,
                                                  clock: FakeClock) -> None:
    _window, services = open_window(clock)
    dialog = SettingsDialog(services.settings, profile="Team A")
    qtbot.addWidget(dialog)
    dialog.show()
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / \
        "io.github.salestrainer.trainer.desktop"
    dialog.at_login.setFocus()
    qtbot.keyClick(dialog.at_login, Qt.Key.Key_Space)
    text = entry.read_text(encoding="utf-8")
    assert "--minimized" in text and '--profile "Team A"' in text
    assert "X-GNOME-Autostart-enabled=true" in text
    # Opened again, the dialog shows it on; unticking removes the entry.
    again = SettingsDialog(services.settings, profile="Team A")
    qtbot.addWidget(again)
    again.show()
    assert again.at_login.isChecked()
    again.at_login.setFocus()
    qtbot.keyClick(again.at_login, Qt.Key.Key_Space)
    assert not entry.exists()


def test_the_reminder_comes_at_its_time_once_a_day(qtbot: QtBot, open_window: Opener,
                                                   clock: FakeClock) -> None:
    window, services = open_window(clock)
    window.setWindowTitle("Sales Trainer")
    reminders = Reminders(services.study, clock, window)
    shown: list[str] = []
    reminders.shown.connect(shown.append)
    # An hour from now on the machine's clock, whatever its time zone.
    at = (clock().astimezone() + timedelta(hours=1)).time().replace(second=0,
                                                                   microsecond=0)
    reminders.follow(Reminder(True, at))
    assert reminders.timer.isActive()
    clock.advance(timedelta(minutes=50))
    reminders.timer.timeout.emit()
    assert shown == []  # not yet
    clock.advance(timedelta(minutes=11))
    with qtbot.waitSignal(reminders.shown):
        reminders.timer.timeout.emit()
    assert shown == ["Waiting today: 20 new items."]
    reminders.timer.timeout.emit()
    assert len(shown) == 1  # once a day
    if reminders.tray is None:
        # No system tray here (offscreen): the title says it until the rep comes back.
        assert window.windowTitle().startswith("Waiting today: 20 new items.")
        QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
        assert window.windowTitle() == "Sales Trainer"
    clock.advance(timedelta(days=1))
    reminders.timer.timeout.emit()
    assert len(shown) == 2  # the next day again
    reminders.follow(Reminder(False, at))
    assert not reminders.timer.isActive()


def test_started_at_login_it_waits_and_opens_from_the_tray(
        qtbot: QtBot, open_window: Opener, clock: FakeClock) -> None:
    from trainer.gui import run

    window, services = open_window(clock)
    services.settings.set_reminder(Reminder(True, time(18, 0)))
    window.hide()  # as --minimized leaves it where there is a tray
    reminders = run._start_reminders(window, services, clock, minimized=True)
    assert window.reminders is reminders and reminders.timer.isActive()
    assert reminders.reminder == Reminder(True, time(18, 0))
    reminders.open_requested.emit()  # the tray icon clicked, or its notification
    assert window.isVisible()
