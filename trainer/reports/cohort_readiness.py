"""A learner's readiness per topic (domain/readiness.py) and their practice misses, read
from their progress export. Every record read is checked; a bad one raises
``ExportProblem`` naming it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from trainer.domain.readiness import HORIZON_DAYS, Readiness, mean_with_missing
from trainer.domain.scheduling import recall_after
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.reports.cohort_model import ExportProblem, Reason, located


class CohortReadinessText(Context):
    """Why an export's practice replies or items cannot be read for readiness."""


ItemKey = tuple[str, str]  # (deck, item)


def _bad(where: str, source: str) -> ExportProblem:
    """``source`` is marked with QT_TRANSLATE_NOOP under CohortReadinessText."""
    return located(where, Reason(CohortReadinessText, source))


def practice_latest(practice: object) -> tuple[dict[ItemKey, float],
                                               dict[str, tuple[int, int]]]:
    """From ``practice[]``: the share of checks met in the latest counted reply to each
    item, and per check wording (asked, missed) over every counted reply."""
    if not isinstance(practice, list):
        raise _bad("practice", QT_TRANSLATE_NOOP("CohortReadinessText", "should be a list"))
    latest: dict[ItemKey, tuple[str, float]] = {}
    checks: dict[str, list[int]] = {}
    # The same few check wordings come back in every reply: each is made one line once.
    tallies: dict[str, list[int]] = {}
    for i, reply in enumerate(practice):
        where = f"practice[{i}]"
        if not isinstance(reply, dict):
            raise _bad(where, QT_TRANSLATE_NOOP("CohortReadinessText", "should be an object"))
        deck, item, at = reply.get("deck"), reply.get("item"), reply.get("answered_at")
        rubric, counted = reply.get("checks"), reply.get("counted")
        if not (type(deck) is str and type(item) is str and type(at) is str):
            raise _bad(where, QT_TRANSLATE_NOOP("CohortReadinessText",
                                                '"deck", "item" and "answered_at" should be text'))
        if type(counted) is not bool or not isinstance(rubric, list) or not rubric:
            raise _bad(where, QT_TRANSLATE_NOOP(
                "CohortReadinessText", '"counted" should be true or false and "checks" a list'))
        if not counted:
            continue
        met = 0
        for j, check in enumerate(rubric):
            if not isinstance(check, dict) or type(check.get("met")) is not bool \
                    or type(check.get("text")) is not str:
                raise _bad(f"{where}.checks[{j}]", QT_TRANSLATE_NOOP(
                    "CohortReadinessText", 'should have "text" as text and "met" as true or false'))
            met += check["met"]
            tally = tallies.get(check["text"])
            if tally is None:
                tally = tallies[check["text"]] = checks.setdefault(
                    " ".join(check["text"].split())[:200], [0, 0])
            tally[0] += 1
            tally[1] += not check["met"]
        held = latest.get((deck, item))
        if held is None or at >= held[0]:
            latest[(deck, item)] = (at, met / len(rubric))
    return ({k: share for k, (_at, share) in latest.items()},
            {text: (asked, missed) for text, (asked, missed) in checks.items()})


def readiness_by_topic(items: list[Any], now: datetime, decay: float,
                       quiz_latest: dict[ItemKey, float],
                       practice: dict[ItemKey, float]) -> dict[str, Readiness]:
    """Each topic's readiness ``HORIZON_DAYS`` after ``now`` (the export's time).
    ``items`` were checked by the reader already (deck, id, topic, stability,
    last_review, retired); ``kind`` is read here ("card" when an old export lacks it)."""
    parts: dict[str, dict[str, list[float]]] = {}
    counts: dict[str, dict[str, int]] = {}
    for i, item in enumerate(items):
        kind = item.get("kind", "card")
        if type(kind) is not str:
            raise _bad(f"items[{i}]", QT_TRANSLATE_NOOP("CohortReadinessText",
                                                         '"kind" should be text'))
        if item["retired"]:
            continue
        topic = item["topic"]
        key = (item["deck"], item["id"])
        got = parts.setdefault(topic, {"recall": [], "quiz": [], "practice": []})
        seen = counts.setdefault(topic, {"cards": 0, "cards_seen": 0, "questions": 0,
                                         "answered": 0, "practice": 0, "practised": 0})
        if kind == "card":
            seen["cards"] += 1
            last, stability = item["last_review"], item["stability"]
            if last is not None and stability is not None:
                seen["cards_seen"] += 1
                # Days from the review to HORIZON_DAYS after the export (added as days,
                # not to the date, which may be the last one a datetime can hold).
                elapsed = max(0, (now - datetime.fromisoformat(last)).days) + HORIZON_DAYS
                got["recall"].append(recall_after(elapsed, float(stability), decay))
        elif kind == "practice":
            seen["practice"] += 1
            if key in practice:
                seen["practised"] += 1
                got["practice"].append(practice[key])
        else:
            seen["questions"] += 1
            if key in quiz_latest:
                seen["answered"] += 1
                got["quiz"].append(min(max(quiz_latest[key], 0.0), 1.0))
    out = {}
    for topic, got in parts.items():
        n = counts[topic]
        out[topic] = Readiness(
            mean_with_missing(got["recall"], n["cards"]),
            mean_with_missing(got["quiz"], n["questions"]),
            mean_with_missing(got["practice"], n["practice"]),
            n["cards"], n["cards_seen"], n["questions"], n["answered"], n["practice"],
            n["practised"])
    return out
