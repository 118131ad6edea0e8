"""Moving in from Anki: decks and notes keep who they are across imports, as in Anki
(a deck by its id, a note by its GUID), and pictures are stored once per profile.

Every package here is made by Anki's own engine, and what we import is compared with
what Anki itself holds."""

from __future__ import annotations

import hashlib
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pytest

from trainer.app import Services
from trainer.domain.scheduling import Rating
from trainer.library.deck_pictures import DeckPictures
from trainer.storage.media_repo import is_stored_name

if TYPE_CHECKING:
    from anki.collection import Collection
    from anki.decks import DeckId
    from anki.notes import NoteId

GIFT = Path(__file__).resolve().parents[1] / "data" / "gift" / "moodle_examples.gift.txt"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Anki:
    """A collection made and changed with Anki's own engine, exported as a rep would."""

    def __init__(self, folder: Path) -> None:
        pytest.importorskip("anki")
        from anki.collection import Collection

        (folder / "anki").mkdir(parents=True)
        self.folder = folder
        self.col: Collection = Collection(str(folder / "anki" / "collection.anki2"))
        self.exports = 0

    def deck(self, name: str) -> DeckId:
        deck_id = self.col.decks.id(name)
        assert deck_id is not None
        return deck_id

    def add(self, deck: DeckId, front: str, back: str) -> NoteId:
        notetype = self.col.models.by_name("Basic")
        assert notetype is not None
        note = self.col.new_note(notetype)
        note["Front"], note["Back"] = front, back
        self.col.add_note(note, deck)
        return note.id

    def card_ids(self, note: NoteId) -> list[int]:
        return [int(c.id) for c in self.col.get_note(note).cards()]

    def answer(self, note: NoteId, ease: Literal[1, 2, 3, 4]) -> None:
        card = self.col.get_note(note).cards()[0]
        card.start_timer()  # Anki times the answer from here (its own clock)
        self.col.sched.answerCard(card, ease)

    def export(self, *, legacy: bool = False) -> Path:
        from anki.collection import ExportAnkiPackageOptions

        self.exports += 1
        out = self.folder / f"export-{self.exports}.apkg"
        self.col.export_anki_package(out_path=str(out), limit=None,
                                     options=ExportAnkiPackageOptions(
                                         with_scheduling=True, with_deck_configs=False,
                                         with_media=True, legacy=legacy))
        return out

    def close(self) -> None:
        self.col.close()


@pytest.fixture
def anki(tmp_path: Path) -> Iterator[Anki]:
    collection = Anki(tmp_path)
    yield collection
    collection.close()


def item_ids(svc: Services, deck_id: str) -> dict[str, int]:
    return {r[0]: r[1] for r in svc.db.execute(
        "SELECT key, id FROM items WHERE deck_id = ? AND retired = 0", [deck_id])}


@pytest.mark.parametrize("legacy", [False, True], ids=["current", "legacy"])
def test_a_deck_renamed_in_anki_stays_one_deck_with_its_progress(
        svc: Services, anki: Anki, legacy: bool) -> None:
    pricing = anki.deck("Sales::Pricing")
    notes = [anki.add(pricing, f"Question {n}", f"Answer {n}") for n in range(3)]
    anki.answer(notes[0], 3)
    anki.answer(notes[1], 1)
    first = svc.imports.apply(svc.imports.prepare(anki.export(legacy=legacy),
                                                  with_history=True))
    assert first.decks == ["sales-pricing"] and first.reviews == 2
    items = item_ids(svc, "sales-pricing")
    answered = items[min(items)]
    svc.study.answer(answered, Rating.GOOD)  # and once here
    state = svc.study.repo.state(answered)

    anki.col.decks.rename(anki.col.decks.get(pricing), "Sales::Price talk")
    # Anki keeps the deck: the same id under the new name.
    assert anki.col.decks.id_for_name("Sales::Price talk") == pricing
    plan = svc.imports.prepare(anki.export(legacy=legacy), with_history=True)
    [change] = plan.changes
    assert (change.deck.id, change.deck.title) == ("sales-pricing", "Sales › Price talk")
    assert change.renamed_from == "Sales › Pricing" and not plan.needs_agreement
    # Not one card new or retired: the three are the deck's own (their topic, the deck's
    # last name, is updated).
    assert (change.plan.new, change.plan.retired, len(change.plan.updated)) == ([], [], 3)
    assert "'Sales › Pricing' was renamed to 'Sales › Price talk' in Anki: it stays the same " \
           "deck, with its progress" in plan.summary()
    assert plan.to_json()["decks"][0]["renamed_from"] == "Sales › Pricing"  # type: ignore[index]
    assert svc.imports.apply(plan).reviews == 0  # nothing twice
    assert svc.db.execute("SELECT id, title FROM decks").fetchall() == [
        ("sales-pricing", "Sales › Price talk")]
    assert item_ids(svc, "sales-pricing") == items
    assert svc.study.repo.state(answered) == state
    assert svc.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 3


