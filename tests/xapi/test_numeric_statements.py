"""Numerical questions as xAPI: interaction type "numeric", the number given as the
response, and the answer key as a correct-responses pattern in the spec's range syntax;
every other type's statements stay as they were."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pricing import pricing_services, take_margins
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.clock import FakeClock
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.reports.xapi import numeric_pattern, response_text, statements

GIVEN = {"q-margin": Response(text="19.5"), "q-discount": Response(text="3.2"),
         "q-range": Response(text="1"),
         "q-terms": Response(matches=("(price - cost) / price", "(price - cost) / cost"))}
# The xAPI 1.0.3 numeric pattern: "min[:]max" with either end left out, or one number.
_NUMBER = r"-?\d+(?:\.\d+)?"
PATTERN = re.compile(rf"(?:{_NUMBER})?\[:\](?:{_NUMBER})?|{_NUMBER}")


@pytest.fixture
def answered(tmp_path: Path, clock: FakeClock, settings: StudySettings
             ) -> Iterator[list[dict[str, Any]]]:
    with pricing_services(tmp_path, clock, settings) as services:
        take_margins(services, clock, GIVEN, 2)
        items = [json.loads(json.dumps(s)) for s in statements(services.db)]
    yield [s for s in items if s["verb"]["display"]["en-US"] == "answered"]


def inside(pattern: str, given: str) -> bool:
    low, _, high = pattern.partition("[:]")
    if "[:]" not in pattern:
        return Decimal(given) == Decimal(pattern)
    return ((not low or Decimal(low) <= Decimal(given))
            and (not high or Decimal(given) <= Decimal(high)))


def test_numerical_answers_are_numeric_interactions_with_their_answer_key(
        answered: list[dict[str, Any]]) -> None:
    by_key = {s["object"]["id"].rsplit("/", 1)[1]: s for s in answered}
    assert set(by_key) == set(GIVEN)
    for statement in answered:
        BaseXapiStatement(**statement)  # valid xAPI, as Ralph reads it
    shown = {key: (s["object"]["definition"]["interactionType"],
                   s["object"]["definition"].get("correctResponsesPattern"),
                   s["result"].get("response"), s["result"]["score"]["raw"],
                   s["result"]["success"]) for key, s in by_key.items()}
    assert shown == {
        "q-margin": ("numeric", ["19.5[:]20.5"], "19.5", 1.0, True),
        "q-discount": ("numeric", ["3.15"], "3.2", 0.0, False),
        "q-range": ("numeric", ["1[:]5"], "1", 1.0, True),
        # Matching (like every other type) carries no pattern: its statements stay as
        # an LRS already holds them.
        "q-terms": ("matching", None, "1[.](price - cost) / price[,]2[.](price - cost) / cost",
                    1.0, True),
    }
    for key in ("q-margin", "q-discount", "q-range"):
        [pattern] = shown[key][1]
        assert PATTERN.fullmatch(pattern), pattern
        # The pattern says right exactly when the score did.
        assert inside(pattern, shown[key][2]) == shown[key][4]


@pytest.mark.parametrize(("options", "pattern"), [
    ([{"value": 1.0, "number": 3.1415, "tolerance": 0.0005}], ["3.141[:]3.142"]),
    ([{"value": 1.0, "number": 1822.0, "tolerance": 0.0},
      {"value": 0.5, "number": 1822.0, "tolerance": 2.0}], ["1822"]),  # partial is not correct
    ([{"value": 1.0, "number": -40.0, "tolerance": 10.0}], ["-50[:]-30"]),
    ([{"value": 1.0, "number": 0.2, "tolerance": 0.1}], ["0.1[:]0.3"]),  # no float noise
    ([{"value": 1.0, "number": 20.0, "tolerance": 0.0}, {"value": 1.0}], ["20", "[:]"]),
])
def test_correct_response_patterns(options: list[dict[str, Any]], pattern: list[str]) -> None:
    assert numeric_pattern({"options": options}) == pattern


def test_numeric_response_is_the_number_given() -> None:
    assert response_text("numerical", {"text": "3.5"}) == "3.5"
    assert response_text("numerical", {"text": None}) is None
