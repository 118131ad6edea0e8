"""The end-of-session screen: what was done and when the next card is due."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from trainer.domain.scheduling import Rating
from trainer.gui.theme import bold, muted
from trainer.i18n import Context
from trainer.study.service import SessionSummary
from trainer.study.wording import describe_due, rating_label


class SummaryViewText(Context):
    """Texts of the end-of-session screen."""


def _minutes(seconds: float) -> str:
    if seconds < 60:
        return SummaryViewText.tr("{n} s").format(n=round(seconds))
    return SummaryViewText.tr("{n} min").format(n=round(seconds / 60))


class SummaryView(QWidget):
    """Shown when nothing more is due in the deck today."""

    back = Signal()
    undo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("summaryHeading")
        bold(self.heading, 1.6)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done = QLabel()
        self.done.setTextFormat(Qt.TextFormat.PlainText)  # holds the deck's title
        self.done.setObjectName("summaryDone")
        self.done.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done.setWordWrap(True)
        self.next_due = QLabel()
        self.next_due.setObjectName("summaryNextDue")
        self.next_due.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_due.setWordWrap(True)
        for label in (self.done, self.next_due):
            bigger = label.font()
            bigger.setPointSizeF(bigger.pointSizeF() * 1.2)
            label.setFont(bigger)
        self.back_button = QPushButton(SummaryViewText.tr("Back to decks  (Enter)"))
        self.back_button.setObjectName("backToDecks")
        self.back_button.clicked.connect(self.back.emit)
        self.back_button.setMinimumHeight(40)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addStretch(1)
        hint = QLabel(SummaryViewText.tr("Ctrl+Z takes back the last answer"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        muted(hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addSpacing(12)
        layout.addWidget(self.done)
        layout.addSpacing(8)
        layout.addWidget(self.next_due)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addStretch(2)
        layout.addWidget(hint)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.setAccessibleName(SummaryViewText.tr("Session summary"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Esc goes back to the decks; Ctrl+Z takes back the last answer."""
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.back.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def show_summary(self, deck_title: str, summary: SessionSummary, now: datetime,
                     zone: tzinfo | None) -> None:
        """Fill in the figures for a finished session."""
        if summary.answered:
            self.heading.setText(SummaryViewText.tr("Session complete"))
            ratings = " · ".join(f"{rating_label(r)} {summary.by_rating[r]}" for r in Rating)
            # Answers, not cards: a card answered Again comes back in the same sitting.
            answered = SummaryViewText.tr("You gave %n answer(s) in {deck} in {time}.", "",
                                          summary.answered).format(
                deck=deck_title, time=_minutes(summary.study_time.total_seconds()))
            self.done.setText(f"{answered}\n{ratings}")
        else:
            self.heading.setText(SummaryViewText.tr("Nothing to study right now"))
            self.done.setText(SummaryViewText.tr("You are up to date in {deck}.").format(
                deck=deck_title))
        self.next_due.setText(SummaryViewText.tr("Next card due: {when}").format(
            when=describe_due(summary.next_due, now, zone)))
