"""Scoring self-assessments: a 0-100 score and a band for every dimension."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from trainer.domain.quiz import Assessment, Band, Dimension


class DimensionResult(NamedTuple):
    """One dimension's score (0-100, None when no statement was answered) and band."""

    dimension: Dimension
    score: float | None
    band: Band | None
    answered: int


def statement_value(choice: int, points: int, reverse: bool) -> float:
    """A Likert choice (1..points) as 0-100, flipped for a reverse-scored statement."""
    if not 1 <= choice <= points:
        raise ValueError(f"choice {choice} is outside the scale 1..{points}")
    fraction = (choice - 1) / (points - 1)
    return 100.0 * (1.0 - fraction if reverse else fraction)


def band_for(dimension: Dimension, score: float) -> Band | None:
    """The band whose range holds the score: the highest ``min`` not above it."""
    fitting = [b for b in dimension.bands if b.min <= score]
    return max(fitting, key=lambda b: b.min) if fitting else None


def score_assessment(assessment: Assessment,
                     choices: Mapping[str, int]) -> dict[str, DimensionResult]:
    """Dimension results from the choices made, keyed by statement id."""
    points = len(assessment.scale)
    values: dict[str, list[float]] = {d.id: [] for d in assessment.dimensions}
    for statement in assessment.statements:
        if statement.id in choices:
            values[statement.dimension].append(
                statement_value(choices[statement.id], points, statement.reverse))
    results = {}
    for dimension in assessment.dimensions:
        got = values[dimension.id]
        score = round(sum(got) / len(got), 1) if got else None
        results[dimension.id] = DimensionResult(
            dimension, score, None if score is None else band_for(dimension, score), len(got))
    return results
