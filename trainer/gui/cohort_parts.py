"""Pieces the cohort page's tabs are built from: colours, read-only tables, pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.gui.theme import is_dark, muted

_LIGHT = ("#fde0dc", "#fbe3b0", "#d3ecc3", "#8fcf9a", "#2f8f4e")
_DARK = ("#6b2a26", "#6b5420", "#3f5f35", "#2f7a45", "#4fbf73")
_BOUNDS = (0.0, 0.5, 0.7, 0.85, 0.95)  # as the HTML report's bands


def mastery_colors(mastery: float) -> tuple[QColor, QColor]:
    """Background and text colour of a heatmap cell, readable in light and dark mode."""
    band = max(i for i, bound in enumerate(_BOUNDS) if mastery >= bound)
    dark = is_dark()
    background = (_DARK if dark else _LIGHT)[band]
    if band == len(_BOUNDS) - 1:
        text = "#0f1a12" if dark else "#ffffff"
    else:
        text = "#f1f2f4" if dark else "#1d1f23"
    return QColor(background), QColor(text)


def cell(text: str, tip: str = "", align_right: bool = False) -> QTableWidgetItem:
    """A read-only cell with an optional tooltip."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def table(headers: list[str], rows: list[list[QTableWidgetItem]], name: str,
           stretch: tuple[int, ...] = ()) -> QTableWidget:
    """A read-only table; the ``stretch`` columns share the spare width and wrap."""
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(bool(stretch))
    for r, row in enumerate(rows):
        for c, item in enumerate(row):
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    if stretch:
        # Rows measured once, before the table is laid out, keep the heights wrapped
        # text needs in narrow first columns: let the header measure them as it lays out.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fit_height(table: QTableWidget) -> None:
    """End a short table at its last row."""
    # Short tables end at their last row instead of trailing an empty grey area; long
    # ones still scroll.
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    scroll = table.horizontalScrollBar().sizeHint().height()
    table.setMaximumHeight(table.horizontalHeader().sizeHint().height() + rows + scroll
                           + 2 * table.frameWidth())


def page(table: QTableWidget, note: str = "") -> QWidget:
    """A tab: a note over a table."""
    page = QWidget()
    layout = QVBoxLayout(page)
    if note:
        label = QLabel(note)
        label.setObjectName(f"{table.objectName()}Note")
        label.setWordWrap(True)
        layout.addWidget(label)
    fit_height(table)
    layout.addWidget(table, 1)
    layout.addStretch(0)
    return page


def empty(text: str, name: str) -> QLabel:
    """A tab with nothing to show: a muted sentence saying why."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    muted(label)
    return label
