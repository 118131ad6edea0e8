"""A chart in a frame: its title, a note under it and a "Save as PNG…" button."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.gui.charts import ChartsText
from trainer.gui.theme import bold


def slug(title: str) -> str:
    """A file name for a chart title (its letters kept, a German title's umlauts too)."""
    return re.sub(r"[\W_]+", "-", title.lower()).strip("-") or "chart"


class ChartBox(QFrame):
    """A chart with its title, a note under it and a "Save as PNG…" button. ``name``
    (the title's English source) names the button whatever the language."""

    def __init__(self, title: str, chart: QWidget, parent: QWidget | None = None, *,
                 name: str | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        self.chart = chart
        heading = QLabel(title)
        bold(heading, 1.15)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.save_button = QPushButton(ChartsText.tr("Save as PNG…"))
        self.save_button.setObjectName(f"save-{slug(name or title)}")
        self.save_button.clicked.connect(self.save_png)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(chart)
        layout.addWidget(self.note)

    def set_note(self, text: str) -> None:
        """A line of figures under the chart (hidden when empty)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def save_png(self) -> None:
        """Ask where, then write exactly the chart as a PNG."""
        path, _filter = QFileDialog.getSaveFileName(
            self, ChartsText.tr("Save “{title}” as PNG").format(title=self.title),
            f"{slug(self.title)}.png", ChartsText.tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.chart.grab().save(path, "PNG"):
            QMessageBox.warning(self, ChartsText.tr("Chart not saved"),
                                ChartsText.tr("The chart “{title}” could not be written to "
                                              "{path}. Choose a folder you can write to."
                                              ).format(title=self.title, path=path))
