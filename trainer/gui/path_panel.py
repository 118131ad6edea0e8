"""The learning path on the home screen: a checklist with the next step highlighted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.gui.by_name import FOREGROUND_ROLE, USER_ROLE, set_by_name
from trainer.gui.theme import verdict_colors
from trainer.i18n import Context
from trainer.study.path_service import PathProgress


class PathPanelText(Context):
    """Texts of the learning-path checklist on the home screen."""


ROLE = USER_ROLE  # the home screen reads nothing of ``Qt`` (deck_list.py)
VISIBLE_STEPS = 9


class _FocusedSelection(QObject):
    """Keeps a view's unfocused selection invisible, across theme changes too."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self.apply()
        view.installEventFilter(self)

    def apply(self) -> None:
        palette = self.view.palette()
        wanted = [(role, palette.color(QPalette.ColorGroup.Active, like)) for role, like in (
            (QPalette.ColorRole.Highlight, QPalette.ColorRole.Base),
            (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Text))]
        if all(palette.color(QPalette.ColorGroup.Inactive, role) == color
               for role, color in wanted):
            return  # as it should be (and setting it again would come back here)
        for role, color in wanted:
            palette.setColor(QPalette.ColorGroup.Inactive, role, color)
        self.view.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new theme reaches the view as a change of its own palette (the application's
        # change event is not sent to a view that has set some colours itself).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # After the view has taken the new palette in (this runs before it does).
            # Tied to this object: no call comes once the view (its parent) is gone.
            QTimer.singleShot(0, self, self.apply)
        return False


def only_when_focused(view: QAbstractItemView) -> None:
    """Show the selected row only while the view has the keyboard, so that of the
    checklist and the deck list only the one Enter acts on shows a highlighted row."""
    _FocusedSelection(view)


class PathPanel(QWidget):
    """Steps of every path; Enter (or a double click) opens a step."""

    step_requested = Signal(str, str)  # kind, target

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        set_by_name(self.heading, "textFormat", "PlainText")  # path titles: never markup
        self.heading.setObjectName("pathHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("pathSteps")
        self.list.setAccessibleName(PathPanelText.tr("Learning path steps"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)
        only_when_focused(self.list)
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
            status = PathPanelText.tr("day {day} · {done} of %n step(s) done", "",
                                      len(progress.steps)).format(day=progress.day,
                                                                  done=progress.done)
            if behind:
                status = PathPanelText.tr("{status} · %n behind", "", len(behind)).format(
                    status=status)
            headings.append(f"{progress.path.title}: {status}")
            nxt = progress.next_step
            for step in progress.steps:
                mark = "✓" if step.done else ("→" if step is nxt else "·")
                late = not step.done and step.step.day < progress.day
                text = (PathPanelText.tr("{mark}  Day {day}: {title}  ({progress})  behind")
                        if late else PathPanelText.tr("{mark}  Day {day}: {title}  ({progress})")
                        ).format(mark=mark, day=step.step.day, title=step.title,
                                 progress=step.progress)
                if step.step.note and step is nxt:
                    text += f"\n     {step.step.note}"
                item = QListWidgetItem(text)
                item.setData(ROLE, (step.step.kind, step.step.target))
                if step.done:
                    item.setData(FOREGROUND_ROLE, self.palette().placeholderText().color())
                elif step is nxt:
                    bold = QFont(item.font())
                    bold.setBold(True)
                    item.setFont(bold)
                    item.setData(FOREGROUND_ROLE, self.palette().link().color())
                if late:
                    item.setData(FOREGROUND_ROLE, QColor(partial))
                self.list.addItem(item)
                if step is nxt:
                    self.list.setCurrentItem(item)
        self.heading.setText("\n".join(headings))
        self.show()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped steps change height with the width: fit the list again once the
        list itself has its new width."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        # Tall enough for about nine steps as they are laid out at this width (a step
        # that wraps is taller); a longer path scrolls.
        if not self.list.count():
            return
        self.list.doItemsLayout()
        shown = range(min(self.list.count(), VISIBLE_STEPS))
        rows = sum(self.list.visualItemRect(self.list.item(i)).height() for i in shown)
        height = rows + 2 * self.list.frameWidth() + 2 * self.list.spacing()
        if height != self.list.height():
            self.list.setFixedHeight(height)

    def _open(self, item: QListWidgetItem) -> None:
        kind, target = item.data(ROLE)
        self.step_requested.emit(kind, target)
