"""Which installed deck each deck of an import is, and which installed cards it holds.

Readers make deck ids from names (Anki, GIFT, CSV), so a name alone would say a deck
renamed in Anki is new, and that a GIFT file named like an Anki deck is that deck.
Anki itself keeps a deck by its id and a note by its GUID, and so do we:

- an Anki deck whose Anki id an installed deck remembers is that deck, whatever it is
  called now (a rename: same deck, new title); for a deck imported before ids were
  remembered, the installed deck holding more than half of its cards is that deck;
- a card whose note GUID (and card ordinal) an installed Anki card has is that card: a
  note moved to another deck in Anki moves here too, with its schedule and answers;
- a deck from a file of another kind than the installed deck of the same id (an Anki
  deck and a GIFT or CSV file, say, or a CSV file named like a built-in deck or one
  from a deck package), or from another Anki deck, gets an id of its own
  (``<id>-<kind>``) instead of replacing that deck, and the plan says so.

Nothing here writes: ``resolve`` returns the bundle with the ids it settled on, and
what the import plan shows and applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import count

from trainer.content.importers.bundle import ImportBundle
from trainer.domain.deck import Deck
from trainer.storage.origins_repo import (
    AnkiItem,
    InstalledDeck,
    active_keys,
    all_keys,
    anki_items,
    installed_decks,
)
from trainer.storage.store import Store

# Kinds of file whose deck ids are made from names: a deck of one of them never lands
# on a deck of another only because their names match.
NAME_KINDS = frozenset({"anki", "gift", "csv"})
# Every collection has a "Default" deck with Anki id 1: that id alone says nothing.
_ANKI_DEFAULT_DECK = "1"
_MAX_ID = 64


def source_kind(bundle: ImportBundle) -> str:
    """The kind of file a bundle was read from: what its reader said, else its name."""
    if bundle.kind:
        return bundle.kind
    name = bundle.source.name.lower()
    if name.endswith((".apkg", ".colpkg")):
        return "anki"
    if name.endswith((".gift", ".gift.txt")):
        return "gift"
    if name.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    if name.endswith(".trainerdeck"):
        return "trainerdeck"
    return "toml" if name.endswith(".toml") else ""


@dataclass(frozen=True)
class Moved:
    """An installed card that an import moves into another deck."""

    item_id: int
    from_deck: str
    from_title: str
    from_key: str  # its key there (the same, unless how keys are made has changed)


@dataclass(frozen=True)
class SetApart:
    """A deck given an id of its own, so as not to land on an installed deck that only
    shares its name."""

    wanted: str  # the id its name gave it: the installed deck's
    installed_title: str
    installed_origin: str  # the kind of file the installed deck came from


@dataclass
class Identity:
    """What ``resolve`` settled: the bundle with its final deck ids, and why."""

    bundle: ImportBundle
    renamed: dict[str, str] = field(default_factory=dict)  # deck id -> title it had
    same_deck: set[str] = field(default_factory=set)  # known by origin, not by name
    set_apart: dict[str, SetApart] = field(default_factory=dict)
    moves: dict[str, dict[str, Moved]] = field(default_factory=dict)  # deck -> key -> from


def resolve(db: Store, bundle: ImportBundle) -> Identity:
    """Settle each incoming deck's id against the installed decks; writes nothing."""
    kind = source_kind(bundle)
    if not bundle.ids_from_names or kind not in NAME_KINDS:
        return Identity(replace(bundle, kind=kind))
    installed = installed_decks(db)
    items = anki_items(db) if kind == "anki" else []
    guids = _installed_guids(items)
    final: dict[str, str] = {}
    identity = Identity(bundle)
    if kind == "anki":
        _match_by_anki_id(bundle, installed, guids, final)
        _match_old_renames(db, bundle, installed, final)
    claimed = set(final.values())
    used = set(claimed)
    for deck in bundle.decks:
        if deck.id in final:
            continue
        other = installed.get(deck.id)
        apart = other is not None and other.id not in claimed and _another_deck(
            other, kind, bundle.origins.get(deck.id), _guids(bundle, deck), guids)
        if deck.id in used or apart:
            final[deck.id] = _own_id(deck.id, kind, installed, used)
            if apart and other is not None:
                identity.set_apart[final[deck.id]] = SetApart(
                    deck.id, other.title, other.origin or "")
        else:
            final[deck.id] = deck.id
        used.add(final[deck.id])
    for incoming, deck_id in final.items():
        if deck_id in claimed:
            identity.same_deck.add(deck_id)
            title = next(d.title for d in bundle.decks if d.id == incoming)
            if installed[deck_id].title != title:
                identity.renamed[deck_id] = installed[deck_id].title
    identity.bundle = _renamed_bundle(bundle, final, kind)
    if items:
        identity.moves = _moves(db, identity.bundle, items, installed)
    return identity


def _guids(bundle: ImportBundle, deck: Deck) -> set[str]:
    return {bundle.notes[c.id][0] for c in deck.cards if c.id in bundle.notes}


