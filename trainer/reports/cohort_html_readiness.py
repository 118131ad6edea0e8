"""The readiness and practice sections of the HTML cohort report
(docs/cohort-report.md defines readiness)."""

from __future__ import annotations

from trainer.domain.readiness import HORIZON_DAYS, NEARLY, READY, Readiness
from trainer.reports.cohort import Cohort, ready_counts, rubric_misses
from trainer.reports.cohort_html_parts import escape_text as _e
from trainer.reports.cohort_html_parts import percent, table

# Verdict classes; colours follow the mastery bands' (and dark mode) through the CSS.
READINESS_CSS = """
td.ready { background: var(--m3); color: var(--m-text); }
td.nearly { background: var(--m1); color: var(--m-text); }
td.not-ready { background: var(--m0); color: var(--m-text); }
td.no-items { color: var(--muted); }
td small { display: block; color: inherit; opacity: 0.8; }
"""
_PART = {"recall": "recall", "quiz": "quiz", "practice": "practice"}


def _cell(readiness: Readiness | None) -> str:
    if readiness is None or readiness.value is None:
        return '<td class="no-items">—</td>'
    parts = readiness.parts
    tip = (f"recall in {HORIZON_DAYS} days {percent(readiness.recall)} over "
           f"{readiness.cards} cards ({readiness.cards_seen} studied); quiz "
           f"{percent(readiness.quiz)} over {readiness.questions} questions "
           f"({readiness.questions_answered} answered); practice "
           f"{percent(readiness.practice)} over {readiness.practice_items} items "
           f"({readiness.practised} practised)")
    weakest = readiness.weakest or ""
    held = f"<small>held down by {_PART[weakest]}</small>" if len(parts) > 1 and \
        readiness.verdict != "ready" else ""
    css = readiness.verdict.replace(" ", "-")
    return (f'<td class="num {css}" title="{_e(tip)}">{percent(readiness.value)} '
            f"{_e(readiness.verdict)}{held}</td>")


def readiness_section(cohort: Cohort) -> str:
    """One row per learner: readiness on each topic, and how many topics are ready."""
    topics = [t for t in cohort.topics
              if any(t in learner.readiness for learner in cohort.learners)]
    intro = (f'<p class="note">Readiness on a topic is its weakest part: recall of every '
             f"card {HORIZON_DAYS} days after the export (a card never studied counts "
             "0), the latest answer to every quiz question (never answered counts 0) and "
             "the checks met in the latest reply to every practice item (never practised "
             f"counts 0). Ready: {READY:.0%} and up; nearly: {NEARLY:.0%} to "
             f"{READY:.0%}. Hover a cell for its parts.</p>")
    if not cohort.learners or not topics:
        return (f'<section class="first" id="readiness"><h2>Readiness</h2>{intro}'
                '<p class="muted">No learner has items yet.</p></section>')
    rows = []
    for learner in sorted(cohort.learners, key=lambda r: r.name.casefold()):
        ready, total = ready_counts(learner)
        cells = "".join(_cell(learner.readiness.get(t)) for t in topics)
        rows.append(f"<tr><td>{_e(learner.name)}</td>{cells}"
                    f'<td class="num">{ready} of {total}</td></tr>')
    head = [("Learner", False), *((t, True) for t in topics), ("Ready on", True)]
    return (f'<section class="first" id="readiness"><h2>Readiness</h2>{intro}'
            f"{table(head, rows)}</section>")


def practice_section(cohort: Cohort, top: int = 10) -> str:
    """The rubric checks the cohort's practice replies missed most."""
    misses = rubric_misses(cohort.learners, top)
    rows = [f"<tr><td>{_e(m.text)}</td><td class=\"num\">{m.missed} of {m.asked}</td>"
            f'<td class="num">{m.share:.0%}</td><td class="num">{m.learners}</td></tr>'
            for m in misses]
    body = (table((("Rubric check", False), ("Replies that missed it", True),
                   ("Share", True), ("Learners", True)), rows) if rows else
            '<p class="muted">No practice reply has missed a check yet (or nobody has '
            "practised).</p>")
    return ('<section id="practice"><h2>Practice: checks missed most</h2><p class="note">'
            "Over every practice reply the learners marked (undone ones left out), the "
            "rubric checks missed most often: what to rehearse together in the next "
            f"session.</p>{body}</section>")
