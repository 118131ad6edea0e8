"""A self-assessment: one statement at a time on its scale, then a result for each
dimension with its advice, the change since last time, and links to what helps."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.quiz import DEFAULT_SCALE
from trainer.gui.answer_widgets import OptionRow
from trainer.gui.theme import bold, muted
from trainer.i18n import Context
from trainer.i18n import number as figure  # `number` is an option's number here
from trainer.study.assessment_service import AssessmentRun, DimensionReport


class AssessmentViewText(Context):
    """Texts of the self-check screen and its results."""


class AssessmentView(QWidget):
    """Keys 1-N answer, Backspace goes back, Esc leaves; links open decks and quizzes."""

    open_link = Signal(str, str)  # (deck id, "deck:ID" or "quiz:ID")
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run: AssessmentRun | None = None
        self.rows: list[OptionRow] = []
        # Turns (deck id, "quiz:ID") into a button text; the window sets a better one.
        self.link_title: Callable[[str, str], str] = lambda _deck, link: link
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # deck text: never markup
        self.title.setObjectName("assessmentTitle")
        bold(self.title)
        self.progress = QLabel()
        self.progress.setObjectName("assessmentProgress")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)

        self.statement = QLabel()
        self.statement.setTextFormat(Qt.TextFormat.PlainText)
        self.statement.setObjectName("assessmentStatement")
        self.statement.setWordWrap(True)
        bold(self.statement, 1.3)
        self.scale_box = QVBoxLayout()
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(self.statement)
        ask_layout.addSpacing(12)
        ask_layout.addLayout(self.scale_box)
        self.resumed = QLabel(AssessmentViewText.tr(
            "Picked up where you left off: your earlier answers are kept."))
        self.resumed.setObjectName("assessmentResumed")
        muted(self.resumed)
        ask_layout.addWidget(self.resumed)
        ask_layout.addStretch(1)
        hint = QLabel(AssessmentViewText.tr(
            "1-5: answer · Backspace: previous statement · Esc: leave"))
        muted(hint)
        ask_layout.addWidget(hint)

        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        scroll = QScrollArea()
        scroll.setWidget(self.results)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(scroll, 1)
        back = QPushButton(AssessmentViewText.tr("Back to decks  (Esc)"))
        back.setObjectName("assessmentBack")
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.leave.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(back)
        done_layout.addLayout(row)

        self.pages = QStackedWidget()
        self.pages.addWidget(ask)
        self.pages.addWidget(done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(AssessmentViewText.tr("Self-check statement"))

    def start(self, run: AssessmentRun) -> None:
        """Begin asking."""
        self.run = run
        self.title.setText(run.assessment.title)
        for row in self.rows:
            self.scale_box.removeWidget(row)
            row.deleteLater()
        self.rows = []
        # The default scale is the app's own words; a scale the trainer wrote is shown
        # as written.
        scale = run.assessment.scale
        if scale == DEFAULT_SCALE:
            scale = tuple(AssessmentViewText.tr(label) for label in scale)
        for number, label in enumerate(scale, start=1):
            option = OptionRow(number, label, multi=False)
            option.clicked.connect(lambda n=number: self.choose(n))
            self.scale_box.addWidget(option)
            self.rows.append(option)
        self.pages.setCurrentIndex(0)
        self.resumed.setVisible(run.resumed)
        self._show_statement()
        self.setFocus()

    def _show_statement(self) -> None:
        assert self.run is not None
        statements = self.run.assessment.statements
        position = self.run.position
        self.progress.setText(AssessmentViewText.tr("Statement {number} of {total}").format(
            number=position + 1, total=len(statements)))
        statement = statements[position]
        self.statement.setText(statement.text)
        earlier = self.run.choices.get(statement.id)
        for number, row in enumerate(self.rows, start=1):
            row.set_selected(number == earlier)

    def choose(self, number: int) -> None:
        """Answer the current statement and move on (or finish)."""
        if self.run is None or self.pages.currentIndex() != 0:
            return
        if not 1 <= number <= len(self.rows):
            return
        self.run.choose(number)
        self.resumed.hide()
        if self.run.done and self.run.position >= len(self.run.assessment.statements):
            self.show_reports(self.run.finish())
        else:
            self._show_statement()

    def back(self) -> None:
        """Previous statement."""
        if self.run is not None and self.pages.currentIndex() == 0:
            self.run.back()
            self._show_statement()

    def show_reports(self, reports: list[DimensionReport]) -> None:
        """The results page."""
        while self.results_layout.count():
            item = self.results_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone at once, not at the next event loop turn
                widget.deleteLater()
        self.progress.setText(AssessmentViewText.tr("Your results"))
        assert self.run is not None
        deck_id = self.run.deck_id
        for report in reports:
            box = QFrame()
            box.setObjectName("dimensionBox")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(box)
            dim = report.result
            heading = QLabel(dim.dimension.title)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            bold(heading, 1.15)
            inner.addWidget(heading)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(dim.score or 0))
            bar.setFormat(f"{figure(dim.score)} / 100" if dim.score is not None
                          else AssessmentViewText.tr("no answers"))
            inner.addWidget(bar)
            lines = []
            if dim.band is not None:
                lines.append(f"<b>{html.escape(dim.band.label)}</b>: "
                             f"{html.escape(dim.band.advice)}")
            change = report.change
            if change is None:
                lines.append(AssessmentViewText.tr(
                    "First time: take it again later to see your progress."))
            else:
                arrow = "▲" if change > 0 else ("▼" if change < 0 else "=")
                signed = figure(change)
                lines.append(AssessmentViewText.tr("{arrow} {change} since last time ({previous}).")
                             .format(arrow=arrow,
                                     change=signed if signed.startswith("-") else "+" + signed,
                                     previous=figure(report.previous or 0.0)))
            lines.append(html.escape(report.comparison()))
            text = QLabel("<br>".join(lines))
            text.setObjectName(f"dimensionText_{dim.dimension.id}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            inner.addWidget(text)
            if dim.band is not None and dim.band.links:
                links = QHBoxLayout()
                for link in dim.band.links:
                    button = QPushButton(self.link_title(deck_id, link))
                    button.setObjectName(f"link_{link}")
                    button.clicked.connect(lambda _c=False, ln=link: self.open_link.emit(deck_id,
                                                                                         ln))
                    links.addWidget(button)
                links.addStretch(1)
                inner.addLayout(links)
            self.results_layout.addWidget(box)
        self.results_layout.addStretch(1)
        self.pages.setCurrentIndex(1)
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Number keys answer; Backspace goes back; Esc (or Enter on results) leaves."""
        key = event.key()
        on_results = self.pages.currentIndex() == 1
        if key == Qt.Key.Key_Escape or (on_results and key in (Qt.Key.Key_Return,
                                                               Qt.Key.Key_Enter)):
            self.leave.emit()
        elif key == Qt.Key.Key_Backspace:
            self.back()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.choose(key - Qt.Key.Key_0)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
