"""The cohort page's Readiness and Practice tabs (docs/cohort-report.md defines
readiness; the figures come from trainer.reports.cohort)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from trainer.domain.readiness import HORIZON_DAYS, NEARLY, READY, Readiness
from trainer.gui.cohort_parts import cell, empty, mastery_colors, page, table
from trainer.reports.cohort import Cohort, ready_counts, rubric_misses

# The heatmap colour each verdict borrows: a band that reads as good, middling, poor.
_COLOUR_OF = {"ready": 0.9, "nearly": 0.6, "not ready": 0.0}


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _tip(name: str, topic: str, r: Readiness) -> str:
    return (f"{name}, {topic}: {r.verdict}\n"
            f"Recall in {HORIZON_DAYS} days: {_percent(r.recall)} over {r.cards} cards "
            f"({r.cards_seen} studied)\n"
            f"Quiz: {_percent(r.quiz)} over {r.questions} questions "
            f"({r.questions_answered} answered)\n"
            f"Practice: {_percent(r.practice)} over {r.practice_items} items "
            f"({r.practised} practised)")


def readiness_page(cohort: Cohort) -> QWidget:
    """One row per learner, a column per topic, and the topics each is ready on."""
    topics = [t for t in cohort.topics
              if any(t in learner.readiness for learner in cohort.learners)]
    if not cohort.learners or not topics:
        return empty("No learner has items yet.", "readinessEmpty")
    rows = []
    for learner in cohort.learners:
        row = []
        for topic in topics:
            ready = learner.readiness.get(topic)
            if ready is None or ready.value is None:
                row.append(cell("—", f"{learner.name}, {topic}: no items"))
                continue
            held = f" ({ready.weakest})" if ready.verdict != "ready" and \
                len(ready.parts) > 1 else ""
            item = cell(f"{ready.value:.0%} {ready.verdict}{held}",
                        _tip(learner.name, topic, ready))
            background, text = mastery_colors(_COLOUR_OF[ready.verdict])
            item.setBackground(background)
            item.setForeground(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            row.append(item)
        done, total = ready_counts(learner)
        row.append(cell(f"{done} of {total}", align_right=True))
        rows.append(row)
    grid = table([*topics, "Ready on"], rows, "readiness")
    grid.setVerticalHeaderLabels([learner.name for learner in cohort.learners])
    grid.verticalHeader().setVisible(True)
    for column in range(len(topics)):
        grid.setColumnWidth(column, max(150, grid.columnWidth(column)))
    grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    return page(grid, f"Readiness is a topic's weakest part: recall of every card "
                      f"{HORIZON_DAYS} days after the export, the latest answer to every "
                      "quiz question and the checks met in the latest reply to every "
                      "practice item, each counting what was never done as 0. Ready: "
                      f"{READY:.0%} and up; nearly: {NEARLY:.0%}–{READY:.0%}. In brackets: "
                      "the part holding it down. Hover a cell for all three.")


def practice_page(cohort: Cohort) -> QWidget:
    """The rubric checks the cohort's practice replies missed most."""
    misses = rubric_misses(cohort.learners)
    if not misses:
        return empty("No practice reply has missed a check yet (or nobody has practised).",
                     "practiceEmpty")
    rows = [[cell(m.text), cell(f"{m.missed} of {m.asked}", align_right=True),
             cell(f"{m.share:.0%}", align_right=True),
             cell(str(m.learners), align_right=True)] for m in misses]
    return page(table(["Rubric check", "Replies that missed it", "Share", "Learners"],
                      rows, "rubricMisses", stretch=(0,)),
                "The rubric checks missed most often over every practice reply: what to "
                "rehearse together in the next session.")
