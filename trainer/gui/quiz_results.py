"""The results page of a quiz: score and pass mark, certainty, topics, what was missed."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trainer.content.render import render_without_pictures
from trainer.domain.scoring import CONFIDENCE_MARGIN
from trainer.gui.scrolling import ENDS, LINES, PAGE_KEYS, scroll_by_key
from trainer.gui.theme import verdict_colors
from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.study.quiz_service import QuizResult


class QuizResultsText(Context):
    """Texts of a quiz's results page."""


# Whole phrases, not "{level} certainty": German declines the adjective ("Hohe Sicherheit").
_CERTAINTY = {1: QT_TRANSLATE_NOOP("QuizResultsText", "Low certainty"),
              2: QT_TRANSLATE_NOOP("QuizResultsText", "Medium certainty"),
              3: QT_TRANSLATE_NOOP("QuizResultsText", "High certainty")}


def _percent(share: float) -> str:
    """A share (0-1) in whole percent, without the sign: 0.5 is "50"."""
    return number(share * 100)


def _signed(value: float, decimals: int) -> str:
    """``value`` with its sign, as ``{:+.2f}`` writes it, in the rep's number format."""
    text = number(value, decimals)
    return text if text.startswith("-") else "+" + text


def results_html(result: QuizResult) -> str:
    """The page's text as HTML (kept apart from the widgets so it can be read in tests)."""
    good, partial, bad = verdict_colors()
    verdict = (f'<b style="color:{good}">' + QuizResultsText.tr("Passed") + "</b>"
               if result.passed else
               f'<b style="color:{bad}">' + QuizResultsText.tr("Not passed yet") + "</b>")
    parts = [f"<h2>{html.escape(result.title)}</h2>",
             f"<p style='font-size:large'>{number(result.percent)}% &nbsp; {verdict} "
             + QuizResultsText.tr("(pass mark {percent}%)").format(percent=result.pass_mark)
             + "</p>",
             "<p>" + QuizResultsText.tr("Accuracy: {percent}% of %n answered fully right", "",
                                        result.answered).format(
                 percent=_percent(result.accuracy))]
    if result.certainty_score is not None:
        parts.append(" · " + QuizResultsText.tr(
            "Certainty score: {score} per question (from -6 to +3)").format(
                score=_signed(result.certainty_score, 2)))
    parts.append("</p>")
    if result.calibration is not None:
        rows = []
        for level in result.calibration.levels:
            if level.answers:
                note = ""
                if level.overconfidence is not None and level.overconfidence > CONFIDENCE_MARGIN:
                    note = (f' <span style="color:{partial}">'
                            + QuizResultsText.tr("(overconfident)") + "</span>")
                rows.append("<li>" + QuizResultsText.tr(
                    "{certainty}: {percent}% right of %n", "", level.answers).format(
                        certainty=QuizResultsText.tr(_CERTAINTY[level.level]),
                        percent=_percent(level.accuracy or 0.0)) + f"{note}</li>")
        if rows:
            parts.append("<p><b>" + QuizResultsText.tr("How sure you were, and how right")
                         + "</b></p><ul>" + "".join(rows) + "</ul>")
    if result.by_topic:
        parts.append("<p><b>" + QuizResultsText.tr("By topic") + "</b></p><ul>" + "".join(
            f"<li>{html.escape(t.replace('-', ' '))}: {number(v)}%</li>"
            for t, v in result.by_topic.items()) + "</ul>")
    if result.missed:
        parts.append("<p><b>" + QuizResultsText.tr("To review") + "</b></p>")
        for missed in result.missed:
            flag = (f' <b style="color:{bad}">⚠ ' + QuizResultsText.tr("sure but wrong") + "</b>"
                    if missed.confidently_wrong else "")
            parts.append(f"<p>{render_without_pictures(missed.question.prompt)}<small>"
                         + QuizResultsText.tr("{percent}% credit").format(
                             percent=_percent(missed.credit))
                         + f"{flag}</small></p>")
            if missed.question.explanation:
                parts.append(f"<blockquote>{render_without_pictures(missed.question.explanation)}"
                             "</blockquote>")
    else:
        parts.append(f'<p style="color:{good}">' + QuizResultsText.tr("Every question fully right.")
                     + "</p>")
    return "".join(parts)


class QuizResultsView(QWidget):
    """R retakes, M reviews the missed questions, Esc goes back."""

    retake = Signal()
    review_missed = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: QuizResult | None = None
        self.text = QLabel()
        self.text.setObjectName("quizResultsText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text.setMargin(8)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retake_button = QPushButton(QuizResultsText.tr("Retake  (R)"))
        self.retake_button.setObjectName("retake")
        self.missed_button = QPushButton(QuizResultsText.tr("Review missed  (M)"))
        self.missed_button.setObjectName("reviewMissed")
        self.back_button = QPushButton(QuizResultsText.tr("Back to decks  (Esc)"))
        self.back_button.setObjectName("resultsBack")
        for button, signal in ((self.retake_button, self.retake),
                               (self.missed_button, self.review_missed),
                               (self.back_button, self.back)):
            button.clicked.connect(signal.emit)
            button.setMinimumHeight(36)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retake_button)
        row.addWidget(self.missed_button)
        row.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QuizResultsText.tr("Quiz results"))

    def show_result(self, result: QuizResult) -> None:
        """Fill the page."""
        self.result = result
        self.text.setText(results_html(result))
        self.missed_button.setEnabled(bool(result.missed))
        # From the score down, however far the last results were scrolled.
        self.scroll_area.verticalScrollBar().setValue(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """R, M, Esc (and Enter goes back too); Up, Down, Page Up, Page Down, Home and
        End scroll the page, so every missed question can be read by keyboard."""
        key = event.key()
        if scroll_by_key(self.scroll_area.verticalScrollBar(), key,
                         PAGE_KEYS | ENDS | LINES | {Qt.Key.Key_Space}):
            pass
        elif key == Qt.Key.Key_R:
            self.retake.emit()
        elif key == Qt.Key.Key_M and self.missed_button.isEnabled():
            self.review_missed.emit()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.back.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
