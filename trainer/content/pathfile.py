"""The ``[[paths]]`` part of a deck file: ordered steps with a day each.

A step names what to do with exactly one of ``deck``, ``quiz`` or ``assessment``;
quizzes and self-assessments are named "DECK/ID" (or just "ID" in the same deck).
Whether the names exist is checked by ``check_paths`` across every deck it reads.
"""

from __future__ import annotations

from typing import Any

from trainer.content.fields import ID_PATTERN, Collector, Fields
from trainer.domain.quiz import LearningPath, PathStep

PATH_KEYS = {"id", "title", "description", "steps"}
# `cards = "all"`: every card the deck has (capped at the deck's size when read).
ALL_CARDS = 10000
STEP_KEYS = {"day", "deck", "quiz", "assessment", "title", "note", "cards", "pass_mark"}
KINDS = ("deck", "quiz", "assessment")


def build_paths(value: object, out: Collector, deck_id: str | None) -> list[LearningPath]:
    """Every valid path of the file."""
    paths: list[LearningPath] = []
    seen: set[str] = set()
    step_index = 0
    for index, table in enumerate(out.tables(value, "paths")):
        f = Fields(out, table, "paths", index)
        pid = f.ident("path")
        f.unknown(PATH_KEYS)
        ok = pid is not None
        if pid is not None and pid in seen:
            f.error(f"path id '{pid}' is used twice", "id")
            ok = False
        if pid:
            seen.add(pid)
        title = f.text("title", required=True)
        steps: list[PathStep] = []
        raw_steps = table.get("steps", [])
        for s_table in out.tables(raw_steps, "paths.steps", f.line):
            step = _build_step(Fields(out, s_table, "paths.steps", step_index), pid, deck_id)
            step_index += 1
            if step is None:
                ok = False
            else:
                steps.append(step)
        if not raw_steps:
            f.error("a path needs at least one [[paths.steps]]")
            ok = False
        if ok and pid and title:
            ordered = tuple(sorted(steps, key=lambda s: s.day))
            paths.append(LearningPath(pid, title, ordered, f.text("description") or "",
                                      f.line))
    return paths


def _build_step(f: Fields, path_id: str | None, deck_id: str | None) -> PathStep | None:
    f.item = path_id
    f.unknown(STEP_KEYS)
    named = [k for k in KINDS if k in f.table]
    if len(named) != 1:
        f.error("a step names exactly one of 'deck', 'quiz' or 'assessment'"
                + (f" (it has {', '.join(named)})" if named else ""))
        return None
    kind = named[0]
    target = f.text(kind, required=True)
    day = f.integer("day", 1, 365)
    if "day" not in f.table:
        f.error("a step needs 'day', the day of the path it belongs to (1, 2, ...)")
    if target is None or day is None:
        return None
    if kind != "deck" and "/" not in target and deck_id:
        target = f"{deck_id}/{target}"
    parts = target.split("/")
    if len(parts) != (1 if kind == "deck" else 2) or not all(ID_PATTERN.match(p) for p in parts):
        f.error(f"'{kind}' should be " + ("a deck id" if kind == "deck" else
                                          f"\"DECK/{kind.upper()}\" (or just the id within "
                                          "this deck)"), kind)
        return None
    cards = ALL_CARDS if f.table.get("cards") == "all" else f.integer("cards", 1, ALL_CARDS)
    if "cards" in f.table and kind != "deck":
        f.error("'cards' belongs to deck steps only", "cards")
    pass_mark = f.integer("pass_mark", 0, 100)
    if "pass_mark" in f.table and kind != "quiz":
        f.error("'pass_mark' belongs to quiz steps only", "pass_mark")
    return PathStep(kind, target, day, f.text("title") or "", f.text("note") or "", cards,
                    pass_mark)


def check_path_targets(paths: list[tuple[str, LearningPath]], decks: dict[str, Any]
                       ) -> list[tuple[str, LearningPath, PathStep, str]]:
    """(file, path, step, message) for each step naming something no deck has.
    ``decks`` maps deck id -> Deck."""
    missing = []
    for file, path in paths:
        for step in path.steps:
            deck_id, _, item = step.target.partition("/")
            deck = decks.get(deck_id)
            if deck is None:
                missing.append((file, path, step, f"deck '{deck_id}' is not among the decks "
                                                  "checked"))
            elif step.kind == "quiz" and item not in {q.id for q in deck.quizzes}:
                missing.append((file, path, step, f"deck '{deck_id}' has no quiz '{item}'"))
            elif step.kind == "assessment" and item not in {a.id for a in deck.assessments}:
                missing.append((file, path, step,
                                f"deck '{deck_id}' has no self-assessment '{item}'"))
    return missing
