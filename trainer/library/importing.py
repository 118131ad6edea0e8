"""Importing: read a file, show what would change, then install everything in one
transaction (decks, media and review history), or nothing.

The plan and its words are in import_plan.py, the replay of the file's review history
in import_history.py; ``ImportPlan`` and ``DeckChange`` stay importable from here."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass
from operator import attrgetter
from pathlib import Path

from trainer.clock import Clock
from trainer.content.fields import is_text
from trainer.content.importers.bundle import ImportBundle, ImportFormatError
from trainer.content.pictures import deck_picture_names
from trainer.domain.deck import Deck
from trainer.domain.errors import TrainerError
from trainer.library import media
from trainer.library.identity import resolve
from trainer.library.import_history import replay, write_history
from trainer.library.import_plan import DeckChange as DeckChange  # the plan's parts
from trainer.library.import_plan import ImportingText
from trainer.library.import_plan import ImportPlan as ImportPlan  # what prepare returns
from trainer.library.readers import read_any
from trainer.storage.decks_repo import InstallCancelled as InstallCancelled  # apply raises it
from trainer.storage.decks_repo import (
    PlanOutdated,
    Progress,
    install_deck,
    installed_version,
    plan_install,
    plan_moves,
)
from trainer.storage.my_cards_repo import MY_DECK
from trainer.storage.origins_repo import remember_deck, remember_notes
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db
from trainer.study.service import StudyService


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    decks: list[str]
    items: int
    reviews: int
    media: int


class ImportService:
    """Plans and applies imports into one profile."""

    def __init__(self, db: Store, clock: Clock, study: StudyService, media_root: Path,
                 backup: Callable[[str], object] | None = None) -> None:
        self.db = db
        self.clock = clock
        self.study = study
        self.media_root = media_root
        self.backup = backup

    def prepare(self, path: Path, *, with_history: bool = False) -> ImportPlan:
        """Read ``path`` and compare it with the profile; writes nothing."""
        bundle = read_any(path, with_history=with_history)
        return self.plan(bundle)

    def plan(self, bundle: ImportBundle) -> ImportPlan:
        """Compare an already read bundle with the profile: which installed deck each of
        its decks is (by the id its file gives it where there is one, so a deck renamed
        in Anki is renamed here and a note moved there moves here), then what installing
        it would change."""
        identity = resolve(self.db, bundle)
        bundle = identity.bundle
        for deck in bundle.decks:
            if deck.id == MY_DECK:
                raise ImportFormatError(bundle.source, ImportingText.tr(
                    "deck id '{id}' is kept for the cards a rep writes in the browser; give "
                    "the deck another id").format(id=MY_DECK))
            where = _broken_text(deck)
            if where is not None:
                raise ImportFormatError(bundle.source, ImportingText.tr(
                    "deck '{id}': {where} holds characters that are not text (half of a "
                    "UTF-16 pair)").format(id=_printable(deck.id), where=where))
        changes = []
        for deck in bundle.decks:
            install = plan_install(self.db, deck)
            moved = identity.moves.get(deck.id, {})
            if moved:
                plan_moves(self.db, install, {k: (m.item_id, m.from_deck)
                                              for k, m in moved.items()})
            changes.append(DeckChange(deck, install, identity.renamed.get(deck.id),
                                      {k: m for k, m in moved.items()
                                       if k in install.moved_in},
                                      identity.set_apart.get(deck.id),
                                      deck.id in identity.same_deck))
        # A card moving to another deck of the file is not retired from the one it left.
        leaving = {(m.from_deck, m.from_key) for c in changes for m in c.moved_in.values()}
        for change in changes:
            change.plan.retired = [k for k in change.plan.retired
                                   if (change.deck.id, k) not in leaving]
        return ImportPlan(bundle.source, bundle, changes)

    def apply(self, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
        """Write the whole import in one transaction. Raises ``InstallCancelled`` (with
        nothing written) if ``progress`` returns False.

        Everything slow happens before the write lock is taken: the backup, writing the
        pictures to a staging folder, replaying the review history through FSRS. The
        transaction then only writes rows, so an open window waits a moment at most."""
        if self.backup is not None:
            self.backup("before-import")
        deck_ids = [c.deck.id for c in plan.changes]
        replayed = replay(self.db, self.study, plan.bundle.history, {
            (c.deck.id, key): m.item_id for c in plan.changes for key, m in c.moved_in.items()})
        # Each deck names the pictures it shows, not every picture of the file; each
        # content is stored once, however many decks show it.
        shown = {c.deck.id: deck_picture_names(c.deck) & plan.bundle.media.keys()
                 for c in plan.changes}
        needed = {name for names in shown.values() for name in names}
        contents = {name: media.content_of(name, plan.bundle.media[name]) for name in needed}
        placement = {deck_id: {name: contents[name] for name in sorted(names)}
                     for deck_id, names in shown.items()}
        staging = media.stage(self.media_root, {
            contents[name].file_name: plan.bundle.media[name] for name in needed
        }) if needed else None
        try:
            with self.db.atomic():
                for change in plan.changes:
                    # Planned before the lock: the plan holds only if the deck is still
                    # the version it was planned against.
                    if installed_version(self.db, change.deck.id) != change.plan.version_from:
                        raise _changed_meanwhile(plan, change)
                    try:
                        install_deck(self.db, change.deck, self.clock, progress=progress,
                                     plan=change.plan)
                    except PlanOutdated:
                        raise _changed_meanwhile(plan, change) from None
                    self._remember_origin(plan, change.deck)
                reviews = write_history(self.db, self.study, replayed)
                self._suspend_held(plan)
                if staging is not None:
                    media.record(self.db, staging, placement, to_db(self.clock()))
        except BaseException:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            raise
        if staging is not None:
            try:
                media.publish(self.db, self.media_root, staging)
            except OSError as exc:
                raise TrainerError(ImportingText.tr(
                    "{file}: the decks were imported, but their pictures could not be put in "
                    "place ({error}); the next start tries again").format(
                        file=plan.source, error=exc.strerror or exc)) from exc
        self.study.forget_limits()
        return ImportResult(deck_ids, plan.item_count, reviews, len(needed))

    def _remember_origin(self, plan: ImportPlan, deck: Deck) -> None:
        """Record the kind of file the deck came from, the id it gives the deck and its
        cards' Anki identities, for the next import to know them by."""
        bundle = plan.bundle
        if not bundle.kind:
            return
        remember_deck(self.db, deck.id, bundle.kind, bundle.origins.get(deck.id))
        if bundle.notes:
            remember_notes(self.db, deck.id, {c.id: bundle.notes[c.id] for c in deck.cards
                                              if c.id in bundle.notes})

    def _suspend_held(self, plan: ImportPlan) -> None:
        """Cards the file holds suspended or buried arrive suspended (only those new
        here: what the rep did with a card already installed stands)."""
        held = [[c.deck.id, key] for c in plan.changes for key in c.plan.new
                if (c.deck.id, key) in plan.bundle.suspended]
        self.db.conn.executemany(
            "UPDATE item_state SET suspended = 1, active = 0 WHERE item_id = "
            "(SELECT id FROM items WHERE deck_id = ? AND key = ?)", held)


