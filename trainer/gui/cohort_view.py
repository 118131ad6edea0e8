"""File > Open cohort…: a trainer's view of reps' progress exports, in native widgets.

The figures come from trainer.reports.cohort, the same code the ``trainer cohort report``
command uses, and "Save report as HTML…" writes exactly the command's file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
from trainer.domain.scoring import CONFIDENCE_MARGIN, Calibration, confidence_lean
from trainer.gui.cohort_parts import cell as _cell
from trainer.gui.cohort_parts import empty as _empty
from trainer.gui.cohort_parts import mastery_colors
from trainer.gui.cohort_parts import page as _page
from trainer.gui.cohort_parts import table as _table
from trainer.gui.cohort_readiness_tab import practice_page, readiness_page
from trainer.gui.tasks import Report, run_job
from trainer.gui.theme import bold, verdict_colors
from trainer.reports.cohort import (
    MIN_ANSWERS,
    Cohort,
    cohort_calibration,
    confident_wrong,
    load_cohort,
    pass_rates,
    path_groups,
)
from trainer.study.wording import count

if TYPE_CHECKING:
    from trainer.gui.main_window import MainWindow

def _answers(count: int) -> str:
    return "1 answer" if count == 1 else f"{count} answers"


class CohortView(QWidget):
    """The cohort page: a tab per section, Save as HTML, Back (Esc)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
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
        self.save_button = QPushButton("Save report as HTML…")
        self.save_button.setObjectName("saveCohortHtml")
        self.save_button.clicked.connect(self.save_html)
        self.back_button = QPushButton("Back to decks  (Esc)")
        self.back_button.setObjectName("cohortBack")
        self.back_button.clicked.connect(window.show_decks)
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
        self.title.setText(f"Cohort: {source}")
        span = cohort.date_range
        dates = "" if span is None else (f"; exports from {span[0]:%Y-%m-%d} "
                                         f"to {span[1]:%Y-%m-%d}")
        self.summary.setText(
            f"{count(len(cohort.learners), 'learner')} from "
            f"{count(cohort.exports_read, 'export')}{dates}. "
            f"{count(len(cohort.superseded), 'older export')} replaced by newer ones, "
            f"{count(len(cohort.skipped), 'file')} skipped.")
        self.status.clear()
        self.tabs.clear()
        self.tabs.addTab(readiness_page(cohort), "Readiness")
        self.tabs.addTab(self._heatmap(cohort), "Mastery")
        self.tabs.addTab(self._pass_rates(cohort), "Quizzes")
        self.tabs.addTab(self._paths(cohort), "Learning path")
        self.tabs.addTab(practice_page(cohort), "Practice")
        self.tabs.addTab(self._confident_wrong(cohort), "Sure but wrong")
        self.tabs.addTab(self._calibration(cohort), "Calibration")
        self.tabs.addTab(self._files(cohort), f"Files ({len(cohort.skipped)} skipped)")

    def _heatmap(self, cohort: Cohort) -> QWidget:
        topics = cohort.topics
        if not topics:
            return _empty("No learner has answered anything yet.", "heatmapEmpty")
        rows = []
        for learner in cohort.learners:
            row = []
            for topic in topics:
                stats = learner.topics.get(topic)
                answers = stats.answers if stats else 0
                quiz = ""
                if stats is not None and stats.quiz_accuracy is not None:
                    quiz = (f"\nQuiz answers: {stats.quiz_correct} of {stats.quiz_answers} "
                            f"right ({stats.quiz_accuracy:.0%})")
                shown = stats.shown_mastery if stats else None
                if shown is None:
                    item = _cell("—", f"{learner.name}, {topic}\nNot enough data: "
                                      f"{_answers(answers)}, {MIN_ANSWERS} needed{quiz}")
                else:
                    item = _cell(f"{shown:.0%}", f"{learner.name}, {topic}\nMastery "
                                                 f"{shown:.0%} from {_answers(answers)}{quiz}")
                    background, text = mastery_colors(shown)
                    item.setBackground(background)
                    item.setForeground(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                row.append(item)
            rows.append(row)
        table = _table(topics, rows, "heatmap")
        table.setVerticalHeaderLabels([learner.name for learner in cohort.learners])
        table.verticalHeader().setVisible(True)
        for column in range(len(topics)):
            table.setColumnWidth(column, max(110, table.columnWidth(column)))
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        return _page(table, f"Mean recall probability (FSRS) of each topic's items at the "
                            f"learner's export; “—” is not enough data (under {MIN_ANSWERS} "
                            "answers). Hover a cell for its figures.")

    def _pass_rates(self, cohort: Cohort) -> QWidget:
        rates = pass_rates(cohort.learners)
        if not rates:
            return _empty("Nobody has finished a quiz yet.", "passRatesEmpty")
        titles, total = cohort.deck_titles, len(cohort.learners)
        rows = [[_cell(titles.get(r.deck, r.deck)), _cell(cohort.quiz_title(r.deck, r.quiz)),
                 _cell(f"{r.took} of {total}", align_right=True),
                 _cell(str(r.passed), align_right=True),
                 _cell(f"{r.rate:.0%}", align_right=True)] for r in rates]
        return _page(_table(["Deck", "Quiz", "Finished by", "Passed", "Pass rate"], rows,
                            "passRates"),
                     "A learner passed when their best finished attempt reached the pass mark.")

    def _paths(self, cohort: Cohort) -> QWidget:
        groups = path_groups(cohort.learners)
        if not groups:
            return _empty("No export has a learning path.", "pathsEmpty")
        bad = QColor(verdict_colors()[2])
        rows = []
        for group in groups:
            for learner, standing in group.rows:
                behind = standing.behind
                nxt = standing.next_step
                row = [_cell(learner.name), _cell(group.title),
                       _cell("not started" if standing.day is None else f"day {standing.day}"),
                       _cell(f"{standing.done} of {len(standing.steps)}", align_right=True),
                       _cell("; ".join(s.title for s in behind) or "on track"),
                       _cell(f"{nxt.title} — {nxt.progress}" if nxt else "all done")]
                if behind:
                    for item in row:
                        item.setForeground(bad)
                rows.append(row)
        behind_total = sum(group.behind for group in groups)
        table = _table(["Learner", "Path", "Today", "Steps done", "Overdue steps", "Next step"],
                       rows, "paths", stretch=(4, 5))
        return _page(table, f"{behind_total} behind. Behind: a step whose day has passed is "
                            "not done, counted on the day of the learner's export.")

    def _confident_wrong(self, cohort: Cohort) -> QWidget:
        found = confident_wrong(cohort.learners)
        if not found:
            return _empty("No answer was wrong at high certainty.", "confidentWrongEmpty")
        titles = cohort.deck_titles
        rows = [[_cell(c.label, c.label), _cell(titles.get(c.deck, c.deck)),
                 _cell(", ".join(cohort.quiz_title(c.deck, q) for q in c.quizzes)),
                 _cell(str(c.answers), align_right=True),
                 _cell(str(c.learners), align_right=True)] for c in found]
        return _page(_table(["Question", "Deck", "Quiz", "Wrong, sure", "Learners"], rows,
                            "confidentWrong", stretch=(0,)),
                     "Questions answered wrong at high certainty: a belief to correct, not a "
                     "gap to fill.")

    def _calibration(self, cohort: Cohort) -> QWidget:
        good, _partial, bad = (QColor(c) for c in verdict_colors())

        def row(name: str, calibration: Calibration) -> list[QTableWidgetItem]:
            cells = [_cell(name)]
            for level in calibration.levels:
                if level.answers and level.accuracy is not None:
                    item = _cell(f"{level.accuracy:.0%} of {level.answers}", align_right=True)
                    if (level.overconfidence or 0) > CONFIDENCE_MARGIN:
                        item.setForeground(bad)
                else:
                    item = _cell("—", align_right=True)
                cells.append(item)
            over = calibration.overconfidence
            if over is None:
                verdict = _cell("no answers with certainty")
            else:
                lean = confidence_lean(over)
                verdict = _cell(f"{lean} ({over * 100:+.0f} points)")
                color = {"overconfident": bad, "well calibrated": good}.get(lean)
                if color is not None:
                    verdict.setForeground(color)
            cbm, resolution = calibration.cbm_average, calibration.resolution
            return [*cells, verdict,
                    _cell("—" if cbm is None else f"{cbm:+.2f}", align_right=True),
                    _cell("—" if resolution is None else f"{resolution:.2f}",
                          align_right=True)]

        rows = [row(learner.name, learner.calibration) for learner in cohort.learners]
        rows.append(row("Whole cohort", cohort_calibration(cohort.learners)))
        return _page(_table(["Learner", "Low", "Medium", "High", "Calibration",
                             "Certainty mark", "Resolution"], rows, "calibration"),
                     "Share of quiz answers right at each certainty level (low stands for 50%, "
                     "medium 74%, high 90%); overconfident is flagged above 15 points. The "
                     "certainty mark is the mean mark per answer, from −6 to +3. Resolution "
                     "says whether being sure goes with being right at all: 0 not at all, "
                     "1 perfectly (shown once answers use two certainty levels).")

    def _files(self, cohort: Cohort) -> QWidget:
        rows = [[_cell(str(s.path), str(s.path)), _cell("skipped"), _cell(s.reason, s.reason)]
                for s in cohort.skipped]
        rows += [[_cell(str(s.path), str(s.path)), _cell("replaced"),
                  _cell(f"a newer export of the same learner: {s.kept}")]
                 for s in cohort.superseded]
        if not rows:
            return _empty("Every file was used.", "filesEmpty")
        return _page(_table(["File", "", "Why"], rows, "files", stretch=(2,)))

    def save_html(self) -> None:
        """Ask where, then write the same HTML file as ``trainer cohort report``."""
        from trainer.reports.cohort_output import write_report

        if self.cohort is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Save report as HTML",
                                              "cohort-report.html", "HTML files (*.html)")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_name(path.name + ".html")
        try:
            write_report(self.cohort, path)
        except TrainerError as exc:
            QMessageBox.warning(self, "Save report", str(exc))
            return
        self.status.setText(f"Saved {path}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back to the deck list."""
        if event.key() == Qt.Key.Key_Escape:
            self.window_.show_decks()
        else:
            super().keyPressEvent(event)


def _view(window: MainWindow) -> CohortView:
    for index in range(window.stack.count()):
        widget = window.stack.widget(index)
        if isinstance(widget, CohortView):
            return widget
    view = CohortView(window)
    window.stack.addWidget(view)
    return view


def open_folder(window: MainWindow, folder: Path) -> bool:
    """Load a folder of exports and show it; a folder with none usable is explained in a
    dialog and the window stays where it was."""
    def job(report: Report) -> Cohort:
        report(0, 0, f"Reading the exports in {folder.name or folder}…")
        return load_cohort([folder], progress=lambda done, total, name: report(
            done, total, f"Read {done} of {total}: {name}"))

    cohort: Cohort = run_job(window, "Reading the exports…", job)
    if not cohort.learners:
        reasons = "\n".join(f"• {s.path.name}: {s.reason}" for s in cohort.skipped[:15])
        more = len(cohort.skipped) - 15
        if more > 0:
            reasons += f"\n…and {more} more"
        QMessageBox.warning(window, "Open cohort",
                            f"No usable progress export in {folder}."
                            + (f"\n\nSkipped:\n{reasons}" if reasons else
                               "\n\nIt holds no .json files."))
        return False
    view = _view(window)
    view.show_cohort(cohort, folder.name or str(folder))
    window.stack.setCurrentWidget(view)
    view.setFocus()
    return True


def open_from(window: MainWindow) -> None:
    """File > Open cohort…: pick the folder the reps' exports were collected in."""
    folder = QFileDialog.getExistingDirectory(window, "Open cohort: folder of progress exports")
    if folder:
        open_folder(window, Path(folder))
