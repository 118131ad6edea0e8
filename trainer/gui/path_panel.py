"""The learning path on the home screen: a checklist with the next step highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from trainer.gui.theme import verdict_colors
from trainer.study.path_service import PathProgress

ROLE = Qt.ItemDataRole.UserRole


class PathPanel(QWidget):
    """Steps of every path; Enter (or a double click) opens a step."""

    step_requested = Signal(str, str)  # kind, target

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # path titles: never markup
        self.heading.setObjectName("pathHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("pathSteps")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.hide()

    def show_paths(self, paths: list[PathProgress]) -> None:
        """Fill the checklist (hidden when there is no path)."""
        self.list.clear()
        if not paths:
            self.hide()
            return
        _good, partial, _bad = verdict_colors()
        headings = []
        for progress in paths:
            behind = progress.behind
            status = (f"day {progress.day} · {progress.done} of {len(progress.steps)} steps "
                      "done")
            if behind:
                status += f" · {len(behind)} behind"
            headings.append(f"{progress.path.title}: {status}")
            nxt = progress.next_step
            for step in progress.steps:
                mark = "✓" if step.done else ("→" if step is nxt else "·")
                text = f"{mark}  Day {step.step.day}: {step.title}  ({step.progress})"
                if step.step.note and step is nxt:
                    text += f"\n     {step.step.note}"
                item = QListWidgetItem(text)
                item.setData(ROLE, (step.step.kind, step.step.target))
                if step.done:
                    item.setForeground(self.palette().placeholderText().color())
                elif step is nxt:
                    bold = QFont(item.font())
                    bold.setBold(True)
                    item.setFont(bold)
                    item.setForeground(self.palette().link().color())
                if not step.done and step.step.day < progress.day:
                    item.setForeground(QColor(partial))
                    item.setText(text.replace(")", ")  behind", 1))
                self.list.addItem(item)
                if step is nxt:
                    self.list.setCurrentItem(item)
        self.heading.setText("\n".join(headings))
        # Tall enough for about nine steps; a longer path scrolls.
        rows = sum(self.list.sizeHintForRow(i) for i in range(min(self.list.count(), 9)))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)
        self.show()

    def _open(self, item: QListWidgetItem) -> None:
        kind, target = item.data(ROLE)
        self.step_requested.emit(kind, target)
