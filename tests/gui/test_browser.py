"""View > Browse, by keyboard: search as you type, look at an item, suspend it, flag
it, leave a note, reset it to new, and write, edit and delete a card of your own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dialogs import answer_dialogs, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.domain.scheduling import Rating
from trainer.gui.browse_parts import CardDialog
from trainer.gui.browser_view import BrowserView
from trainer.gui.main_window import MainWindow
from trainer.storage.browse_repo import BrowseQuery

Opener = Callable[..., tuple[MainWindow, Services]]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_browse_by_keyboard(qtbot: QtBot, open_window: Opener, clock: FakeClock,
                            mixed_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=mixed_decks)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    view = window.stack.currentWidget()
    assert isinstance(view, BrowserView) and view.search.hasFocus()
    assert view.table.rowCount() == 38
    qtbot.keyClicks(view.search, "pract 2")
    qtbot.waitUntil(lambda: view.table.rowCount() < 38, timeout=20_000)
    found = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert found and all("2" in text for text in found)
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.details is not None
    first = view.details.row
    assert "new" in view.schedule.text() and "Never answered." in view.history.text()

    qtbot.keyClick(view.table, Qt.Key.Key_J, CTRL)
    assert services.browse.search(BrowseQuery(state="suspended"))[0].item_id == first.item_id
    assert view.suspend_button.text().startswith("Unsuspend")
    qtbot.keyClick(view.table, Qt.Key.Key_3, CTRL)
    assert view.details.row.flag == 3 and "green flag" in view.table.item(0, 2).text()

    view.note.setFocus()
    qtbot.keyClicks(view.note, "Ask Sam")
    view.table.setFocus()  # leaving the note saves it
    assert services.browse.details(view.details.row).note == "Ask Sam"

    def write(dialog: QDialog) -> None:
        assert isinstance(dialog, CardDialog)
        qtbot.keyClicks(dialog.front, "Buyer: 'we are locked in until May'")
        qtbot.keyClick(dialog.front, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.back, "Ask what May changes.")
        qtbot.keyClick(dialog.back, Qt.Key.Key_Return, CTRL)

    answer_dialogs([write])
    qtbot.keyClick(view.table, Qt.Key.Key_N, CTRL)
    assert view.deck.currentData() == "my-cards"
    assert view.details is not None and view.details.mine
    assert view.details.front == "Buyer: 'we are locked in until May'"
    assert services.study.counts("my-cards").new == 1

    def rewrite(dialog: QDialog) -> None:
        assert isinstance(dialog, CardDialog)
        dialog.back.selectAll()
        qtbot.keyClicks(dialog.back, "Ask what would have to be true in May.")
        assert dialog.back.toPlainText() == "Ask what would have to be true in May."
        press("Save")(dialog)

    # Offscreen there is no window manager to hand the keyboard back after a dialog.
    window.activateWindow()
    qtbot.waitUntil(view.table.hasFocus, timeout=20_000)
    answer_dialogs([rewrite])
    qtbot.keyClick(view.table, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert view.details.back == "Ask what would have to be true in May."
    window.activateWindow()
    qtbot.waitUntil(view.table.hasFocus, timeout=20_000)

    # Enter in the question keeps the card: deleting takes choosing Yes.
    answer_dialogs([lambda d: qtbot.keyClick(d, Qt.Key.Key_Return)])
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.table.rowCount() == 1
    window.activateWindow()
    qtbot.waitUntil(view.table.hasFocus, timeout=20_000)
    answer_dialogs([press("Yes")])
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.table.rowCount() == 0
    assert services.study.counts("my-cards").new == 0
    window.activateWindow()
    qtbot.waitUntil(view.table.hasFocus, timeout=20_000)

    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.decks


def test_reset_to_new_by_keyboard(qtbot: QtBot, open_window: Opener, clock: FakeClock,
                                  mixed_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=mixed_decks)
    session = services.study.start("cards")
    answered = session.current
    assert answered is not None
    session.answer(Rating.EASY)
    session.finish()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    view = window.stack.currentWidget()
    assert isinstance(view, BrowserView)
    qtbot.keyClicks(view.search, answered.front.split()[0])
    qtbot.waitUntil(lambda: any(r.item_id == answered.item_id for r in view.rows),
                    timeout=20_000)
    view._select_item(answered.item_id)
    assert view.details is not None and view.details.row.item_id == answered.item_id
    assert view.reset_button.isEnabled()
    asked = answer_dialogs([press("Yes")])
    qtbot.keyClick(view.table, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.AltModifier)
    assert "Learn 1 item again from the start?" in asked[0]
    row = next(r for r in services.browse.search(BrowseQuery(deck="cards"))
               if r.item_id == answered.item_id)
    assert (row.phase, row.reps) == (0, 0)
    assert view.details.row.phase == 0 and not view.reset_button.isEnabled()
    assert "Never answered." not in view.history.text()  # the answer is still shown


def test_esc_asks_before_a_card_being_written_is_thrown_away(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, mixed_decks: Path) -> None:
    window, services = open_window(clock, decks_folder=mixed_decks)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    view = window.stack.currentWidget()
    assert isinstance(view, BrowserView)
    seen: list[list[str]] = []

    def write_then_escape(dialog: QDialog) -> None:
        assert isinstance(dialog, CardDialog)
        qtbot.keyClicks(dialog.front, "Buyer: 'send me a proposal'")
        qtbot.keyClick(dialog.front, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.back, "Ask what they will compare it with.")
        # The question comes up on Esc; Enter keeps writing, the card stays as typed.
        seen.append(answer_dialogs([lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)],
                                   QMessageBox))
        qtbot.keyClick(dialog.back, Qt.Key.Key_Escape)
        assert dialog.isVisible()
        assert dialog.front.toPlainText() == "Buyer: 'send me a proposal'"
        qtbot.keyClick(dialog.back, Qt.Key.Key_Return, CTRL)  # and it saves

    answer_dialogs([write_then_escape])
    qtbot.keyClick(view.table, Qt.Key.Key_N, CTRL)
    assert seen == [["Throw away what you typed on this card?"]]
    assert services.study.counts("my-cards").new == 1

    def escape_and_discard(dialog: QDialog) -> None:
        assert isinstance(dialog, CardDialog)
        qtbot.keyClicks(dialog.front, "Half a thought")
        answer_dialogs([press("Discard")], QMessageBox)
        qtbot.keyClick(dialog.front, Qt.Key.Key_Escape)

    window.activateWindow()
    qtbot.waitUntil(view.table.hasFocus, timeout=20_000)
    answer_dialogs([escape_and_discard])
    qtbot.keyClick(view.table, Qt.Key.Key_N, CTRL)
    assert services.study.counts("my-cards").new == 1  # nothing more saved

    def escape_untouched(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once

    window.activateWindow()
    qtbot.waitUntil(view.table.hasFocus, timeout=20_000)
    answer_dialogs([escape_untouched])
    qtbot.keyClick(view.table, Qt.Key.Key_N, CTRL)
    assert QApplication.activeModalWidget() is None


def test_a_narrow_window_keeps_the_front_readable(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, mixed_decks: Path) -> None:
    window, _services = open_window(clock, decks_folder=mixed_decks)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    view = window.stack.currentWidget()
    assert isinstance(view, BrowserView)
    table = view.table
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=20_000)
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: not table.isColumnHidden(5), timeout=20_000)
    assert not any(table.isColumnHidden(c) for c in range(6))
    window.resize(820, 600)  # a small laptop window: the list gets about half
    qtbot.waitUntil(lambda: table.isColumnHidden(5), timeout=20_000)
    assert table.isColumnHidden(4) and not table.isColumnHidden(2)
    QApplication.processEvents()
    assert table.columnWidth(0) >= 120  # a dozen words of the front, not "In a pip…"
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: not table.isColumnHidden(5), timeout=20_000)


def test_the_list_shows_a_front_as_it_reads_not_as_it_is_stored(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    sheet = tmp_path / "price-talk.csv"
    sheet.write_text('Front,Back\nIt\'s too expensive,Ask compared with what\n'
                     '"Front with ""quotes"" and 2 * 3 <b>",Back\n', encoding="utf-8")
    services.imports.apply(services.imports.prepare(sheet))
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    view = window.stack.currentWidget()
    assert isinstance(view, BrowserView)
    qtbot.keyClicks(view.search, "front")
    qtbot.waitUntil(lambda: any("quotes" in view.table.item(r, 0).text()
                                for r in range(view.table.rowCount())), timeout=20_000)
    fronts = {view.table.item(r, 0).text() for r in range(view.table.rowCount())}
    assert 'Front with "quotes" and 2 * 3 <b>' in fronts
    view.search.clear()
    qtbot.keyClicks(view.search, "expensive")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=20_000)
    assert view.table.item(0, 0).text() == "It's too expensive"
