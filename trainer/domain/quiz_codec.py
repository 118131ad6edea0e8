"""Self-assessments to and from the JSON kept in the profile (so an attempt can be
shown and rescored without the deck file)."""

from __future__ import annotations

from typing import Any

from trainer.domain.quiz import Assessment, Band, Dimension, Statement


def assessment_to_json(assessment: Assessment) -> dict[str, Any]:
    """Everything about an assessment except where it was in the file: each record as
    a mapping of its fields, in their order (the form profiles have stored since
    these were dataclasses)."""
    data = assessment._asdict()
    del data["line"]
    data["statements"] = tuple(s._asdict() for s in assessment.statements)
    data["dimensions"] = tuple({**d._asdict(), "bands": tuple(b._asdict() for b in d.bands)}
                               for d in assessment.dimensions)
    return data


def assessment_from_json(data: dict[str, Any]) -> Assessment:
    """Rebuild an assessment stored by ``assessment_to_json``."""
    return Assessment(
        id=data["id"],
        title=data["title"],
        statements=tuple(Statement(**s) for s in data["statements"]),
        dimensions=tuple(
            Dimension(d["id"], d["title"], d["topic"],
                      tuple(Band(b["min"], b["label"], b["advice"], tuple(b["links"]))
                            for b in d["bands"]))
            for d in data["dimensions"]
        ),
        scale=tuple(data["scale"]),
        description=data["description"],
    )
