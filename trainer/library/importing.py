"""Importing: read a file, show what would change, then install everything in one
transaction (decks, media and review history), or nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path

from trainer.clock import Clock
from trainer.content.fields import is_text
from trainer.content.importers.bundle import HistoryEntry, ImportBundle, ImportFormatError
from trainer.content.pictures import deck_picture_names
from trainer.domain.deck import Deck, version_key
from trainer.domain.errors import TrainerError
from trainer.domain.scheduling import ItemState
from trainer.domain.settings import StudySettings
from trainer.i18n import Context
from trainer.library import media
from trainer.library.identity import Moved, SetApart, resolve
from trainer.library.readers import read_any
from trainer.storage.decks_repo import InstallCancelled as InstallCancelled  # apply raises it
from trainer.storage.decks_repo import (
    InstallPlan,
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


class ImportingText(Context):
    """Texts of an import's preview (what each deck would change) and its refusals."""


@dataclass
class DeckChange:
    """One deck of an import and what installing it would change."""

    deck: Deck
    plan: InstallPlan
    # The title the installed deck had, when the file renamed it (in Anki).
    renamed_from: str | None = None
    # Installed cards this deck takes over from another deck (a note moved in Anki).
    moved_in: dict[str, Moved] = field(default_factory=dict)
    # Given an id of its own beside an installed deck that only shares its name.
    set_apart: SetApart | None = None
    # Known to be the installed deck by the id its file gives it, not by its name.
    same_deck: bool = False

    @property
    def older(self) -> bool:
        """True when the file holds an older version than the one installed."""
        old = self.plan.version_from
        return old is not None and version_key(self.deck.version) < version_key(old)


