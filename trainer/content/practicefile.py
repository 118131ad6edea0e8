"""The practice part of a deck file: ``[[practice]]`` items with their
``[[practice.checks]]`` rubric. Every problem is collected, with its line."""

from __future__ import annotations

from typing import Any

from trainer.content.fields import Collector, Fields, claim_item_id, source_of
from trainer.domain.practice import Check, PracticeItem

PRACTICE_KEYS = {"id", "title", "topic", "tags", "source", "situation", "prospect", "model",
                 "checks"}
CHECK_KEYS = {"id", "text", "why"}
# A rubric a rep can hold in mind while marking their own reply.
FEWEST_CHECKS, MOST_CHECKS = 3, 5
MAX_CHECKS = 10


def build_practice(value: object, out: Collector, source_ids: set[str],
                   default_topic: str | None, taken: dict[str, int | None]
                   ) -> list[PracticeItem]:
    """Every valid practice item; ``taken`` holds the ids cards and questions use."""
    items: list[PracticeItem] = []
    checks_seen = 0  # [[practice.checks]] are numbered across the whole file
    for index, table in enumerate(out.tables(value, "practice")):
        raw_checks = table.get("checks", [])
        first_check = checks_seen
        if isinstance(raw_checks, list):
            checks_seen += len(raw_checks)
        item = _build_one(Fields(out, table, "practice", index), table, out, source_ids,
                          default_topic, taken, first_check)
        if item is not None:
            items.append(item)
    return items


def _build_one(f: Fields, table: dict[str, Any], out: Collector, source_ids: set[str],
               default_topic: str | None, taken: dict[str, int | None],
               first_check: int) -> PracticeItem | None:
    pid = f.ident("practice item")
    f.unknown(PRACTICE_KEYS)
    ok = claim_item_id(f, pid, taken)
    situation = f.text("situation", required=True)
    prospect = f.text("prospect", required=True)
    model = f.text("model", required=True)
    topic = f.text("topic") or default_topic
    if not topic:
        f.error("missing 'topic' (or set a default topic in [deck])")
    source, named = source_of(f, source_ids)
    ok = ok and named
    checks = _build_checks(table.get("checks"), f, out, first_check)
    if not checks:
        ok = False
    if not (ok and pid and situation and prospect and model and topic):
        return None
    return PracticeItem(pid, topic, situation, prospect, model, checks,
                        title=f.text("title") or "", source=source, tags=f.tags(),
                        line=f.line)


def _build_checks(value: object, f: Fields, out: Collector, first: int
                  ) -> tuple[Check, ...]:
    if value is None:
        f.error(f"a practice item needs a rubric: {FEWEST_CHECKS} to {MOST_CHECKS} "
                "[[practice.checks]], each a thing a good reply does")
        return ()
    tables = out.tables(value, "practice.checks", f.line)
    if not tables:
        if isinstance(value, list):
            f.error("a practice item needs at least one [[practice.checks]]")
        return ()
    if len(tables) > MAX_CHECKS:
        f.error(f"the rubric has {len(tables)} checks; at most {MAX_CHECKS} can be marked",
                "checks")
        return ()
    if not FEWEST_CHECKS <= len(tables) <= MOST_CHECKS:
        f.warn(f"the rubric has {len(tables)} check{'' if len(tables) == 1 else 's'}; "
               f"{FEWEST_CHECKS} to {MOST_CHECKS} are easiest to mark honestly")
    checks: list[Check] = []
    seen: set[str] = set()
    good = True
    for offset, table in enumerate(tables):
        c = Fields(out, table, "practice.checks", first + offset)
        c.item = f.item
        c.unknown(CHECK_KEYS)
        cid = c.text("id", required=True)
        text = c.text("text", required=True)
        why = c.text("why") or ""
        if cid is not None and not _is_check_id(cid):
            c.error(f"check id '{cid}' must be lower-case letters, digits and '-'", "id")
            good = False
        elif cid is not None and cid in seen:
            c.error(f"check id '{cid}' is used twice in this rubric", "id")
            good = False
        if cid is None or text is None:
            good = False
            continue
        seen.add(cid)
        checks.append(Check(cid, text, why))
    return tuple(checks) if good else ()


def _is_check_id(value: str) -> bool:
    return bool(value) and len(value) <= 64 and value[0].isascii() and value[0].isalnum() \
        and all(ch.isascii() and ((ch.isalnum() and not ch.isupper()) or ch == "-")
                for ch in value)
