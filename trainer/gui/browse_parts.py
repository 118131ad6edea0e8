"""What the browser says about an item: its state, times, schedule and answers, in
words; the side panel that shows it; and the dialog for writing a card of the rep's
own."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.scheduling import Phase, Rating
from trainer.gui.card_view import CardView
from trainer.study.browse_service import BrowseRow, ItemDetails
from trainer.study.wording import local_minute

FLAGS = ("no flag", "red", "orange", "green", "blue")
SHOWN_ANSWERS = 8


FLAGS = ("no flag", "red", "orange", "green", "blue")


def state_text(row: BrowseRow) -> str:
    """An item's phase, and its suspension and flag, in words."""
    text = Phase(row.phase).name.lower()
    if row.suspended:
        text += ", suspended"
    if row.flag:
        text += f", {FLAGS[row.flag]} flag"
    return text


def when(stored: str | None) -> str:
    """A stored time as the rep reads it ("" for none)."""
    if not stored:
        return ""
    return local_minute(datetime.fromisoformat(stored))


def schedule_text(details: ItemDetails) -> str:
    """The item's schedule in one line."""
    state = details.state
    parts = [Phase(state.phase).name.lower(), f"{state.reps} answers",
             f"{state.lapses} lapses"]
    if state.stability is not None:
        parts.append(f"stability {state.stability:.1f} days")
    if state.difficulty is not None:
        parts.append(f"difficulty {state.difficulty:.1f} of 10")
    if state.due is not None and state.phase != Phase.NEW:
        parts.append(f"next due {local_minute(state.due)}")
    if details.recall_now is not None:
        parts.append(f"recall now {details.recall_now:.0%}")
    if details.row.suspended:
        parts.append("suspended")
    return " · ".join(parts)


def history_text(details: ItemDetails) -> str:
    """The item's latest answers, newest first."""
    lines = [f"{when(at)}: {Rating(rating).label} ({ms / 1000:.0f} s)"
             for at, rating, ms, _version in details.history[:SHOWN_ANSWERS]]
    more = len(details.history) - SHOWN_ANSWERS
    return (("Answers: " + "; ".join(lines) if lines else "Never answered.")
            + (f"; and {more} earlier" if more > 0 else ""))


class CardDialog(QDialog):
    """Write (or rewrite) one of the rep's own cards."""

    def __init__(self, parent: QWidget | None, front: str = "", back: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Your card" if front else "A card of your own")
        self.setObjectName("myCardDialog")
        self.front = QPlainTextEdit(front)
        self.front.setObjectName("myCardFront")
        self.front.setAccessibleName("Front")
        self.front.setTabChangesFocus(True)
        self.front.setPlaceholderText("What you hear or are asked, e.g. a buyer's objection")
        self.back = QPlainTextEdit(back)
        self.back.setObjectName("myCardBack")
        self.back.setAccessibleName("Back")
        self.back.setTabChangesFocus(True)
        self.back.setPlaceholderText("What you do or say")
        form = QFormLayout(self)
        form.addRow("&Front", self.front)
        form.addRow("&Back", self.back)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(QLabel("Ctrl+Enter saves."), buttons)
        # The text boxes take Ctrl+Enter for themselves: catch it before they do.
        self.front.installEventFilter(self)
        self.back.installEventFilter(self)
        self.resize(520, 360)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in either box saves."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()
            return True
        return False


class ItemPanel(QWidget):
    """The browser's side: the selected item, its schedule and answers, the rep's note,
    and what can be done to it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = CardView()
        self.card.setObjectName("browseCard")
        self.card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.schedule = QLabel()
        self.schedule.setObjectName("browseSchedule")
        self.schedule.setWordWrap(True)
        self.schedule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QLabel()
        self.history.setObjectName("browseHistory")
        self.history.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("browseNote")
        self.note.setAccessibleName("Your note on this item")
        self.note.setPlaceholderText("Your note on this item (kept through deck updates)")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.suspend_button = QPushButton("Suspend  (Ctrl+J)")
        self.suspend_button.setObjectName("browseSuspend")
        self.flag = QComboBox()
        self.flag.setObjectName("browseFlag")
        self.flag.setAccessibleName("Flag")
        for number, name in enumerate(FLAGS):
            self.flag.addItem(f"{name.capitalize()}  (Ctrl+{number})", number)
        self.edit_button = QPushButton("Edit  (Ctrl+Shift+E)")
        self.edit_button.setObjectName("browseEdit")
        self.delete_button = QPushButton("Delete  (Del)")
        self.delete_button.setObjectName("browseDelete")
        actions = QHBoxLayout()
        actions.addWidget(self.suspend_button)
        actions.addWidget(self.flag)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.card, 3)
        layout.addWidget(self.schedule)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.note)
        layout.addLayout(actions)

    def show_item(self, details: ItemDetails | None) -> None:
        """Show an item, or that nothing is selected."""
        if details is None:
            self.card.setHtml("")
            self.schedule.setText("Nothing selected.")
            self.history.clear()
            self.note.clear()
            for button in (self.suspend_button, self.edit_button, self.delete_button):
                button.setEnabled(False)
            return
        self.card.show_markdown(("front", details.front), ("back", details.back))
        self.schedule.setText(schedule_text(details))
        self.history.setText(history_text(details))
        self.note.blockSignals(True)
        self.note.setPlainText(details.note)
        self.note.blockSignals(False)
        self.suspend_button.setEnabled(True)
        self.suspend_button.setText(("Unsuspend" if details.row.suspended else "Suspend")
                                    + "  (Ctrl+J)")
        self.flag.setCurrentIndex(details.row.flag)
        self.edit_button.setEnabled(details.mine)
        self.delete_button.setEnabled(details.mine)