@dataclass
class ImportPlan:
    """What an import would do; nothing has been written."""

    source: Path
    bundle: ImportBundle
    changes: list[DeckChange] = field(default_factory=list)

    @property
    def has_older(self) -> bool:
        """Whether any deck would go back to an older version (the user must agree)."""
        return any(c.older for c in self.changes)

    @property
    def name_clashes(self) -> list[DeckChange]:
        """Installed decks this file would land on only because it shares their name,
        retiring items of theirs that it does not have (the user must agree)."""
        if not self.bundle.ids_from_names:
            return []
        return [c for c in self.changes if c.plan.version_from is not None and c.plan.retired
                and not c.same_deck]

    def clash_warnings(self) -> list[str]:
        """What each name clash would do, in words."""
        return [_clash_warning(c) for c in self.name_clashes]

    @property
    def needs_agreement(self) -> bool:
        """Whether the user must explicitly agree: an older version, or a name clash."""
        return self.has_older or bool(self.name_clashes)

    @property
    def item_count(self) -> int:
        """Items to write (new, updated, restored)."""
        return sum(len(c.plan.new) + len(c.plan.updated) + len(c.plan.restored)
                   for c in self.changes)

    def summary(self, *, history: bool = True) -> list[str]:
        """One line per deck, for the confirmation dialog and the terminal; ``history``
        False leaves out the line on past reviews (the dialog offers them separately)."""
        lines = []
        for change in self.changes:
            p = change.plan
            version = (ImportingText.tr("new deck, version {version}").format(
                           version=p.version_to) if p.version_from is None
                       else ImportingText.tr("version {old} → {new}").format(
                           old=p.version_from, new=p.version_to))
            warning = ("  " + ImportingText.tr("(OLDER than the installed version)")
                       if change.older else "")
            # Plain counts, not %Ln: the terminal has always printed them ungrouped.
            lines.append(ImportingText.tr(
                "{deck}: {version}{warning}; {new} new, {updated} updated, {retired} retired, "
                "{restored} restored, {unchanged} unchanged").format(
                    deck=change.deck.title, version=version, warning=warning,
                    new=len(p.new), updated=len(p.updated), retired=len(p.retired),
                    restored=len(p.restored), unchanged=len(p.unchanged)))
        lines += self._identity_lines()
        if history and self.bundle.history:
            lines.append(ImportingText.tr("%n past review(s) to bring in", "",
                                          len(self.bundle.history)))
        held = sum(1 for c in self.changes for key in c.plan.new
                   if (c.deck.id, key) in self.bundle.suspended)
        if held:
            lines.append(ImportingText.tr(
                "%Ln card(s) suspended or buried in the file arrive suspended (Browse lets "
                "them back in)", "", held))
        if self.bundle.media:
            lines.append(ImportingText.tr("%n image(s)", "", len(self.bundle.media)))
        if self.bundle.skipped:
            lines.append(ImportingText.tr("%Ln thing(s) skipped (see the details)", "",
                                          len(self.bundle.skipped)))
        return lines

    def _identity_lines(self) -> list[str]:
        """What the plan renames, moves and sets apart, a line each."""
        lines: list[str] = []
        for change in self.changes:
            if change.renamed_from is not None:
                lines.append(ImportingText.tr(
                    "'{old}' was renamed to '{new}' in Anki: it stays the same deck, with "
                    "its progress").format(old=change.renamed_from, new=change.deck.title))
            sources: dict[str, int] = {}
            for moved in change.moved_in.values():
                sources[moved.from_title] = sources.get(moved.from_title, 0) + 1
            for title, n in sorted(sources.items()):
                lines.append(ImportingText.tr(
                    "'{deck}' takes over %Ln card(s) from '{source}' (moved in Anki), "
                    "schedule and answers included", "", n).format(
                        source=title, deck=change.deck.title))
            apart = change.set_apart
            if apart is not None:
                lines.append(ImportingText.tr(
                    "'{title}' comes in as a deck of its own ('{id}'): the installed deck "
                    "'{other}' has the same name but came from {origin}, and this file "
                    "leaves it alone").format(
                        title=change.deck.title, id=change.deck.id, other=apart.installed_title,
                        origin=_origin_words(apart.installed_origin)))
        return lines

    def to_json(self) -> dict[str, object]:
        """The plan for scripts: every deck, every item with its kind and, for
        questions, their options with weights and feedback; for practice items, their
        situation, line, model reply and rubric."""
        return {
            "file": str(self.source),
            "decks": [_deck_json(c) for c in self.changes],
            "media": sorted(self.bundle.media),
            "history": len(self.bundle.history),
            "skipped": [p.to_json() for p in self.bundle.skipped],
            "warnings": self.clash_warnings(),
        }


def _origin_words(origin: str) -> str:
    """The kind of file a deck came from, as the plan says it."""
    if origin == "anki":
        return ImportingText.tr("an Anki package")
    if origin == "gift":
        return ImportingText.tr("a GIFT file")
    return ImportingText.tr("a CSV file")


def _clash_warning(change: DeckChange) -> str:
    retired = len(change.plan.retired)
    # Two texts, as "1 card or question" and "2 cards and questions" differ by more
    # than a plural ending; the second still takes the count for languages with
    # several plural forms.
    if retired == 1:
        text = ImportingText.tr(
            "'{title}' is already installed, and this file has a deck of the same name: "
            "importing it would retire 1 card or question of the installed deck that this "
            "file does not have (they are hidden; their answers are kept).")
    else:
        text = ImportingText.tr(
            "'{title}' is already installed, and this file has a deck of the same name: "
            "importing it would retire %Ln cards and questions of the installed deck that "
            "this file does not have (they are hidden; their answers are kept).", "", retired)
    return text.format(title=change.plan.title_from)


