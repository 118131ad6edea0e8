"""Importing: read a file, show what would change, then install everything in one
transaction (decks, media and review history), or nothing."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from trainer.clock import Clock
from trainer.content.importers.bundle import HistoryEntry, ImportBundle
from trainer.domain.deck import Deck, version_key
from trainer.domain.scheduling import ItemState
from trainer.library.readers import read_any
from trainer.storage.decks_repo import InstallPlan, Progress, install_deck, plan_install
from trainer.storage.store import Store
from trainer.study.service import StudyService
from trainer.study.settings import StudySettings
from trainer.study.wording import count


@dataclass
class DeckChange:
    """One deck of an import and what installing it would change."""

    deck: Deck
    plan: InstallPlan

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
    def item_count(self) -> int:
        """Items to write (new, updated, restored)."""
        return sum(len(c.plan.new) + len(c.plan.updated) + len(c.plan.restored)
                   for c in self.changes)

    def summary(self) -> list[str]:
        """One line per deck, for the confirmation dialog and the terminal."""
        lines = []
        for change in self.changes:
            p = change.plan
            version = (f"new deck, version {p.version_to}" if p.version_from is None
                       else f"version {p.version_from} → {p.version_to}")
            warning = "  (OLDER than the installed version)" if change.older else ""
            lines.append(f"{change.deck.title}: {version}{warning}; {len(p.new)} new, "
                         f"{len(p.updated)} updated, {len(p.retired)} retired, "
                         f"{len(p.restored)} restored, {len(p.unchanged)} unchanged")
        if self.bundle.history:
            lines.append(f"{len(self.bundle.history)} past reviews to bring in")
        if self.bundle.media:
            lines.append(f"{len(self.bundle.media)} images")
        if self.bundle.skipped:
            lines.append(f"{count(len(self.bundle.skipped), 'thing')} skipped (see the details)")
        return lines

    def to_json(self) -> dict[str, object]:
        """The plan for scripts: every deck, every item with its kind and, for
        questions, their options with weights and feedback."""
        return {
            "file": str(self.source),
            "decks": [_deck_json(c) for c in self.changes],
            "media": sorted(self.bundle.media),
            "history": len(self.bundle.history),
            "skipped": [p.to_json() for p in self.bundle.skipped],
        }


def _deck_json(change: DeckChange) -> dict[str, object]:
    p = change.plan
    status = {**{k: "new" for k in p.new}, **{k: "updated" for k in p.updated},
              **{k: "restored" for k in p.restored}, **{k: "unchanged" for k in p.unchanged}}
    items: list[dict[str, object]] = [
        {"id": c.id, "kind": "card", "status": status.get(c.id), "topic": c.topic,
         "front": c.front, "back": c.back, "tags": list(c.tags), "source": c.source}
        for c in change.deck.cards]
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
    return {"id": change.deck.id, "title": change.deck.title,
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

    def __init__(self, db: Store, clock: Clock, study: StudyService, media_root: Path) -> None:
        self.db = db
        self.clock = clock
        self.study = study
        self.media_root = media_root

    def prepare(self, path: Path, *, with_history: bool = False) -> ImportPlan:
        """Read ``path`` and compare it with the profile; writes nothing."""
        bundle = read_any(path, with_history=with_history)
        return self.plan(bundle)

    def plan(self, bundle: ImportBundle) -> ImportPlan:
        """Compare an already read bundle with the profile."""
        return ImportPlan(bundle.source, bundle,
                          [DeckChange(d, plan_install(self.db, d)) for d in bundle.decks])

    def apply(self, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
        """Write the whole import in one transaction. Raises ``InstallCancelled`` (with
        nothing written) if ``progress`` returns False."""
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=self._media_parent()))
        try:
            for name, data in plan.bundle.media.items():
                (staging / name).write_bytes(data)
            with self.db.atomic():
                for change in plan.changes:
                    install_deck(self.db, change.deck, self.clock, progress=progress,
                                 plan=change.plan)
                reviews = self._history(plan.bundle.history)
            self._publish_media(staging, [c.deck.id for c in plan.changes])
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.study.forget_limits()
        return ImportResult([c.deck.id for c in plan.changes], plan.item_count, reviews,
                            len(plan.bundle.media))

    def _media_parent(self) -> Path:
        self.media_root.mkdir(parents=True, exist_ok=True)
        return self.media_root

    def _publish_media(self, staging: Path, deck_ids: list[str]) -> None:
        # Media is shared by the decks of one import; each deck gets its own copy so a
        # later update of one deck cannot break another's pictures.
        for deck_id in deck_ids:
            target = self.media_root / deck_id
            target.mkdir(parents=True, exist_ok=True)
            for file in staging.iterdir():
                shutil.copyfile(file, target / file.name)

    def _history(self, history: list[HistoryEntry]) -> int:
        """Replay imported reviews through FSRS so scheduling continues where it was.
        Items that already have reviews here keep their own history."""
        if not history:
            return 0
        ids = {(r[0], r[1]): r[2] for r in self.db.execute(
            "SELECT deck_id, key, id FROM items")}
        reviewed = {r[0] for r in self.db.execute("SELECT DISTINCT item_id FROM reviews")}
        from trainer.study.fsrs_adapter import FsrsScheduling  # only imports with history

        fsrs = FsrsScheduling(StudySettings(
            desired_retention=self.study.settings.desired_retention,
            learning_steps=self.study.settings.learning_steps,
            relearning_steps=self.study.settings.relearning_steps, fuzz=False))
        states: dict[int, ItemState] = {}
        count = 0
        for entry in sorted(history, key=lambda e: e.reviewed_at):
            item_id = ids.get((entry.deck_id, entry.item_key))
            if item_id is None or item_id in reviewed:
                continue
            before = states.get(item_id) or self.study.repo.state(item_id)
            after = fsrs.review(before, entry.rating, entry.reviewed_at)
            self.study.repo.record_answer(
                deck_id=entry.deck_id, session_id=None, before=before, after=after,
                rating=entry.rating, at=entry.reviewed_at, duration_ms=entry.duration_ms)
            states[item_id] = after
            count += 1
        return count
