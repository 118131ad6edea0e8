"""A CSV or GIFT file whose name makes the id of a deck that came another way (built in,
from a deck package or file) comes in as a deck of its own: it never retires that
deck's cards and the rep's progress on them."""

from __future__ import annotations

import shutil
from pathlib import Path

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings

DATA = Path(__file__).resolve().parents[1] / "data"
GIFT = DATA / "gift" / "moodle_examples.gift.txt"


def said(plan_lines: list[str], text: str) -> bool:
    return any(text in line for line in plan_lines)


def active(svc: Services, deck_id: str) -> dict[str, int]:
    return {r[0]: r[1] for r in svc.db.execute(
        "SELECT key, id FROM items WHERE deck_id = ? AND retired = 0", [deck_id])}


def test_a_csv_named_like_a_built_in_deck_leaves_it_and_stays_after_a_restart(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, card_decks: Path) -> None:
    config = Config(tmp_path / "data")
    svc = open_services(config, clock, settings, card_decks)
    try:
        session = svc.study.start("cards")
        session.answer(Rating.GOOD)
        session.finish()
        built_in = active(svc, "cards")
        sheet = tmp_path / "cards.csv"
        sheet.write_text("Front,Back\nColleague tip 1,Use the buyer's words\n"
                         "Colleague tip 2,Take notes\n", encoding="utf-8")
        plan = svc.imports.prepare(sheet)
        [change] = plan.changes
        assert change.deck.id == "cards-csv" and change.plan.retired == []
        assert not plan.needs_agreement
        assert said(plan.summary(), "comes in as a deck of its own ('cards-csv'): the "
                    "installed deck 'Practice cards' has that id but came from the app's "
                    "built-in decks, and this file leaves it alone")
        svc.imports.apply(plan)
        assert active(svc, "cards") == built_in
        assert svc.db.execute("SELECT count(*) FROM reviews").fetchone() == (1,)
    finally:
        svc.close()
    # The next start installs the built-in decks again: the spreadsheet's cards stay.
    svc = open_services(config, clock, settings, card_decks)
    try:
        assert len(active(svc, "cards-csv")) == 2 and active(svc, "cards") == built_in
    finally:
        svc.close()


def test_a_spreadsheet_or_gift_file_named_like_a_packaged_deck_leaves_it(
        svc: Services, tmp_path: Path) -> None:
    svc.imports.apply(svc.imports.prepare(DATA / "pricing_deck.toml"))
    [deck_id] = [r[0] for r in svc.db.execute("SELECT id FROM decks WHERE id != 'my-cards'")]
    installed = active(svc, deck_id)
    sheet = tmp_path / f"{deck_id}.csv"
    sheet.write_text("Front,Back\nTip,Ask first\n", encoding="utf-8")
    questions = tmp_path / f"{deck_id}.gift.txt"
    shutil.copyfile(GIFT, questions)
    for other, kind in ((sheet, "csv"), (questions, "gift")):
        plan = svc.imports.prepare(other)
        assert [c.deck.id for c in plan.changes] == [f"{deck_id}-{kind}"]
        assert said(plan.summary(), "has that id but came from a deck file")
        svc.imports.apply(plan)
        assert active(svc, deck_id) == installed
    # The same spreadsheet again updates its own deck, as before.
    again = svc.imports.prepare(sheet)
    assert [(c.deck.id, c.plan.new) for c in again.changes] == [(f"{deck_id}-csv", [])]
