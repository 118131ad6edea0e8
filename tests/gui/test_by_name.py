"""What start-up sets without PySide's `Qt` enums comes out as the enums would set it:
enum properties by their key names, shortcuts, and the system's colour scheme."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from trainer.gui import theme
from trainer.gui.by_name import set_by_name, set_shortcut


def test_an_enum_property_set_by_its_key_name_is_that_value(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    set_by_name(label, "alignment", "AlignCenter")
    set_by_name(label, "textFormat", "PlainText")
    set_by_name(label, "focusPolicy", "StrongFocus")
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_wrong_name_or_key_is_an_error_not_silence(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="AlignMiddle"):
        set_by_name(label, "alignment", "AlignMiddle")
    with pytest.raises(ValueError, match="alinement"):
        set_by_name(label, "alinement", "AlignCenter")


def test_a_shortcut_set_by_name_is_the_actions_shortcut(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    action = QAction("Import", label)
    set_shortcut(action, "Ctrl+Shift+P")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+P")
    assert action.shortcuts() == [QKeySequence("Ctrl+Shift+P")]


def test_the_system_scheme_read_directly_is_what_pyside_reports(qtbot: QtBot) -> None:
    if sys.platform.startswith("linux"):
        assert theme._direct_color_scheme() is not None  # not falling back unseen
    assert theme._system_scheme() == QGuiApplication.styleHints().colorScheme().value
