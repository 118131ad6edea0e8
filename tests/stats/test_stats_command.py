"""``trainer stats``: JSON, the text summary, and bad input."""

from __future__ import annotations

import json

import pytest
from stats_history import History

from trainer.cli import main

RANGE = ["--from", "2026-03-10", "--to", "2026-04-30"]


def _run(history: History, *args: str) -> int:
    return main(["--data-dir", str(history.data_dir), "stats", *args])


def test_json_prints_the_screens_figures(history: History,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(history, "--json", "--deck", "cards", *RANGE) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scope"] == {"deck": "cards", "topic": None, "title": "Practice cards"}
    assert (data["first_day"], data["last_day"]) == ("2026-03-10", "2026-04-30")
    assert len(data["days"]) == 52 and len(data["forecast"]) == 30
    assert sum(d["answers"] for d in data["days"]) == 9
    assert data["buttons"]["mature"] == {"again": 1, "hard": 0, "good": 0, "easy": 0}
    assert data["retention"]["young"] == {"answers": 2, "passed": 2, "rate": 1.0}
    assert [m["topic"] for m in data["mastery"]] == ["practice"]


def test_text_summary(history: History, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(history, "--topic", "pushing-back", *RANGE) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Topic: pushing-back, 2026-03-10 to 2026-04-30"
    assert out[2] == "range: 4 answers on 2 of 52 days"
    assert "true retention: young - (0), mature - (0)" in out
    assert any(line.startswith("topic pushing-back: mean recall ") for line in out)
    assert "calibration: 4 answers, low 0%, medium 100%, high -" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-02-30"], "trainer: --from '2026-02-30' is not a date; write it as "
                               "YYYY-MM-DD"),
    (["--to", "yesterday"], "trainer: --to 'yesterday' is not a date"),
    (["--deck", "nope"], "trainer: no deck 'nope' in this profile"),
    (["--topic", "golf"], "trainer: no topic 'golf' in this profile"),
    (["--from", "2026-04-01", "--to", "2026-03-01"],
     "trainer: the range starts on 2026-04-01, after it ends (2026-03-01)"),
    (["--from", "20260301"], "trainer: --from '20260301' is not a date; write it as "
                             "YYYY-MM-DD"),
    (["--to", "9999-12-31"], "trainer: the last day 9999-12-31 is out of range: give a "
                             "day from 1970-01-01 to "),
    (["--from", "0001-01-01", "--to", "0001-01-02"],
     "trainer: the first day 0001-01-01 is out of range"),
    (["--from", "2999-01-01"], "trainer: the first day 2999-01-01 is out of range"),
])
def test_bad_input_exits_3_with_a_message(history: History,
                                          capsys: pytest.CaptureFixture[str],
                                          args: list[str], message: str) -> None:
    assert _run(history, *args) == 3
    captured = capsys.readouterr()
    assert captured.err.startswith(message) and captured.out == ""
    assert "Traceback" not in captured.err
