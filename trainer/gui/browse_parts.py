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

from trainer.domain.scheduling import Phase
from trainer.gui.card_view import CardView
from trainer.gui.keys import key_text, with_keys
from trainer.gui.questions import confirm_discard
from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.study.browse_service import BrowseRow, ItemDetails
from trainer.study.wording import local_minute, rating_label


class BrowsePartsText(Context):
    """Texts of the browser's side panel, its list's states and the card dialog."""


SHOWN_ANSWERS = 8

# By flag number, as the flag menu offers them (0 clears the flag).
FLAGS = (
    QT_TRANSLATE_NOOP("BrowsePartsText", "No flag"),
    QT_TRANSLATE_NOOP("BrowsePartsText", "Red"),
    QT_TRANSLATE_NOOP("BrowsePartsText", "Orange"),
    QT_TRANSLATE_NOOP("BrowsePartsText", "Green"),
    QT_TRANSLATE_NOOP("BrowsePartsText", "Blue"),
)
# As a flagged item's state says it: whole phrases, since the colour's ending changes
# with the noun in German.
FLAGGED = (
    "",
    QT_TRANSLATE_NOOP("BrowsePartsText", "red flag"),
    QT_TRANSLATE_NOOP("BrowsePartsText", "orange flag"),
    QT_TRANSLATE_NOOP("BrowsePartsText", "green flag"),
    QT_TRANSLATE_NOOP("BrowsePartsText", "blue flag"),
)
PHASES = {
    Phase.NEW: QT_TRANSLATE_NOOP("BrowsePartsText", "new"),
    Phase.LEARNING: QT_TRANSLATE_NOOP("BrowsePartsText", "learning"),
    Phase.REVIEW: QT_TRANSLATE_NOOP("BrowsePartsText", "review"),
    Phase.RELEARNING: QT_TRANSLATE_NOOP("BrowsePartsText", "relearning"),
}


def phase_text(phase: int) -> str:
    """A phase in words, lower case: "new", "learning"."""
    return BrowsePartsText.tr(PHASES[Phase(phase)])


def state_text(row: BrowseRow) -> str:
    """An item's phase, and its suspension and flag, in words."""
    parts = [phase_text(row.phase)]
    if row.suspended:
        parts.append(BrowsePartsText.tr("suspended"))
    if row.flag:
        parts.append(BrowsePartsText.tr(FLAGGED[row.flag]))
    return ", ".join(parts)


def when(stored: str | None) -> str:
    """A stored time as the rep reads it ("" for none)."""
    if not stored:
        return ""
    return local_minute(datetime.fromisoformat(stored))


def schedule_text(details: ItemDetails) -> str:
    """The item's schedule in one line."""
    state = details.state
    parts = [phase_text(state.phase),
             BrowsePartsText.tr("%Ln answer(s)", "", state.reps),
             BrowsePartsText.tr("%Ln lapse(s)", "", state.lapses)]
    if state.stability is not None:
        parts.append(BrowsePartsText.tr("stability {days} days").format(
            days=number(state.stability, 1)))
    if state.difficulty is not None:
        parts.append(BrowsePartsText.tr("difficulty {value} of 10").format(
            value=number(state.difficulty, 1)))
    if state.due is not None and state.phase != Phase.NEW:
        parts.append(BrowsePartsText.tr("next due {when}").format(when=local_minute(state.due)))
    if details.recall_now is not None:
        parts.append(BrowsePartsText.tr("recall now {percent}%").format(
            percent=number(details.recall_now * 100)))
    if details.row.suspended:
        parts.append(BrowsePartsText.tr("suspended"))
    return " · ".join(parts)


def history_text(details: ItemDetails) -> str:
    """The item's latest answers, newest first."""
    lines = [BrowsePartsText.tr("{when}: {rating} ({seconds} s)").format(
                 when=when(at), rating=rating_label(rating),
                 seconds=number(ms / 1000))
             for at, rating, ms, _version in details.history[:SHOWN_ANSWERS]]
    if not lines:
        return BrowsePartsText.tr("Never answered.")
    more = len(details.history) - SHOWN_ANSWERS
    if more > 0:
        return BrowsePartsText.tr("Answers: {answers}; and %Ln earlier", "", more).format(
            answers="; ".join(lines))
    return BrowsePartsText.tr("Answers: {answers}").format(answers="; ".join(lines))


