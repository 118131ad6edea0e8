"""The progress file written today holds exactly what the export wrote before it was
streamed: ``golden/progress.json`` was made by the earlier exporter (which built the
whole document in memory) from the profile below. Layout may differ; keys, their
order, values and types may not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from progress_history import History, add_practice

from trainer import __version__
from trainer.reports.progress_export import build_export, write_export
from trainer.storage.learner_repo import LEARNER_ID_KEY

GOLDEN = Path(__file__).resolve().parent / "golden" / "progress.json"
LEARNER = "0b7f6a3e-2c1d-4e8f-9a5b-3c2d1e0f4a6b"


def golden_profile(history: History) -> None:
    """Cards, a quiz, questions met again in daily study, a self-check, a path, practice
    replies (one undone) and a card of the rep's own, under a fixed learner id."""
    add_practice(history)
    history.services.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                [LEARNER_ID_KEY, json.dumps(LEARNER)])


def typed(value: Any) -> Any:
    """``value`` with each number's JSON type kept (1 and 1.0 and True compare equal in
    Python) and each object's key order."""
    if isinstance(value, dict):
        return [(key, typed(v)) for key, v in value.items()]
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def golden() -> Any:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    expected["app_version"] = __version__  # the version that made it is not the point
    return typed(expected)


def test_the_written_file_is_what_the_earlier_exporter_wrote(history: History,
                                                             tmp_path: Path) -> None:
    golden_profile(history)
    path = tmp_path / "progress.json"
    write_export(history.services.db, history.clock, path, "Zoë Ångström",
                 settings=history.services.study.settings)
    assert typed(json.loads(path.read_text(encoding="utf-8"))) == golden()


def test_the_export_in_memory_is_the_same(history: History) -> None:
    golden_profile(history)
    export = build_export(history.services.db, history.clock, "Zoë Ångström",
                          settings=history.services.study.settings)
    assert typed(export) == golden()