def _changed_meanwhile(plan: ImportPlan, change: DeckChange) -> TrainerError:
    """A deck changed between planning and writing: the plan no longer holds."""
    return TrainerError(ImportingText.tr(
        "{file}: deck '{deck}' changed while this import was being prepared; nothing was "
        "imported. Try again.").format(file=plan.source, deck=change.deck.title))


def _broken_text(value: object, item: str | None = None, depth: int = 0) -> str | None:
    """Where in a deck (any reader's) a text holds half of a UTF-16 pair, which SQLite
    cannot store, in words; ``None`` if nowhere. ``item`` is the id of the item being
    looked through (None: the deck's own details)."""
    if isinstance(value, str):
        return None if is_text(value) else _where(item)
    fields_of = _fields_of(type(value))
    children: Iterable[object]
    if fields_of is not None:
        ident = getattr(value, "id", None)
        if depth and isinstance(ident, str):
            item = ident
        children = fields_of(value)
    elif isinstance(value, tuple | list):
        children = value
    else:
        return None
    # A deck holds tens of thousands of texts: each is checked here rather than in a
    # call of its own.
    for child in children:
        if isinstance(child, str):
            if not is_text(child):
                return _where(item)
        elif child is not None and not isinstance(child, int | float):
            found = _broken_text(child, item, depth + 1)
            if found is not None:
                return found
    return None


_FIELDS_OF: dict[type, Callable[[object], tuple[object, ...]] | None] = {}


def _fields_of(kind: type) -> Callable[[object], tuple[object, ...]] | None:
    """What gives a record's field values as a tuple, a dataclass's or a named tuple's
    (None for any other type), made once per type."""
    if kind not in _FIELDS_OF:
        getter = None
        names: list[str] = []
        if is_dataclass(kind):
            names = [f.name for f in fields(kind)]
        elif issubclass(kind, tuple) and hasattr(kind, "_fields"):
            names = list(kind._fields)
        if names:
            # With a single name attrgetter gives the bare value, not a tuple.
            getter = attrgetter(*names) if len(names) > 1 else _TupleOf(names)
        _FIELDS_OF[kind] = getter
    return _FIELDS_OF[kind]


class _TupleOf:
    """The values of a few attributes as a tuple."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def __call__(self, value: object) -> tuple[object, ...]:
        return tuple(getattr(value, name) for name in self.names)


def _where(item: str | None) -> str:
    # Worded only when found: a deck has thousands of texts to look through.
    return (ImportingText.tr("its details") if item is None
            else ImportingText.tr("item '{id}'").format(id=_printable(item)))


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")
