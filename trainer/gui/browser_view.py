"""View > Browse (Ctrl+B): every item of every deck, searched as the rep types.

The list filters by deck, topic, tag and state and sorts by position, due date, lapses
or last answer; the side shows the selected item with its schedule, recall now, answer
history and the rep's note. Keys: Ctrl+F search, Up/Down the list, Ctrl+J suspend or
unsuspend, Ctrl+1-4 flag (Ctrl+0 clears), Ctrl+N a card of your own, Ctrl+Shift+E edit it,
Delete remove it, Esc back to the decks."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.errors import TrainerError
from trainer.domain.scheduling import Phase, Rating
from trainer.gui.card_view import CardView
from trainer.storage.browse_repo import SORTS, STATES, BrowseQuery, BrowseRow
from trainer.study.browse_service import BrowseService, ItemDetails
from trainer.study.wording import local_minute

if TYPE_CHECKING:
    from trainer.gui.main_window import MainWindow

_PHASES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
_FLAGS = ("no flag", "red", "orange", "green", "blue")
SEARCH_DELAY_MS = 150  # typing pauses this long before the list is searched again


def _state(row: BrowseRow) -> str:
    text = _PHASES.get(row.phase, "?")
    if row.suspended:
        text += ", suspended"
    if row.flag:
        text += f", {_FLAGS[row.flag]} flag"
    return text


def _when(stored: str | None) -> str:
    if not stored:
        return ""
    return local_minute(datetime.fromisoformat(stored))


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


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


class BrowserView(QWidget):
    """The browser screen."""

    leave = Signal()

    def __init__(self, service: BrowseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.rows: list[BrowseRow] = []
        self.details: ItemDetails | None = None
        self.setObjectName("browserView")

        self.search = QLineEdit()
        self.search.setObjectName("browseSearch")
        self.search.setPlaceholderText("Search every card, question and practice item "
                                       "(Ctrl+F)")
        self.search.setAccessibleName("Search")
        self.search.setClearButtonEnabled(True)
        self.deck = QComboBox()
        self.deck.setObjectName("browseDeck")
        self.deck.setAccessibleName("Deck")
        self.topic = QComboBox()
        self.topic.setObjectName("browseTopic")
        self.topic.setAccessibleName("Topic")
        self.tag = QComboBox()
        self.tag.setObjectName("browseTag")
        self.tag.setAccessibleName("Tag")
        self.state = QComboBox()
        self.state.setObjectName("browseState")
        self.state.setAccessibleName("State")
        for state in STATES:
            self.state.addItem("Any state" if state == "any" else state.capitalize(), state)
        self.sort = QComboBox()
        self.sort.setObjectName("browseSort")
        self.sort.setAccessibleName("Sort by")
        for sort in SORTS:
            self.sort.addItem(f"Sort: {sort}", sort)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for box in (self.deck, self.topic, self.tag, self.state, self.sort):
            filters.addWidget(box, 1)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("browseTable")
        self.table.setAccessibleName("Items found")
        self.table.setHorizontalHeaderLabels(["Front", "Deck", "State", "Due", "Lapses",
                                              "Last answer"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the next control
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        # Deck titles are long: a fixed share, elided, leaves room for the front.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 130)
        self.count = QLabel()
        self.count.setObjectName("browseCount")

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
        for number, name in enumerate(_FLAGS):
            self.flag.addItem(f"{name.capitalize()}  (Ctrl+{number})", number)
        self.add_button = QPushButton("New card of my own  (Ctrl+N)")
        self.add_button.setObjectName("browseAdd")
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
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.card, 3)
        side_layout.addWidget(self.schedule)
        side_layout.addWidget(self.history, 1)
        side_layout.addWidget(self.note)
        side_layout.addLayout(actions)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.add_button)
        left_layout.addLayout(bottom)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])

        self.back_button = QPushButton("Back to decks  (Esc)")
        self.back_button.setObjectName("browseBack")
        self.back_button.clicked.connect(self.leave.emit)
        title = QLabel("Browse")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        for box in (self.deck, self.topic, self.tag, self.state, self.sort):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.suspend_button.clicked.connect(self.toggle_suspend)
        self.flag.activated.connect(lambda index: self.set_flag(index))
        self.add_button.clicked.connect(self.add_card)
        self.edit_button.clicked.connect(self.edit_card)
        self.delete_button.clicked.connect(self.delete_card)
        self.note.installEventFilter(self)
        self.search.installEventFilter(self)
        shortcuts = (("Ctrl+F", self.focus_search), ("Ctrl+J", self.toggle_suspend),
                     ("Ctrl+N", self.add_card), ("Ctrl+Shift+E", self.edit_card),
                     ("Delete", self.delete_card))
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for number in range(5):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self,
                      lambda n=number: self.set_flag(n),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def open(self) -> None:
        """Fill the filters and the list, and put the keyboard in the search box."""
        self._fill_filters()
        self.refresh()
        self.focus_search()

    def _fill_filters(self) -> None:
        decks = self.service.deck_choices()
        for box, first, values in ((self.deck, "All decks", decks),
                                   (self.topic, "All topics",
                                    [(t, t) for t in self.service.topics()]),
                                   (self.tag, "All tags",
                                    [(t, t) for t in self.service.tags()])):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for value, label in values:
                box.addItem(label, value)
            index = box.findData(keep)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def focus_search(self) -> None:
        """Ctrl+F: into the search box, its text selected."""
        self.search.setFocus()
        self.search.selectAll()

    def query(self) -> BrowseQuery:
        """What the search box and the filters ask for."""
        return BrowseQuery(self.search.text(), self.deck.currentData(),
                           self.topic.currentData(), self.tag.currentData(),
                           str(self.state.currentData()), str(self.sort.currentData()))

    def refresh(self) -> None:
        """Search again and list what is found, keeping the selected item if it is
        still there."""
        self.timer.stop()
        keep = self.details.row.item_id if self.details else None
        try:
            self.rows = self.service.search(self.query())
        except sqlite3.Error as exc:
            self.count.setText(f"Search failed: {exc}")
            return
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        selected = 0
        for r, row in enumerate(self.rows):
            front = " ".join(row.front.split())
            values = [(front[:200], False), (row.deck_title, False), (_state(row), False),
                      (_when(row.due) if row.phase else "", False), (str(row.lapses), True),
                      (_when(row.last_review), False)]
            for c, (text, right) in enumerate(values):
                self.table.setItem(r, c, _cell(text, right))
            if row.item_id == keep:
                selected = r
        self.table.blockSignals(False)
        self.count.setText(f"{len(self.rows):,} item{'' if len(self.rows) == 1 else 's'}"
                           + (" (the first 2,000)" if len(self.rows) >= 2000 else ""))
        if self.rows:
            self._pick(selected)
        self._show_selected()

    def _pick(self, row: int) -> None:
        # Not selectRow(): with Ctrl held (a shortcut that ends by refreshing) it would
        # toggle the row out of the selection instead.
        model = self.table.selectionModel()
        index = self.table.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        model.select(index, flags.ClearAndSelect | flags.Rows)
        model.setCurrentIndex(index, flags.NoUpdate)

    def selected(self) -> list[BrowseRow]:
        """The rows picked in the list."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def _show_selected(self) -> None:
        self._save_note()
        picked = self.selected()
        if not picked:
            self.details = None
            self.card.setHtml("")
            self.schedule.setText("Nothing selected.")
            self.history.clear()
            self.note.clear()
            for button in (self.suspend_button, self.edit_button, self.delete_button):
                button.setEnabled(False)
            return
        details = self.details = self.service.details(picked[0])
        self.card.show_markdown(("front", details.front), ("back", details.back))
        state = details.state
        parts = [f"{_PHASES.get(int(state.phase), '?')}", f"{state.reps} answers",
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
        self.schedule.setText(" · ".join(parts))
        lines = [f"{_when(at)}: {Rating(rating).label} ({ms / 1000:.0f} s)"
                 for at, rating, ms, _version in details.history[:8]]
        more = len(details.history) - 8
        self.history.setText(("Answers: " + "; ".join(lines) if lines else "Never answered.")
                             + (f"; and {more} earlier" if more > 0 else ""))
        self.note.blockSignals(True)
        self.note.setPlainText(details.note)
        self.note.blockSignals(False)
        self.suspend_button.setEnabled(True)
        self.suspend_button.setText(("Unsuspend" if details.row.suspended else "Suspend")
                                    + "  (Ctrl+J)")
        self.flag.setCurrentIndex(details.row.flag)
        self.edit_button.setEnabled(details.mine)
        self.delete_button.setEnabled(details.mine)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the note when the keyboard leaves it; Down in the search box goes to the
        list."""
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self._save_note()
        elif watched is self.search and isinstance(event, QKeyEvent) and \
                event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        return False

    def _save_note(self) -> None:
        if self.details is None or self.note.toPlainText() == self.details.note:
            return
        try:
            self.service.set_note(self.details.row.item_id, self.note.toPlainText())
        except (TrainerError, sqlite3.Error) as exc:
            QMessageBox.warning(self, "Note not saved", str(exc))
            return
        self.details = replace(self.details, note=self.note.toPlainText())

    def toggle_suspend(self) -> None:
        """Ctrl+J: suspend the picked items, or unsuspend them if all are suspended."""
        picked = self.selected()
        if not picked:
            return
        suspend = not all(row.suspended for row in picked)
        self._act(lambda: self.service.suspend([r.item_id for r in picked], suspend))

    def set_flag(self, flag: int) -> None:
        """Ctrl+0-4: flag the picked items (0 clears)."""
        picked = self.selected()
        if picked:
            self._act(lambda: self.service.flag([r.item_id for r in picked], flag))

    def add_card(self) -> None:
        """Ctrl+N: write a card of your own."""
        dialog = CardDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            item_id = self.service.add_card(dialog.front.toPlainText(),
                                            dialog.back.toPlainText())
        except (TrainerError, sqlite3.Error) as exc:
            QMessageBox.warning(self, "Card not added", str(exc))
            return
        self._fill_filters()
        self.search.clear()
        self.deck.setCurrentIndex(max(self.deck.findData("my-cards"), 0))
        self.refresh()
        self._select_item(item_id)
        self.table.setFocus()

    def edit_card(self) -> None:
        """Ctrl+Shift+E: rewrite the selected card of your own."""
        if self.details is None or not self.details.mine:
            return
        dialog = CardDialog(self, self.details.front, self.details.back)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        item_id = self.details.row.item_id
        self._act(lambda: self.service.edit_card(item_id, dialog.front.toPlainText(),
                                                 dialog.back.toPlainText()))

    def delete_card(self) -> None:
        """Delete: remove the selected card of your own, after asking."""
        if self.details is None or not self.details.mine:
            return
        item_id = self.details.row.item_id
        answer = QMessageBox.question(self, "Delete your card",
                                      "Delete this card of yours? Its answers stay in your "
                                      "history.")
        if answer == QMessageBox.StandardButton.Yes:
            self._act(lambda: self.service.remove_card(item_id))

    def _act(self, change: Callable[[], object]) -> None:
        try:
            change()
        except (TrainerError, ValueError, sqlite3.Error) as exc:
            QMessageBox.warning(self, "Browse", str(exc))
            return
        self.refresh()
        self.table.setFocus()  # back from any dialog, to go on with the keyboard

    def _select_item(self, item_id: int) -> None:
        for r, row in enumerate(self.rows):
            if row.item_id == item_id:
                self._pick(r)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc leaves (the note is saved first)."""
        if event.key() == Qt.Key.Key_Escape:
            self._save_note()
            self.leave.emit()
            return
        super().keyPressEvent(event)


def open_from(window: MainWindow) -> BrowserView:
    """View > Browse: the browser screen, built once."""
    view = window.findChild(BrowserView)
    if view is None:
        view = BrowserView(window.services.browse)
        view.leave.connect(window.show_decks)
        window.stack.addWidget(view)
    window.end_session()
    view.open()
    window.stack.setCurrentWidget(view)
    return view
