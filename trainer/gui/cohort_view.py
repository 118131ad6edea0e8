"""File > Open cohort…: a trainer's view of reps' progress exports, in native widgets.

The figures come from trainer.reports.cohort, the same code the ``trainer cohort report``
command uses, and "Save report as HTML…" writes exactly the command's file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.errors import TrainerError
from trainer.domain.scoring import (
    CONFIDENCE_MARGIN,
    Calibration,
    ScoringText,
    certainty_label,
    confidence_lean,
)
from trainer.gui.cohort_parts import cell as _cell
from trainer.gui.cohort_parts import empty as _empty
from trainer.gui.cohort_parts import mastery_colors
from trainer.gui.cohort_parts import page as _page
from trainer.gui.cohort_parts import table as _table
from trainer.gui.cohort_readiness_tab import practice_page, readiness_page
from trainer.gui.tasks import Report, run_job
from trainer.gui.theme import bold, verdict_colors
from trainer.i18n import Context, number
from trainer.reports.cohort import (
    DAILY_STUDY,
    MIN_ANSWERS,
    Cohort,
    cohort_calibration,
    confident_wrong,
    load_cohort,
    pass_rates,
    path_groups,
)


class CohortViewText(Context):
    """Texts of the cohort page: its tabs, tables, notes and the Open cohort dialogs."""


def _answers(count: int) -> str:
    return CohortViewText.tr("%n answer(s)", "", count)


def _quiz_title(cohort: Cohort, deck: str, quiz: str) -> str:
    # Questions met again in daily study are filed under a quiz of their own.
    if quiz == DAILY_STUDY:
        return CohortViewText.tr("daily study")
    return cohort.quiz_title(deck, quiz)


def _signed(value: float, decimals: int) -> str:
    """A mark with its sign, "+0.25" ("+0,25" in German)."""
    return ("-" if value < 0 else "+") + number(abs(value), decimals)


class CohortView(QWidget):
    """The cohort page: a tab per section, Save as HTML, Back (Esc)."""

    def __init__(self, back: Callable[[], None]) -> None:
        super().__init__()
        self.on_back = back
        self.cohort: Cohort | None = None
        self.setObjectName("cohortView")
        self.title = QLabel()
        self.title.setObjectName("cohortTitle")
        bold(self.title, 1.4)
        self.summary = QLabel()
        self.summary.setObjectName("cohortSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("cohortTabs")
        self.status = QLabel()
        self.status.setObjectName("cohortStatus")
        self.save_button = QPushButton(CohortViewText.tr("Save report as HTML…"))
        self.save_button.setObjectName("saveCohortHtml")
        self.save_button.clicked.connect(self.save_html)
        self.back_button = QPushButton(CohortViewText.tr("Back to decks  (Esc)"))
        self.back_button.setObjectName("cohortBack")
        self.back_button.clicked.connect(back)
        for button in (self.save_button, self.back_button):
            button.setMinimumHeight(36)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_cohort(self, cohort: Cohort, source: str) -> None:
        """Fill the page from a loaded cohort."""
        self.cohort = cohort
        self.title.setText(CohortViewText.tr("Cohort: {source}").format(source=source))
        span = cohort.date_range
        dates = "" if span is None else CohortViewText.tr("; exports from {first} to {last}"
                                                          ).format(first=f"{span[0]:%Y-%m-%d}",
                                                                   last=f"{span[1]:%Y-%m-%d}")
        # "from" asks for its own case of "export(s)" in some languages.
        learners = CohortViewText.tr("%Ln learner(s) from {exports}{dates}.", "",
                                     len(cohort.learners)).format(
            exports=CohortViewText.tr("%Ln export(s)", "after from", cohort.exports_read),
            dates=dates)
        files = CohortViewText.tr("%Ln older export(s) replaced by newer ones, {skipped} "
                                  "skipped.", "", len(cohort.superseded)).format(
            skipped=CohortViewText.tr("%Ln file(s)", "", len(cohort.skipped)))
        self.summary.setText(f"{learners} {files}")
        self.status.clear()
        self.tabs.clear()
        self.tabs.addTab(readiness_page(cohort), CohortViewText.tr("Readiness"))
        self.tabs.addTab(self._heatmap(cohort), CohortViewText.tr("Mastery"))
        self.tabs.addTab(self._pass_rates(cohort), CohortViewText.tr("Quizzes"))
        self.tabs.addTab(self._paths(cohort), CohortViewText.tr("Learning path"))
        self.tabs.addTab(practice_page(cohort), CohortViewText.tr("Practice"))
        self.tabs.addTab(self._confident_wrong(cohort), CohortViewText.tr("Sure but wrong"))
        self.tabs.addTab(self._calibration(cohort), CohortViewText.tr("Calibration"))
        self.tabs.addTab(self._files(cohort), CohortViewText.tr("Files ({skipped} skipped)"
                                                                ).format(
            skipped=len(cohort.skipped)))

    def _heatmap(self, cohort: Cohort) -> QWidget:
        topics = cohort.topics
        if not topics:
            return _empty(CohortViewText.tr("No learner has answered anything yet."),
                          "heatmapEmpty")
        rows = []
        for learner in cohort.learners:
            row = []
            for topic in topics:
                stats = learner.topics.get(topic)
                answers = stats.answers if stats else 0
                lines = [f"{learner.shown_name}, {topic}"]
                mastery = stats.shown_mastery if stats else None
                if mastery is None:
                    lines.append(CohortViewText.tr("Not enough data: {answers}, {needed} needed"
                                                   ).format(answers=_answers(answers),
                                                            needed=MIN_ANSWERS))
                else:
                    lines.append(CohortViewText.tr("Mastery {mastery} from {answers}").format(
                        mastery=f"{mastery:.0%}", answers=_answers(answers)))
                if stats is not None and stats.quiz_accuracy is not None:
                    lines.append(CohortViewText.tr("Quiz answers: {right} of {answers} right "
                                                   "({share})").format(
                        right=stats.quiz_correct, answers=stats.quiz_answers,
                        share=f"{stats.quiz_accuracy:.0%}"))
                if mastery is None:
                    item = _cell("—", "\n".join(lines))
                else:
                    item = _cell(f"{mastery:.0%}", "\n".join(lines))
                    background, text = mastery_colors(mastery)
                    item.setBackground(background)
                    item.setForeground(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                row.append(item)
            rows.append(row)
        table = _table(topics, rows, "heatmap")
        table.setVerticalHeaderLabels([learner.shown_name for learner in cohort.learners])
        table.verticalHeader().setVisible(True)
        for column in range(len(topics)):
            table.setColumnWidth(column, max(110, table.columnWidth(column)))
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        return _page(table, CohortViewText.tr(
            "Mean recall probability (FSRS) of each topic's items at the learner's export; "
            "“—” is not enough data (under %n answer(s)). Hover a cell for its figures.", "",
            MIN_ANSWERS))

    def _pass_rates(self, cohort: Cohort) -> QWidget:
        rates = pass_rates(cohort.learners)
        if not rates:
            return _empty(CohortViewText.tr("Nobody has finished a quiz yet."), "passRatesEmpty")
        titles, total = cohort.deck_titles, len(cohort.learners)
        rows = [[_cell(titles.get(r.deck, r.deck)), _cell(_quiz_title(cohort, r.deck, r.quiz)),
                 _cell(CohortViewText.tr("{done} of {total}").format(done=r.took, total=total),
                       align_right=True),
                 _cell(str(r.passed), align_right=True),
                 _cell(f"{r.rate:.0%}", align_right=True)] for r in rates]
        headers = [CohortViewText.tr("Deck"), CohortViewText.tr("Quiz"),
                   CohortViewText.tr("Finished by"), CohortViewText.tr("Passed"),
                   CohortViewText.tr("Pass rate")]
        return _page(_table(headers, rows, "passRates"), CohortViewText.tr(
            "A learner passed when their best finished attempt reached the pass mark."))

    def _paths(self, cohort: Cohort) -> QWidget:
        groups = path_groups(cohort.learners)
        if not groups:
            return _empty(CohortViewText.tr("No export has a learning path."), "pathsEmpty")
        bad = QColor(verdict_colors()[2])
        rows = []
        for group in groups:
            for learner, standing in group.rows:
                behind = standing.behind
                nxt = standing.next_step
                day = (CohortViewText.tr("not started") if standing.day is None else
                       CohortViewText.tr("day {day}").format(day=standing.day))
                row = [_cell(learner.shown_name), _cell(group.title), _cell(day),
                       _cell(CohortViewText.tr("{done} of {total}").format(
                           done=standing.done, total=len(standing.steps)), align_right=True),
                       _cell("; ".join(s.title for s in behind)
                             or CohortViewText.tr("on track")),
                       _cell(f"{nxt.title} — {nxt.progress}" if nxt
                             else CohortViewText.tr("all done"))]
                if behind:
                    for item in row:
                        item.setForeground(bad)
                rows.append(row)
        behind_total = sum(group.behind for group in groups)
        headers = [CohortViewText.tr("Learner"), CohortViewText.tr("Path"),
                   CohortViewText.tr("Today"), CohortViewText.tr("Steps done"),
                   CohortViewText.tr("Overdue steps"), CohortViewText.tr("Next step")]
        table = _table(headers, rows, "paths", stretch=(4, 5))
        return _page(table, CohortViewText.tr(
            "{behind} behind. Behind: a step whose day has passed is not done, counted on the "
            "day of the learner's export.").format(behind=behind_total))

    def _confident_wrong(self, cohort: Cohort) -> QWidget:
        found = confident_wrong(cohort.learners)
        if not found:
            return _empty(CohortViewText.tr("No answer was wrong at high certainty."),
                          "confidentWrongEmpty")
        titles = cohort.deck_titles
        rows = [[_cell(c.label, c.label), _cell(titles.get(c.deck, c.deck)),
                 _cell(", ".join(_quiz_title(cohort, c.deck, q) for q in c.quizzes)),
                 _cell(str(c.answers), align_right=True),
                 _cell(str(c.learners), align_right=True)] for c in found]
        headers = [CohortViewText.tr("Question"), CohortViewText.tr("Deck"),
                   CohortViewText.tr("Quiz"), CohortViewText.tr("Wrong, sure"),
                   CohortViewText.tr("Learners")]
        return _page(_table(headers, rows, "confidentWrong", stretch=(0,)), CohortViewText.tr(
            "Questions answered wrong at high certainty: a belief to correct, not a gap to "
            "fill."))

    def _calibration(self, cohort: Cohort) -> QWidget:
        good, _partial, bad = (QColor(c) for c in verdict_colors())

        def row(name: str, calibration: Calibration) -> list[QTableWidgetItem]:
            cells = [_cell(name)]
            for level in calibration.levels:
                if level.answers and level.accuracy is not None:
                    item = _cell(CohortViewText.tr("{share} of {answers}").format(
                        share=f"{level.accuracy:.0%}", answers=level.answers), align_right=True)
                    if (level.overconfidence or 0) > CONFIDENCE_MARGIN:
                        item.setForeground(bad)
                else:
                    item = _cell("—", align_right=True)
                cells.append(item)
            over = calibration.overconfidence
            if over is None:
                verdict = _cell(CohortViewText.tr("no answers with certainty"))
            else:
                lean = confidence_lean(over)
                verdict = _cell(CohortViewText.tr("{lean} ({points} points)").format(
                    lean=ScoringText.tr(lean), points=f"{over * 100:+.0f}"))
                color = {"overconfident": bad, "well calibrated": good}.get(lean)
                if color is not None:
                    verdict.setForeground(color)
            cbm, resolution = calibration.cbm_average, calibration.resolution
            return [*cells, verdict,
                    _cell("—" if cbm is None else _signed(cbm, 2), align_right=True),
                    _cell("—" if resolution is None else number(resolution, 2),
                          align_right=True)]

        rows = [row(learner.shown_name, learner.calibration) for learner in cohort.learners]
        rows.append(row(CohortViewText.tr("Whole cohort"), cohort_calibration(cohort.learners)))
        headers = [CohortViewText.tr("Learner"), *(certainty_label(level) for level in (1, 2, 3)),
                   CohortViewText.tr("Calibration"), CohortViewText.tr("Certainty mark"),
                   CohortViewText.tr("Resolution")]
        return _page(_table(headers, rows, "calibration"), CohortViewText.tr(
            "Share of quiz answers right at each certainty level (low stands for 50%, medium "
            "74%, high 90%); overconfident is flagged above 15 points. The certainty mark is "
            "the mean mark per answer, from −6 to +3. Resolution says whether being sure goes "
            "with being right at all: 0 not at all, 1 perfectly (shown once answers use two "
            "certainty levels)."))

    def _files(self, cohort: Cohort) -> QWidget:
        rows = [[_cell(str(s.path), str(s.path)), _cell(CohortViewText.tr("skipped")),
                 _cell(why, why)] for s in cohort.skipped for why in [s.reason.translated()]]
        rows += [[_cell(str(s.path), str(s.path)), _cell(CohortViewText.tr("replaced")),
                  _cell(CohortViewText.tr("a newer export of the same learner: {file}").format(
                      file=s.kept))]
                 for s in cohort.superseded]
        if not rows:
            return _empty(CohortViewText.tr("Every file was used."), "filesEmpty")
        return _page(_table([CohortViewText.tr("File"), "", CohortViewText.tr("Why")], rows,
                            "files", stretch=(2,)))

    def save_html(self) -> None:
        """Ask where, then write the same HTML file as ``trainer cohort report``."""
        from trainer.reports.cohort_output import write_report

        if self.cohort is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, CohortViewText.tr("Save report as HTML"),
                                              "cohort-report.html",
                                              CohortViewText.tr("HTML files (*.html)"))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_name(path.name + ".html")
        try:
            write_report(self.cohort, path)
        except TrainerError as exc:
            QMessageBox.warning(self, CohortViewText.tr("Save report"), str(exc))
            return
        self.status.setText(CohortViewText.tr("Saved {path}").format(path=path))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back to the deck list."""
        if event.key() == Qt.Key.Key_Escape:
            self.on_back()
        else:
            super().keyPressEvent(event)


