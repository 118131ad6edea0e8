"""Key names as the rep's language writes them: "Strg+J" and "Entf" in German."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def key_text(keys: str) -> str:
    """``keys`` ("Ctrl+J", "Del") as shown on this system, in the window's language
    (Qt's own translations name the keys)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def with_keys(label: str, keys: str) -> str:
    """A button's text with its shortcut after it: "Suspend  (Ctrl+J)"."""
    return f"{label}  ({key_text(keys)})"
