"""docs/xapi.md tells the truth: its example statements validate with Ralph's models and
are exactly what the export writes for the test history, its id recipe gives their ids,
and its sample output is what ``trainer push`` prints."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from ralph.models.xapi.base.statements import BaseXapiStatement
from xapi_history import History

from trainer.reports.progress_export import LEARNER_ID_KEY, set_display_name
from trainer.reports.xapi import statements

DOC = Path(__file__).resolve().parents[2] / "docs" / "xapi.md"
_BLOCK = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(info: str) -> list[str]:
    return [m["body"] for m in _BLOCK.finditer(DOC.read_text(encoding="utf-8"))
            if m["info"].strip() == info]


def examples() -> list[dict[str, Any]]:
    return [json.loads(body) for body in blocks("json")]


def test_examples_validate_with_ralph() -> None:
    found = examples()
    assert [s["verb"]["id"].rsplit("/", 1)[1] for s in found] \
        == ["answered", "answered", "passed"]
    for statement in found:
        BaseXapiStatement(**statement)


def test_examples_are_what_the_export_writes(history: History) -> None:
    found = examples()
    actor = found[0]["actor"]
    db = history.services.db
    with db.atomic():  # the learner of the examples, instead of a fresh random one
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [LEARNER_ID_KEY, json.dumps(actor["account"]["name"])])
    set_display_name(db, actor["name"])
    exported = {s["id"]: s for s in json.loads(json.dumps(list(statements(db))))}
    for example in found:
        assert exported.get(example["id"]) == example, (
            "docs/xapi.md's example differs from the export; if the export changed on "
            "purpose, paste the new statement into the page")
    (fragment,) = blocks("json fragment")
    assert json.loads(fragment) == actor


def test_the_id_recipe_gives_the_first_example_its_id() -> None:
    (recipe,) = blocks("python")
    *code, call, comment = recipe.strip().splitlines()
    names: dict[str, Any] = {}
    exec("\n".join(code), names)
    assert eval(call, names) == uuid.UUID(comment.split("'")[1]) \
        == uuid.UUID(examples()[0]["id"])


def test_sample_output_has_the_command_s_form() -> None:
    (sample,) = blocks("text")
    assert re.fullmatch(r"Sent \d+ statements to \S+: \d+ new, \d+ already there\.\n", sample)