class CardDialog(QDialog):
    """Write (or rewrite) one of the rep's own cards."""

    def __init__(self, parent: QWidget | None, front: str = "", back: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(BrowsePartsText.tr("Your card") if front
                            else BrowsePartsText.tr("A card of your own"))
        self.setObjectName("myCardDialog")
        self.given = (front, back)
        self.front = QPlainTextEdit(front)
        self.front.setObjectName("myCardFront")
        self.front.setAccessibleName(BrowsePartsText.tr("Front"))
        self.front.setTabChangesFocus(True)
        self.front.setPlaceholderText(
            BrowsePartsText.tr("What you hear or are asked, e.g. a buyer's objection"))
        self.back = QPlainTextEdit(back)
        self.back.setObjectName("myCardBack")
        self.back.setAccessibleName(BrowsePartsText.tr("Back"))
        self.back.setTabChangesFocus(True)
        self.back.setPlaceholderText(BrowsePartsText.tr("What you do or say"))
        form = QFormLayout(self)
        form.addRow(BrowsePartsText.tr("&Front"), self.front)
        form.addRow(BrowsePartsText.tr("&Back"), self.back)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(QLabel(BrowsePartsText.tr("{keys} saves.").format(
            keys=key_text("Ctrl+Enter"))),
                    buttons)
        # The text boxes take Ctrl+Enter for themselves: catch it before they do.
        self.front.installEventFilter(self)
        self.back.installEventFilter(self)
        self.resize(520, 360)

    def reject(self) -> None:
        """Esc, Cancel or closing the window: what was typed is thrown away only if the
        rep says so."""
        if (self.front.toPlainText(), self.back.toPlainText()) != self.given and \
                not self._discard_confirmed():
            return
        super().reject()

    def _discard_confirmed(self) -> bool:
        return confirm_discard(self, BrowsePartsText.tr("Discard changes?"),
                               BrowsePartsText.tr("Throw away what you typed on this card?"),
                               BrowsePartsText.tr("&Discard"),
                               BrowsePartsText.tr("&Keep writing"))

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
        self.note.setAccessibleName(BrowsePartsText.tr("Your note on this item"))
        self.note.setPlaceholderText(
            BrowsePartsText.tr("Your note on this item (kept through deck updates)"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.suspend_button = QPushButton(with_keys(BrowsePartsText.tr("Suspend"), "Ctrl+J"))
        self.suspend_button.setObjectName("browseSuspend")
        self.flag = QComboBox()
        self.flag.setObjectName("browseFlag")
        self.flag.setAccessibleName(BrowsePartsText.tr("Flag"))
        for key, name in enumerate(FLAGS):
            self.flag.addItem(with_keys(BrowsePartsText.tr(name), f"Ctrl+{key}"), key)
        self.reset_button = QPushButton(with_keys(BrowsePartsText.tr("Reset to new"), "Ctrl+Alt+N"))
        self.reset_button.setObjectName("browseReset")
        self.reset_button.setToolTip(BrowsePartsText.tr(
            "Learn it again from the start; its answers stay in the history."))
        self.edit_button = QPushButton(with_keys(BrowsePartsText.tr("Edit"), "Ctrl+Shift+E"))
        self.edit_button.setObjectName("browseEdit")
        self.delete_button = QPushButton(with_keys(BrowsePartsText.tr("Delete"), "Del"))
        self.delete_button.setObjectName("browseDelete")
        actions = QHBoxLayout()
        actions.addWidget(self.suspend_button)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.flag)
        actions.addStretch(1)
        # Only cards of the rep's own can be edited or deleted: a row of their own, so
        # that the row above fits a narrow window in any language.
        mine = QHBoxLayout()
        mine.addStretch(1)
        mine.addWidget(self.edit_button)
        mine.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.card, 3)
        layout.addWidget(self.schedule)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.note)
        layout.addLayout(actions)
        layout.addLayout(mine)

    def show_item(self, details: ItemDetails | None) -> None:
        """Show an item, or that nothing is selected."""
        if details is None:
            self.card.setHtml("")
            self.schedule.setText(BrowsePartsText.tr("Nothing selected."))
            self.history.clear()
            self.note.clear()
            for button in (self.suspend_button, self.reset_button, self.edit_button,
                           self.delete_button):
                button.setEnabled(False)
            return
        self.card.show_markdown(("front", details.front), ("back", details.back))
        self.schedule.setText(schedule_text(details))
        self.history.setText(history_text(details))
        self.note.blockSignals(True)
        self.note.setPlainText(details.note)
        self.note.blockSignals(False)
        self.suspend_button.setEnabled(True)
        # A new item that was never answered has nothing to reset.
        self.reset_button.setEnabled(details.row.phase != 0 or details.row.reps > 0)
        self.suspend_button.setText(with_keys(
            BrowsePartsText.tr("Unsuspend") if details.row.suspended
            else BrowsePartsText.tr("Suspend"), "Ctrl+J"))
        self.flag.setCurrentIndex(details.row.flag)
        self.edit_button.setEnabled(details.mine)
        self.delete_button.setEnabled(details.mine)