def test_a_note_moved_to_another_deck_in_anki_moves_with_its_schedule_and_answers(
        svc: Services, anki: Anki) -> None:
    pricing, calls = anki.deck("Sales::Pricing"), anki.deck("Sales::Calls")
    moving = anki.add(pricing, "Anchor high?", "Name the full value first")
    anki.add(pricing, "Discount?", "Trade it for something")
    anki.add(calls, "Open with?", "A question about them")
    anki.answer(moving, 3)
    anki.answer(moving, 3)
    svc.imports.apply(svc.imports.prepare(anki.export(), with_history=True))
    [key] = [k for k, in svc.db.execute("SELECT key FROM items WHERE front = 'Anchor high?'")]
    item = item_ids(svc, "sales-pricing")[key]
    svc.study.answer(item, Rating.HARD)  # answered here too
    state = svc.study.repo.state(item)
    answers = svc.db.execute("SELECT id FROM reviews WHERE item_id = ?", [item]).fetchall()
    assert len(answers) == 3

    anki.col.set_deck(anki.card_ids(moving), calls)
    # In Anki the card keeps its answers and its schedule in the deck it moved to.
    [card] = anki.col.get_note(moving).cards()
    assert card.did == calls and card.reps == 2
    plan = svc.imports.prepare(anki.export(), with_history=True)
    changes = {c.deck.id: c for c in plan.changes}
    assert changes["sales-pricing"].plan.retired == []  # moved, not deleted in Anki
    assert changes["sales-calls"].plan.new == []
    assert key in changes["sales-calls"].plan.updated  # its topic is its new deck's name
    assert "'Sales › Calls' takes over 1 card from 'Sales › Pricing' (moved in Anki), " \
           "schedule and answers included" in plan.summary()
    doc = {d["id"]: d for d in plan.to_json()["decks"]}  # type: ignore[attr-defined]
    assert doc["sales-calls"]["moved_in"] == [{"id": key, "from": "sales-pricing"}]
    assert svc.imports.apply(plan).reviews == 0
    assert item_ids(svc, "sales-calls")[key] == item  # the same item, not a copy
    assert key not in item_ids(svc, "sales-pricing")
    assert svc.study.repo.state(item) == state
    assert svc.db.execute("SELECT count(*) FROM items WHERE key = ?", [key]).fetchone()[0] == 1
    assert svc.db.execute("SELECT id FROM reviews WHERE item_id = ?", [item]).fetchall() \
        == answers
    assert svc.db.execute("SELECT DISTINCT deck_id FROM reviews WHERE item_id = ?",
                          [item]).fetchall() == [("sales-calls",)]
    assert svc.db.execute("SELECT deck_id FROM item_state WHERE item_id = ?",
                          [item]).fetchone() == ("sales-calls",)
    assert svc.checks.check().ok

    # Moved back and renamed in one go: still the same deck and the same card.
    anki.col.set_deck(anki.card_ids(moving), pricing)
    anki.col.decks.rename(anki.col.decks.get(pricing), "Pricing")
    plan = svc.imports.prepare(anki.export())
    assert sorted((c.deck.id, c.deck.title) for c in plan.changes) == [
        ("sales-calls", "Sales › Calls"), ("sales-pricing", "Pricing")]
    svc.imports.apply(plan)
    assert item_ids(svc, "sales-pricing")[key] == item
    assert svc.study.repo.state(item) == state


def test_a_deck_imported_before_anki_ids_were_kept_is_still_found_after_a_rename(
        svc: Services, anki: Anki) -> None:
    pricing = anki.deck("Pricing")
    for n in range(4):
        anki.add(pricing, f"Question {n}", f"Answer {n}")
    svc.imports.apply(svc.imports.prepare(anki.export()))
    items = item_ids(svc, "pricing")
    with svc.db.atomic():  # as an import by an earlier version left it
        svc.db.execute("UPDATE decks SET origin_id = NULL")
        svc.db.execute("DELETE FROM item_origins")
    anki.col.decks.rename(anki.col.decks.get(pricing), "Price talk")
    plan = svc.imports.prepare(anki.export())
    assert [(c.deck.id, c.renamed_from) for c in plan.changes] == [("pricing", "Pricing")]
    svc.imports.apply(plan)
    assert item_ids(svc, "pricing") == items
    # Now it is remembered by Anki's id.
    assert svc.db.execute("SELECT origin, origin_id FROM decks").fetchone() == (
        "anki", str(pricing))


