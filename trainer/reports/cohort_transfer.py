"""How a learner's report travels back from a worker process that read the export.

Pickle rebuilds a frozen dataclass from its state by looking up the class's fields for
every object, dozens of objects a learner: each is sent instead as its class and its
fields, and rebuilt by calling the class, which sets them directly (the calibration
and its levels are named tuples, which pickle that way already). The texts that
repeat from learner to learner (questions, rubric checks) are made one object in the
worker by cohort_quick.py, so a batch of learners sends each once.
"""

from __future__ import annotations

import copyreg
from dataclasses import fields
from functools import partial
from operator import attrgetter
from typing import Any

from trainer.domain.readiness import Readiness
from trainer.reports.cohort_model import (
    LearnerReport,
    PathStanding,
    PathStep,
    QuizBest,
    Skipped,
    TopicStats,
)

# Calibration and LevelCalibration (domain/scoring.py) are named tuples, which pickle
# as their class and fields already.
SENT_BY_FIELDS = (LearnerReport, TopicStats, QuizBest, PathStanding, PathStep, Skipped,
                  Readiness)


def send_by_fields() -> None:
    """Make this process pickle each of ``SENT_BY_FIELDS`` as its class and fields (a
    worker calls it as it starts; the process that unpickles needs nothing)."""
    for cls in SENT_BY_FIELDS:
        names = [f.name for f in fields(cls) if f.init]
        copyreg.pickle(cls, partial(_reduce, attrgetter(*names)))


def _reduce(get: attrgetter[Any], obj: object) -> tuple[type[Any], tuple[Any, ...]]:
    return type(obj), get(obj)
