"""The cohort report as one self-contained HTML file.

Everything is inline (CSS, SVG charts, no scripts, no fonts or images to fetch), so the
file opens offline in any browser and can be mailed on. Every string that came from an
export is someone else's input and goes through ``html.escape``. Long tables and the
heatmap are cut into blocks that do not break across printed pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from trainer.domain.scoring import (
    CERTAINTY_LABELS,
    CERTAINTY_PROBABILITY,
    CONFIDENCE_MARGIN,
    Calibration,
    confidence_lean,
)
from trainer.reports.cohort import (
    MIN_ANSWERS,
    Cohort,
    LearnerReport,
    cohort_calibration,
    confident_wrong,
    pass_rates,
    path_groups,
)
from trainer.reports.cohort_html_parts import escape_text, percent, table
from trainer.reports.cohort_html_readiness import (
    READINESS_CSS,
    practice_section,
    readiness_section,
)
from trainer.study.wording import count

# Mastery bands, lowest first: (lower bound, CSS class, legend text).
BANDS = ((0.0, "m0", "below 50%"), (0.5, "m1", "50–69%"), (0.7, "m2", "70–84%"),
         (0.85, "m3", "85–94%"), (0.95, "m4", "95% and up"))
# The light colours again as SVG attributes: a viewer that ignores the page's CSS (an
# SVG editor, a mail client's preview) still draws the cells; where the CSS applies, it
# wins and follows dark mode.
_FILL = {"m0": "#fde0dc", "m1": "#fbe3b0", "m2": "#d3ecc3", "m3": "#8fcf9a", "m4": "#2f8f4e"}
OVERCONFIDENT = CONFIDENCE_MARGIN
HEATMAP_ROWS = 25  # learners per heatmap block: one block fits a printed page
_NAME_WIDTH, _CELL_W, _CELL_H, _HEAD_H = 190, 96, 26, 34

_CSS = """
:root { color-scheme: light dark; --fg: #1d1f23; --bg: #ffffff; --muted: #5b6068;
  --line: #d5d8dd; --soft: #f3f4f6; --bad: #b3261e; --good: #1b6e2d;
  --m0: #fde0dc; --m1: #fbe3b0; --m2: #d3ecc3; --m3: #8fcf9a; --m4: #2f8f4e;
  --m-text: #1d1f23; --m4-text: #ffffff; --na: #eceef1; --na-line: #b9bdc4; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e0e2e6; --bg: #1e1f22; --muted: #a3a8b0; --line: #42454b; --soft: #2b2d30;
    --bad: #ff8a80; --good: #7ddc8a;
    --m0: #6b2a26; --m1: #6b5420; --m2: #3f5f35; --m3: #2f7a45; --m4: #4fbf73;
    --m-text: #f1f2f4; --m4-text: #0f1a12; --na: #2b2d30; --na-line: #5a5e66; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --line: #999; --soft: #f3f4f6;
    --m0: #fde0dc; --m1: #fbe3b0; --m2: #d3ecc3; --m3: #8fcf9a; --m4: #2f8f4e;
    --m-text: #000; --m4-text: #fff; --na: #eceef1; --na-line: #999; }
  body { margin: 0; max-width: none; }
  section { break-before: page; }
  section.first { break-before: auto; }
  figure, tr, .legend { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); margin: 2em auto; max-width: 1100px;
  padding: 0 1.5em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--line); padding-bottom: 0.2em;
  margin-top: 2em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
p.note, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3em 0.7em; text-align: left;
  vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.behind td { color: var(--bad); }
.bad { color: var(--bad); font-weight: 600; }
.good { color: var(--good); font-weight: 600; }
figure { margin: 0.5em 0 1em; }
svg { max-width: 100%; height: auto; display: block; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; }
svg .m0 { fill: var(--m0); } svg .m1 { fill: var(--m1); } svg .m2 { fill: var(--m2); }
svg .m3 { fill: var(--m3); } svg .m4 { fill: var(--m4); }
svg text.cell { fill: var(--m-text); text-anchor: middle; }
svg text.on-m4 { fill: var(--m4-text); }
svg text.na { fill: var(--muted); text-anchor: middle; }
svg .na-bg { fill: var(--na); } svg .na-hatch { stroke: var(--na-line); stroke-width: 1; }
svg .grid { stroke: var(--bg); stroke-width: 2; fill: none; }
svg .bar { fill: var(--m3); } svg .track { fill: var(--soft); }
svg .mark { stroke: var(--fg); stroke-width: 2; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; align-items: center;
  margin: 0.4em 0 1em; }
