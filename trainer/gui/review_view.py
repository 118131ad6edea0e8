"""The review screen: front, reveal (Space), four answer buttons (1-4), undo (Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.scheduling import Phase, Rating
from trainer.gui.by_name import set_by_name
from trainer.gui.card_view import CardView
from trainer.gui.theme import count_colors, muted
from trainer.i18n import Context
from trainer.study.daily import CardStep
from trainer.study.service import Counts, Shown
from trainer.study.wording import format_interval, rating_label

if TYPE_CHECKING:  # only named in annotations: PySide builds no Python type for it
    from PySide6.QtGui import QKeyEvent


class ReviewViewText(Context):
    """Texts of the review screen."""


class ReviewView(QWidget):
    """Shows the cards daily study hands it, one at a time, and passes the answers on."""

    rated = Signal(object)  # the Rating given to the card on screen
    undo_requested = Signal()
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step: CardStep | None = None
        self.intervals: Callable[[], dict[Rating, timedelta]] | None = None
        self.revealed = False
        self.source_credit: dict[str, str] = {}

        self.title = QLabel()
        set_by_name(self.title, "textFormat", "PlainText")  # the deck's title: never markup
        self.title.setObjectName("reviewTitle")
        self.counts = QLabel()
        self.counts.setObjectName("reviewCounts")
        set_by_name(self.counts, "textFormat", "RichText")
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        top.addSpacing(16)
        top.addWidget(self.counts)

        self.card = CardView()
        self.card.setObjectName("cardView")
        self.card.autoplay = True  # as Anki: a card's sounds play as each side appears
        self.card.said.connect(self.status.setText)
        set_by_name(self.card, "focusPolicy", "NoFocus")

        self.show_button = QPushButton(ReviewViewText.tr("Show answer  (Space)"))
        self.show_button.setObjectName("showAnswer")
        self.show_button.setMinimumHeight(44)
        self.show_button.clicked.connect(self.reveal)

        self.rating_buttons: dict[Rating, QPushButton] = {}
        self.interval_labels: dict[Rating, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for col, rating in enumerate(Rating):
            label = QLabel()
            set_by_name(label, "alignment", "AlignCenter")
            label.setObjectName(f"interval{rating.label}")
            button = QPushButton(f"{rating_label(rating)}  ({int(rating)})")
            button.setObjectName(f"rate{rating.label}")
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _c=False, r=rating: self.answer(r))
            grid.addWidget(label, 0, col)
            grid.addWidget(button, 1, col)
            self.rating_buttons[rating] = button
            self.interval_labels[rating] = label
        ratings = QWidget()
        ratings.setLayout(grid)
        reveal = QWidget()
        reveal_layout = QVBoxLayout(reveal)
        reveal_layout.setContentsMargins(0, 0, 0, 0)
        reveal_layout.addStretch(1)
        reveal_layout.addWidget(self.show_button)
        self.bottom = QStackedWidget()
        self.bottom.addWidget(reveal)
        self.bottom.addWidget(ratings)
        self.bottom.setFixedHeight(80)
        for button in (self.show_button, *self.rating_buttons.values()):
            # Keys go to the shortcuts below, so Space can never press a focused
            # rating button by accident.
            set_by_name(button, "focusPolicy", "NoFocus")

        self.hint = QLabel(ReviewViewText.tr(
            "Space: show answer · 1-4: answer · Ctrl+Z: undo · Esc: back to decks"))
        self.hint.setObjectName("reviewHint")
        set_by_name(self.hint, "alignment", "AlignCenter")
        self.hint.setWordWrap(True)  # German runs long; the window stays narrowable
        muted(self.hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.card, 1)
        layout.addWidget(self.bottom)
        layout.addWidget(self.hint)

        set_by_name(self, "focusPolicy", "StrongFocus")
        self.setAccessibleName(ReviewViewText.tr("Card review"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space or Enter reveals, 1-4 answer, R replays the card's sounds, Ctrl+Z
        undoes, Esc leaves."""
        from PySide6.QtCore import Qt  # not at start-up: see by_name.py
        from PySide6.QtGui import QKeySequence

        key = event.key()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.reveal()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4 and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            self.answer(Rating(key - Qt.Key.Key_0))
        elif key == Qt.Key.Key_R and not event.modifiers():
            self.card.replay()
        elif key == Qt.Key.Key_Escape:
            self.card.stop_sounds()
            self.leave.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def start(self, title: str, credits: dict[str, str],
              intervals: Callable[[], dict[Rating, timedelta]]) -> None:
        """Show a deck's cards: its title, its sources' credits by id, and where to ask
        when the card on screen would come back after each answer."""
        self.step = None
        self.title.setText(title)
        self.source_credit = credits
        self.intervals = intervals
        self.status.clear()

    @property
    def shown(self) -> Shown | None:
        """The card on screen."""
        return self.step.shown if self.step is not None else None

    def show_card(self, step: CardStep) -> None:
        """Show a card's front, and the counts line that came with it."""
        self.step = step
        self.revealed = False
        self.card.show_markdown(("front", step.shown.front))
        self.bottom.setCurrentIndex(0)
        self._update_counts(step.shown, step.counts)

    def _update_counts(self, shown: Shown, counts: Counts) -> None:
        colors = count_colors()
        current = {Phase.NEW: 0, Phase.LEARNING: 1, Phase.RELEARNING: 1,
                   Phase.REVIEW: 2}[shown.state.phase]
        parts = []
        for index, (name, value) in enumerate(
                ((ReviewViewText.tr("New"), counts.new),
                 (ReviewViewText.tr("Learning"), counts.learning),
                 (ReviewViewText.tr("Due"), counts.review))):
            text = f"{name} {value}"
            if index == current:
                text = f"<u><b>{text}</b></u>"
            parts.append(f'<span style="color:{colors[index]}">{text}</span>')
        self.counts.setText(" &nbsp; ".join(parts))

    def reveal(self) -> None:
        """Show the answer and the four buttons with their intervals."""
        if self.step is None or self.intervals is None or self.revealed:
            return
        shown = self.step.shown
        parts = [("front", shown.front), ("back", shown.back)]
        credit = self.source_credit.get(shown.source or "")
        if credit:
            parts.append(("source", ReviewViewText.tr("Source: {credit}").format(credit=credit)))
        self.card.show_markdown(*parts)
        for rating, interval in self.intervals().items():
            self.interval_labels[rating].setText(format_interval(interval))
        self.bottom.setCurrentIndex(1)
        self.revealed = True

    def answer(self, rating: Rating) -> None:
        """Answer the revealed card; ignored before the answer is shown."""
        if self.step is None or not self.revealed:
            return
        self.status.clear()
        self.rated.emit(rating)

    def undo(self) -> None:
        """Ask for the last answer back."""
        self.undo_requested.emit()

    def said_undone(self, done: bool) -> None:
        """Say whether an answer was taken back."""
        self.status.setText(ReviewViewText.tr("Answer undone") if done
                            else ReviewViewText.tr("Nothing to undo"))
