"""The whole cohort's calibration, added up from each learner's counts, is what scoring
every answer of the cohort together gives."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import pytest

from trainer.domain.scoring import calibration
from trainer.reports.cohort import cohort_calibration


def _learner(rng: random.Random) -> Any:
    answers = [(rng.choice((0.0, 0.5, 1.0, 1.0)), rng.choice((1, 2, 3, 3, None)))
               for _ in range(rng.randrange(0, 60))]
    return SimpleNamespace(calibration=calibration(answers))


@pytest.mark.parametrize("seed", range(5))
def test_counts_give_what_every_answer_together_gives(seed: int) -> None:
    rng = random.Random(seed)
    learners = [_learner(rng) for _ in range(rng.randrange(1, 40))]
    # Every learner's right and wrong answers at each level, scored again together.
    pairs: list[tuple[float, int | None]] = []
    for learner in learners:
        for level in learner.calibration.levels:
            if level.accuracy is not None:
                right = round(level.accuracy * level.answers)
                pairs += [(1.0, level.level)] * right
                pairs += [(0.0, level.level)] * (level.answers - right)
    together = calibration(pairs)
    combined = cohort_calibration(learners)
    assert combined.levels == together.levels
    assert combined.resolution == together.resolution
    assert combined.overconfidence == pytest.approx(together.overconfidence, abs=1e-12)
    answered = [sum(lv.answers for lv in learner.calibration.levels) for learner in learners]
    marks = [(learner.calibration.cbm_average, n) for learner, n in zip(learners, answered,
                                                                         strict=True)
             if learner.calibration.cbm_average is not None and n]
    assert combined.cbm_average == pytest.approx(
        sum(m * n for m, n in marks) / sum(n for _m, n in marks) if marks else None)
    assert combined._replace(overconfidence=None, cbm_average=None) == together._replace(
        overconfidence=None, cbm_average=None)


def test_no_answers_give_no_figures() -> None:
    empty = cohort_calibration([SimpleNamespace(calibration=calibration([]))])
    assert (empty.overconfidence, empty.cbm_average, empty.resolution) == (None, None, None)
    assert [lv.answers for lv in empty.levels] == [0, 0, 0]