def open_folder(parent: QWidget, folder: Path, page: Callable[[], CohortView],
                show: Callable[[QWidget], None]) -> bool:
    """Load a folder of exports and ``show`` it on the ``page`` (built on first use); a
    folder with none usable is explained in a dialog over ``parent`` and the window stays
    where it was."""
    def job(report: Report) -> Cohort:
        report(0, 0, CohortViewText.tr("Reading the exports in {folder}…").format(
            folder=folder.name or folder))
        return load_cohort([folder], progress=lambda done, total, name: report(
            done, total, CohortViewText.tr("Read {done} of {total}: {file}").format(
                done=done, total=total, file=name)))

    cohort: Cohort = run_job(parent, CohortViewText.tr("Reading the exports…"), job)
    if not cohort.learners:
        reasons = "\n".join(f"• {s.path.name}: {s.reason.translated()}"
                            for s in cohort.skipped[:15])
        more = len(cohort.skipped) - 15
        if more > 0:
            reasons += "\n" + CohortViewText.tr("…and {more} more").format(more=more)
        text = CohortViewText.tr("No usable progress export in {folder}.").format(folder=folder)
        if reasons:
            text += "\n\n" + CohortViewText.tr("Skipped:") + "\n" + reasons
        else:
            text += "\n\n" + CohortViewText.tr("It holds no .json files.")
        QMessageBox.warning(parent, CohortViewText.tr("Open cohort"), text)
        return False
    view = page()
    view.show_cohort(cohort, folder.name or str(folder))
    show(view)
    view.setFocus()
    return True


def open_from(parent: QWidget, page: Callable[[], CohortView],
              show: Callable[[QWidget], None]) -> None:
    """File > Open cohort…: pick the folder the reps' exports were collected in."""
    folder = QFileDialog.getExistingDirectory(
        parent, CohortViewText.tr("Open cohort: folder of progress exports"))
    if folder:
        open_folder(parent, Path(folder), page, show)
