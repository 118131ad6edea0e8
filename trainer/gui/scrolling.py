"""Reading by keyboard what runs below a screen: the keys that scroll an area which
takes no focus of its own (a quiz's feedback, the results, the model reply, the
charts)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar

PAGE_KEYS = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})
ENDS = frozenset({Qt.Key.Key_Home, Qt.Key.Key_End})
LINES = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down})


def scroll_by_key(bar: QScrollBar, key: int, keys: Collection[int]) -> bool:
    """Move ``bar`` as ``key`` asks if it is one of ``keys`` (of Up, Down, Page Up,
    Page Down, Space for a page, Home, End); returns whether it was."""
    if key not in keys:
        return False
    if key == Qt.Key.Key_Home:
        bar.setValue(bar.minimum())
    elif key == Qt.Key.Key_End:
        bar.setValue(bar.maximum())
    else:
        step = bar.singleStep() if key in LINES else bar.pageStep()
        down = key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
        bar.setValue(bar.value() + (step if down else -step))
    return True
