"""The main window: the home list, review, quiz, self-assessment and summary screens,
built when first used (except review); daily study on them is daily_study.py's."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from trainer.app import Services
from trainer.gui.daily_study import DailyScreens, MainWindowText
from trainer.gui.keeper import Keeper
from trainer.gui.menus import build_menus
from trainer.gui.review_view import ReviewView
from trainer.gui.window_size import fit_to_screen

if TYPE_CHECKING:  # only named in annotations: PySide builds no Python type for them
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from trainer.gui.assessment_view import AssessmentView
    from trainer.gui.browser_view import BrowserView
    from trainer.gui.cohort_view import CohortView
    from trainer.gui.deck_list import DeckListView
    from trainer.gui.practice_view import PracticeView
    from trainer.gui.quiz_flow import QuizFlow
    from trainer.gui.quiz_results import QuizResultsView
    from trainer.gui.quiz_view import QuizView
    from trainer.gui.reminders import Reminders
    from trainer.gui.stats_view import StatsView
    from trainer.gui.summary_view import SummaryView


class MainWindow(QMainWindow):
    """Composes the screens; all decisions are made by the services it is given."""

    # The menu actions that other code triggers or tests press (menus.py makes them; it
    # sees the window only as a MenuHost).
    export_action: QAction
    cohort_action: QAction
    profiles_action: QAction
    restore_action: QAction
    check_action: QAction
    backup_action: QAction
    browse_action: QAction
    stats_action: QAction
    preferences_action: QAction
    optimize_action: QAction
    about_action: QAction
    first_painted = Signal()  # once, just after the window's first paint

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.daily = DailyScreens(self)
        self.switch_to: str | None = None  # a profile to open once this window closes
        self.reminders: Reminders | None = None  # set by whoever runs the window
        self.setWindowTitle(MainWindowText.tr("Sales Trainer"))
        fit_to_screen(self, 900, 640)
        self.setAcceptDrops(True)

        self._unchosen = QWidget()  # shown until the first screen is chosen: _first_screen
        self.review = ReviewView()
        self.stack = QStackedWidget()
        for view in (self._unchosen, self.review):
            self.stack.addWidget(view)
        self.setCentralWidget(self.stack)

        self.review.rated.connect(self.daily.rate)
        self.review.undo_requested.connect(self.daily.undo_on_review)
        self.review.leave.connect(self.show_decks)
        build_menus(self)
        self.keeper = Keeper(self, lambda: self.services, self.end_session,
                             self.replace_services)
        from trainer.gui.theme import use_stored

        use_stored(self.services.theme)
        self._painted = False
        self.first_painted.connect(partial(self._offer_resume, services.clock()))
        # Tidying the media folder, if opening the profile left it (Services.finish_media).
        self.first_painted.connect(lambda: self.services.finish_media())
        QTimer.singleShot(0, self._first_screen)  # runs before the window is first drawn

    @cached_property
    def decks(self) -> DeckListView:
        """The home screen: decks, their quizzes and self-checks, the learning paths."""
        from trainer.gui.deck_list import home_screen

        return home_screen(self.stack, self.services.deck_problems, study=self.study,
                           quiz=lambda deck, key: self.quiz_flow.start(deck, key),
                           assessment=self.start_assessment, stats=self.show_stats,
                           open_step=self.open_step)

    def _first_screen(self) -> None:
        """The home screen, unless a deck's study was chosen first; the empty page goes."""
        if self.stack.currentWidget() is self._unchosen and not self.services.db.closed:
            self.show_decks()
        self.stack.removeWidget(self._unchosen)
        self._unchosen.deleteLater()

    def paintEvent(self, event: QPaintEvent) -> None:
        """After the first paint: first_painted (offer to resume a quiz, and more)."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    @cached_property
    def practice(self) -> PracticeView:
        """The practice screen."""
        from trainer.gui.practice_view import PracticeView

        view = PracticeView()
        view.submitted.connect(self.daily.practice_submit)
        view.leave.connect(self.show_decks)
        view.undo.connect(self.daily.undo_in_screen)
        self.stack.addWidget(view)
        return view

    # The quiz, results and self-assessment screens are built when first used, which
    # keeps them (and their modules) out of start-up.
    @cached_property
    def quiz(self) -> QuizView:
        """The quiz screen."""
        from trainer.gui.quiz_view import QuizView

        view = QuizView()  # each question comes with its owner: a quiz, or daily study
        self.stack.addWidget(view)
        return view

    @cached_property
    def results(self) -> QuizResultsView:
        """The quiz results page."""
        from trainer.gui.quiz_results import QuizResultsView

        view = QuizResultsView()
        self.stack.addWidget(view)
        return view

    @cached_property
    def quiz_flow(self) -> QuizFlow:
        """Runs quiz attempts on the quiz and results screens."""
        from trainer.gui.quiz_flow import QuizFlow

        return QuizFlow(self.services, self.stack, self.quiz, self.results, self.show_decks)

    @cached_property
    def assessment(self) -> AssessmentView:
        """The self-assessment screen."""
        from trainer.gui.assessment_view import AssessmentView

        view = AssessmentView()
        view.leave.connect(self.show_decks)
        view.open_link.connect(self.open_link)
        view.link_title = self._link_title
        self.stack.addWidget(view)
        return view

    @cached_property
    def summary(self) -> SummaryView:
        """The end-of-session screen, built the first time it is needed."""
        from trainer.gui.summary_view import SummaryView

        view = SummaryView()
        view.back.connect(self.show_decks)
        view.undo.connect(self.daily.undo_from_summary)
        self.stack.addWidget(view)
        return view

    # The report screens too; each gets only what it uses, and asks the window for the
    # rest through the callbacks given here.
    @cached_property
    def stats_view(self) -> StatsView:
        """View > Statistics."""
        from trainer.gui.stats_view import StatsView

        view = StatsView(self.services, self.show_decks)
        self.stack.addWidget(view)
        return view

    @cached_property
    def browser_view(self) -> BrowserView:
        """View > Browse."""
        from trainer.gui.browser_view import BrowserView

        view = BrowserView(self.services.browse)
        view.leave.connect(self.show_decks)
        self.stack.addWidget(view)
        return view

    @cached_property
    def cohort_view(self) -> CohortView:
        """File > Open cohort's report page."""
        from trainer.gui.cohort_view import CohortView

        view = CohortView(self.show_decks)
        self.stack.addWidget(view)
        return view

    def _cohort_page(self) -> CohortView:
        return self.cohort_view

    def _offer_resume(self, opened: datetime) -> None:
        if self.services.db.closed or not self.isVisible():
            return  # closed before the offer's turn came
        if self.services.quizzes.open_attempts(started_before=opened):
            self.quiz_flow.offer_resume(self, opened)

    def end_session(self) -> None:
        """Finish the study session on screen, if any."""
        self.daily.end()

    def show_decks(self) -> None:
        """Go to the home list with fresh counts."""
        self.end_session()
        paths = self.services.paths.progress()
        # Decks the rep imported (or a trainer sent) first, newest first, so a new one is
        # found at once; then the built-in ones in the order the learning path first
        # takes them; others after, by title.
        order: dict[str, int] = {}
        for progress in paths:
            for step in progress.steps:
                order.setdefault(step.step.target.split("/")[0], len(order))
        listed = self.services.study.deck_counts()
        counts = sorted(listed, key=lambda d: (
            (0, listed.index(d), "") if not d.deck.builtin
            else (1, order.get(d.deck.id, len(order)), d.deck.title.lower())))
        self.decks.show_decks(counts, keep=self.decks.current_key(),
                              quizzes=self.services.quizzes.quizzes(),
                              assessments=self.services.assessments.assessments(),
                              best=self.services.quizzes.best_scores())
        self.decks.path.show_paths(paths)
        from trainer.study.streak import line, today

        self.decks.today.setText(line(today(self.services.study,
                                            left=sum(d.counts.total for d in counts))))
        self.stack.setCurrentWidget(self.decks)
        self.decks.setFocus()

    def refresh_home(self) -> None:
        """Fresh counts on the home list, if it is on screen (after Preferences)."""
        if self.stack.currentWidget() is self.decks:
            self.show_decks()

    def study(self, deck_id: str) -> None:
        """Start daily study in a deck: due cards and due quiz questions, then practice."""
        from trainer.library.deck_pictures import DeckPictures

        self.end_session()
        services = self.services
        study = services.daily(deck_id, record=self._painted)
        if not self._painted:  # the session's row is written once the card is on screen
            self.first_painted.connect(study.session.record)
        media = services.config.profile_dir / "media"
        self.daily.start(study, DeckPictures(services.db, media, deck_id).path)

    def show_summary(self) -> None:
        """The study session has nothing more to show today."""
        self.daily.show_summary()

    def start_assessment(self, deck_id: str, key: str) -> None:
        """Begin a self-assessment."""
        self.end_session()
        self.assessment.start(self.services.assessments.start(deck_id, key))
        self.stack.setCurrentWidget(self.assessment)
        self.assessment.setFocus()

    def open_step(self, kind: str, target: str) -> None:
        """Open a learning-path step: study its deck, take its quiz or self-check."""
        deck_id, _, item = target.partition("/")
        if kind == "deck":
            self.study(deck_id)
        elif kind == "quiz":
            self.quiz_flow.start(deck_id, item)
        else:
            self.start_assessment(deck_id, item)

    def open_link(self, deck_id: str, link: str) -> None:
        """Follow a self-assessment band's link to a deck or a quiz."""
        kind, _, target = link.partition(":")
        if kind in ("deck", "quiz"):
            self.open_step(kind, target if kind == "deck" else f"{deck_id}/{target}")

    def _link_title(self, deck_id: str, link: str) -> str:
        kind, _, target = link.partition(":")
        if kind == "quiz":
            for quiz in self.services.quizzes.quizzes(deck_id):
                if quiz.key == target:
                    return MainWindowText.tr("Take the quiz: {title}").format(title=quiz.title)
        for row in self.services.study.deck_counts():
            if row.deck.id == target:
                return MainWindowText.tr("Study: {title}").format(title=row.deck.title)
        return link

    def choose_import(self) -> None:
        """File > Import…: pick a file, then import it."""
        from PySide6.QtWidgets import QFileDialog

        from trainer.gui.import_dialog import file_filter

        name, _ = QFileDialog.getOpenFileName(self, MainWindowText.tr("Import"), "",
                                              file_filter())
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> None:
        """Import a file (menu, drag and drop, or ``trainer FILE``)."""
        from trainer.gui.import_dialog import import_file

        if import_file(self, self.services, path):
            self.show_decks()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged file."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import each dropped file."""
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.import_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # The report screens live in their own modules, imported on first use so that
    # start-up does not pay for them.
    def open_cohort(self) -> None:
        """File > Open cohort…: a trainer's report over reps' progress files."""
        from trainer.gui import cohort_view

        cohort_view.open_from(self, self._cohort_page, self.stack.setCurrentWidget)

    def show_stats(self) -> None:
        """View > Statistics."""
        from trainer.gui import stats_view

        stats_view.show_page(self.stats_view, self.stack.setCurrentWidget)

    def show_browser(self) -> None:
        """View > Browse (Ctrl+B): every item of every deck."""
        from trainer.gui import browser_view

        self.end_session()
        browser_view.show_page(self.browser_view, self.stack.setCurrentWidget)

    def refresh_after_repair(self) -> None:
        """After a repair the scheduling may have changed: fresh counts everywhere."""
        self.services.study.forget_limits()
        self.show_decks()

    def replace_services(self, services: Services) -> None:
        """Go on with a freshly opened profile (after a restore): every screen that
        holds the old one is dropped and built again when next used."""
        self.services = services
        services.finish_media()  # after the first paint, as at the start
        self.daily.forget()  # it was the old profile's
        for name in ("quiz", "results", "quiz_flow", "assessment", "summary", "stats_view",
                     "browser_view"):
            view = self.__dict__.pop(name, None)
            if isinstance(view, QWidget):
                self.stack.removeWidget(view)
                view.deleteLater()
        self.decks.show_problems(services.deck_problems)
        self.show_decks()

    def show_error(self, error: Exception) -> None:
        """Say in one sentence why something could not be saved; the window goes on."""
        from PySide6.QtWidgets import QMessageBox

        from trainer.profile.errors import user_message

        QMessageBox.warning(self, MainWindowText.tr("Sales Trainer"),
                            user_message(error, self.services.config))

    def bring_forward(self, path: Path | None = None) -> None:
        """Another start on this profile: come to the front (and import its file)."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if path is not None:
            self.import_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        """End the session, back up if anything changed and run the quick check. Answers
        are already committed."""
        self.end_session()
        self.keeper.on_close()
        super().closeEvent(event)
