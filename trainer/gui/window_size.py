"""The main window's first size, fitted to the screen it opens on."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` the usual size, or less on a small screen (a 1024x600 netbook's
    600 rows)."""
    from PySide6.QtGui import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        # What the window manager adds around the window: title bar and borders.
        width = min(width, room.width() - 16)
        height = min(height, room.height() - 48)
    window.resize(max(width, 480), max(height, 360))
