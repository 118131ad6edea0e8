"""Light and dark appearance that follows the system (or TRAINER_THEME=light|dark)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

# The profile's choice in Settings: "light", "dark", or None to follow the system.
_chosen: str | None = None


def _forced() -> str | None:
    value = os.environ.get("TRAINER_THEME", "").strip().lower()
    return value if value in ("light", "dark") else _chosen


def choose(app: QApplication, theme: str) -> None:
    """Use ``theme`` ("system", "light" or "dark") from now on (TRAINER_THEME still
    wins, for screenshots and tests)."""
    global _chosen
    _chosen = theme if theme in ("light", "dark") else None
    apply_theme(app)


def is_dark() -> bool:
    """Whether the app is currently dark."""
    forced = _forced()
    if forced:
        return forced == "dark"
    scheme = QGuiApplication.styleHints().colorScheme()
    return bool(scheme == Qt.ColorScheme.Dark)


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(224, 226, 230)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor(38, 40, 43))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor(55, 58, 62))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(53, 116, 240))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.ColorRole.Link, QColor(110, 168, 254))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, window)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(150, 152, 156))
    disabled = QColor(125, 127, 130)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(50, 52, 56))
    return p


def apply_theme(app: QApplication) -> None:
    """Use Fusion with a palette matching the system's light or dark choice."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    if is_dark():
        app.setPalette(_dark_palette())
    else:
        app.setPalette(app.style().standardPalette())


def follow_system(app: QApplication) -> None:
    """Apply the theme now and again whenever the system switches."""
    apply_theme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_theme(app))


def count_colors() -> tuple[str, str, str]:
    """Colors for new / learning / due counts, readable on the current background."""
    if is_dark():
        return "#6ea8fe", "#ff8a80", "#7ddc8a"
    return "#1a56c4", "#c62828", "#2e7d32"


def verdict_colors() -> tuple[str, str, str]:
    """Colors for right / partly right / wrong, readable on the current background."""
    if is_dark():
        return "#7ddc8a", "#f3c969", "#ff8a80"
    return "#2e7d32", "#9a6700", "#c62828"


def bold(label: QLabel, scale: float = 1.0) -> None:
    """Make a label's text bold and ``scale`` times its size (headings, titles)."""
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
