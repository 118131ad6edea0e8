"""Help > About: version, where the data lives, and credits for the deck sources."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from trainer import __version__
from trainer.i18n import Context


class AboutText(Context):
    """Texts of the About dialog."""


class AboutDialog(QDialog):
    """A small dialog; Esc or Enter closes it."""

    def __init__(self, data_folder: str, credits: list[str], parent: QWidget | None = None,
                 backups_folder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(AboutText.tr("About Sales Trainer"))
        e = html.escape
        items = "".join(f"<li>{e(c)}</li>" for c in credits) or (
            "<li>" + e(AboutText.tr("(none)")) + "</li>")
        parts = [
            "<h2>" + e(AboutText.tr("Sales Trainer {version}").format(version=__version__))
            + "</h2>",
            "<p>" + e(AboutText.tr("Spaced-repetition cards for sales teams. Works offline; "
                                   "your progress stays on this computer.")) + "</p>",
            "<p>" + e(AboutText.tr("Scheduling uses the FSRS algorithm (py-fsrs).")) + "</p>",
            "<p><b>" + e(AboutText.tr("Data folder:")) + "</b><br>" + e(data_folder) + "</p>",
        ]
        if backups_folder:
            parts.append("<p><b>" + e(AboutText.tr("Backups")) + "</b> "
                         + e(AboutText.tr("(File > Restore from backup):")) + "<br>"
                         + e(backups_folder) + "</p>")
        parts.append("<p><b>" + e(AboutText.tr("Built-in decks paraphrase and credit:"))
                     + "</b></p>" + f"<ul>{items}</ul>")
        text = QLabel("".join(parts))
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
