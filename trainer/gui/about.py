"""Help > About: version, where the data lives, and credits for the deck sources."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from trainer import __version__


class AboutDialog(QDialog):
    """A small dialog; Esc or Enter closes it."""

    def __init__(self, data_folder: str, credits: list[str], parent: QWidget | None = None,
                 backups_folder: str = ""):
        super().__init__(parent)
        self.setWindowTitle("About Sales Trainer")
        items = "".join(f"<li>{html.escape(c)}</li>" for c in credits) or "<li>(none)</li>"
        text = QLabel(
            f"<h2>Sales Trainer {html.escape(__version__)}</h2>"
            "<p>Spaced-repetition cards for sales teams. Works offline; your progress stays "
            "on this computer.</p>"
            "<p>Scheduling uses the FSRS algorithm (py-fsrs).</p>"
            f"<p><b>Data folder:</b><br>{html.escape(data_folder)}</p>"
            + (f"<p><b>Backups</b> (File &gt; Restore from backup):<br>"
               f"{html.escape(backups_folder)}</p>" if backups_folder else "")
            +
            f"<p><b>Built-in decks paraphrase and credit:</b></p><ul>{items}</ul>"
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
