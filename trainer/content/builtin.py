"""Where the decks and resources shipped with the app live."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache  # where the app is does not change while it runs; each resolve stats
def _packaged_or_checkout(name: str) -> Path:
    # An installed wheel carries the folder inside the package; a source checkout
    # keeps it at the top of the repository. (Plain paths, not importlib.resources:
    # the app is never run from a zip, and this keeps zipfile off the start-up path.)
    packaged = Path(__file__).resolve().parents[1] / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def builtin_decks_dir() -> Path:
    """The folder of built-in deck files."""
    return _packaged_or_checkout("decks")


def resources_dir() -> Path:
    """The folder of icons, styles and desktop files."""
    return _packaged_or_checkout("resources")
