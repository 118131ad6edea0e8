"""The main window: deck list, review and summary screens, and the menus."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from trainer.app import Services
from trainer.domain.deck import Source
from trainer.gui.deck_list import DeckListView
from trainer.gui.review_view import ReviewView
from trainer.study.service import ReviewSession

if TYPE_CHECKING:
    from trainer.gui.summary_view import SummaryView


class MainWindow(QMainWindow):
    """Composes the screens; all decisions are made by the services it is given."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session: ReviewSession | None = None
        self.setWindowTitle("Sales Trainer")
        self.resize(900, 640)

        self.decks = DeckListView()
        self.review = ReviewView()
        self.stack = QStackedWidget()
        for view in (self.decks, self.review):
            self.stack.addWidget(view)
        self.setCentralWidget(self.stack)

        self.decks.study_requested.connect(self.study)
        self.review.finished.connect(self.show_summary)
        self.review.leave.connect(self.show_decks)
        self._build_menus()
        self.decks.show_problems(services.deck_problems)
        self.show_decks()

    @cached_property
    def summary(self) -> SummaryView:
        """The end-of-session screen, built the first time it is needed."""
        from trainer.gui.summary_view import SummaryView

        view = SummaryView()
        view.back.connect(self.show_decks)
        view.undo.connect(self.undo_from_summary)
        self.stack.addWidget(view)
        return view

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        decks = QAction("&Decks", self)
        decks.setShortcut(QKeySequence("Ctrl+D"))
        decks.triggered.connect(self.show_decks)
        file_menu.addAction(decks)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Sales Trainer", self)
        about.setShortcut(QKeySequence("F1"))
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.about_action = about

    def _end_session(self) -> None:
        if self.session is not None:
            self.session.finish()
            self.session = None

    def show_decks(self) -> None:
        """Go to the deck list with fresh counts."""
        self._end_session()
        self.decks.show_decks(self.services.study.deck_counts(), keep=self.decks.current_deck())
        self.stack.setCurrentWidget(self.decks)
        self.decks.setFocus()

    def study(self, deck_id: str) -> None:
        """Start reviewing a deck."""
        self._end_session()
        self.session = self.services.study.start(deck_id)
        row = next(d.deck for d in self.services.study.deck_counts() if d.deck.id == deck_id)
        credits = {s["id"] or "": Source(**s).credit()  # type: ignore[arg-type]
                   for s in row.sources}
        self._deck_title = row.title
        self.stack.setCurrentWidget(self.review)
        self.review.setFocus()
        self.review.start(self.session, row.title, credits)

    def show_summary(self) -> None:
        """The session has nothing more to show today."""
        if self.session is None:
            return
        study = self.services.study
        self.summary.show_summary(self._deck_title, self.session.summary(), study.clock(),
                                  study.settings.timezone)
        self.stack.setCurrentWidget(self.summary)
        self.summary.setFocus()

    def undo_from_summary(self) -> None:
        """Ctrl+Z on the summary screen takes back the last answer and returns to it."""
        if self.session is None or not self.session.can_undo():
            return
        self.stack.setCurrentWidget(self.review)
        self.review.setFocus()
        self.review.undo()

    def show_about(self) -> None:
        """Help > About."""
        from trainer.gui.about import AboutDialog

        credits = sorted({Source(**s).credit()  # type: ignore[arg-type]
                          for d in self.services.study.deck_counts() for s in d.deck.sources})
        AboutDialog(str(self.services.config.profile_dir), credits, self).exec()
        self.activateWindow()  # without a window manager focus would not come back

    def closeEvent(self, event: QCloseEvent) -> None:
        """End the session cleanly; answers are already committed."""
        self._end_session()
        super().closeEvent(event)
