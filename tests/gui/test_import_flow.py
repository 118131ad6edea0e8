"""Importing from the window: confirm the plan, drag and drop, older versions, and a
large import cancelled from its progress dialog."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from anki_builders import legacy_collection, make_zip
from apart import OffTheWindow
from dialogs import answer_dialogs, click, press
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.main_window import MainWindow
from trainer.gui.tasks import _Worker
from trainer.library.importing import ImportService

Opener = Callable[..., tuple[MainWindow, Services]]
DATA = Path(__file__).resolve().parents[1] / "data"


def test_import_from_the_file_menu_path_shows_the_plan(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, _ = open_window(clock)
    src = tmp_path / "quiz_deck.toml"
    shutil.copy(DATA / "quiz_deck.toml", src)
    reading = OffTheWindow(monkeypatch, ImportService, "prepare")
    installing = OffTheWindow(monkeypatch, ImportService, "apply")
    seen = answer_dialogs([press("importConfirm"), press("OK")])
    window.import_path(src)
    # Reading and installing both ran on a worker while the window handled events.
    assert (reading.threads, installing.threads) == (["worker"], ["worker"])
    assert "Quiz test deck: new deck, version 1; 8 new" in seen[0]
    assert "Imported 8 items into Quiz test deck." in seen[1]
    titles = [window.decks.tree.topLevelItem(i).text(0)
              for i in range(window.decks.tree.topLevelItemCount())]
    assert "Quiz test deck" in titles


def test_drop_a_file_and_an_older_version_needs_a_tick(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    newer = tmp_path / "v2" / "quiz_deck.toml"
    newer.parent.mkdir()
    newer.write_text((DATA / "quiz_deck.toml").read_text().replace('version = "1"',
                                                                   'version = "2"', 1))
    answer_dialogs([press("importConfirm"), press("OK")])
    window.import_path(newer)
    older = DATA / "quiz_deck.toml"

    def tick_then_import(dialog: QDialog) -> None:
        confirm = next(b for b in dialog.findChildren(QPushButton)
                       if b.objectName() == "importConfirm")
        assert not confirm.isEnabled()
        box = dialog.findChild(QCheckBox, "importOlderOk")
        assert box is not None
        box.setChecked(True)
        assert confirm.isEnabled()
        click(confirm)

    seen = answer_dialogs([tick_then_import, press("OK")])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(older))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt delivers drops only during a real drag, which the offscreen platform cannot
    # start; so the window's drop handler is handed the event directly.
    window.dropEvent(drop)
    assert "version 2 → 1" in seen[0] and "older version" in seen[0]
    assert services.db.execute("SELECT version FROM decks WHERE id = 'qdeck'").fetchone() == (
        "1",)


def test_a_bad_file_gets_a_clear_message_and_changes_nothing(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    bad = tmp_path / "bad.trainerdeck"
    bad.write_bytes(b"not a zip")
    before = services.db.execute("SELECT count(*) FROM items").fetchone()
    seen = answer_dialogs([press("OK")])
    window.import_path(bad)
    assert "bad.trainerdeck cannot be imported" in seen[0] and "Nothing was changed" in seen[0]
    assert services.db.execute("SELECT count(*) FROM items").fetchone() == before


def test_large_import_shows_progress_and_cancel_writes_nothing(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, services = open_window(clock)
    # The worker waits at its first report of progress until Cancel is pressed, so the
    # test does not race a fast machine to the end of the import.
    first_report = _Worker.report

    def waits_for_cancel(self: _Worker, done: int, total: int, text: str) -> bool:
        first_report(self, done, total, text)
        if done > 0:
            self.stop.wait(20)
        return not self.stop.is_set()

    monkeypatch.setattr(_Worker, "report", waits_for_cancel)
    big = tmp_path / "big.csv"
    big.write_text("".join(f"Question {i},Answer {i}\n" for i in range(2500)))
    before = services.db.execute("SELECT count(*) FROM items").fetchone()
    cancelled: list[bool] = []

    def cancel_progress() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(5, cancel_progress)
            return
        cancelled.append(True)
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    seen = answer_dialogs([lambda d: (QTimer.singleShot(0, cancel_progress),
                                             press("importConfirm")(d)),
                                  press("OK")])
    window.import_path(big)
    assert cancelled and "Nothing was imported" in seen[1]
    assert services.db.execute("SELECT count(*) FROM items").fetchone() == before


def test_an_imported_picture_shows_on_the_card_and_nothing_else_loads(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    window, services = open_window(clock)
    src = tmp_path / "pics"
    (src / "media").mkdir(parents=True)
    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    picture.save(str(src / "media" / "chart.png"))
    (src / "pics.toml").write_text(
        'format = 1\n[deck]\nid = "pics"\ntitle = "Pictures"\nversion = "1"\n'
        'topic = "t"\n[[sources]]\nid = "s"\ntitle = "S"\npublisher = "P"\n'
        '[[cards]]\nid = "p1"\nsource = "s"\nfront = "Which chart?"\n'
        'back = "This one: ![chart](chart.png) <img src=\\"../pics.toml\\">"\n')
    services.imports.apply(services.imports.prepare(src / "pics.toml"))
    window.show_decks()
    window.study("pics")
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    card = window.review.card
    shown = card.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("chart.png"))
    assert isinstance(shown, QImage) and shown.width() == 40
    for refused in ("../pics.toml", "https://example.com/x.png", "/etc/passwd"):
        assert card.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                 QUrl(refused)) is None


def test_a_csv_that_would_retire_cards_of_its_deck_needs_agreement(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    csv = tmp_path / "team-tips.csv"
    csv.write_text("front,back\nQ1,A1\nQ2,A2\nQ3,A3\n", encoding="utf-8")
    services.imports.apply(services.imports.prepare(csv))
    csv.write_text("front,back\nQ1,A1\n", encoding="utf-8")  # two rows gone since

    def read_then_tick(dialog: QDialog) -> None:
        label = dialog.findChild(QLabel, "importClash")
        assert label is not None
        assert label.text().startswith("'team-tips' is already installed")
        assert "would retire 2 cards and questions" in label.text()
        confirm = next(b for b in dialog.findChildren(QPushButton)
                       if b.objectName() == "importConfirm")
        assert not confirm.isEnabled()
        box = dialog.findChild(QCheckBox, "importClashOk")
        assert box is not None
        click(box)
        assert confirm.isEnabled()
        press("Cancel")(dialog)

    answer_dialogs([read_then_tick])
    window.import_path(csv)
    # Cancelled: the deck keeps all its cards.
    assert services.db.execute("SELECT count(*) FROM items WHERE deck_id = 'team-tips' "
                               "AND retired = 0").fetchone()[0] == 3


def test_a_csv_named_like_a_built_in_deck_comes_in_beside_it(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    csv = tmp_path / "cards.csv"  # the practice deck's id is "cards"
    csv.write_text("front,back\nMy own question,My own answer\n", encoding="utf-8")

    def read_then_import(dialog: QDialog) -> None:
        assert dialog.findChild(QLabel, "importClash") is None  # nothing to agree to
        press("importConfirm")(dialog)

    seen = answer_dialogs([read_then_import, press("OK")])
    window.import_path(csv)
    assert "comes in as a deck of its own ('cards-csv')" in seen[0]
    assert services.db.execute("SELECT count(*) FROM items WHERE deck_id = 'cards' "
                               "AND retired = 0").fetchone()[0] == 30
    assert services.db.execute("SELECT count(*) FROM items WHERE deck_id = 'cards-csv'"
                               ).fetchone()[0] == 1


def test_the_preview_offers_the_review_history_with_its_size(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    window, services = open_window(clock)
    revlog = [(1_700_000_000_000, 1, 3, 4000, 0), (1_700_000_600_000, 1, 3, 3000, 1),
              (1_700_000_700_000, 2, 1, 2000, 0)]
    collection = legacy_collection([("g1", "Front one\x1fBack one"),
                                    ("g2", "Front two\x1fBack two")], revlog=revlog)
    package = make_zip(tmp_path / "hand.apkg", {"collection.anki2": collection,
                                                "media": b"{}"})
    ticked: list[bool] = []

    def leave_history_out(dialog: QDialog) -> None:
        box = dialog.findChild(QCheckBox, "importHistory")
        assert box is not None
        ticked.append(box.isChecked())
        assert "Bring in 3 past answers" in box.text()
        click(box)
        press("importConfirm")(dialog)

    seen = answer_dialogs([leave_history_out, press("OK")])
    window.import_path(package)
    assert ticked == [True] and "Imported 2 items into" in seen[1]
    assert services.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0

    # Again, keeping the box ticked: the answers come in, nothing else changes.
    seen = answer_dialogs([press("importConfirm"), press("OK")])
    window.import_path(package)
    assert "with 3 past answers" in seen[1]
    assert services.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 3
