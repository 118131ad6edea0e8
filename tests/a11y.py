"""Accessibility measures shared by the screens' tests: which controls a keyboard
reaches, which of them a screen reader cannot name, whether Tab gets to each, and WCAG
contrast."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def reachable(screen: QWidget) -> list[QWidget]:
    """Controls of the screen a keyboard user can Tab to (shown and enabled)."""
    return [w for w in [screen, *screen.findChildren(QWidget)]
            if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            # A spin box's text field hands its focus to the spin box, which is named.
            and w.focusProxy() is None]


def unnamed(screen: QWidget) -> list[str]:
    out = []
    for widget in reachable(screen):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip():
            out.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return out


def tab_reaches(qtbot: QtBot, screen: QWidget) -> list[str]:
    """The reachable controls that pressing Tab from the first one never gets to."""
    targets = reachable(screen)
    assert targets, "nothing on the screen takes the keyboard"
    targets[0].setFocus()
    seen: set[int] = set()
    for _ in range(4 * len(targets) + 10):
        focused = QApplication.focusWidget()
        if focused is not None:
            seen.add(id(focused))
        qtbot.keyClick(focused or screen, Qt.Key.Key_Tab)
    return [f"{type(w).__name__} {w.objectName()!r}" for w in targets
            if id(w) not in seen and w is not screen]
