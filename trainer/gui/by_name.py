"""Qt settings made by name, for what is built before the window's first paint.

The first time Python reads a member of the ``Qt`` namespace (``Qt.AlignmentFlag``,
``Qt.FocusPolicy`` ...) or receives one from Qt, PySide builds the Python enum types of
all 93 enums of that namespace, which takes about 30 ms on Python 3.11: a seventh of a
start. Qt's property system takes an enum property's value by its key name instead,
without PySide's types, so the widgets of the first screen are set up that way; code
that runs later (key presses, other screens) uses ``Qt`` as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_by_name(target: QObject, name: str, key: str) -> None:
    """Set ``target``'s enum property ``name`` to the value Qt calls ``key`` (for a
    flag, keys joined with ``|``): ``set_by_name(label, "alignment", "AlignCenter")``."""
    _set(target, name, key)


def set_shortcut(target: QObject, keys: str) -> None:
    """Give an action its keyboard shortcut (``"Ctrl+I"``, as ``QKeySequence`` reads
    it). ``QAction.setShortcut`` would make PySide build the ``Qt`` namespace to choose
    among its overloads; Qt turns the text into the key sequence itself."""
    _set(target, "shortcut", keys)


def _set(target: QObject, name: str, value: object) -> None:
    if not target.setProperty(name, value):
        # A property Qt does not know, or a key its enum lacks: a mistake in this code.
        raise ValueError(f"{type(target).__name__} has no property {name!r} taking {value!r}")


# Item views take data roles and alignments as plain numbers: the values of Qt's
# ItemDataRole and AlignmentFlag, for the home screen's lists (before its first paint).
USER_ROLE = 0x0100
TEXT_ALIGNMENT_ROLE = 7
# A colour set as this role's data is painted as setForeground's brush would be; making
# a QBrush (or passing a QColor for one) builds the ``Qt`` namespace to pick a constructor.
FOREGROUND_ROLE = 9
ALIGN_RIGHT, ALIGN_VCENTER = 0x0002, 0x0080
