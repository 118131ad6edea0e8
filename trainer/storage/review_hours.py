"""The hourly summary of the answer log (``review_hours``, migration 0012): what its
columns count, and checking and rebuilding it from the log for Check Database.

Triggers on ``reviews`` keep it exact; a file changed by something else (another
program, a damaged and repaired file) may not be, and a repair sums it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.storage.store import Store


@dataclass(frozen=True)
class CountColumn:
    """A column counting the answers of one class given with one button."""

    name: str
    phase_before: int  # the class's phase (learning: 1, standing for any other)
    mature: bool
    rating: int


# As migration 0012 made them: class name, the SQL that tells an answer of it, its phase
# and maturity as the statistics see them.
_CLASSES = (
    ("new", "phase_before = 0", 0, False),
    ("learning", "phase_before NOT IN (0, 2, 3)", 1, False),
    ("relearning", "phase_before = 3", 3, False),
    ("young", "phase_before = 2 AND ifnull(mature, 0) = 0", 2, False),
    ("mature", "phase_before = 2 AND ifnull(mature, 0) <> 0", 2, True),
)
_BUTTONS = ("again", "hard", "good", "easy")
COUNT_COLUMNS = tuple(CountColumn(f"{name}_{button}", phase, mature, rating)
                      for name, _, phase, mature in _CLASSES
                      for rating, button in enumerate(_BUTTONS, 1))
_KEY = "hour, deck_id, topic"
_COLUMNS = f"{_KEY}, answers, duration_ms, " + ", ".join(
    c.name for c in COUNT_COLUMNS)
# The summary as the log says it should be.
_FROM_LOG = (
    "SELECT substr(reviewed_at, 1, 13) AS hour, deck_id, ifnull(topic, x'') AS topic, "
    "count(*), "
    "sum(duration_ms), " + ", ".join(
        f"sum({test} AND rating = {rating})" for _, test, _, _ in _CLASSES
        for rating in range(1, len(_BUTTONS) + 1))
    + " FROM reviews GROUP BY 1, 2, 3")


def mismatched_hours(db: Store) -> int:
    """How many summary rows differ from what the log says (missing, extra or wrong)."""
    summary = f"SELECT {_COLUMNS} FROM review_hours"
    return int(db.execute(
        f"SELECT count(*) FROM (SELECT {_KEY} FROM ({summary} EXCEPT {_FROM_LOG}) "
        f"UNION SELECT {_KEY} FROM ({_FROM_LOG} EXCEPT {summary}))").fetchone()[0])


def rebuild(db: Store) -> None:
    """Sum the summary again from the log."""
    with db.atomic():
        db.execute("DELETE FROM review_hours")
        db.execute(f"INSERT INTO review_hours ({_COLUMNS}) {_FROM_LOG}")
