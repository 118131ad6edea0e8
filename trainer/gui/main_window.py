"""The main window: the home list, review, quiz, self-assessment and summary screens."""

from __future__ import annotations

import contextlib
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from trainer.app import Services
from trainer.domain.deck import Source
from trainer.domain.errors import ItemChangedError
from trainer.domain.scoring import Response
from trainer.gui.deck_list import DeckListView
from trainer.gui.keeper import Keeper
from trainer.gui.menus import build_menus
from trainer.gui.review_view import ReviewView
from trainer.i18n import Context
from trainer.study.service import ReviewSession, Shown
from trainer.study.wording import rating_label

if TYPE_CHECKING:
    from trainer.gui.assessment_view import AssessmentView
    from trainer.gui.browser_view import BrowserView
    from trainer.gui.cohort_view import CohortView
    from trainer.gui.practice_view import PracticeView
    from trainer.gui.quiz_flow import QuizFlow
    from trainer.gui.quiz_results import QuizResultsView
    from trainer.gui.quiz_view import QuizView
    from trainer.gui.reminders import Reminders
    from trainer.gui.stats_view import StatsView
    from trainer.gui.summary_view import SummaryView
    from trainer.study.quiz_service import Asked, Feedback


class MainWindowText(Context):
    """Texts of the main window: its title, messages and the links it names."""


