"""The home screen's daily nudge: today's goal (what today's queue held, and how much
of it is done) and the study streak (days in a row with at least one answer)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from trainer.i18n import Context
from trainer.storage.timefmt import to_db
from trainer.study.service import StudyService


class StreakText(Context):
    """Today's goal and the study streak, as the home screen says them."""


# Only this far back is read for the streak: a longer one is shown as "365+ days".
STREAK_LIMIT_DAYS = 365


class Today(NamedTuple):
    """Today's goal and streak."""

    answered: int  # answers given today
    left: int  # items still waiting today (new, learning and due)
    streak: int  # study days in a row up to today (or yesterday, before today's study)
    studied_today: bool

    @property
    def goal(self) -> int:
        """Today's whole goal: what is done and what is left."""
        return self.answered + self.left


def today(study: StudyService, now: datetime | None = None, left: int | None = None
          ) -> Today:
    """Today's figures, from the review log (one indexed query per day of the streak,
    so a heavy rep's year of answers is never read) and today's queue (``left``, when
    the caller has just counted it)."""
    now = now or study.clock()
    day = study.day(now)

    def answers(start: datetime, end: datetime) -> int:
        return int(study.db.execute(
            "SELECT count(*) FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?",
            [to_db(start), to_db(end)]).fetchone()[0])

    answered = answers(day.start, day.end)
    streak = 1 if answered else 0
    # Day by day back from yesterday, each bounded by the study day's own start.
    cursor = day.start - timedelta(hours=12)
    while streak < STREAK_LIMIT_DAYS:
        earlier = study.day(cursor)
        if not study.db.execute(
                "SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ? LIMIT 1",
                [to_db(earlier.start), to_db(earlier.end)]).fetchone():
            break
        streak += 1
        cursor = earlier.start - timedelta(hours=12)
    if left is None:
        left = sum(row.counts.total for row in study.deck_counts())
    return Today(answered, left, streak, answered > 0)


def line(figures: Today) -> str:
    """The nudge as the home screen says it."""
    if figures.goal == 0:
        goal = StreakText.tr("Nothing due today.")
    elif figures.left == 0:
        goal = StreakText.tr("Today's goal done: %n answer(s).", "", figures.answered)
    else:
        goal = StreakText.tr("Today: {answered} of {goal} done.").format(
            answered=figures.answered, goal=figures.goal)
    if figures.streak >= STREAK_LIMIT_DAYS:
        streak = StreakText.tr("{days}+ days in a row.").format(days=STREAK_LIMIT_DAYS)
    elif figures.streak and figures.studied_today:
        streak = StreakText.tr("%n day(s) in a row.", "", figures.streak)
    elif figures.streak:
        streak = StreakText.tr("%n day(s) in a row (study today to keep it).", "",
                               figures.streak)
    else:
        streak = StreakText.tr("Start a streak: study today.")
    return f"{goal} {streak}"
