"""The window speaking German for a test: the built German translation installed, and
English again afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from trainer.gui.language import translations_dir, use_language
from trainer.gui.run import make_app


@contextmanager
def speaking_german() -> Iterator[None]:
    """German within the block; fails when trainer_de.qm has not been built."""
    if not (translations_dir() / "trainer_de.qm").exists():
        pytest.fail("trainer_de.qm is not built: run python packaging/translations.py "
                    "release (a wheel build does it)")
    make_app()
    assert use_language("de") == "de"
    try:
        yield
    finally:
        use_language("en")
