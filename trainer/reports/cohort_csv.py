"""The cohort as CSV: one row per learner and topic, for a spreadsheet.

UTF-8 with a byte-order mark (Excel otherwise reads it in the local code page), decimal
points, empty cells where there is no figure. Names and topics come from other people's
files: a cell that a spreadsheet would take for a formula gets a leading apostrophe.
"""

from __future__ import annotations

from trainer.reports.cohort import Cohort, LearnerReport, PathStanding
from trainer.reports.spreadsheet import csv_bytes, safe_cell

HEADER = ("learner_id", "name", "exported_at", "topic", "answers", "mastery",
          "quiz_answers", "quiz_correct", "quiz_accuracy", "path_day", "steps_behind",
          "readiness", "verdict", "recall_30d", "quiz_part", "practice_part")


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{round(value, 4):g}"


def _path(learner: LearnerReport) -> PathStanding | None:
    # The first path the export lists: the one the report's path section leads with
    # for a cohort on one curriculum.
    return learner.paths[0] if learner.paths else None


def cohort_rows(cohort: Cohort) -> list[list[str]]:
    """The rows under ``HEADER``: learners in report order, topics sorted."""
    rows = []
    for learner in cohort.learners:
        standing = _path(learner)
        day = "" if standing is None or standing.day is None else str(standing.day)
        behind = "" if standing is None else str(len(standing.behind))
        # The learner's cells are the same on each of their topics' rows.
        who = (safe_cell(learner.learner_id), safe_cell(learner.name),
               learner.exported_at.isoformat())
        for topic in sorted(learner.topics):
            stats = learner.topics[topic]
            ready = learner.readiness.get(topic)
            rows.append([*who, safe_cell(topic), str(stats.answers),
                         _ratio(stats.shown_mastery), str(stats.quiz_answers),
                         str(stats.quiz_correct), _ratio(stats.quiz_accuracy), day, behind,
                         *(("", "", "", "", "") if ready is None else (
                             _ratio(ready.value), ready.verdict, _ratio(ready.recall),
                             _ratio(ready.quiz), _ratio(ready.practice)))])
    return rows


def render_csv(cohort: Cohort) -> bytes:
    """The CSV file's bytes."""
    return csv_bytes(HEADER, cohort_rows(cohort))
