"""An import's review history: replayed through FSRS before the write lock is taken,
then written inside the import's transaction, never doubling answers already here."""

from __future__ import annotations

from dataclasses import dataclass

from trainer.content.importers.bundle import HistoryEntry
from trainer.domain.scheduling import ItemState
from trainer.domain.settings import StudySettings
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db
from trainer.study.service import StudyService


@dataclass(frozen=True)
class Replayed:
    """One imported review with the states FSRS gives it."""

    entry: HistoryEntry
    before: ItemState
    after: ItemState
    existed: bool  # the item was installed when the answers were replayed


def replay(db: Store, study: StudyService, history: list[HistoryEntry],
           moved: dict[tuple[str, str], int] | None = None) -> list[Replayed]:
    """Replay imported reviews through FSRS so scheduling continues where it was, from
    each item's state now (new, for items this import adds). For an item that already
    has answers here, only answers newer than its latest one are replayed, on top of its
    state now: history added in Anki after an earlier import comes in, and what was
    imported before (or answered here since) is not doubled. ``moved`` names the
    installed item each card moving into a deck is: (deck, key) -> item id."""
    if not history:
        return []
    ids = _item_ids(db)
    # Cards moving into a deck are found there already: their answers go on.
    ids.update(moved or {})
    latest = _latest_answers(db)
    from trainer.study.fsrs_adapter import FsrsScheduling  # only imports with history

    fsrs = FsrsScheduling(StudySettings(
        desired_retention=study.settings.desired_retention,
        learning_steps=study.settings.learning_steps,
        relearning_steps=study.settings.relearning_steps, fuzz=False))
    states: dict[tuple[str, str], ItemState] = {}
    out: list[Replayed] = []
    for entry in sorted(history, key=lambda e: e.reviewed_at):
        where = (entry.deck_id, entry.item_key)
        item_id = ids.get(where)
        if item_id is not None and item_id in latest and \
                to_db(entry.reviewed_at) <= latest[item_id]:
            continue
        before = states.get(where)
        if before is None:
            before = study.repo.state(item_id) if item_id is not None else ItemState(0)
        try:
            after = fsrs.review(before, entry.rating, entry.reviewed_at)
        except OverflowError:
            continue  # scheduled past the last date a calendar holds
        out.append(Replayed(entry, before, after, item_id is not None))
        states[where] = after
    return out


def write_history(db: Store, study: StudyService, replayed: list[Replayed]) -> int:
    """Write replayed answers, now that every item has its id. An item that existed
    when the answers were replayed gets them only if it is still in the state they were
    replayed from (nobody answered it meanwhile)."""
    if not replayed:
        return 0
    ids = _item_ids(db)
    written = 0
    checked: dict[int, bool] = {}
    for step in replayed:
        item_id = ids.get((step.entry.deck_id, step.entry.item_key))
        if item_id is None:
            continue  # not installed
        if item_id not in checked:
            checked[item_id] = not step.existed or \
                study.repo.state(item_id) == step.before.with_(item_id=item_id)
        if not checked[item_id]:
            continue  # answered here meanwhile: its own history stands
        study.repo.record_answer(
            deck_id=step.entry.deck_id, session_id=None,
            before=step.before.with_(item_id=item_id),
            after=step.after.with_(item_id=item_id), rating=step.entry.rating,
            at=step.entry.reviewed_at, duration_ms=step.entry.duration_ms)
        written += 1
    return written


def _item_ids(db: Store) -> dict[tuple[str, str], int]:
    """Every installed item's id by (deck, key)."""
    return {(r[0], r[1]): r[2] for r in db.execute("SELECT deck_id, key, id FROM items")}


def _latest_answers(db: Store) -> dict[int, str]:
    """Each answered item's latest answer time, as stored."""
    return {r[0]: r[1] for r in db.execute(
        "SELECT item_id, max(reviewed_at) FROM reviews GROUP BY item_id")}
