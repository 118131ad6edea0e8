"""Whether the window can open here, asked before Qt is loaded: without a desktop
session, or without a library Qt's X11 plugin needs, Qt would abort the process with
a message about plugins that says nothing a rep can act on."""

from __future__ import annotations

import ctypes
import os
import sys

WITHOUT_WINDOW = ("'trainer decks', 'trainer import FILE', 'trainer stats', "
                  "'trainer export progress -o FILE' and the other commands "
                  "('trainer --help') work without one")

# What Qt's xcb platform plugin loads beyond X11 itself, and the Debian/Ubuntu package
# that provides each (the names differ little elsewhere).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
}


def why_no_window(environ: dict[str, str] | None = None, platform: str | None = None,
                  frozen: bool | None = None) -> str | None:
    """One sentence saying why the window cannot open, or ``None`` when it can."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their desktop
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, ...: Qt was told what to use
    if not chosen and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return ("the window needs a desktop session, and there is none here (DISPLAY and "
                f"WAYLAND_DISPLAY are not set); {WITHOUT_WINDOW}")
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        return None  # the bundle carries these libraries itself
    missing = [package for library, package in XCB_LIBRARIES.items() if not _loads(library)]
    if missing:
        return (f"the window needs system libraries that are missing: install "
                f"{' '.join(missing)} (on Debian or Ubuntu: sudo apt install "
                f"{' '.join(missing)}); {WITHOUT_WINDOW}")
    return None


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True
