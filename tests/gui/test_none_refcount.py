"""The window survives hours of use: no Qt call may take a reference from ``None``.

PySide6 6.12.0 on Python 3.11 decremented ``None``'s reference count on every Qt call
that returns nothing; after enough returns to the home screen Python freed ``None`` and
aborted ("Fatal Python error: none_dealloc"). pyproject.toml excludes that release where
it matters; these tests fail if an allowed release (or a Python) does it again. On
Python 3.12 and later ``None`` is immortal and its count never moves, so they pass there
for the right reason: nothing can free it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.main_window import MainWindow

Opener = Callable[..., tuple[MainWindow, Services]]
CALLS = 2_000
# Other code may hold or drop a few references to None meanwhile (frames, caches);
# the bug drops one per call, thousands here.
SLACK = 200


class _Emitter(QObject):
    fired = Signal()


def test_common_qt_calls_leave_none_alone(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    label, button, other = QLabel(), QPushButton("Go"), QWidget()
    for widget in (label, button, other):
        stack.addWidget(widget)
    emitter = _Emitter()
    emitter.fired.connect(lambda: None)
    timer = QTimer()
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n))
        button.setEnabled(n % 2 == 0)
        stack.setCurrentWidget(label if n % 2 else other)
        label.setFocus()
        label.update()
        stack.resize(300 + n % 7, 200)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        emitter.fired.emit()
        timer.setInterval(n)
    lost = before - sys.getrefcount(None)
    assert lost < SLACK, f"{lost} references to None lost over {CALLS} rounds of Qt calls"


def test_home_and_back_hundreds_of_times(qtbot: QtBot, open_window: Opener,
                                         clock: FakeClock) -> None:
    window, _ = open_window(clock)
    start = sys.getrefcount(None)
    for round_trip in range(400):
        qtbot.keyClick(window.decks.tree, Qt.Key.Key_Return)
        assert window.stack.currentWidget() is window.review
        qtbot.keyClick(window.review, Qt.Key.Key_Escape)
        assert window.stack.currentWidget() is window.decks
        # Checked on every trip so that a leak fails here, long before Python would
        # free None and abort the whole test run.
        lost = start - sys.getrefcount(None)
        assert lost < SLACK, f"{lost} references to None lost after {round_trip + 1} trips"
    assert window.decks.tree.topLevelItemCount() > 0