def _deck_json(change: DeckChange) -> dict[str, object]:
    p = change.plan
    status = {**{k: "new" for k in p.new}, **{k: "updated" for k in p.updated},
              **{k: "restored" for k in p.restored}, **{k: "unchanged" for k in p.unchanged}}
    items: list[dict[str, object]] = [
        {"id": c.id, "kind": "card", "status": status.get(c.id), "topic": c.topic,
         "front": c.front, "back": c.back, "tags": list(c.tags), "source": c.source}
        for c in change.deck.cards]
    items += [{"id": p.id, "kind": "practice", "status": status.get(p.id), "topic": p.topic,
               "title": p.title, "situation": p.situation, "prospect": p.prospect,
               "model": p.model, "source": p.source,
               "checks": [{"id": c.id, "text": c.text, "why": c.why} for c in p.checks]}
              for p in change.deck.practice]
    for quiz in change.deck.quizzes:
        for q in quiz.questions:
            items.append({
                "id": q.id, "kind": str(q.type), "status": status.get(q.id), "quiz": quiz.id,
                "topic": q.topic, "prompt": q.prompt, "explanation": q.explanation,
                "options": [{"id": o.id, "text": o.text, "weight": o.value,
                             "feedback": o.feedback} for o in q.options],
                **({"answer": q.answer} if q.answer is not None else {}),
                **({"pairs": [[x.left, x.right] for x in q.pairs]} if q.pairs else {}),
                **({"steps": list(q.steps)} if q.steps else {}),
            })
    items += [{"id": k, "kind": "retired", "status": "retired"} for k in p.retired]
    apart = change.set_apart
    return {"id": change.deck.id, "title": change.deck.title,
            "renamed_from": change.renamed_from,
            "moved_in": [{"id": key, "from": m.from_deck}
                         for key, m in sorted(change.moved_in.items())],
            "set_apart": None if apart is None else {
                "wanted_id": apart.wanted, "installed_title": apart.installed_title,
                "installed_origin": apart.installed_origin},
            "version_from": p.version_from, "version_to": p.version_to,
            "older": change.older, "new": p.new, "updated": p.updated, "retired": p.retired,
            "restored": p.restored, "unchanged": len(p.unchanged),
            "quizzes": [q.id for q in change.deck.quizzes],
            "assessments": [a.id for a in change.deck.assessments], "items": items}


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
        replay = self._replay(plan.bundle.history, {
            (c.deck.id, key): m.item_id for c in plan.changes for key, m in c.moved_in.items()})
        # Each deck names the pictures it shows, not every picture of the file; each
        # content is stored once, however many decks show it.
        shown = {c.deck.id: deck_picture_names(c.deck) & plan.bundle.media.keys()
                 for c in plan.changes}
        needed = {name for names in shown.values() for name in names}
        contents = {name: media.content_of(name, plan.bundle.media[name]) for name in needed}
        placement = {deck_id: {name: contents[name] for name in sorted(names)}
                     for deck_id, names in shown.items()}
        staging = media.stage(self.media_root, {n: d for n, d in plan.bundle.media.items()
                                                if n in needed}) if needed else None
        try:
            with self.db.atomic():
                for change in plan.changes:
                    # Planned before the lock: the plan holds only if the deck is still
                    # the version it was planned against.
                    if installed_version(self.db, change.deck.id) != change.plan.version_from:
                        raise TrainerError(ImportingText.tr(
                            "{file}: deck '{deck}' changed while this import was being "
                            "prepared; nothing was imported. Try again.").format(
                                file=plan.source, deck=change.deck.title))
                    try:
                        install_deck(self.db, change.deck, self.clock, progress=progress,
                                     plan=change.plan)
                    except PlanOutdated:
                        raise TrainerError(ImportingText.tr(
                            "{file}: deck '{deck}' changed while this import was being "
                            "prepared; nothing was imported. Try again.").format(
                                file=plan.source, deck=change.deck.title)) from None
                    self._remember_origin(plan, change.deck)
                reviews = self._write_history(replay)
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

    def _replay(self, history: list[HistoryEntry],
                moved: dict[tuple[str, str], int] | None = None) -> list[_Replayed]:
        """Replay imported reviews through FSRS so scheduling continues where it was,
        from each item's state now (new, for items this import adds). For an item that
        already has answers here, only answers newer than its latest one are replayed,
        on top of its state now: history added in Anki after an earlier import comes
        in, and what was imported before (or answered here since) is not doubled.
        ``moved`` names the installed item each card moving into a deck is: (deck,
        key) -> item id."""
        if not history:
            return []
        ids = {(r[0], r[1]): r[2] for r in self.db.execute(
            "SELECT deck_id, key, id FROM items")}
        # Cards moving into a deck are found there already: their answers go on.
        ids.update(moved or {})
        latest = _latest_answers(self.db)
        from trainer.study.fsrs_adapter import FsrsScheduling  # only imports with history

        fsrs = FsrsScheduling(StudySettings(
            desired_retention=self.study.settings.desired_retention,
            learning_steps=self.study.settings.learning_steps,
            relearning_steps=self.study.settings.relearning_steps, fuzz=False))
        states: dict[tuple[str, str], ItemState] = {}
        out: list[_Replayed] = []
        for entry in sorted(history, key=lambda e: e.reviewed_at):
            where = (entry.deck_id, entry.item_key)
            item_id = ids.get(where)
            if item_id is not None and item_id in latest and \
                    to_db(entry.reviewed_at) <= latest[item_id]:
                continue
            before = states.get(where)
            if before is None:
                before = self.study.repo.state(item_id) if item_id is not None \
                    else ItemState(0)
            try:
                after = fsrs.review(before, entry.rating, entry.reviewed_at)
            except OverflowError:
                continue  # scheduled past the last date a calendar holds
            out.append(_Replayed(entry, before, after, item_id is not None))
            states[where] = after
        return out

    def _write_history(self, replay: list[_Replayed]) -> int:
        """Write replayed answers, now that every item has its id. An item that existed
        when the answers were replayed gets them only if it is still in the state they
        were replayed from (nobody answered it meanwhile)."""
        if not replay:
            return 0
        ids = {(r[0], r[1]): r[2] for r in self.db.execute(
            "SELECT deck_id, key, id FROM items")}
        written = 0
        checked: dict[int, bool] = {}
        for step in replay:
            item_id = ids.get((step.entry.deck_id, step.entry.item_key))
            if item_id is None:
                continue  # not installed
            if item_id not in checked:
                checked[item_id] = not step.existed or \
                    self.study.repo.state(item_id) == replace(step.before, item_id=item_id)
            if not checked[item_id]:
                continue  # answered here meanwhile: its own history stands
            self.study.repo.record_answer(
                deck_id=step.entry.deck_id, session_id=None,
                before=replace(step.before, item_id=item_id),
                after=replace(step.after, item_id=item_id), rating=step.entry.rating,
                at=step.entry.reviewed_at, duration_ms=step.entry.duration_ms)
            written += 1
        return written