@pytest.mark.parametrize("kind", ["gift", "csv"])
def test_a_file_of_another_kind_never_replaces_an_anki_deck_of_the_same_name(
        svc: Services, anki: Anki, tmp_path: Path, kind: str) -> None:
    from anki.collection import DeckIdLimit

    objections = anki.deck("Objections")
    for n in range(3):
        anki.add(objections, f"Objection {n}", f"Answer {n}")
    svc.imports.apply(svc.imports.prepare(anki.export()))
    installed = item_ids(svc, "objections")
    if kind == "gift":
        other = tmp_path / "Objections.gift"  # Moodle's own example questions
        shutil.copyfile(GIFT, other)
    else:
        other = tmp_path / "objections.csv"  # Anki's notes export, with its deck column
        anki.col.export_note_csv(out_path=str(other), limit=DeckIdLimit(objections),
                                 with_html=True, with_tags=True, with_deck=True,
                                 with_notetype=False, with_guid=True)
    plan = svc.imports.prepare(other)
    [change] = plan.changes
    assert change.deck.id == f"objections-{kind}" and change.plan.version_from is None
    assert change.set_apart is not None and change.set_apart.wanted == "objections"
    assert not plan.needs_agreement
    assert f"'{change.deck.title}' comes in as a deck of its own ('objections-{kind}'): the " \
           "installed deck 'Objections' has the same name but came from an Anki package, " \
           "and this file leaves it alone" in plan.summary()
    svc.imports.apply(plan)
    assert item_ids(svc, "objections") == installed  # nothing retired, nothing changed
    # The same file again lands on the deck it was given the first time.
    again = svc.imports.prepare(other)
    assert [(c.deck.id, c.plan.version_from, c.plan.new) for c in again.changes] == [
        (f"objections-{kind}", "1", [])]
    # And the Anki deck, imported again, is still itself.
    assert [c.deck.id for c in svc.imports.prepare(anki.export()).changes] == ["objections"]


def test_another_collections_default_deck_does_not_land_on_ours(
        svc: Services, anki: Anki, tmp_path: Path) -> None:
    default = anki.deck("Default")
    anki.add(default, "Ours", "Ours")
    svc.imports.apply(svc.imports.prepare(anki.export()))
    stranger = Anki(tmp_path / "stranger")  # every collection's Default deck has id 1
    try:
        stranger.add(stranger.deck("Default"), "Theirs", "Theirs")
        plan = svc.imports.prepare(stranger.export())
    finally:
        stranger.close()
    assert [(c.deck.id, c.plan.version_from) for c in plan.changes] == [
        ("default-anki", None)]
    assert plan.changes[0].set_apart is not None


def _picture(rng: random.Random, size: int) -> bytes:
    return PNG_SIGNATURE + rng.randbytes(size - len(PNG_SIGNATURE))


def test_twenty_subdecks_that_show_the_same_pictures_store_each_picture_once(
        svc: Services, anki: Anki, tmp_path: Path) -> None:
    rng = random.Random(20)
    names = [f"chart {n:02d}.png" for n in range(12)]
    for name in names:
        anki.col.media.write_data(name, _picture(rng, 20_000))
    decks = [anki.deck(f"Product::Part {d:02d}") for d in range(20)]
    for number, deck in enumerate(decks):
        for name in names:
            anki.add(deck, f"Part {number}: {name}?", f'<img src="{name}">')
    package = anki.export()
    result = svc.imports.apply(svc.imports.prepare(package))
    assert len(result.decks) == 20 and result.media == len(names)

    root = svc.config.profile_dir / "media"
    files = [p for p in root.iterdir() if p.is_file()]
    assert all(is_stored_name(p.name) for p in files)
    assert not [p for p in root.iterdir() if p.is_dir()]  # no folder per deck
    # What Anki itself keeps when it imports the package: each file once.
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    (tmp_path / "reader").mkdir()
    reader = Collection(str(tmp_path / "reader" / "collection.anki2"))
    try:
        reader.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=True)))
        theirs = sorted(Path(reader.media.dir()).iterdir())
    finally:
        reader.close()
    assert len(files) == len(theirs) == len(names)
    assert sum(p.stat().st_size for p in files) == sum(p.stat().st_size for p in theirs)
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == {
        hashlib.sha256(p.read_bytes()).hexdigest() for p in theirs}
    # Every deck shows every picture under the name its cards use.
    for deck_id in result.decks:
        pictures = DeckPictures(svc.db, root, deck_id)
        assert all(pictures.path(name) is not None for name in names)
    assert svc.checks.check().ok
    # Importing again stores nothing new.
    svc.imports.apply(svc.imports.prepare(package))
    assert sorted(p.name for p in root.iterdir()) == sorted(p.name for p in files)
