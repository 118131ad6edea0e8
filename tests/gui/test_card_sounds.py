"""A card's sounds on the review screen: they play as each side appears (as in Anki),
R plays them again, a click on "▶ name" plays that one, and a sound the deck lacks is
said on the screen (played into miniaudio's null device here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot
from test_audio import tone

from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.main_window import MainWindow

Opener = Callable[..., tuple[MainWindow, Services]]

DECK = '''format = 1

[deck]
id = "calls"
title = "Calls out loud"
version = "1"
topic = "practice"

[[cards]]
id = "c1"
front = "How does this opener sound? [▶ opener.wav](sound:opener.wav)"
back = "Warm, then a question. [▶ reply.wav](sound:reply.wav) [▶ gone.wav](sound:gone.wav)"
'''


@pytest.fixture
def sound_decks(tmp_path: Path) -> Path:
    folder = tmp_path / "sound-decks"
    (folder / "media").mkdir(parents=True)
    (folder / "calls.toml").write_text(DECK, encoding="utf-8")
    tone(folder / "media" / "opener.wav")
    tone(folder / "media" / "reply.wav")
    return folder


def test_sounds_play_as_each_side_appears_and_again_on_r(
        qtbot: QtBot, open_window: Opener, clock: FakeClock, sound_decks: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_AUDIO", "null")
    window, services = open_window(clock)
    # Imported, as a trainer's deck with its media folder comes in.
    services.imports.apply(services.imports.prepare(sound_decks / "calls.toml"))
    window.show_decks()
    window.study("calls")
    card = window.review.card
    assert card._player is not None and card.find_media is not None
    find = card.find_media

    def stored(name: str) -> list[Path]:
        path = find(name)  # the profile keeps each file once, by its content
        assert path is not None
        return [path]

    assert card._player.played == stored("opener.wav")
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    assert card._player.played == stored("reply.wav")
    assert window.review.status.text() == "gone.wav is not among this deck's files."
    card._player.played = []
    qtbot.keyClick(window.review, Qt.Key.Key_R)
    assert card._player.played == stored("reply.wav")
    card._player.played = []
    card.anchorClicked.emit(QUrl("sound:opener.wav"))  # the "▶ opener.wav" link clicked
    assert card._player.played == stored("opener.wav")
    assert "▶ reply.wav" in card.toPlainText()
