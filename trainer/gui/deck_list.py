"""The home screen: decks with today's new / learning / due counts, and under each deck
its quizzes and self-assessments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.errors import Problem
from trainer.domain.quiz import Assessment
from trainer.gui.by_name import (
    ALIGN_RIGHT,
    ALIGN_VCENTER,
    FOREGROUND_ROLE,
    TEXT_ALIGNMENT_ROLE,
    USER_ROLE,
    set_by_name,
)
from trainer.gui.path_panel import PathPanel, only_when_focused
from trainer.gui.theme import bold, count_colors
from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.study.quiz_service import QuizRow
from trainer.study.service import DeckCounts

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QStackedWidget


class DeckListText(Context):
    """Texts of the home screen's deck list."""


COLUMNS = (QT_TRANSLATE_NOOP("DeckListText", "Deck"), QT_TRANSLATE_NOOP("DeckListText", "New"),
           QT_TRANSLATE_NOOP("DeckListText", "Learning"), QT_TRANSLATE_NOOP("DeckListText", "Due"))
# Roles, alignments and label settings by number or name (by_name.py): the home screen
# reads nothing of the ``Qt`` namespace before its first paint.
ROLE = USER_ROLE


class DeckListView(QWidget):
    """Pick a row with the arrow keys and Enter (or a double click)."""

    study_requested = Signal(str)
    quiz_requested = Signal(str, str)
    assessment_requested = Signal(str, str)
    stats_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckList")
        self.heading = QLabel(DeckListText.tr("Your decks"))
        self.heading.setObjectName("heading")
        bold(self.heading, 1.5)
        self.today = QLabel()
        self.today.setObjectName("todayLine")
        set_by_name(self.today, "textFormat", "PlainText")
        self.today.setWordWrap(True)  # German runs long; the window stays narrowable

        self.problems = QLabel()
        self.problems.setObjectName("deckProblems")
        self.problems.setWordWrap(True)
        set_by_name(self.problems, "textInteractionFlags", "TextSelectableByMouse")
        self.problems.setStyleSheet(
            "QLabel { border: 1px solid #d9822b; border-radius: 4px; padding: 8px; }")
        self.problems.hide()

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(DeckListText.tr("Decks, their quizzes and self-checks"))
        only_when_focused(self.tree)
        self.tree.setObjectName("deckTree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([DeckListText.tr(c) for c in COLUMNS])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemsExpandable(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, 90)
            self.tree.headerItem().setData(col, TEXT_ALIGNMENT_ROLE, ALIGN_RIGHT)
        self.tree.itemActivated.connect(lambda item, _col: self._request(item))
        self.tree.currentItemChanged.connect(lambda cur, _prev: self._describe(cur))

        self.empty = QLabel(DeckListText.tr("No decks are installed yet."))
        set_by_name(self.empty, "alignment", "AlignCenter")
        self.empty.hide()

        self.description = QLabel()
        self.description.setObjectName("deckDescription")
        self.description.setWordWrap(True)
        set_by_name(self.description, "textFormat", "PlainText")

        self.study_button = QPushButton(DeckListText.tr("Study now  (Enter)"))
        self.study_button.setObjectName("studyButton")
        self.study_button.clicked.connect(lambda: self._request(self.tree.currentItem()))
        # The statistics are a menu item too; a button makes them findable from home.
        self.stats_button = QPushButton(DeckListText.tr("Statistics  (Ctrl+T)"))
        self.stats_button.setObjectName("statsButton")
        self.stats_button.setAutoDefault(False)
        self.stats_button.clicked.connect(self.stats_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stats_button)
        buttons.addStretch(1)
        buttons.addWidget(self.study_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.path = PathPanel()
        layout.addWidget(self.heading)
        layout.addWidget(self.today)
        layout.addWidget(self.problems)
        layout.addWidget(self.path)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.description)
        layout.addLayout(buttons)
        # Enter on the list arrives as itemActivated (connected above).
        self.setFocusProxy(self.tree)
        # Tab goes round the home screen and through the checklist too (it was left out,
        # so a keyboard could not scroll to a learning path's later days).
        for first, then in ((self.tree, self.stats_button),
                            (self.stats_button, self.study_button),
                            (self.study_button, self.path.list),
                            (self.path.list, self.tree)):
            QWidget.setTabOrder(first, then)
        self._descriptions: dict[tuple[str, ...], str] = {}

    def show_decks(self, decks: list[DeckCounts], keep: tuple[str, ...] | None = None,
                   quizzes: list[QuizRow] | None = None,
                   assessments: list[tuple[str, Assessment]] | None = None,
                   best: dict[tuple[str, str], float] | None = None) -> None:
        """Fill the list; keep the row ``keep`` selected if it is still there."""
        new_color, learn_color, due_color = (QColor(c) for c in count_colors())
        self.tree.clear()
        self._descriptions = {}
        selected = None
        quiz_decks = {q.deck_id for q in quizzes or []}
        assessment_decks = {d for d, _a in assessments or []}
        # A deck with nothing to study (one that only holds a learning path) has no row.
        decks = [r for r in decks if r.deck.has_items or r.deck.id in quiz_decks
                 or r.deck.id in assessment_decks]
        for row in decks:
            c = row.counts
            item = QTreeWidgetItem([row.deck.title, str(c.new), str(c.learning), str(c.review)])
            key: tuple[str, ...] = ("deck", row.deck.id)
            item.setData(0, ROLE, key)
            item.setToolTip(0, DeckListText.tr("{title} (version {version})").format(
                title=row.deck.title, version=row.deck.version))
            for col, color in ((1, new_color), (2, learn_color), (3, due_color)):
                item.setData(col, TEXT_ALIGNMENT_ROLE, ALIGN_RIGHT | ALIGN_VCENTER)
                if int(item.text(col)):
                    item.setData(col, FOREGROUND_ROLE, color)
            self._descriptions[key] = row.deck.description
            self.tree.addTopLevelItem(item)
            if selected is None or key == keep:
                selected = item
            for quiz in (q for q in quizzes or [] if q.deck_id == row.deck.id):
                score = (best or {}).get((quiz.deck_id, quiz.key))
                text = (DeckListText.tr("Quiz: {title}").format(title=quiz.title)
                        if score is None else DeckListText.tr("Quiz: {title}  (best {score}%)")
                        .format(title=quiz.title, score=number(score)))
                child = QTreeWidgetItem([text, "", "", ""])
                ckey = ("quiz", quiz.deck_id, quiz.key)
                child.setData(0, ROLE, ckey)
                self._descriptions[ckey] = quiz.description or self._quiz_description(quiz)
                item.addChild(child)
                if ckey == keep:
                    selected = child
            for deck_id, assessment in assessments or []:
                if deck_id != row.deck.id:
                    continue
                child = QTreeWidgetItem([DeckListText.tr("Self-check: {title}").format(
                    title=assessment.title), "", "", ""])
                akey = ("assessment", deck_id, assessment.id)
                child.setData(0, ROLE, akey)
                self._descriptions[akey] = assessment.description or DeckListText.tr(
                    "%n statement(s), about two minutes.", "", len(assessment.statements))
                item.addChild(child)
                if akey == keep:
                    selected = child
            item.setExpanded(True)
        has_decks = bool(decks)
        self.tree.setVisible(has_decks)
        self.empty.setVisible(not has_decks)
        self.study_button.setEnabled(has_decks)
        if selected is not None:
            self.tree.setCurrentItem(selected)
        self._describe(selected)

    @staticmethod
    def _quiz_description(quiz: QuizRow) -> str:
        """What a quiz without a description of its own is like."""
        text = DeckListText.tr("%n question(s); pass mark {mark}%.", "",
                               len(quiz.question_keys)).format(mark=quiz.pass_mark)
        if quiz.certainty:
            text += " " + DeckListText.tr("You say how sure you are of each answer.")
        return text

    def show_problems(self, problems: list[Problem]) -> None:
        """Say which deck files could not be loaded and why (the others still load)."""
        errors = [p for p in problems if p.severity == "error"]
        if not errors:
            self.problems.hide()
            return
        files = sorted({p.file for p in errors})
        lines = [DeckListText.tr(
            "%n deck file(s) could not be loaded; the other decks are fine.", "", len(files))]
        lines += [str(p) for p in errors[:8]]
        if len(errors) > 8:
            lines.append(DeckListText.tr("... and %n more problem(s).", "", len(errors) - 8))
        self.problems.setText("\n".join(lines))
        self.problems.show()

    def current_key(self) -> tuple[str, ...] | None:
        """What the selected row is: ("deck", id), ("quiz", deck, id) or ("assessment", ...)."""
        item = self.tree.currentItem()
        return None if item is None else tuple(item.data(0, ROLE))

    def current_deck(self) -> str | None:
        """The deck of the selected row."""
        key = self.current_key()
        return None if key is None else key[1]

    def select(self, key: tuple[str, ...]) -> None:
        """Select the row for ``key``."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for item in [top, *(top.child(j) for j in range(top.childCount()))]:
                if item is not None and tuple(item.data(0, ROLE)) == key:
                    self.tree.setCurrentItem(item)
                    return

    def _describe(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            self.description.clear()
            self.study_button.setText(DeckListText.tr("Study now  (Enter)"))
            return
        key = tuple(item.data(0, ROLE))
        self.description.setText(self._descriptions.get(key, ""))
        self.study_button.setText({"deck": DeckListText.tr("Study now  (Enter)"),
                                   "quiz": DeckListText.tr("Start quiz  (Enter)"),
                                   "assessment": DeckListText.tr("Start self-check  (Enter)")
                                   }[key[0]])

    def _request(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        key = tuple(item.data(0, ROLE))
        if key[0] == "deck":
            self.study_requested.emit(key[1])
        elif key[0] == "quiz":
            self.quiz_requested.emit(key[1], key[2])
        else:
            self.assessment_requested.emit(key[1], key[2])


def home_screen(stack: QStackedWidget, problems: list[Problem], *,
                study: Callable[[str], None], quiz: Callable[[str, str], None],
                assessment: Callable[[str, str], None], stats: Callable[[], None],
                open_step: Callable[[str, str], None]) -> DeckListView:
    """The home screen on ``stack``, its requests wired to the given handlers (built the
    first time the window shows it)."""
    view = DeckListView()
    view.study_requested.connect(study)
    view.quiz_requested.connect(quiz)
    view.assessment_requested.connect(assessment)
    view.stats_requested.connect(stats)
    view.path.step_requested.connect(open_step)
    view.show_problems(problems)
    stack.addWidget(view)
    return view