class MainWindow(QMainWindow):
    """Composes the screens; all decisions are made by the services it is given."""

    # The menu actions that other code triggers or tests press (menus.py makes them).
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

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session: ReviewSession | None = None
        self.switch_to: str | None = None  # a profile to open once this window closes
        self.reminders: Reminders | None = None  # set by whoever runs the window
        self.setWindowTitle(MainWindowText.tr("Sales Trainer"))
        self._fit_screen(900, 640)
        self.setAcceptDrops(True)

        self.decks = DeckListView()
        self.review = ReviewView()
        self.stack = QStackedWidget()
        for view in (self.decks, self.review):
            self.stack.addWidget(view)
        self.setCentralWidget(self.stack)
        self._asked: Asked | None = None  # a question due in daily study, on screen

        self.decks.study_requested.connect(self.study)
        self.decks.quiz_requested.connect(lambda deck, key: self.quiz_flow.start(deck, key))
        self.decks.assessment_requested.connect(self.start_assessment)
        self.decks.stats_requested.connect(self.show_stats)
        self.decks.path.step_requested.connect(self.open_step)
        self.review.handoff.connect(lambda: self._route(self.session.current
                                                        if self.session else None))
        self.review.leave.connect(self.show_decks)
        self.review.failed.connect(self.show_error)
        build_menus(self)
        self.decks.show_problems(services.deck_problems)
        self.show_decks()
        self.keeper = Keeper(self)
        self._use_stored_theme()
        # After the window is up: offer to resume a quiz that was interrupted.
        QTimer.singleShot(0, self._offer_resume)

    @cached_property
    def practice(self) -> PracticeView:
        """The practice screen."""
        from trainer.gui.practice_view import PracticeView

        view = PracticeView()
        view.submitted.connect(self._practice_submit)
        view.leave.connect(self.show_decks)
        view.undo.connect(self._quiz_undo)
        self.stack.addWidget(view)
        return view

    def _fit_screen(self, width: int, height: int) -> None:
        """Open at the usual size, or smaller on a small screen (a 1024x600 netbook
        has no room for 640 pixels plus the title bar and panel)."""
        from PySide6.QtGui import QGuiApplication

        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            # What the window manager adds around the window: title bar and borders.
            width = min(width, room.width() - 16)
            height = min(height, room.height() - 48)
        self.resize(max(width, 480), max(height, 360))

    def _use_stored_theme(self) -> None:
        from PySide6.QtWidgets import QApplication

        from trainer.gui.theme import choose

        app = QApplication.instance()
        if isinstance(app, QApplication):
            # The theme is a nicety: if it cannot be read the window opens in the system's.
            with contextlib.suppress(sqlite3.Error):
                choose(app, self.services.theme())

    # The quiz, results and self-assessment screens are built when first used, which
    # keeps them (and their modules) out of start-up.
    @cached_property
    def quiz(self) -> QuizView:
        """The quiz screen."""
        from trainer.gui.quiz_view import QuizView

        view = QuizView()
        view.continue_requested.connect(self._quiz_continue)
        view.leave.connect(self._quiz_leave)
        view.undo.connect(self._quiz_undo)
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
        view.undo.connect(self.undo_from_summary)
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

    def _offer_resume(self) -> None:
        if self.services.quizzes.open_attempts():
            self.quiz_flow.offer_resume(self)

    def end_session(self) -> None:
        """Finish the study session on screen, if any."""
        if self.session is not None and not self.services.db.closed:
            self.session.finish()
            self.session = None

    def show_decks(self) -> None:
        """Go to the home list with fresh counts."""
        self.end_session()
        if "quiz_flow" in self.__dict__:
            self.quiz_flow.active = False
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

    def study(self, deck_id: str) -> None:
        """Start daily study in a deck: due cards and due quiz questions."""
        self.end_session()
        self.session = self.services.study.start(deck_id)
        row = next(d.deck for d in self.services.study.deck_counts() if d.deck.id == deck_id)
        credits = {s["id"] or "": Source(**s).credit()  # type: ignore[arg-type]
                   for s in row.sources}
        self._deck_title = row.title
        from trainer.library.media import DeckPictures

        # Before the first card is shown: its pictures load and its sounds play then.
        self.review.card.find_media = DeckPictures(
            self.services.db, self.services.config.profile_dir / "media", deck_id).path
        self.review.start(self.session, row.title, credits)
        self._route(self.session.current)

    def _route(self, shown: Shown | None) -> None:
        """Show the session's current item in the screen that fits it."""
        if self.session is None:
            return
        if shown is None:
            self.show_summary()
        elif shown.is_practice:
            self._asked = None
            self.stack.setCurrentWidget(self.practice)
            self.practice.show_item(self.services.practice.shown(self.session),
                                    self._deck_title)
        elif shown.is_question:
            self._asked = self.services.quizzes.asked_in_review(self.session)
            self.quiz.ask(self._asked, MainWindowText.tr("{deck}: due question").format(
                deck=self._deck_title), self._review_submit, last=False)
            self.stack.setCurrentWidget(self.quiz)
            self.quiz.take_focus()
        else:
            self._asked = None
            self.stack.setCurrentWidget(self.review)
            self.review.setFocus()
            self.review.show_item(shown)

    def _practice_submit(self, reply: str | None, met: set[str]) -> None:
        """Save a marked practice reply, then show the next item with how it went."""
        if self.session is None:
            return
        try:
            result = self.services.practice.answer(self.session, reply, met)
        except ItemChangedError as exc:
            self._route(self.session.refresh())
            self.practice.status.setText(str(exc))
            return
        except (sqlite3.Error, OSError) as exc:
            self.show_error(exc)
            return
        shown = self.session.next()
        self._route(shown)
        missed = ", ".join(c.text.lower() for c in result.missed)
        rating = rating_label(result.rating)
        message = (MainWindowText.tr("Practice saved: {rating}. Next time: {missed}.").format(
            rating=rating, missed=missed) if missed else
            MainWindowText.tr("Practice saved: {rating}, every check met.").format(rating=rating))
        if shown is not None and shown.is_practice:
            self.practice.status.setText(message)
        elif shown is not None and not shown.is_question:
            self.review.status.setText(message)

    def _review_submit(self, response: Response, certainty: int | None) -> Feedback:
        assert self.session is not None and self._asked is not None
        return self.services.quizzes.answer_in_review(self.session, self._asked, response,
                                                      certainty or 2)

    def _quiz_continue(self) -> None:
        if "quiz_flow" in self.__dict__ and self.quiz_flow.active:
            self.quiz_flow.next()
        elif self.session is not None:
            self._route(self.session.next())

    def _quiz_leave(self) -> None:
        if "quiz_flow" in self.__dict__ and self.quiz_flow.active:
            self.quiz_flow.leave()
        else:
            self.show_decks()

    def _quiz_undo(self) -> None:
        if not ("quiz_flow" in self.__dict__ and self.quiz_flow.active) and \
                self.session is not None:
            shown = self._undo()
            if shown is not None:
                self._route(shown)

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
        if kind == "deck":
            self.study(target)
        elif kind == "quiz":
            self.quiz_flow.start(deck_id, target)

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
        shown = self._undo()
        if shown is None:
            return
        self._route(shown)
        if shown is not None and not shown.is_question:
            self.review.status.setText(MainWindowText.tr("Answer undone"))

    def _undo(self) -> Shown | None:
        """Take back the session's last answer, unless it was answered again elsewhere."""
        assert self.session is not None
        try:
            return self.session.undo()
        except ItemChangedError as exc:
            QMessageBox.information(self, MainWindowText.tr("Cannot undo"), str(exc))
            return None

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
    def export_progress(self) -> None:
        """File > Export progress…: write the progress file a rep sends their trainer."""
        from trainer.gui import progress_dialog

        progress_dialog.open_from(self.services, self)

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

    def manage_profiles(self) -> None:
        """File > Profiles…: create, rename, delete, or open another profile (the window
        closes, backing up as on any close, and opens again on it)."""
        from trainer.gui.profiles_dialog import ProfilesDialog

        dialog = ProfilesDialog(self.services.config, self.services.clock, self)
        if dialog.exec() and dialog.chosen and dialog.chosen != self.services.config.profile:
            self.switch_to = dialog.chosen
            self.close()

    def open_settings(self) -> None:
        """Settings > Preferences…: changes apply as they are made; the deck list then
        shows the new limits."""
        from trainer.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings, self, self.services.config.profile)
        if self.reminders is not None:
            dialog.reminder_changed.connect(self.reminders.follow)
        dialog.reopen_requested.connect(self._reopen)
        dialog.exec()
        if self.stack.currentWidget() is self.decks:
            self.show_decks()

    def _reopen(self) -> None:
        """Close and open again on the same profile (a new language is used then)."""
        self.switch_to = self.services.config.profile
        QTimer.singleShot(0, self.close)

    def optimize_schedule(self) -> None:
        """Settings > Optimize my schedule…"""
        from trainer.gui import optimize_dialog

        optimize_dialog.open_from(self.services, self)

    def show_about(self) -> None:
        """Help > About."""
        from trainer.gui.about import AboutDialog

        credits = sorted({Source(**s).credit()  # type: ignore[arg-type]
                          for d in self.services.study.deck_counts() for s in d.deck.sources})
        AboutDialog(str(self.services.config.profile_dir), credits, self,
                    str(self.services.backups.folder)).exec()
        self.activateWindow()  # without a window manager focus would not come back

    def check_database(self) -> None:
        """Tools > Check Database."""
        from trainer.gui import check_dialog

        self.end_session()
        check_dialog.open_from(self.services, self, self.refresh_after_repair)

    def refresh_after_repair(self) -> None:
        """After a repair the scheduling may have changed: fresh counts everywhere."""
        self.services.study.forget_limits()
        self.show_decks()

    def replace_services(self, services: Services) -> None:
        """Go on with a freshly opened profile (after a restore): every screen that
        holds the old one is dropped and built again when next used."""
        self.services = services
        self.session = None
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
        from trainer.profile.errors import user_message

        QMessageBox.warning(self, MainWindowText.tr("Sales Trainer"),
                            user_message(error, self.services.config))

    def bring_forward(self, path: Path | None = None) -> None:
        """Another start of the app on this profile: come to the front (and import the
        file it was given)."""
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
