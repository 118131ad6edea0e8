"""Practice replies as xAPI: the typed reply is the response, each rubric check met or
not is an extension, and the statements validate with Ralph's models."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings
from trainer.reports.xapi import statements
from trainer.reports.xapi_ids import EXT_PRACTICE_MODE, EXT_RATING, EXT_RUBRIC

BASE = "https://sales-trainer.invalid/xapi"


@pytest.fixture
def practised(tmp_path: Path, clock: FakeClock, settings: StudySettings,
              practice_decks: Path) -> Iterator[Services]:
    services = open_services(Config(tmp_path / "data"), clock, settings, practice_decks)
    session = services.study.start("say-it")
    while (shown := session.current) is not None and not shown.is_practice:
        session.answer(Rating.GOOD)
    clock.advance(timedelta(seconds=42))
    services.practice.answer(session, "Can I push back? It runs on phones.",
                             {"permission", "fact"})
    session.next()
    services.practice.answer(session, None, {"warning", "reason", "question", "calm"})
    session.next()
    services.practice.answer(session, "undone later", set())
    session.undo()
    yield services
    services.close()


def practice_statements(services: Services) -> list[dict[str, Any]]:
    return [json.loads(json.dumps(s)) for s in statements(services.db)
            if "/practice/" in s["object"]["id"]]


def test_practice_replies_are_answered_statements_that_validate(
        practised: Services) -> None:
    typed, aloud = practice_statements(practised)  # the undone one is not sent
    for statement in (typed, aloud):
        BaseXapiStatement(**statement)
        assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
        assert statement["object"]["definition"]["interactionType"] == "long-fill-in"
    assert typed["object"]["id"] == f"{BASE}/decks/say-it/practice/p-wrong-fact"
    result = typed["result"]
    assert result["response"] == "Can I push back? It runs on phones."
    assert result["score"] == {"scaled": 0.6667, "raw": 2, "min": 0, "max": 3}
    assert result["success"] is True and result["duration"] == "PT42S"
    assert result["extensions"] == {
        EXT_RATING: int(Rating.HARD), EXT_PRACTICE_MODE: "typed",
        EXT_RUBRIC: [{"id": "permission", "met": True}, {"id": "fact", "met": True},
                     {"id": "question", "met": False}]}
    assert "response" not in aloud["result"]
    assert aloud["result"]["extensions"][EXT_PRACTICE_MODE] == "aloud"
    assert aloud["result"]["score"]["scaled"] == 1.0


def test_the_documented_result_is_what_the_export_writes(practised: Services) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "xapi.md").read_text("utf-8")
    (body,) = re.findall(r"^```json result\n(.*?)^```$", doc, re.MULTILINE | re.DOTALL)
    typed, _aloud = practice_statements(practised)
    assert json.loads(body) == typed["result"]
