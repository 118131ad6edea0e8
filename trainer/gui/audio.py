"""Playing a card's sounds (brought in from Anki packages): miniaudio decodes MP3, OGG
Vorbis, FLAC and WAV and plays them on its own thread, so the window never waits.

miniaudio rather than QtMultimedia: it is a 0.6 MB wheel where PySide6-Addons is 175 MB,
and it needs no system media framework. TRAINER_AUDIO=null plays into nothing (tests,
and machines without a sound device that should stay quiet)."""

from __future__ import annotations

import os
from array import array
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from trainer.i18n import Context


class AudioText(Context):
    """Why a sound cannot be played."""


RATE = 44_100
CHANNELS = 2


def _frames(paths: Sequence[Path]) -> Generator[array[int], int, None]:
    """The sounds one after the other, as miniaudio's playback asks for them. Decoding
    happens here, on miniaudio's thread."""
    import miniaudio

    required = yield array("h")
    for path in paths:
        sound = miniaudio.decode_file(str(path), miniaudio.SampleFormat.SIGNED16,
                                      CHANNELS, RATE)
        samples, position = sound.samples, 0
        while position < len(samples):
            count = required * CHANNELS
            required = yield samples[position:position + count]
            position += count


class Player(QObject):
    """Plays a list of sound files in turn; a new list stops the one playing."""

    failed = Signal(str)  # what went wrong, in a sentence the rep can read

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device: Any = None
        self.played: list[Path] = []  # what the last play() started, for the keys' tests

    def play(self, paths: Sequence[Path]) -> bool:
        """Play ``paths`` in order; False (and ``failed`` says why) when none can be."""
        self.stop()
        try:
            import miniaudio
        except ImportError:
            self.failed.emit(AudioText.tr("Sound cannot be played: miniaudio is missing."))
            return False
        playable = []
        for path in paths:
            try:
                miniaudio.get_file_info(str(path))
            except (OSError, miniaudio.MiniaudioError):
                self.failed.emit(AudioText.tr("Cannot play {name}: the file is missing or "
                                              "not a sound it can read.").format(name=path.name))
                continue
            playable.append(path)
        if not playable:
            return False
        backends = [miniaudio.Backend.NULL] if os.environ.get("TRAINER_AUDIO") == "null" \
            else None
        try:
            device = miniaudio.PlaybackDevice(output_format=miniaudio.SampleFormat.SIGNED16,
                                              nchannels=CHANNELS, sample_rate=RATE,
                                              backends=backends)
            stream = _frames(playable)
            next(stream)
            device.start(stream)
        except miniaudio.MiniaudioError as exc:
            self.failed.emit(AudioText.tr("No sound device to play on ({problem}).").format(
                problem=exc))
            return False
        self._device = device
        self.played = list(playable)
        return True

    def stop(self) -> None:
        """Stop what is playing (nothing happens when nothing is)."""
        if self._device is not None:
            self._device.close()
            self._device = None
