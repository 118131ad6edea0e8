"""docs/progress-format.md matches what the app writes: the JSON example has the keys
and types of a real export at every level, and the CSV headers are the real ones."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from progress_history import History, add_practice

from trainer.reports.csv_export import (
    assessments_table,
    practice_table,
    quiz_answers_table,
    reviews_table,
)
from trainer.reports.progress_export import build_export

DOC = Path(__file__).resolve().parents[2] / "docs" / "progress-format.md"
# Objects keyed by the deck's own ids (dimensions, statements): any keys, typed values.
MAPS = {"scores", "topics", "choices"}


def blocks(info: str) -> list[str]:
    """The fenced blocks whose info string starts with ``info``, in order."""
    text = DOC.read_text(encoding="utf-8")
    return re.findall(rf"^```{info}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def json_type(value: object) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "text", list: "list",
            dict: "object", type(None): "null"}[type(value)]


def same_shape(documented: Any, real: Any, where: str) -> list[str]:
    """Where the example's keys or types differ from the real export's."""
    if json_type(documented) != json_type(real):
        return [f"{where}: documented {json_type(documented)}, real {json_type(real)}"]
    if isinstance(documented, dict):
        if where.rsplit(".", 1)[-1] in MAPS:
            kinds = {json_type(v) for v in documented.values()}
            real_kinds = {json_type(v) for v in real.values()}
            return [] if kinds == real_kinds else [f"{where}: values {kinds} vs {real_kinds}"]
        if documented.keys() != real.keys():
            return [f"{where}: keys {sorted(documented)} vs {sorted(real)}"]
        return [p for key in documented
                for p in same_shape(documented[key], real[key], f"{where}.{key}")]
    if isinstance(documented, list):
        if not documented:
            return []
        if not real:
            return [f"{where}: the real export has nothing here to compare with"]
        return same_shape(documented[0], real[0], f"{where}[0]")
    return []


def test_json_example_has_the_real_keys_and_types(history: History) -> None:
    add_practice(history)
    [example] = blocks("json")
    documented = json.loads(example)
    real = build_export(history.services.db, history.clock, "Ann Lee",
                        settings=history.services.study.settings)
    assert same_shape(documented, real, "export") == []
    assert (documented["format"], documented["version"]) == (real["format"], real["version"])


def test_every_field_has_a_row_in_the_reference(history: History) -> None:
    add_practice(history)
    real = build_export(history.services.db, history.clock, "Ann Lee",
                        settings=history.services.study.settings)
    text = DOC.read_text(encoding="utf-8")
    keys: set[str] = set()

    def collect(value: Any, parent: str) -> None:
        if isinstance(value, dict) and parent not in MAPS:
            for key, inner in value.items():
                keys.add(key)
                collect(inner, key)
        elif isinstance(value, list):
            for inner in value:
                collect(inner, parent)

    collect(real, "")
    missing = sorted(k for k in keys if f"`{k}`" not in text)
    assert missing == []


@pytest.mark.parametrize(("name", "table"), [
    ("reviews.csv", reviews_table), ("quiz_answers.csv", quiz_answers_table),
    ("self_assessments.csv", assessments_table), ("practice.csv", practice_table)])
def test_csv_examples_have_the_real_columns(history: History, name: str,
                                            table: Any) -> None:
    [example] = blocks(f"csv {re.escape(name)}")
    header, *rows = list(csv.reader(io.StringIO(example)))
    assert header == table(history.services.db)[0]
    assert rows and all(len(row) == len(header) for row in rows)