def _latest_answers(db: Store) -> dict[int, str]:
    """Each answered item's latest answer time, as stored."""
    return {r[0]: r[1] for r in db.execute(
        "SELECT item_id, max(reviewed_at) FROM reviews GROUP BY item_id")}


@dataclass(frozen=True)
class _Replayed:
    """One imported review with the states FSRS gives it."""

    entry: HistoryEntry
    before: ItemState
    after: ItemState
    existed: bool  # the item was installed when the answers were replayed


def _broken_text(value: object, item: str | None = None, depth: int = 0) -> str | None:
    """Where in a deck (any reader's) a text holds half of a UTF-16 pair, which SQLite
    cannot store, in words; ``None`` if nowhere. ``item`` is the id of the item being
    looked through (None: the deck's own details)."""
    if isinstance(value, str):
        if is_text(value):
            return None
        # Worded only when found: a deck has thousands of texts to look through.
        return (ImportingText.tr("its details") if item is None
                else ImportingText.tr("item '{id}'").format(id=_printable(item)))
    if is_dataclass(value) and not isinstance(value, type):
        ident = getattr(value, "id", None)
        if depth and isinstance(ident, str):
            item = ident
        for f in fields(value):
            found = _broken_text(getattr(value, f.name), item, depth + 1)
            if found is not None:
                return found
        return None
    if isinstance(value, tuple | list):
        for each in value:
            found = _broken_text(each, item, depth + 1)
            if found is not None:
                return found
    return None


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")