.legend span { display: inline-flex; align-items: center; gap: 0.4em; }
ul.files { padding-left: 1.2em; }
ul.files code { word-break: break-all; }
"""


_e, _pct, _table = escape_text, percent, table


def _band(mastery: float) -> str:
    band = BANDS[0][1]
    for bound, css, _label in BANDS:
        if mastery >= bound:
            band = css
    return band


def _answers(count: int) -> str:
    return "1 answer" if count == 1 else f"{count} answers"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _heatmap_block(learners: Sequence[LearnerReport], topics: Sequence[str], index: int) -> str:
    width = _NAME_WIDTH + _CELL_W * len(topics)
    height = _HEAD_H + _CELL_H * len(learners)
    pattern = f"na{index}"  # ids are page-wide: each block defines and numbers its own
    parts = [f'<svg role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" '
             f'aria-label="Mastery by learner and topic, part {index + 1}">',
             f'<defs><pattern id="{pattern}" width="6" height="6" '
             'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             '<rect class="na-bg" fill="#eceef1" width="6" height="6"/>'
             '<line class="na-hatch" stroke="#b9bdc4" x1="0" y1="0" x2="0" y2="6"/>'
             '</pattern></defs>']
    for col, topic in enumerate(topics):
        x = _NAME_WIDTH + col * _CELL_W + _CELL_W / 2
        parts.append(f'<text x="{x:.0f}" y="{_HEAD_H - 10}" text-anchor="middle">'
                     f'<title>{_e(topic)}</title>{_e(_clip(topic, 13))}</text>')
    for row, learner in enumerate(learners):
        y = _HEAD_H + row * _CELL_H
        parts.append(f'<text x="4" y="{y + 17}"><title>{_e(learner.name)}</title>'
                     f'{_e(_clip(learner.name, 26))}</text>')
        for col, topic in enumerate(topics):
            x = _NAME_WIDTH + col * _CELL_W
            stats = learner.topics.get(topic)
            answers = stats.answers if stats else 0
            shown = stats.shown_mastery if stats else None
            quiz = ""
            if stats and stats.quiz_accuracy is not None:
                quiz = (f"; quiz answers {stats.quiz_correct} of {stats.quiz_answers} right "
                        f"({stats.quiz_accuracy:.0%})")
            cx, cy = x + _CELL_W / 2, y + 17
            if shown is None:
                tip = (f"{learner.name}, {topic}: not enough data ({_answers(answers)}, "
                       f"{MIN_ANSWERS} needed){quiz}")
                parts.append(f'<g class="cell-na"><title>{_e(tip)}</title>'
                             f'<rect x="{x}" y="{y}" width="{_CELL_W}" height="{_CELL_H}" '
                             f'fill="url(#{pattern})"/>'
                             f'<text class="na" text-anchor="middle" x="{cx:.0f}" '
                             f'y="{cy}">—</text></g>')
            else:
                band = _band(shown)
                tip = f"{learner.name}, {topic}: mastery {shown:.0%} ({_answers(answers)}){quiz}"
                text_class, ink = ("cell on-m4", "#fff") if band == "m4" else ("cell", "#000")
                parts.append(f'<g class="cell-{band}"><title>{_e(tip)}</title>'
                             f'<rect class="{band}" fill="{_FILL[band]}" x="{x}" y="{y}" '
                             f'width="{_CELL_W}" height="{_CELL_H}"/>'
                             f'<text class="{text_class}" fill="{ink}" text-anchor="middle" '
                             f'x="{cx:.0f}" '
                             f'y="{cy}">{shown:.0%}</text></g>')
            parts.append(f'<rect class="grid" fill="none" stroke="#fff" x="{x}" y="{y}" '
                         f'width="{_CELL_W}" height="{_CELL_H}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> str:
    swatch = ('<svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">'
              '<rect class="{0}" width="18" height="14"/></svg>')
    items = [f'<span>{swatch.format(css)}{_e(label)}</span>' for _b, css, label in BANDS]
    items.append('<span><svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">'
                 '<defs><pattern id="na-legend" width="6" height="6" '
                 'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
                 '<rect class="na-bg" width="6" height="6"/><line class="na-hatch" x1="0" '
                 'y1="0" x2="0" y2="6"/></pattern></defs><rect width="18" height="14" '
                 f'fill="url(#na-legend)"/></svg>— not enough data (under {MIN_ANSWERS} '
                 'answers)</span>')
    return '<div class="legend">' + "".join(items) + "</div>"


def heatmap_section(cohort: Cohort) -> str:
    """Mastery by learner and topic, in blocks of ``HEATMAP_ROWS`` learners."""
    topics = cohort.topics
    out = ['<section id="mastery"><h2>Mastery by topic</h2>',
           '<p class="note">Mean chance of recalling the topic\'s items at the time of each '
           f"learner's export (FSRS). A topic with fewer than {MIN_ANSWERS} answers shows "
           "“not enough data”. Hover a cell for its figures.</p>", _legend()]
    if not cohort.learners or not topics:
        out.append('<p class="muted">No learner has answered anything yet.</p>')
    learners = cohort.learners
    for index, start in enumerate(range(0, len(learners), HEATMAP_ROWS)):
        block = learners[start:start + HEATMAP_ROWS]
        out.append(f"<figure>{_heatmap_block(block, topics, index)}</figure>")
    out.append("</section>")
    return "".join(out)


def _bar(rate: float) -> str:
    width = round(120 * rate)
    return (f'<svg width="124" height="12" viewBox="0 0 124 12" aria-hidden="true">'
            f'<rect class="track" x="2" y="1" width="120" height="10"/>'
            f'<rect class="bar" x="2" y="1" width="{width}" height="10"/></svg>')


def pass_rate_section(cohort: Cohort) -> str:
    """Who finished each quiz and how many of them passed."""
    titles = cohort.deck_titles
    total = len(cohort.learners)
    rows = [f"<tr><td>{_e(titles.get(r.deck, r.deck))}</td>"
            f"<td>{_e(cohort.quiz_title(r.deck, r.quiz))}</td>"
            f'<td class="num">{r.took} of {total}</td><td class="num">{r.passed}</td>'
            f'<td class="num">{r.rate:.0%}</td><td>{_bar(r.rate)}</td></tr>'
            for r in pass_rates(cohort.learners)]
    body = (_table((("Deck", False), ("Quiz", False), ("Finished by", True),
                    ("Passed", True), ("Pass rate", True), ("", False)), rows)
            if rows else '<p class="muted">Nobody has finished a quiz yet.</p>')
    return ('<section id="quizzes"><h2>Quiz pass rates</h2><p class="note">A learner passed '
            "when their best finished attempt reached the quiz's pass mark.</p>"
            f"{body}</section>")


def path_section(cohort: Cohort) -> str:
    """Where each learner stands on each learning path, those behind first."""
    out = ['<section id="paths"><h2>Learning path</h2><p class="note">“Behind” means at '
           "least one step whose day has passed is not done, counted on the day of the "
           "learner's export.</p>"]
    groups = path_groups(cohort.learners)
    if not groups:
        out.append('<p class="muted">No export has a learning path.</p>')
    for group in groups:
        out.append(f"<h3>{_e(group.title)} <span class=\"muted\">({group.behind} of "
                   f"{len(group.rows)} behind)</span></h3>")
        rows = []
        for learner, standing in group.rows:
            behind = standing.behind
            day = "not started" if standing.day is None else f"day {standing.day}"
            nxt = standing.next_step
            rows.append(
                f'<tr class="{"behind" if behind else ""}"><td>{_e(learner.name)}</td>'
                f"<td>{day}</td>"
                f'<td class="num">{standing.done} of {len(standing.steps)}</td>'
                f"<td>{'; '.join(_e(s.title) for s in behind) or 'on track'}</td>"
                f"<td>{_e(nxt.title) + ' — ' + _e(nxt.progress) if nxt else 'all done'}"
                "</td></tr>")
        out.append(_table((("Learner", False), ("Today", False), ("Steps done", True),
                           ("Overdue steps", False), ("Next step", False)), rows))
    out.append("</section>")
    return "".join(out)


def confident_wrong_section(cohort: Cohort, top: int = 10) -> str:
    """The questions most often answered wrong at high certainty."""
    titles = cohort.deck_titles
    rows = [f"<tr><td>{_e(c.label)}</td><td>{_e(titles.get(c.deck, c.deck))}</td>"
            f"<td>{_e(', '.join(cohort.quiz_title(c.deck, q) for q in c.quizzes))}</td>"
            f"<td class=\"num\">{c.answers}</td>"
            f'<td class="num">{c.learners}</td></tr>'
            for c in confident_wrong(cohort.learners, top)]
    body = (_table((("Question", False), ("Deck", False), ("Quiz", False),
                    ("Wrong, sure", True), ("Learners", True)), rows)
            if rows else '<p class="muted">No answer was wrong at high certainty.</p>')
    return ('<section id="confident-wrong"><h2>Sure but wrong</h2><p class="note">Questions '
            "answered wrong at high certainty: a belief to correct, not a gap to fill."
            f"</p>{body}</section>")


def _level(calibration: Calibration, level: int) -> str:
    found = next(x for x in calibration.levels if x.level == level)
    if not found.answers or found.accuracy is None:
        return '<td class="num muted">—</td>'
    flag = ' class="num bad"' if (found.overconfidence or 0) > OVERCONFIDENT else ' class="num"'
    return f"<td{flag}>{found.accuracy:.0%} <small>of {found.answers}</small></td>"


def _calibration_row(name: str, calibration: Calibration) -> str:
    over = calibration.overconfidence
    if over is None:
        verdict = '<td class="muted">no answers with certainty</td>'
    else:
        lean = confidence_lean(over)
        style = {"overconfident": ' class="bad"', "well calibrated": ' class="good"'}
        verdict = f"<td{style.get(lean, '')}>{lean} ({over * 100:+.0f} points)</td>"
    cbm, resolution = calibration.cbm_average, calibration.resolution
    return (f"<tr><td>{_e(name)}</td>" + "".join(_level(calibration, lv) for lv in (1, 2, 3))
            + verdict + f'<td class="num">{"—" if cbm is None else f"{cbm:+.2f}"}</td>'
            + f'<td class="num">{"—" if resolution is None else f"{resolution:.2f}"}</td>'
            "</tr>")


def calibration_section(cohort: Cohort) -> str:
    """Accuracy at each certainty level, per learner and for the cohort."""
    expected = ", ".join(f"{CERTAINTY_LABELS[lv].lower()} {p:.0%}"
                         for lv, p in CERTAINTY_PROBABILITY.items())
    rows = [_calibration_row(learner.name, learner.calibration) for learner in cohort.learners]
    rows.append(_calibration_row("Whole cohort", cohort_calibration(cohort.learners)))
    head = (("Learner", False), ("Low", True), ("Medium", True), ("High", True),
            ("Calibration", False), ("Certainty mark", True), ("Resolution", True))
    return ('<section id="calibration"><h2>Calibration</h2><p class="note">Share of quiz '
            "answers that were right at each certainty the learner chose. Being right about "
            f"as often as the level stands for ({expected}) is well calibrated; "
            f"overconfidence is how far, on average, claimed certainty exceeds results "
            f"(flagged above {OVERCONFIDENT * 100:.0f} points). The certainty mark is the mean "
            "certainty-based mark per answer, from −6 to +3. Resolution says whether being "
            "sure goes with being right at all: the share of the spread between right and "
            "wrong answers that the certainty level explains, from 0 (being sure says "
            "nothing) to 1.</p>"
            f"{_table(head, rows)}</section>")


def files_section(cohort: Cohort) -> str:
    """Files left out, and older exports replaced by a newer one from the same learner."""
    out = ['<section id="files"><h2>Files</h2>',
           f"<p>{count(cohort.exports_read, 'export')} read, "
           f"{count(len(cohort.learners), 'learner')} kept, "
           f"{count(len(cohort.superseded), 'older export')} replaced, "
           f"{count(len(cohort.skipped), 'file')} skipped.</p>"]
    if cohort.skipped:
        out.append("<h3>Skipped</h3><ul class=\"files\">" + "".join(
            f"<li><code>{_e(s.path)}</code>: {_e(s.reason)}</li>" for s in cohort.skipped)
            + "</ul>")
    if cohort.superseded:
        out.append("<h3>Replaced by a newer export</h3><ul class=\"files\">" + "".join(
            f"<li><code>{_e(s.path)}</code>: replaced by <code>{_e(s.kept)}</code></li>"
            for s in cohort.superseded) + "</ul>")
    out.append("</section>")
    return "".join(out)


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def render_html(cohort: Cohort, title: str = "Cohort report") -> str:
    """The whole report as one HTML document."""
    span = cohort.date_range
    dates = (f"exports from {_when(span[0])} to {_when(span[1])}" if span
             else "no usable exports")
    summary = (f"{count(len(cohort.learners), 'learner')}, "
               f"{count(len(cohort.topics), 'topic')}; {dates}. "
               f"{count(len(cohort.skipped), 'file')} skipped.")
    body = "".join((readiness_section(cohort), heatmap_section(cohort),
                    pass_rate_section(cohort), path_section(cohort), practice_section(cohort),
                    confident_wrong_section(cohort), calibration_section(cohort),
                    files_section(cohort)))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{_CSS}{READINESS_CSS}</style></head><body>"
            f"<h1>{_e(title)}</h1><p class=\"muted\">{_e(summary)}</p>{body}"
            "</body></html>\n")
