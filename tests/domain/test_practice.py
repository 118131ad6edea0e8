"""The rule that turns a marked practice reply into an FSRS rating."""

from __future__ import annotations

import pytest

from trainer.domain.practice import PracticeItem, practice_rating
from trainer.domain.scheduling import Rating


@pytest.mark.parametrize(("met", "total", "rating"), [
    (3, 3, Rating.GOOD), (5, 5, Rating.GOOD), (2, 3, Rating.HARD), (3, 4, Rating.HARD),
    (4, 5, Rating.HARD), (1, 3, Rating.AGAIN), (2, 4, Rating.AGAIN), (3, 5, Rating.AGAIN),
    (0, 4, Rating.AGAIN), (1, 1, Rating.GOOD), (0, 1, Rating.AGAIN),
])
def test_share_of_checks_met_decides_the_rating(met: int, total: int, rating: Rating) -> None:
    assert practice_rating(met, total) == rating


def test_never_easy_and_needs_a_rubric() -> None:
    assert max(practice_rating(m, 5) for m in range(6)) == Rating.GOOD
    with pytest.raises(ValueError):
        practice_rating(0, 0)


def test_an_item_without_a_rubric_gets_the_model_check() -> None:
    item = PracticeItem.from_row("p", "t", None, "Line", "Model", {"situation": "S"})
    assert [c.id for c in item.checks] == ["model"]
    assert item.situation == "S" and item.prospect == "Line" and item.model == "Model"
