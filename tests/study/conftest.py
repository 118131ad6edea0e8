"""Closes the profiles the study tests open through tests/one_deck.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from one_deck import close_opened


@pytest.fixture(autouse=True)
def _close_opened() -> Iterator[None]:
    yield
    close_opened()