def _installed_guids(items: list[AnkiItem]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for item in items:
        if item.guid is not None:
            out.setdefault(item.deck_id, set()).add(item.guid)
    return out


def _match_by_anki_id(bundle: ImportBundle, installed: dict[str, InstalledDeck],
                      guids: dict[str, set[str]], final: dict[str, str]) -> None:
    """Decks an installed deck remembers by their Anki id are that deck."""
    by_origin = {d.origin_id: d for d in installed.values()
                 if d.origin == "anki" and d.origin_id}
    for deck in bundle.decks:
        anki_id = bundle.origins.get(deck.id)
        match = by_origin.get(anki_id) if anki_id else None
        if match is None or match.id in final.values():
            continue
        if anki_id == _ANKI_DEFAULT_DECK and not _guids(bundle, deck) & guids.get(match.id,
                                                                                  set()):
            continue  # another collection's "Default" deck
        final[deck.id] = match.id


def _match_old_renames(db: Store, bundle: ImportBundle, installed: dict[str, InstalledDeck],
                       final: dict[str, str]) -> None:
    """A deck imported from Anki before its Anki id was remembered, and renamed there
    since: the installed Anki deck more than half of whose cards this deck holds."""
    taken = set(final.values())
    candidates = [d for d in installed.values()
                  if d.origin == "anki" and not d.origin_id and d.id not in taken]
    if not candidates:
        return
    keys = {d.id: active_keys(db, d.id) for d in candidates}
    for deck in bundle.decks:
        if deck.id in final or deck.id in installed:
            continue  # its own name is installed: it lands there, as it always did
        incoming = {c.id for c in deck.cards}
        best, overlap = None, 0
        for old in candidates:
            shared = len(keys[old.id] & incoming)
            if old.id not in taken and shared * 2 > len(keys[old.id]) and shared > overlap:
                best, overlap = old, shared
        if best is not None:
            final[deck.id] = best.id
            taken.add(best.id)


def _another_deck(other: InstalledDeck, kind: str, anki_id: str | None,
                  incoming_guids: set[str], guids: dict[str, set[str]]) -> bool:
    """Whether the installed deck of the same id is known to be another deck."""
    if other.origin and other.origin != kind:
        # An Anki deck and a GIFT file, say, or a CSV file named like a deck from a
        # deck package or a built-in one: never the same deck, only the same id.
        return True
    if kind != "anki" or other.origin != "anki" or not other.origin_id:
        return False  # not known: it lands there, as it always did
    if other.origin_id != anki_id:
        return True  # another Anki deck that once had this name
    return anki_id == _ANKI_DEFAULT_DECK and not incoming_guids & guids.get(other.id, set())


def _own_id(wanted: str, kind: str, installed: dict[str, InstalledDeck],
            used: set[str]) -> str:
    """``<id>-<kind>``, numbered if needed: the same each time for a GIFT or CSV file
    (its deck of that id is the one it was set apart into before)."""
    base = f"{wanted[:_MAX_ID - len(kind) - 5].rstrip('-._')}-{kind}"
    for number in count(1):
        candidate = base if number == 1 else f"{base}-{number}"
        other = installed.get(candidate)
        if candidate in used:
            continue
        if other is None or (kind != "anki" and other.origin == kind):
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _renamed_bundle(bundle: ImportBundle, final: dict[str, str], kind: str) -> ImportBundle:
    """The bundle with every deck id (and what names one) as settled."""
    if all(k == v for k, v in final.items()):
        return replace(bundle, kind=kind)
    return replace(
        bundle, kind=kind,
        decks=[replace(d, id=final.get(d.id, d.id)) for d in bundle.decks],
        history=[replace(e, deck_id=final.get(e.deck_id, e.deck_id)) for e in bundle.history],
        suspended={(final.get(d, d), k) for d, k in bundle.suspended},
        origins={final.get(d, d): o for d, o in bundle.origins.items()})


def _moves(db: Store, bundle: ImportBundle, items: list[AnkiItem],
           installed: dict[str, InstalledDeck]) -> dict[str, dict[str, Moved]]:
    """Installed Anki cards that the file has in another deck than theirs."""
    by_note: dict[tuple[str, int], list[AnkiItem]] = {}
    by_key: dict[str, list[AnkiItem]] = {}
    for item in items:
        if item.guid is not None and item.ord is not None:
            by_note.setdefault((item.guid, item.ord), []).append(item)
        else:
            by_key.setdefault(item.key, []).append(item)  # imported before GUIDs were kept
    moves: dict[str, dict[str, Moved]] = {}
    for deck in bundle.decks:
        held = all_keys(db, deck.id) if deck.id in installed else set()
        for card in deck.cards:
            if card.id in held:
                continue  # the deck has it already (perhaps retired): it stays itself
            note = bundle.notes.get(card.id)
            found = (by_note.get(note, []) if note else []) + by_key.get(card.id, [])
            found = [f for f in found if f.deck_id != deck.id]
            if not found:
                continue
            # A card in use rather than a retired copy, then the oldest.
            item = min(found, key=lambda f: (f.retired, f.item_id))
            moves.setdefault(deck.id, {})[card.id] = Moved(
                item.item_id, item.deck_id, installed[item.deck_id].title, item.key)
    return moves
