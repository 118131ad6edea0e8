"""View > Browse (Ctrl+B): every item of every deck, searched as the rep types.

The list filters by deck, topic, tag and state and sorts by position, due date, lapses
or last answer; the side shows the selected item with its schedule, recall now, answer
history and the rep's note. Keys: Ctrl+F search, Up/Down the list, Ctrl+J suspend or
unsuspend, Ctrl+Alt+N reset to new, Ctrl+1-4 flag (Ctrl+0 clears), Ctrl+N a card of your
own, Ctrl+Shift+E edit it, Delete remove it, Esc back to the decks."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.content.render import plain_line
from trainer.domain.errors import TrainerError
from trainer.gui.browse_filters import BrowseFilters, BrowserViewText
from trainer.gui.browse_parts import CardDialog, ItemPanel, state_text, when
from trainer.gui.keys import with_keys
from trainer.i18n import number
from trainer.study.browse_service import (
    MAX_ROWS,
    BrowseRow,
    BrowseService,
    ItemDetails,
)

SEARCH_DELAY_MS = 150  # typing pauses this long before the list is searched again
# Widths (px) of the item list below which its last columns (lapses and last answer,
# then due) are hidden; the side panel shows them for the selected item.
_NARROW, _NARROWER = 620, 480


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class BrowserView(QWidget):
    """The browser screen."""

    leave = Signal()

    def __init__(self, service: BrowseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.rows: list[BrowseRow] = []
        self.details: ItemDetails | None = None
        self.setObjectName("browserView")

        self.filters = BrowseFilters()
        # The filters' parts by name, as the rest of the view uses them.
        self.search, self.deck = self.filters.search, self.filters.deck

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("browseTable")
        self.table.setAccessibleName(BrowserViewText.tr("Items found"))
        self.table.setHorizontalHeaderLabels([
            BrowserViewText.tr("Front"), BrowserViewText.tr("Deck"), BrowserViewText.tr("State"),
            BrowserViewText.tr("Due"), BrowserViewText.tr("Lapses"),
            BrowserViewText.tr("Last answer")])
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
        # In a narrow window the front would shrink to a few letters: the columns the
        # side panel also shows (due, lapses, last answer) make way for it.
        self.table.viewport().installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("browseCount")

        self.panel = ItemPanel()
        # The panel's parts by name, as the rest of the view uses them.
        self.card, self.schedule, self.history = (self.panel.card, self.panel.schedule,
                                                  self.panel.history)
        self.note, self.flag = self.panel.note, self.panel.flag
        self.suspend_button = self.panel.suspend_button
        self.reset_button = self.panel.reset_button
        self.edit_button, self.delete_button = (self.panel.edit_button,
                                                self.panel.delete_button)
        self.add_button = QPushButton(with_keys(BrowserViewText.tr("New card of my own"), "Ctrl+N"))
        self.add_button.setObjectName("browseAdd")
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
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])

        self.back_button = QPushButton(BrowserViewText.tr("Back to decks") + "  (Esc)")
        self.back_button.setObjectName("browseBack")
        self.back_button.clicked.connect(self.leave.emit)
        title = QLabel(BrowserViewText.tr("Browse"))
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
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        for box in self.filters.boxes():
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.suspend_button.clicked.connect(self.toggle_suspend)
        self.reset_button.clicked.connect(self.reset_to_new)
        self.flag.activated.connect(lambda index: self.set_flag(index))
        self.add_button.clicked.connect(self.add_card)
        self.edit_button.clicked.connect(self.edit_card)
        self.delete_button.clicked.connect(self.delete_card)
        self.note.installEventFilter(self)
        self.search.installEventFilter(self)
        shortcuts = (("Ctrl+F", self.focus_search), ("Ctrl+J", self.toggle_suspend),
                     ("Ctrl+N", self.add_card), ("Ctrl+Shift+E", self.edit_card),
                     ("Ctrl+Alt+N", self.reset_to_new),
                     ("Delete", self.delete_card))
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for digit in range(5):
            QShortcut(QKeySequence(f"Ctrl+{digit}"), self,
                      lambda n=digit: self.set_flag(n),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def open(self) -> None:
        """Fill the filters and the list, and put the keyboard in the search box."""
        self._fill_filters()
        self.refresh()
        self.focus_search()

    def _fill_filters(self) -> None:
        self.filters.fill(self.service.deck_choices(), self.service.topics(),
                          self.service.tags())

    def focus_search(self) -> None:
        """Ctrl+F: into the search box, its text selected."""
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        """Search again and list what is found, keeping the selected item if it is
        still there."""
        self.timer.stop()
        keep = self.details.row.item_id if self.details else None
        try:
            self.rows = self.service.search(self.filters.query())
        except sqlite3.Error as exc:
            self.count.setText(BrowserViewText.tr("Search failed: {error}").format(error=exc))
            return
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        selected = 0
        for r, row in enumerate(self.rows):
            # As the rep reads it: "It's", not the "It&#x27;s" a spreadsheet's text is
            # kept as, nor Markdown's marks.
            front = plain_line(row.front, 200)
            values = [(front, False), (row.deck_title, False), (state_text(row), False),
                      (when(row.due) if row.phase else "", False), (str(row.lapses), True),
                      (when(row.last_review), False)]
            for c, (text, right) in enumerate(values):
                self.table.setItem(r, c, _cell(text, right))
            if row.item_id == keep:
                selected = r
        self.table.blockSignals(False)
        if len(self.rows) >= MAX_ROWS:
            self.count.setText(BrowserViewText.tr("%Ln item(s) (the first {limit})", "",
                                                  len(self.rows)).format(limit=number(MAX_ROWS)))
        else:
            self.count.setText(BrowserViewText.tr("%Ln item(s)", "", len(self.rows)))
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
        self.details = self.service.details(picked[0]) if picked else None
        self.panel.show_item(self.details)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the note when the keyboard leaves it; Down in the search box goes to the
        list."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        elif watched is self.note and event.type() == QEvent.Type.FocusOut:
            self._save_note()
        elif watched is self.search and isinstance(event, QKeyEvent) and \
                event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        return False

    def _fit_columns(self) -> None:
        """Hide the columns the side panel repeats while the list is too narrow for
        them and a readable front."""
        width = self.table.width()
        for column, below in ((5, _NARROW), (4, _NARROW), (3, _NARROWER)):
            self.table.setColumnHidden(column, width < below)

    def _save_note(self) -> None:
        if self.details is None or self.note.toPlainText() == self.details.note:
            return
        try:
            self.service.set_note(self.details.row.item_id, self.note.toPlainText())
        except (TrainerError, sqlite3.Error) as exc:
            QMessageBox.warning(self, BrowserViewText.tr("Note not saved"), str(exc))
            return
        self.details = replace(self.details, note=self.note.toPlainText())

    def toggle_suspend(self) -> None:
        """Ctrl+J: suspend the picked items, or unsuspend them if all are suspended."""
        picked = self.selected()
        if not picked:
            return
        suspend = not all(row.suspended for row in picked)
        self._act(lambda: self.service.suspend([r.item_id for r in picked], suspend))

    def reset_to_new(self) -> None:
        """Ctrl+Alt+N: put the picked items back among the new ones, after asking."""
        picked = [row for row in self.selected() if row.phase != 0 or row.reps]
        if not picked:
            return
        answer = QMessageBox.question(
            self, BrowserViewText.tr("Reset to new"),
            BrowserViewText.tr("Learn %n item(s) again from the start? Their answers stay in "
                               "your history and statistics.", "", len(picked)))
        if answer == QMessageBox.StandardButton.Yes:
            self._act(lambda: self.service.reset_to_new([r.item_id for r in picked]))

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
            QMessageBox.warning(self, BrowserViewText.tr("Card not added"), str(exc))
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
        answer = QMessageBox.question(
            self, BrowserViewText.tr("Delete your card"),
            BrowserViewText.tr("Delete this card of yours? Its answers stay in your history."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)  # Enter keeps the card: deleting is chosen
        if answer == QMessageBox.StandardButton.Yes:
            self._act(lambda: self.service.remove_card(item_id))

    def _act(self, change: Callable[[], object]) -> None:
        try:
            change()
        except (TrainerError, ValueError, sqlite3.Error) as exc:
            QMessageBox.warning(self, BrowserViewText.tr("Browse"), str(exc))
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


def show_page(view: BrowserView, show: Callable[[QWidget], None]) -> BrowserView:
    """View > Browse: open the browser screen (built once by the window) and ``show``
    it."""
    view.open()
    show(view)
    return view
