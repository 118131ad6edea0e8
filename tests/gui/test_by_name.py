"""What start-up sets without PySide's `Qt` enums comes out as the enums would set it:
enum properties by their key names, shortcuts, and the system's colour scheme; and the
light palette written out (without QStyle's) is Fusion's."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QStyleFactory
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


def test_the_light_palette_is_fusions_with_readable_selection_and_hints(
        qtbot: QtBot) -> None:
    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    expected = fusion.standardPalette()
    ours = theme._light_palette()
    ours_only = {QPalette.ColorRole.Highlight, QPalette.ColorRole.PlaceholderText}
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
              QPalette.ColorGroup.Disabled)
    differ = [(group.name, role.name) for role in theme._LIGHT for group in groups
              # as RGBA: Fusion works some out in HSV, which QColor's == tells apart
              if ours.color(group, role).rgba() != expected.color(group, role).rgba()
              and not (role in ours_only and group != QPalette.ColorGroup.Disabled)]
    assert differ == []
    normal = QPalette.ColorGroup.Active
    assert ours.color(normal, QPalette.ColorRole.Highlight) == QColor(theme.LIGHT_HIGHLIGHT)
    assert ours.color(normal, QPalette.ColorRole.PlaceholderText) == QColor(theme.MUTED_LIGHT)
    # Every role the palette has is written out: none is left to the system's theme.
    assert len(theme._LIGHT) == len(QPalette.ColorRole) - 2  # all but NoRole, NColorRoles
