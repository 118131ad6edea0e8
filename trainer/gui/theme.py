"""Light and dark appearance that follows the system (or TRAINER_THEME=light|dark)."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import cast

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

# The profile's choice in Settings: "light", "dark", or None to follow the system.
_chosen: str | None = None


def _forced() -> str | None:
    value = os.environ.get("TRAINER_THEME", "").strip().lower()
    return value if value in ("light", "dark") else _chosen


def use_stored(read: Callable[[], str]) -> None:
    """Use the theme ``read`` returns (the one chosen in Preferences) for this app."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        # The theme is a nicety: if it cannot be read the window opens in the system's.
        with contextlib.suppress(sqlite3.Error):
            choose(app, read())


def choose(app: QApplication, theme: str) -> None:
    """Use ``theme`` ("system", "light" or "dark") from now on (TRAINER_THEME still
    wins, for screenshots and tests)."""
    global _chosen
    wanted = theme if theme in ("light", "dark") else None
    if wanted == _chosen:
        return  # already so: re-styling every widget costs start-up time
    _chosen = wanted
    apply_theme(app)


def is_dark() -> bool:
    """Whether the app is currently dark."""
    forced = _forced()
    if forced:
        return forced == "dark"
    return _system_scheme() == _DARK


# Qt::ColorScheme's values: Unknown, Light, Dark.
_DARK = 2


def _system_scheme() -> int:
    """The system's colour scheme as Qt::ColorScheme's number.

    Asking ``QStyleHints.colorScheme()`` from Python makes PySide build the Python types
    of every enum of the ``Qt`` namespace (about 30 ms, see by_name.py) before the first
    paint. On Linux the same C++ function is called directly through ctypes (imported
    anyway by a start from the command line, trainer/display.py) in Qt's library as
    PySide loaded it; anywhere else, or if that library or function is not found,
    PySide is asked.
    """
    hints = QGuiApplication.styleHints()
    color_scheme = _direct_color_scheme()
    if color_scheme is not None:
        import shiboken6

        return int(color_scheme(shiboken6.getCppPointer(hints)[0]))
    return int(hints.colorScheme().value)


@functools.cache
def _direct_color_scheme() -> Callable[[int], int] | None:
    """``QStyleHints::colorScheme() const`` in the Qt library PySide uses, or None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        # RTLD_NOLOAD: the library PySide already uses, never another copy.
        library = ctypes.CDLL("libQt6Gui.so.6", mode=os.RTLD_NOLOAD)
        function = library._ZNK11QStyleHints11colorSchemeEv
    except (OSError, AttributeError):
        return None
    function.restype, function.argtypes = ctypes.c_int, [ctypes.c_void_p]
    return cast("Callable[[int], int]", function)


# Secondary text (keyboard hints, explanations): at least 4.5:1 against the window in
# both themes (a disabled label's grey was 1.6:1 in the light theme).
MUTED_LIGHT, MUTED_DARK = "#50555c", "#aeb2b8"
# Selection colours with white text at 4.5:1 or more (5.7:1 and 5.9:1).
LIGHT_HIGHLIGHT, DARK_HIGHLIGHT = "#1c6aa8", "#2d5fc8"
# A checked toggle button (the certainty chosen) in the selection colours, not a shade
# of grey that was 1.2:1 against its neighbours. Set on those buttons only: a style
# sheet on the whole application costs every widget's start-up.
CHECKED_BUTTON_CSS = ("QPushButton:checked { background-color: palette(highlight); "
                      "color: palette(highlighted-text); border: 1px solid "
                      "palette(highlight); }")


# The light look: Fusion's greys with a darker selection blue. Written out rather than
# asked of the style: ``app.style()`` makes PySide build QStyle's Python type and its
# eleven enums (about 5 ms) before the first paint. Each role: (normal, disabled).
_LIGHT = {
    QPalette.ColorRole.WindowText: ("#000000", "#bebebe"),
    QPalette.ColorRole.Button: ("#efefef", "#efefef"),
    QPalette.ColorRole.Light: ("#ffffff", "#ffffff"),
    QPalette.ColorRole.Midlight: ("#cacaca", "#cacaca"),
    QPalette.ColorRole.Dark: ("#9f9f9f", "#bebebe"),
    QPalette.ColorRole.Mid: ("#b8b8b8", "#b8b8b8"),
    QPalette.ColorRole.Text: ("#000000", "#bebebe"),
    QPalette.ColorRole.BrightText: ("#ffffff", "#ffffff"),
    QPalette.ColorRole.ButtonText: ("#000000", "#bebebe"),
    QPalette.ColorRole.Base: ("#ffffff", "#efefef"),
    QPalette.ColorRole.Window: ("#efefef", "#efefef"),
    QPalette.ColorRole.Shadow: ("#767676", "#b1b1b1"),
    # Fusion's own selection blue is 3.7:1 under white text; this one is 5.7:1.
    QPalette.ColorRole.Highlight: (LIGHT_HIGHLIGHT, "#919191"),
    QPalette.ColorRole.HighlightedText: ("#ffffff", "#ffffff"),
    QPalette.ColorRole.Link: ("#0000ff", "#0000ff"),
    QPalette.ColorRole.LinkVisited: ("#ff00ff", "#ff00ff"),
    QPalette.ColorRole.AlternateBase: ("#f7f7f7", "#f7f7f7"),
    QPalette.ColorRole.ToolTipBase: ("#ffffdc", "#ffffdc"),
    QPalette.ColorRole.ToolTipText: ("#000000", "#000000"),
    QPalette.ColorRole.PlaceholderText: (MUTED_LIGHT, "#80000000"),
    QPalette.ColorRole.Accent: ("#308cc6", "#919191"),
}


def _light_palette() -> QPalette:
    p = QPalette()
    for role, (normal, disabled) in _LIGHT.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            p.setColor(group, role, QColor(normal))
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


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
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(DARK_HIGHLIGHT))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.ColorRole.Link, QColor(110, 168, 254))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, window)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        # Secondary text is drawn in the placeholder colour, made readable here.
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(MUTED_DARK))
    disabled = QColor(125, 127, 130)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(50, 52, 56))
    return p


# Fusion fills a check box's or radio button's indicator with Base and outlines it in a
# shade darker than the window: in the dark theme an unticked box was a dark square on
# a dark window (1.2:1). This grey is 3.1:1 against the window and the tick 3.5:1 on
# it (WCAG asks 3:1 of a control's parts).
DARK_INDICATOR = "#74777e"
_INDICATOR_CLASSES = ("QCheckBox", "QRadioButton")
_indicators_set = False


def apply_theme(app: QApplication) -> None:
    """Use a palette matching the system's light or dark choice (the style is Fusion,
    chosen when the application is made: ``run.make_app``)."""
    global _indicators_set
    dark = is_dark()
    palette = _dark_palette() if dark else _light_palette()
    app.setPalette(palette)
    if dark or _indicators_set:  # a light start sets no class palette at all
        boxes = QPalette(palette)
        if dark:
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                boxes.setColor(group, QPalette.ColorRole.Base, QColor(DARK_INDICATOR))
        for name in _INDICATOR_CLASSES:
            # PySide takes the class name as text, though its stubs say bytes.
            app.setPalette(boxes, name)  # type: ignore[arg-type]
        _indicators_set = True


def muted(label: QLabel) -> QLabel:
    """Show a label as secondary text, readable (4.5:1) in either theme."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


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
