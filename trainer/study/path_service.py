"""Learning paths: which steps are done, which comes next, and who is behind.

A deck step is done once that many of the deck's cards have been studied (answered at
least once); a quiz step once a whole attempt reached the pass mark; a self-assessment
step once it has been taken, and a later step naming the same self-assessment (a
retake) once it has been taken that many times. Day 1 is the day the learner first saw
the path.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import NamedTuple

from trainer.clock import Clock
from trainer.domain.quiz import LearningPath, PathStep
from trainer.i18n import Context, number
from trainer.storage.store import Store
from trainer.storage.timefmt import from_db, to_db
from trainer.study.service import StudyService


class PathServiceText(Context):
    """Step titles and progress of the learning paths, as the home screen shows them."""


DEFAULT_DECK_CARDS = 20  # one day's new cards


class StepStatus(NamedTuple):
    """A step with its title and how far the learner is."""

    step: PathStep
    title: str
    done: bool
    progress: str  # e.g. "12 of 20 cards", "best 64% (pass 70%)", "not taken yet"


class PathProgress(NamedTuple):
    """A path as the home screen shows it."""

    deck_id: str
    path: LearningPath
    steps: tuple[StepStatus, ...]
    day: int  # today is day N of the path

    @property
    def done(self) -> int:
        """Steps completed."""
        return sum(s.done for s in self.steps)

    @property
    def next_step(self) -> StepStatus | None:
        """The first step not yet done."""
        return next((s for s in self.steps if not s.done), None)

    @property
    def behind(self) -> list[StepStatus]:
        """Steps whose day has passed without being done."""
        return [s for s in self.steps if not s.done and s.step.day < self.day]


class PathService:
    """Progress on the installed learning paths."""

    def __init__(self, db: Store, clock: Clock, study: StudyService) -> None:
        self.db = db
        self.clock = clock
        self.study = study

    def paths(self) -> list[tuple[str, LearningPath]]:
        """Installed paths as (deck id, path)."""
        out = []
        for deck_id, key, title, description, body in self.db.execute(
                "SELECT deck_id, key, title, description, body FROM paths WHERE retired = 0 "
                "ORDER BY deck_id, position"):
            steps = tuple(PathStep(**s) for s in json.loads(body))
            out.append((deck_id, LearningPath(key, title, steps, description)))
        return out

    def progress(self) -> list[PathProgress]:
        """Every path with the status of each step (starting any path seen for the first
        time today)."""
        return [self._progress(deck_id, path) for deck_id, path in self.paths()]

    def started_at(self, deck_id: str, key: str) -> datetime | None:
        """When the learner first saw a path, or None if never (reads only)."""
        row = self.db.execute("SELECT started_at FROM path_starts WHERE deck_id = ? AND key = ?",
                              [deck_id, key]).fetchone()
        return None if row is None else from_db(row[0])

    def day_of(self, started: datetime) -> int:
        """Today is day N of a path started at ``started`` (day 1 is the start's day)."""
        first = self.study.day(started).start
        return max(1, (self.study.day().start - first).days + 1)

    def _started(self, deck_id: str, key: str) -> int:
        started = self.started_at(deck_id, key)
        if started is None:
            with self.db.atomic():
                self.db.execute("INSERT INTO path_starts VALUES (?, ?, ?)",
                                [deck_id, key, to_db(self.clock())])
            return 1
        return self.day_of(started)

    def _progress(self, deck_id: str, path: LearningPath) -> PathProgress:
        return PathProgress(deck_id, path, self.statuses(path),
                            self._started(deck_id, path.id))

    def statuses(self, path: LearningPath) -> tuple[StepStatus, ...]:
        """Every step's status, in order (reads only)."""
        seen: dict[str, int] = {}
        out = []
        for step in path.steps:
            if step.kind == "assessment":
                seen[step.target] = seen.get(step.target, 0) + 1
            out.append(self.step_status(step, seen.get(step.target, 1)))
        return tuple(out)

    def step_status(self, step: PathStep, occurrence: int = 1) -> StepStatus:
        """How far the learner is on one step (reads only). ``occurrence`` is 2 for the
        second step naming the same self-assessment (a retake), and so on."""
        deck_id, _, item = step.target.partition("/")
        if step.kind == "deck":
            total = self.db.execute("SELECT title, (SELECT count(*) FROM items WHERE deck_id = ?"
                                    " AND kind = 'card' AND retired = 0) FROM decks WHERE id = ?",
                                    [deck_id, deck_id]).fetchone()
            if total is None:
                return StepStatus(step, step.title or deck_id, False,
                                  PathServiceText.tr("deck not installed"))
            need = min(step.cards or DEFAULT_DECK_CARDS, total[1]) or 1
            studied = self.db.execute(
                "SELECT count(*) FROM item_state s JOIN items i ON i.id = s.item_id "
                "WHERE s.deck_id = ? AND s.phase > 0 AND i.kind = 'card' AND i.retired = 0",
                [deck_id]).fetchone()[0]
            return StepStatus(
                step, step.title or PathServiceText.tr("Study {deck}").format(deck=total[0]),
                # "cards" even for one, as progress files have always said it; a
                # translation still takes the plural.
                studied >= need, PathServiceText.tr("{studied} of %n cards", "", need).format(
                    studied=min(studied, need)))
        if step.kind == "quiz":
            row = self.db.execute("SELECT title, pass_mark, questions FROM quizzes "
                                  "WHERE deck_id = ? AND key = ?", [deck_id, item]).fetchone()
            if row is None:
                return StepStatus(step, step.title or item, False,
                                  PathServiceText.tr("quiz not installed"))
            mark = step.pass_mark if step.pass_mark is not None else row[1]
            best = self.db.execute(
                "SELECT max(total * 100.0 / json_array_length(t.plan)) FROM quiz_attempts t "
                "JOIN (SELECT attempt_id, sum(score) AS total FROM quiz_answers "
                "GROUP BY attempt_id) s ON s.attempt_id = t.id WHERE t.deck_id = ? AND "
                "t.quiz_key = ? AND t.kind = 'quiz' AND t.finished_at IS NOT NULL",
                [deck_id, item]).fetchone()[0]
            progress = (PathServiceText.tr("not taken yet") if best is None else
                        PathServiceText.tr("best {best}% (pass {mark}%)").format(
                            best=number(best), mark=mark))
            return StepStatus(
                step, step.title or PathServiceText.tr("Pass the quiz: {quiz}").format(quiz=row[0]),
                best is not None and best >= mark, progress)
        row = self.db.execute("SELECT title FROM assessments WHERE deck_id = ? AND key = ?",
                              [deck_id, item]).fetchone()
        if row is None:
            return StepStatus(step, step.title or item, False,
                              PathServiceText.tr("self-check not installed"))
        taken = self.db.execute("SELECT count(*) FROM assessment_attempts WHERE deck_id = ? "
                                "AND assessment_key = ? AND finished_at IS NOT NULL",
                                [deck_id, item]).fetchone()[0]
        if occurrence > 1:
            return StepStatus(
                step, step.title or PathServiceText.tr("Retake the self-check: {check}").format(
                    check=row[0]),
                taken >= occurrence,
                PathServiceText.tr("taken again") if taken >= occurrence else _retake(taken))
        return StepStatus(
            step, step.title or PathServiceText.tr("Take the self-check: {check}").format(
                check=row[0]),
            taken > 0,
            PathServiceText.tr("taken") if taken else PathServiceText.tr("not taken yet"))


def _retake(taken: int) -> str:
    """Progress on a retake not yet made, after ``taken`` attempts in all."""
    if taken == 0:
        return PathServiceText.tr("taken not yet; take it again to see how you moved")
    if taken == 1:
        return PathServiceText.tr("taken once; take it again to see how you moved")
    if taken == 2:
        return PathServiceText.tr("taken twice; take it again to see how you moved")
    return PathServiceText.tr("taken %n times; take it again to see how you moved", "", taken)
