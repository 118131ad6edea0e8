"""A cohort made the way a trainer gets one: reps study in their own profiles (through
the real services, on fake clocks), export with the real progress exporter, and the
files land in one folder beside a few that do not belong there.

The reps, all on tests/data/quiz_deck.toml and its "Test week" path (day 1: study the
card, pass "mixed" at 80%; day 2: the "ready" self-check):

- Ana studies the card and passes "mixed" (every answer right, high certainty) on day 1
  and exports ("ana-monday.json"); on day 2 she retakes it with q-single and q-tf wrong
  at high certainty and exports again ("ana-tuesday.json", the newer one).
- "<script>alert(1)</script>" takes "mixed" on day 1 with q-single, q-tf and q-scenario
  wrong at high certainty (50%: failed), studies nothing and exports on day 4.
- The third rep gives no name, studies the card on day 1 and exports on day 2.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.reports.progress_export import write_export

DATA = Path(__file__).resolve().parents[1] / "data"
START = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
SETTINGS = StudySettings(fuzz=False, timezone=UTC)
SCRIPT_NAME = "<script>alert(1)</script>"
RIGHT = {
    "q-single": Response(chosen=("b",)),
    "q-multi": Response(chosen=("a", "b")),
    "q-tf": Response(truth=False),
    "q-scenario": Response(chosen=("a",)),
    "q-match": Response(matches=("1", "2", "3")),
    "q-order": Response(order=("first", "second", "third", "fourth")),
}
WRONG = {
    "q-single": Response(chosen=("a",)),
    "q-tf": Response(truth=True),
    "q-scenario": Response(chosen=("b",)),
}


@dataclass(frozen=True)
class CohortFiles:
    """The folder a trainer collected, and the files in it by role."""

    folder: Path
    ana_old: Path
    ana_new: Path
    script: Path
    nameless: Path
    foreign: Path
    broken: Path
    newer: Path
    huge: Path

    @property
    def exports(self) -> list[Path]:
        """The three learners' usable newest exports."""
        return [self.ana_new, self.script, self.nameless]

    def load(self, path: Path) -> Any:
        """A file's JSON."""
        return json.loads(path.read_text(encoding="utf-8"))


def _profile(root: Path, name: str, clock: FakeClock, decks: Path) -> Services:
    services = open_services(Config(root / name), clock, SETTINGS, decks)
    services.paths.progress()  # the home screen starts the path on the first day
    return services


def _take_quiz(services: Services, wrong: set[str]) -> None:
    run = services.quizzes.start("qdeck", "mixed")
    while (asked := run.current()) is not None:
        key = asked.question.id
        run.answer(WRONG[key] if key in wrong else RIGHT[key], 3)
        run.advance()
    run.finish()


def _study_card(services: Services) -> None:
    session = services.study.start("qdeck")
    session.answer(Rating.GOOD)
    session.finish()


def build_cohort(root: Path) -> CohortFiles:
    """Make the three profiles, their exports and the stray files under ``root``."""
    decks = root / "decks"
    decks.mkdir()
    shutil.copy(DATA / "quiz_deck.toml", decks)
    folder = root / "collected"
    folder.mkdir()

    clock = FakeClock(START)
    ana = _profile(root, "ana", clock, decks)
    _study_card(ana)
    _take_quiz(ana, set())
    ana_old = folder / "ana-monday.json"
    write_export(ana.db, clock, ana_old, "Ana", settings=SETTINGS)
    clock.advance(timedelta(days=1))
    _take_quiz(ana, {"q-single", "q-tf"})
    ana_new = folder / "ana-tuesday.json"
    write_export(ana.db, clock, ana_new, settings=SETTINGS)
    ana.close()

    clock = FakeClock(START)
    bo = _profile(root, "bo", clock, decks)
    _take_quiz(bo, {"q-single", "q-tf", "q-scenario"})
    clock.advance(timedelta(days=3))
    script = folder / "bo.json"
    write_export(bo.db, clock, script, SCRIPT_NAME, settings=SETTINGS)
    bo.close()

    clock = FakeClock(START)
    cy = _profile(root, "cy", clock, decks)
    _study_card(cy)
    clock.advance(timedelta(days=1))
    nameless = folder / "progress.json"
    write_export(cy.db, clock, nameless, settings=SETTINGS)
    cy.close()

    foreign = folder / "package.json"
    foreign.write_text('{"name": "left-pad", "version": "1.3.0"}\n', encoding="utf-8")
    broken = folder / "broken.json"
    broken.write_text('{"format": "sales-trainer-progress",\n  "version": 1,\n',
                      encoding="utf-8")
    newer = folder / "from-the-future.json"
    doc = json.loads(nameless.read_text(encoding="utf-8"))
    doc["version"] = 2
    newer.write_text(json.dumps(doc), encoding="utf-8")
    huge = folder / "huge.json"
    huge.write_text(" " * 300_000 + "{}", encoding="utf-8")  # over the tests' size limit
    (folder / "notes.txt").write_text("not an export, and not named .json\n", encoding="utf-8")
    return CohortFiles(folder, ana_old, ana_new, script, nameless, foreign, broken, newer,
                       huge)
