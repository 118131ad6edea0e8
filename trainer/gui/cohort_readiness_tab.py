"""The cohort page's Readiness and Practice tabs (docs/cohort-report.md defines
readiness; the figures come from trainer.reports.cohort)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from trainer.domain.readiness import HORIZON_DAYS, NEARLY, READY, Readiness
from trainer.gui.cohort_parts import cell, empty, mastery_colors, page, table
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.reports.cohort import Cohort, ready_counts, rubric_misses


class CohortReadinessTabText(Context):
    """Texts of the cohort page's Readiness and Practice tabs."""


# The heatmap colour each verdict borrows: a band that reads as good, middling, poor.
_COLOUR_OF = {"ready": 0.9, "nearly": 0.6, "not ready": 0.0}
# Readiness.verdict and Readiness.weakest (trainer.domain.readiness) as a cell says them.
_VERDICT = {"ready": QT_TRANSLATE_NOOP("CohortReadinessTabText", "ready"),
            "nearly": QT_TRANSLATE_NOOP("CohortReadinessTabText", "nearly"),
            "not ready": QT_TRANSLATE_NOOP("CohortReadinessTabText", "not ready")}
_PART = {"recall": QT_TRANSLATE_NOOP("CohortReadinessTabText", "recall"),
         "quiz": QT_TRANSLATE_NOOP("CohortReadinessTabText", "quiz"),
         "practice": QT_TRANSLATE_NOOP("CohortReadinessTabText", "practice")}


def _said(table: dict[str, str], key: str) -> str:
    return CohortReadinessTabText.tr(table[key]) if key in table else key


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _tip(name: str, topic: str, r: Readiness) -> str:
    return "\n".join((
        f"{name}, {topic}: {_said(_VERDICT, r.verdict)}",
        CohortReadinessTabText.tr("Recall in %n day(s): {recall} over {cards} ({seen} studied)",
                                  "", HORIZON_DAYS).format(
            recall=_percent(r.recall), seen=r.cards_seen,
            cards=CohortReadinessTabText.tr("%n card(s)", "", r.cards)),
        CohortReadinessTabText.tr("Quiz: {quiz} over %n question(s) ({answered} answered)", "",
                                  r.questions).format(quiz=_percent(r.quiz),
                                                      answered=r.questions_answered),
        CohortReadinessTabText.tr("Practice: {practice} over %n item(s) ({practised} practised)",
                                  "", r.practice_items).format(practice=_percent(r.practice),
                                                               practised=r.practised)))


def readiness_page(cohort: Cohort) -> QWidget:
    """One row per learner, a column per topic, and the topics each is ready on."""
    topics = [t for t in cohort.topics
              if any(t in learner.readiness for learner in cohort.learners)]
    if not cohort.learners or not topics:
        return empty(CohortReadinessTabText.tr("No learner has items yet."), "readinessEmpty")
    rows = []
    for learner in cohort.learners:
        row = []
        for topic in topics:
            ready = learner.readiness.get(topic)
            if ready is None or ready.value is None:
                row.append(cell("—", CohortReadinessTabText.tr("{learner}, {topic}: no items"
                                                               ).format(learner=learner.shown_name,
                                                                        topic=topic)))
                continue
            held = f" ({_said(_PART, ready.weakest)})" if ready.weakest is not None and \
                ready.verdict != "ready" and len(ready.parts) > 1 else ""
            item = cell(f"{ready.value:.0%} {_said(_VERDICT, ready.verdict)}{held}",
                        _tip(learner.shown_name, topic, ready))
            background, text = mastery_colors(_COLOUR_OF[ready.verdict])
            item.setBackground(background)
            item.setForeground(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            row.append(item)
        done, total = ready_counts(learner)
        row.append(cell(CohortReadinessTabText.tr("{done} of {total}").format(
            done=done, total=total), align_right=True))
        rows.append(row)
    grid = table([*topics, CohortReadinessTabText.tr("Ready on")], rows, "readiness")
    grid.setVerticalHeaderLabels([learner.shown_name for learner in cohort.learners])
    grid.verticalHeader().setVisible(True)
    for column in range(len(topics)):
        grid.setColumnWidth(column, max(150, grid.columnWidth(column)))
    grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    return page(grid, CohortReadinessTabText.tr(
        "Readiness is a topic's weakest part: recall of every card %n day(s) after the "
        "export, the latest answer to every quiz question and the checks met in the latest "
        "reply to every practice item, each counting what was never done as 0. Ready: "
        "{ready} and up; nearly: {nearly}–{ready}. In brackets: the part holding it down. "
        "Hover a cell for all three.", "", HORIZON_DAYS).format(
            ready=f"{READY:.0%}", nearly=f"{NEARLY:.0%}"))


def practice_page(cohort: Cohort) -> QWidget:
    """The rubric checks the cohort's practice replies missed most."""
    misses = rubric_misses(cohort.learners)
    if not misses:
        return empty(CohortReadinessTabText.tr(
            "No practice reply has missed a check yet (or nobody has practised)."),
            "practiceEmpty")
    rows = [[cell(m.text), cell(CohortReadinessTabText.tr("{done} of {total}").format(
                 done=m.missed, total=m.asked), align_right=True),
             cell(f"{m.share:.0%}", align_right=True),
             cell(str(m.learners), align_right=True)] for m in misses]
    headers = [CohortReadinessTabText.tr("Rubric check"),
               CohortReadinessTabText.tr("Replies that missed it"),
               CohortReadinessTabText.tr("Share"), CohortReadinessTabText.tr("Learners")]
    return page(table(headers, rows, "rubricMisses", stretch=(0,)), CohortReadinessTabText.tr(
        "The rubric checks missed most often over every practice reply: what to rehearse "
        "together in the next session."))
