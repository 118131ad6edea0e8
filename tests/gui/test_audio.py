"""Playing a card's sounds: decoded and played off the window's thread (into miniaudio's
null device here), one after the other; a missing or unreadable file is said, not
raised."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from trainer.gui.audio import Player, _frames
from trainer.gui.run import make_app


def tone(path: Path, seconds: float = 0.2, rate: int = 22_050) -> Path:
    """A short sine tone as a WAV file."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", int(6000 * math.sin(i / 8)))
                                 for i in range(int(rate * seconds))))
    return path


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_AUDIO", "null")
    make_app()


def test_sounds_are_decoded_in_turn_at_the_device_rate(tmp_path: Path) -> None:
    first, second = tone(tmp_path / "a.wav", 0.2), tone(tmp_path / "b.wav", 0.1, 11_025)
    stream = _frames([first, second])
    assert len(next(stream)) == 0
    frames = 0
    for chunk in iter(lambda: stream.send(4410), None):
        frames += len(chunk) // 2  # two channels
        if len(chunk) == 0:
            break
    # 0.3 s of sound at 44.1 kHz, resampled from both files' own rates.
    assert frames == pytest.approx(0.3 * 44_100, rel=0.02)


def test_a_missing_file_is_said_and_the_rest_plays(qtbot: QtBot, tmp_path: Path) -> None:
    player = Player()
    said: list[str] = []
    player.failed.connect(said.append)
    ok = tone(tmp_path / "ok.wav")
    assert player.play([tmp_path / "gone.mp3", ok])
    assert player.played == [ok]
    assert said == ["Cannot play gone.mp3: the file is missing or not a sound it can read."]
    (tmp_path / "noise.mp3").write_bytes(b"not a sound")
    assert not player.play([tmp_path / "noise.mp3"])
    assert said[-1].startswith("Cannot play noise.mp3")
    player.stop()
