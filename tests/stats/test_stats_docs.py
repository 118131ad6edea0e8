"""docs/statistics.md: its ``trainer stats --json`` example has the keys the command prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from stats_history import History

from trainer.cli import main

DOC = Path(__file__).resolve().parents[2] / "docs" / "statistics.md"


def _shape(value: object) -> object:
    """Keys all the way down; a list by its first entry."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return None


def test_json_example_matches_real_output(history: History,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    blocks = re.findall(r"```json\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1
    example = json.loads(blocks[0])
    assert main(["--data-dir", str(history.data_dir), "stats", "--json", "--topic",
                 "pushing-back", "--from", "2026-03-10", "--to", "2026-03-11"]) == 0
    real = json.loads(capsys.readouterr().out)
    assert _shape(example) == _shape(real)
    # The figures the page quotes are the ones this history gives.
    assert example["days"] == real["days"]
    assert example["buttons"] == real["buttons"]
    assert example["calibration"] == real["calibration"]
    assert example["self_assessment"] == real["self_assessment"]
