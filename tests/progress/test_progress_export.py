"""The progress export holds exactly what the rep did, and exporting changes nothing else."""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from progress_history import CERTAINTY, WRONG, History

from trainer.app import open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.errors import TrainerError
from trainer.domain.scoring import Response
from trainer.domain.settings import StudySettings
from trainer.reports import progress_records
from trainer.reports.progress_export import (
    build_export,
    counts_line,
    default_file_name,
    learner_id,
    plain_prompt,
    stored_display_name,
    summary,
    write_export,
)
from trainer.storage.timefmt import to_db

DAY1, DAY2, DAY3 = "2026-03-10", "2026-03-11", "2026-03-12"
QUIZ_ORDER = ["q-single", "q-multi", "q-tf", "q-scenario", "q-match", "q-order"]


def export_of(history: History, name: str | None = None) -> dict[str, Any]:
    services = history.services
    return build_export(services.db, history.clock, name, settings=services.study.settings)


def dump(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read through a separate connection."""
    conn = sqlite3.connect(database)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables}
    finally:
        conn.close()


def test_header_decks_and_items(history: History) -> None:
    export = export_of(history)
    assert export["format"] == "sales-trainer-progress" and export["version"] == 1
    assert export["exported_at"] == to_db(history.clock()) == "2026-03-12T12:02:53.000000+00:00"
    assert uuid.UUID(export["learner"]["id"]).version == 4
    assert export["learner"]["display_name"] is None
    assert export["decks"] == [{"id": "qdeck", "title": "Quiz test deck", "version": "1"}]
    items = {i["id"]: i for i in export["items"]}
    assert list(items) == ["c1", *QUIZ_ORDER, "q-short"]
    assert [(i["kind"], i["topic"], i["prompt"]) for i in export["items"]] == [
        ("card", "general", "A card"),
        ("single", "objections", "Which is best?"),
        ("multiple", "objections", "Pick the good ones."),
        ("truefalse", "pushing-back", "Prospects mind respectful push back."),
        ("scenario", "pushing-back", '"Your tool is just like the one we dropped."'),
        ("matching", "general", "Match them."),
        ("ordering", "general", "Put in order."),
        ("shortanswer", "general", "What does the F in FEAR stand for?"),
    ]
    card = items["c1"]
    assert (card["phase"], card["reps"], card["lapses"], card["retired"]) == (2, 2, 0, False)
    assert card["last_review"] == "2026-03-11T12:02:23.000000+00:00"
    assert card["stability"] > 0 and 1 <= card["difficulty"] <= 10 and card["due"] > DAY2
    # Answered three times: wrong in the quiz, right twice in daily study.
    assert (items["q-single"]["reps"], items["q-single"]["lapses"]) == (3, 0)
    never = items["q-short"]
    assert (never["phase"], never["reps"], never["stability"], never["due"]) == (0, 0, None, None)


def test_review_log_covers_every_answer_on_every_day(history: History) -> None:
    reviews = export_of(history)["reviews"]
    assert [(r["at"][:10], r["item"], r["rating"]) for r in reviews] == [
        (DAY1, "c1", 3),
        (DAY1, "q-single", 1), (DAY1, "q-multi", 3), (DAY1, "q-tf", 1),
        (DAY1, "q-scenario", 3), (DAY1, "q-match", 3), (DAY1, "q-order", 3),
        (DAY2, "q-single", 3), (DAY2, "q-tf", 3), (DAY2, "c1", 3), (DAY2, "q-multi", 3),
        (DAY2, "q-scenario", 3), (DAY2, "q-match", 3), (DAY2, "q-order", 3),
        (DAY2, "q-single", 3), (DAY2, "q-tf", 3),
    ]
    assert reviews[0] == {"deck": "qdeck", "item": "c1", "at": "2026-03-10T12:00:08.000000+00:00",
                          "rating": 3, "duration_ms": 8000, "phase_before": 0,
                          "deck_version": "1"}
    assert {r["duration_ms"] for r in reviews[1:7]} == {20000}
    assert {r["phase_before"] for r in reviews[7:]} == {1}


def test_quiz_attempt_keeps_raw_answers_and_certainty(
        history: History, right_answers: dict[str, Response]) -> None:
    [attempt] = export_of(history)["quiz_attempts"]
    answers = attempt.pop("answers")
    assert attempt == {
        "id": 1, "deck": "qdeck", "quiz": "mixed", "kind": "quiz", "deck_version": "1",
        "started_at": "2026-03-10T12:00:08.000000+00:00",
        "finished_at": "2026-03-10T12:02:08.000000+00:00", "discarded": False,
        "pass_mark": 60, "certainty": True, "questions": 6,
    }
    assert [a["item"] for a in answers] == QUIZ_ORDER
    assert [a["position"] for a in answers] == list(range(6))
    for answer in answers:
        key = answer["item"]
        assert answer["response"] == WRONG.get(key, right_answers[key]).to_json()
        assert answer["certainty"] == CERTAINTY.get(key, 2)
        assert answer["correct"] is (key not in WRONG)
    single = answers[0]
    assert single == {
        "item": "q-single", "kind": "single", "topic": "objections", "position": 0,
        "response": {"chosen": ["a"], "truth": None, "matches": [], "order": [], "text": None},
        "certainty": 3, "score": 0.0, "correct": False, "marks": -6, "duration_ms": 20000,
        "answered_at": "2026-03-10T12:00:28.000000+00:00",
    }
    assert [a["marks"] for a in answers] == [-6, 2, 0, 2, 2, 2]
    assert sum(a["score"] for a in answers) == 4.0


def test_questions_answered_in_daily_study(history: History,
                                           right_answers: dict[str, Response]) -> None:
    answers = export_of(history)["study_answers"]
    assert [a["item"] for a in answers] == [
        "q-single", "q-tf", "q-multi", "q-scenario", "q-match", "q-order", "q-single", "q-tf"]
    for answer in answers:
        assert answer["response"] == right_answers[answer["item"]].to_json()
        assert (answer["deck"], answer["deck_version"], answer["certainty"]) == ("qdeck", "1", 2)
        assert answer["correct"] is True and answer["answered_at"][:10] == DAY2


def test_self_assessment_and_path(history: History) -> None:
    export = export_of(history)
    assert export["assessments"] == [{
        "id": 1, "deck": "qdeck", "assessment": "ready", "deck_version": "1",
        "started_at": "2026-03-12T12:02:53.000000+00:00",
        "finished_at": "2026-03-12T12:02:53.000000+00:00",
        "scores": {"courage": 75.0, "method": 75.0},
        "topics": {"courage": "pushing-back", "method": None},
        "choices": {"s1": 4, "s2": 2, "s3": 4},
    }]
    assert export["paths"] == [{
        "deck": "qdeck", "id": "week", "title": "Test week",
        "started_at": "2026-03-10T12:00:00.000000+00:00", "day": 3,
        "steps": [
            {"day": 1, "kind": "deck", "target": "qdeck", "title": "Study Quiz test deck",
             "done": True, "progress": "1 of 1 cards"},
            {"day": 1, "kind": "quiz", "target": "qdeck/mixed",
             "title": "Pass the quiz: Mixed quiz", "done": False,
             "progress": "best 67% (pass 80%)"},
            {"day": 2, "kind": "assessment", "target": "qdeck/ready",
             "title": "Take the self-check: Ready?", "done": True, "progress": "taken"},
        ],
    }]
    assert summary(export) == "16 answers, 1 quiz attempt, 1 self-assessment"


def test_export_changes_nothing_but_the_learner_settings(history: History) -> None:
    database = history.services.config.database_path
    export_of(history)  # the learner id is made on the first export
    before = dump(database)
    export_of(history, "Ann Lee")
    after = dump(database)
    assert {t: rows for t, rows in after.items() if t != "settings"} == {
        t: rows for t, rows in before.items() if t != "settings"}
    assert set(after["settings"]) - set(before["settings"]) == {
        ("display_name", json.dumps("Ann Lee"))}
    export_of(history)
    assert dump(database) == after


def test_a_path_never_seen_is_reported_but_not_started(
        tmp_path: Path, clock: FakeClock, settings: StudySettings, quiz_decks: Path) -> None:
    services = open_services(Config(tmp_path / "data"), clock, settings, quiz_decks)
    try:
        export = build_export(services.db, clock, settings=services.study.settings)
        [path] = export["paths"]
        assert (path["started_at"], path["day"]) == (None, None)
        assert [s["done"] for s in path["steps"]] == [False, False, False]
        assert path["steps"][1]["progress"] == "not taken yet"
        assert services.db.execute("SELECT count(*) FROM path_starts").fetchone()[0] == 0
        assert (export["reviews"], export["quiz_attempts"], export["study_answers"],
                export["assessments"]) == ([], [], [], [])
    finally:
        services.close()


def test_learner_id_is_stable_and_differs_between_profiles(
        history: History, tmp_path: Path, clock: FakeClock, settings: StudySettings,
        quiz_decks: Path) -> None:
    first = export_of(history)["learner"]["id"]
    assert export_of(history)["learner"]["id"] == first
    history.services.close()
    reopened = open_services(Config(history.data_dir), clock, settings, quiz_decks)
    try:
        assert learner_id(reopened.db) == first
    finally:
        reopened.close()
    other = open_services(Config(tmp_path / "other"), clock, settings, quiz_decks)
    try:
        assert learner_id(other.db) != first
    finally:
        other.close()


def test_display_name_is_stored_kept_and_removed(history: History) -> None:
    db = history.services.db
    assert export_of(history, "  Ann \t Lee ")["learner"]["display_name"] == "Ann Lee"
    assert stored_display_name(db) == "Ann Lee"
    assert export_of(history)["learner"]["display_name"] == "Ann Lee"  # None keeps it
    assert export_of(history, "")["learner"]["display_name"] is None
    assert stored_display_name(db) is None


@pytest.mark.parametrize(("name", "message"), [
    ("x" * 101, "longer than 100 characters"),
    ("Ann\x00Lee", "control characters"),
])
def test_bad_display_name_leaves_the_profile_as_it_was(history: History, name: str,
                                                       message: str) -> None:
    export_of(history, "Ann")
    before = dump(history.services.config.database_path)
    with pytest.raises(ValueError, match=message):
        export_of(history, name)
    assert dump(history.services.config.database_path) == before


def test_written_file_is_the_export(history: History, tmp_path: Path) -> None:
    target = tmp_path / "out" / "progress.json"
    written = write_export(history.services.db, history.clock, target, "Ann",
                           settings=history.services.study.settings)
    export = json.loads(target.read_text(encoding="utf-8"))
    assert export == export_of(history) | {"exported_at": export["exported_at"]}
    assert (written.learner_id, written.display_name) == (export["learner"]["id"], "Ann")
    assert summary(written) == summary(export) == (
        "16 answers, 1 quiz attempt, 1 self-assessment")
    assert sorted(p.name for p in target.parent.iterdir()) == ["progress.json"]


def test_unwritable_destination_keeps_file_name_and_earlier_file(history: History,
                                                                 tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    target = blocker / "progress.json"
    with pytest.raises(TrainerError, match=f"^{blocker}.*cannot write the progress export"):
        write_export(history.services.db, history.clock, target, "Ann",
                     settings=history.services.study.settings)
    assert stored_display_name(history.services.db) is None  # not stored without a file
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(TrainerError, match=f"^{folder}: is a folder"):
        write_export(history.services.db, history.clock, folder,
                     settings=history.services.study.settings)
    assert list(folder.iterdir()) == []


def test_default_file_name_is_safe_and_dated() -> None:
    when = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert default_file_name("Ann O'Neil / Sales", when) == (
        "progress-ann-o-neil-sales-2026-11-30.json")
    assert default_file_name("7b7fa5bc", when) == "progress-7b7fa5bc-2026-11-30.json"
    assert default_file_name("../..", when) == "progress-learner-2026-11-30.json"
    assert default_file_name("Zoë Ångström", when) == "progress-zoë-ångström-2026-11-30.json"


def test_counts_line_speaks_plainly() -> None:
    assert counts_line(1, 0, 2) == "1 answer, 0 quiz attempts, 2 self-assessments"


@pytest.mark.parametrize(("markdown", "plain"), [
    ("**Bold** and _it_, `code`", "Bold and it, code"),
    ("# Title\n\n- one\n- two &amp; three", "Title one two & three"),
    ("[the guide](https://example.com) <script>alert(1)</script>says", "the guide says"),
    ("a < b", "a < b"),
    ("", ""),
])
def test_prompt_is_plain_text(markdown: str, plain: str) -> None:
    assert plain_prompt(markdown) == plain


def test_long_prompt_is_cut_at_a_word() -> None:
    text = " ".join(["objection"] * 40)
    prompt = plain_prompt(text)
    assert len(prompt) <= 200 and prompt.endswith("objection…")
    assert plain_prompt("x" * 300) == "x" * 199 + "…"


def test_export_is_readable_by_the_cohort_report(history: History, tmp_path: Path) -> None:
    cohort = pytest.importorskip("trainer.reports.cohort")
    report = cohort.summarise(export_of(history, "Ann"), tmp_path / "ann.json")
    assert report.name == "Ann"
    assert [wrong[:3] for wrong in report.confident_wrong] == [("qdeck", "mixed", "q-single")]


def test_exporting_never_makes_a_studying_window_wait(
        history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services = history.services
    learner_id(services.db)  # made on first use; that short write is not what is tested
    database = Config(history.data_dir).database_path
    window = sqlite3.connect(database, timeout=0, isolation_level=None)
    written: list[int] = []
    real_reviews = progress_records.reviews

    def reviews_while_studying(db: Any) -> Iterator[dict[str, Any]]:
        # Another connection answers a card halfway through the export: with no wait
        # allowed, this fails if the export holds the write lock.
        window.execute("BEGIN IMMEDIATE")
        window.execute("UPDATE reviews SET duration_ms = duration_ms + 1 WHERE id = 1")
        window.execute("COMMIT")
        written.append(1)
        yield from real_reviews(db)

    monkeypatch.setattr(progress_records, "reviews", reviews_while_studying)
    path = tmp_path / "p.json"
    write_export(services.db, history.clock, path, "Sam", settings=services.study.settings)
    export = json.loads(path.read_text(encoding="utf-8"))

    assert written == [1]
    # The export is of the moment it began: the answer committed meanwhile is not in it.
    assert export["reviews"][0]["duration_ms"] == 8000
    assert stored_display_name(services.db) == "Sam"
    window.close()


def test_the_file_holds_one_record_per_line(history: History, tmp_path: Path) -> None:
    services = history.services
    path = tmp_path / "p.json"
    write_export(services.db, history.clock, path, settings=services.study.settings)
    text = path.read_text(encoding="utf-8")
    export = json.loads(text)
    lines = text.splitlines()
    start = lines.index('  "reviews": [')
    assert [json.loads(line.strip().rstrip(",")) for line in
            lines[start + 1:start + 1 + len(export["reviews"])]] == export["reviews"]
    assert lines[start + 1 + len(export["reviews"])] == "  ],"


def test_the_export_stays_english_whatever_the_window_speaks(history: History) -> None:
    from trainer import i18n

    # A stand-in translator: every text of ours would come out marked.
    i18n.install(lambda _c, text, _d, n: "DE " + text.replace("%n", str(n)),
                 lambda value, decimals: f"{value:.{decimals}f}".replace(".", ","), "de")
    try:
        steps = export_of(history)["paths"][0]["steps"]
        from trainer.study.path_service import PathServiceText

        assert PathServiceText.tr("taken").startswith("DE ")  # outside the export: German
    finally:
        i18n.reset()
    assert [s["title"] for s in steps][1] == "Pass the quiz: Mixed quiz"
    assert [s["progress"] for s in steps] == ["1 of 1 cards", "best 67% (pass 80%)", "taken"]


@pytest.mark.parametrize("text", [
    "Front of card 12345", "Zoë's \"best\" question, then; the next? Yes!",
    "Two  spaces  \nand a hard break", "    indented like code\n\nthen a paragraph",
    "Line one\nline two\n\n\nthree", "Ελληνικά και 日本語", "", " \t\n ",
    " ".join(["objection"] * 40),
])
def test_plain_text_reads_as_rendering_it_would_give(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.content import render

    assert render._RENDERS_TO_ITSELF.fullmatch(text)  # so it skips rendering
    skipped = plain_prompt(text)
    # Matches nothing: rendered the whole way.
    monkeypatch.setattr(render, "_RENDERS_TO_ITSELF", re.compile(r"(?!)"))
    assert plain_prompt(text) == skipped
