"""An import's plan: each deck of the file and what installing it would change, said
in words for the confirmation dialog and the terminal, and as JSON for scripts. Nothing
here writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.importers.bundle import ImportBundle
from trainer.domain.deck import Deck, version_key
from trainer.i18n import Context
from trainer.library.identity import NAME_KINDS, Moved, SetApart
from trainer.storage.decks_repo import InstallPlan


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
        for change in self.changes:
            remarked = change.plan.remarked
            if remarked:
                # A pass can become a fail (or the other way): said before it happens.
                lines.append(ImportingText.tr(
                    "'{deck}': a corrected answer key marks %Ln answer(s) already given "
                    "again (questions {ids}); quiz scores and learning-path steps follow",
                    "", sum(remarked.values())).format(
                        deck=change.deck.title, ids=", ".join(sorted(remarked))))
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
                text = ImportingText.tr(
                    "'{title}' comes in as a deck of its own ('{id}'): the installed deck "
                    "'{other}' has the same name but came from {origin}, and this file "
                    "leaves it alone") if apart.installed_origin in NAME_KINDS else \
                    ImportingText.tr(
                    "'{title}' comes in as a deck of its own ('{id}'): the installed deck "
                    "'{other}' has that id but came from {origin}, and this file leaves "
                    "it alone")
                lines.append(text.format(
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
    if origin == "builtin":
        return ImportingText.tr("the app's built-in decks")
    if origin == "trainerdeck":
        return ImportingText.tr("a deck package")
    if origin == "toml":
        return ImportingText.tr("a deck file")
    if origin == "mine":
        return ImportingText.tr("the cards you wrote yourself")
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
    for item in items:
        if item["id"] in p.remarked:
            item["answers_remarked"] = p.remarked[str(item["id"])]
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
