"""Every file name a picture may legally have shows on the card: names with '%', '#',
'?' or spaces, from a package made by Anki's engine and from a deck file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.main_window import MainWindow

Opener = Callable[..., tuple[MainWindow, Services]]
# Distinct colours that nothing else on the card has, so each picture is told apart.
COLOURS = ["#ff0000", "#00c000", "#0000c0", "#c0c000", "#c000c0"]
PIXELS = 40 * 20  # a whole picture


def png(colour: str) -> bytes:
    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    return bytes(data.data())


def painted(window: MainWindow) -> set[str]:
    """The colours of COLOURS of which a whole picture is painted on the card now."""
    card = window.review.card
    image = card.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(bytes(image.constBits())).cast("I").tolist()
    return {colour for colour in COLOURS
            if pixels.count(QColor(colour).rgb() & 0xFFFFFFFF) >= PIXELS}


def show_answer(qtbot: QtBot, window: MainWindow, deck_id: str) -> None:
    window.show_decks()
    window.study(deck_id)
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    window.review.card.resize(600, 500)


def test_pictures_named_with_address_characters_show_from_an_anki_package(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki.collection import Collection, ExportAnkiPackageOptions

    # Names Anki keeps as they are ('?' it does not allow in a file name), and a file
    # really called "50%25.png" beside "50%.png".
    names = ["50%.png", "a#b.png", "my chart.png", "50%25.png"]
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        for name, colour in zip(names, COLOURS, strict=False):
            assert col.media.write_data(name, png(colour)) == name
        notetype = col.models.by_name("Basic")
        deck = col.decks.id("Pictures")
        assert notetype is not None and deck is not None
        note = col.new_note(notetype)
        note["Front"] = "Which charts?"
        note["Back"] = "".join(f'<img src="{name}">' for name in names)
        col.add_note(note, deck)
        package = tmp_path / "pictures.apkg"
        col.export_anki_package(out_path=str(package), limit=None,
                                options=ExportAnkiPackageOptions(
                                    with_scheduling=False, with_deck_configs=False,
                                    with_media=True, legacy=False))
    finally:
        col.close()
    window, services = open_window(clock)
    services.imports.apply(services.imports.prepare(package))
    show_answer(qtbot, window, "pictures")
    qtbot.waitUntil(lambda: painted(window) == set(COLOURS[:4]), timeout=5_000)


def test_pictures_named_with_address_characters_show_from_a_deck_file(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, tmp_path: Path) -> None:
    names = ["what?.png", "100%.png", "x#y.png", "two words.png", "a&b.png"]
    src = tmp_path / "deck"
    (src / "media").mkdir(parents=True)
    for name, colour in zip(names, COLOURS, strict=True):
        (src / "media" / name).write_bytes(png(colour))
    back = ('<img src=\\"what?.png\\"> ![pct](100%.png) ![hash](x#y.png) '
            '<img src=\\"two words.png\\"> <img src=\\"a&amp;b.png\\">')
    (src / "pics.toml").write_text(
        'format = 1\n[deck]\nid = "pics"\ntitle = "Pictures"\nversion = "1"\n'
        'topic = "t"\n[[sources]]\nid = "s"\ntitle = "S"\npublisher = "P"\n'
        f'[[cards]]\nid = "p1"\nsource = "s"\nfront = "Which charts?"\nback = "{back}"\n')
    window, services = open_window(clock)
    plan = services.imports.prepare(src / "pics.toml")
    assert sorted(plan.bundle.media) == sorted(names)
    services.imports.apply(plan)
    show_answer(qtbot, window, "pics")
    qtbot.waitUntil(lambda: painted(window) == set(COLOURS), timeout=5_000)
