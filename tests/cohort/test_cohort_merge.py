"""Reading and merging exports: exact figures from real profiles, newer export wins, bad
files are named with their reason and the rest still merge."""

from __future__ import annotations

import gc
import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cohort_builders import SCRIPT_NAME, CohortFiles
from fsrs import Card, Scheduler, State

from trainer.reports import cohort as cohort_module
from trainer.reports.cohort import (
    MIN_ANSWERS,
    PARALLEL_FROM,
    ExportProblem,
    LearnerReport,
    PassRate,
    confident_wrong,
    load_cohort,
    pass_rates,
    path_groups,
    read_export,
    recall_probability,
)


def _reasons(files: CohortFiles) -> dict[str, str]:
    return {s.path.name: s.reason for s in load_cohort([files.folder]).skipped}


def test_newest_export_of_each_learner_is_kept_and_bad_files_are_named(
        cohort_files: CohortFiles) -> None:
    cohort = load_cohort([cohort_files.folder])
    assert [learner.source for learner in cohort.learners] == [
        cohort_files.script, cohort_files.ana_new, cohort_files.nameless]
    script, ana, nameless = cohort.learners
    assert (script.name, ana.name) == (SCRIPT_NAME, "Ana")
    nameless_id = cohort_files.load(cohort_files.nameless)["learner"]["id"]
    assert nameless.name == f"learner {nameless_id[:8]}"
    assert cohort.exports_read == 4
    [superseded] = cohort.superseded
    assert (superseded.path, superseded.kept) == (cohort_files.ana_old, cohort_files.ana_new)
    assert superseded.learner_id == ana.learner_id
    reasons = {s.path.name: s.reason for s in cohort.skipped}
    assert reasons == {
        "broken.json": "not valid JSON (line 3, column 1: Expecting property name enclosed "
                       "in double quotes)",
        "from-the-future.json": "made by a newer Sales Trainer (export version 2; this "
                                "version reads up to 1): update the app",
        "package.json": 'not a progress export ("format" is None)',
        "huge.json": "larger than 195 KB",
    }  # notes.txt is not a .json file: not read at all


def test_newer_wins_whatever_order_the_files_are_given_in(cohort_files: CohortFiles) -> None:
    for order in ([cohort_files.ana_old, cohort_files.ana_new],
                  [cohort_files.ana_new, cohort_files.ana_old]):
        cohort = load_cohort(order)
        assert [learner.source for learner in cohort.learners] == [cohort_files.ana_new]
        assert [s.path for s in cohort.superseded] == [cohort_files.ana_old]


def test_on_a_tie_the_first_file_is_kept(cohort_files: CohortFiles) -> None:
    copy = cohort_files.folder / "copy" / "ana-again.json"
    copy.parent.mkdir()
    shutil.copy(cohort_files.ana_new, copy)
    cohort = load_cohort([copy, cohort_files.ana_new])
    assert [learner.source for learner in cohort.learners] == [copy]
    assert [(s.path, s.kept) for s in cohort.superseded] == [(cohort_files.ana_new, copy)]


def test_topic_figures(cohort_files: CohortFiles) -> None:
    script, ana, nameless = load_cohort(cohort_files.exports).learners
    # Ana: the card once and "mixed" twice (each answer is also a review).
    assert {t: (s.answers, s.quiz_answers, s.quiz_correct) for t, s in ana.topics.items()} == {
        "general": (5, 4, 4), "objections": (4, 4, 3), "pushing-back": (4, 4, 3)}
    assert ana.topics["general"].shown_mastery is not None
    assert ana.topics["objections"].shown_mastery is None  # 4 < MIN_ANSWERS
    assert ana.topics["objections"].quiz_accuracy == 0.75
    assert {t: (s.answers, s.quiz_correct) for t, s in script.topics.items()} == {
        "general": (2, 2), "objections": (2, 1), "pushing-back": (2, 0)}
    assert all(s.shown_mastery is None for s in script.topics.values())
    assert nameless.topics["general"].answers == 1
    assert nameless.topics["objections"].mastery is None  # nothing of it reviewed
    assert nameless.topics["objections"].quiz_accuracy is None
    assert MIN_ANSWERS == 5


def _fsrs_recall(item: dict[str, object], now: datetime,
                 parameters: list[float] | None = None) -> float:
    card = Card(state=State.Review, stability=item["stability"],  # type: ignore[arg-type]
                difficulty=item["difficulty"],  # type: ignore[arg-type]
                last_review=datetime.fromisoformat(str(item["last_review"])))
    scheduler = Scheduler(parameters=parameters) if parameters else Scheduler()
    return float(scheduler.get_card_retrievability(card, now))


def test_mastery_follows_the_reps_own_recall_curve(cohort_files: CohortFiles) -> None:
    doc = cohort_files.load(cohort_files.ana_new)
    now = datetime.fromisoformat(doc["exported_at"]) + timedelta(days=40)
    doc["exported_at"] = now.isoformat()
    general = [i for i in doc["items"] if i["topic"] == "general" and i["last_review"]]
    default = read_export_of(cohort_files, doc).topics["general"].mastery
    # This rep optimized their schedule: a flatter forgetting curve (w20 = 0.3).
    tuned = [*doc["scheduler"]["parameters"][:20], 0.3]
    doc["scheduler"]["parameters"] = tuned
    expected = sum(_fsrs_recall(i, now, tuned) for i in general) / len(general)
    mastery = read_export_of(cohort_files, doc).topics["general"].mastery
    assert mastery == pytest.approx(expected, abs=1e-12)
    assert mastery != pytest.approx(default, abs=1e-3)
    # An export without the section (or with an odd one) uses py-fsrs's default curve.
    del doc["scheduler"]
    assert read_export_of(cohort_files, doc).topics["general"].mastery == default


def test_quizzes_are_named_by_their_titles_when_the_export_has_them(
        cohort_files: CohortFiles) -> None:
    cohort = load_cohort(cohort_files.exports)
    assert cohort.quiz_title("qdeck", "mixed") == "Mixed quiz"
    doc = cohort_files.load(cohort_files.ana_new)
    del doc["quizzes"]
    assert read_export_of(cohort_files, doc).quiz_titles == {}


def read_export_of(files: CohortFiles, doc: dict[str, object]) -> LearnerReport:
    path = files.folder / "edited.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return read_export(path)


def test_mastery_is_the_mean_recall_py_fsrs_computes(cohort_files: CohortFiles) -> None:
    doc = cohort_files.load(cohort_files.ana_new)
    now = datetime.fromisoformat(doc["exported_at"])
    general = [i for i in doc["items"] if i["topic"] == "general" and i["last_review"]]
    assert sorted(i["id"] for i in general) == ["c1", "q-match", "q-order"]
    expected = sum(_fsrs_recall(i, now) for i in general) / 3
    assert read_export(cohort_files.ana_new).topics["general"].mastery == pytest.approx(
        expected, abs=1e-12)
    assert expected < 1.0  # the card was studied a day earlier: some forgetting


@pytest.mark.parametrize("days", [0, 1, 3, 30, 400])
@pytest.mark.parametrize("stability", [0.1, 2.3065, 15.0, 180.0])
def test_recall_formula_matches_py_fsrs(stability: float, days: int) -> None:
    last = datetime.fromisoformat("2026-03-10T12:00:00+00:00")
    now = last + timedelta(days=days, hours=5)  # part days count as py-fsrs counts them
    item = {"stability": stability, "difficulty": 5.0, "last_review": last.isoformat()}
    assert recall_probability(stability, last, now) == pytest.approx(
        _fsrs_recall(item, now), abs=1e-12)


def test_quizzes_paths_and_confident_wrong(cohort_files: CohortFiles) -> None:
    learners = load_cohort(cohort_files.exports).learners
    script, ana, nameless = learners
    assert pass_rates(learners) == [PassRate("qdeck", "mixed", took=2, passed=1)]
    assert ana.quizzes["qdeck", "mixed"].attempts == 2
    assert ana.quizzes["qdeck", "mixed"].best_percent == 100.0
    assert not script.quizzes["qdeck", "mixed"].passed
    assert nameless.quizzes == {}

    [group] = path_groups(learners)
    assert (group.title, group.behind) == ("Test week", 2)
    # Most steps overdue first; Ana is on day 2 with only the day-2 step open.
    assert [(r.name, s.day, len(s.behind), s.done) for r, s in group.rows] == [
        (SCRIPT_NAME, 4, 3, 0), (nameless.name, 2, 1, 1), ("Ana", 2, 0, 2)]
    assert [s.title for s in group.rows[1][1].behind] == ["Pass the quiz: Mixed quiz"]

    doc = cohort_files.load(cohort_files.script)
    prompts = {i["id"]: i.get("prompt") or i["id"] for i in doc["items"]}
    assert [(c.item, c.label, c.answers, c.learners) for c in confident_wrong(learners)] == [
        ("q-single", prompts["q-single"], 2, 2), ("q-tf", prompts["q-tf"], 2, 2),
        ("q-scenario", prompts["q-scenario"], 1, 1)]


def test_calibration_per_learner(cohort_files: CohortFiles) -> None:
    script, ana, nameless = load_cohort(cohort_files.exports).learners
    high = ana.calibration.levels[2]
    assert (high.level, high.answers, high.accuracy) == (3, 12, 10 / 12)
    assert ana.calibration.overconfidence == pytest.approx(0.9 - 10 / 12)
    assert script.calibration.levels[2].accuracy == 0.5
    assert nameless.calibration.overconfidence is None


def test_prompt_falls_back_to_the_item_id(cohort_files: CohortFiles) -> None:
    doc = cohort_files.load(cohort_files.script)
    for item in doc["items"]:
        item.pop("prompt", None)
    cohort_files.script.write_text(json.dumps(doc), encoding="utf-8")
    labels = [c.label for c in confident_wrong([read_export(cohort_files.script)])]
    assert labels == ["q-scenario", "q-single", "q-tf"]


def test_questions_answered_in_daily_study_count_too(cohort_files: CohortFiles) -> None:
    doc = cohort_files.load(cohort_files.nameless)
    assert doc["study_answers"] == []  # this rep has not met a question in daily study
    wrong = {"deck": "qdeck", "deck_version": "1", "item": "q-order", "kind": "ordering",
             "topic": "testing", "response": {"order": ["b", "a"]}, "certainty": 3,
             "score": 0.0, "correct": False, "marks": -6, "duration_ms": 4000,
             "answered_at": "2026-03-11T12:00:00.000000+00:00"}
    doc["study_answers"] = [wrong, {**wrong, "item": "q-tf", "certainty": 1,
                                    "correct": True, "score": 1.0, "marks": 1}]
    cohort_files.nameless.write_text(json.dumps(doc), encoding="utf-8")

    learner = read_export(cohort_files.nameless)

    assert learner.topics["testing"].quiz_answers == 2
    assert learner.topics["testing"].quiz_correct == 1
    assert [(level.answers, level.accuracy) for level in learner.calibration.levels] == [
        (1, 1.0), (0, None), (1, 0.0)]
    assert [(c.item, c.quizzes) for c in confident_wrong([learner])] == [
        ("q-order", ("daily study",))]

    doc["study_answers"] = [{**wrong, "certainty": 7}]
    cohort_files.nameless.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ExportProblem, match=r"study_answers\[0\]: .*certainty"):
        read_export(cohort_files.nameless)


def _broken_copy(files: CohortFiles, name: str, change: object) -> Path:
    doc = files.load(files.nameless)
    change(doc)  # type: ignore[operator]
    path = files.folder / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_bad_field_names_the_record_and_the_rest_still_merge(
        cohort_files: CohortFiles) -> None:
    _broken_copy(cohort_files, "stability.json",
                 lambda d: d["items"][0].update(stability="high"))
    _broken_copy(cohort_files, "certainty.json",
                 lambda d: d["quiz_attempts"].append(
                     {**cohort_files.load(cohort_files.ana_new)["quiz_attempts"][0],
                      "answers": [{"certainty": 7, "correct": True, "score": 1}]}))
    _broken_copy(cohort_files, "no-reviews.json", lambda d: d.pop("reviews"))
    _broken_copy(cohort_files, "review.json", lambda d: d["reviews"].append(["x"]))
    _broken_copy(cohort_files, "when.json", lambda d: d.update(exported_at="yesterday"))
    (cohort_files.folder / "latin1.json").write_bytes(b'{"name": "Jos\xe9"}')
    reasons = _reasons(cohort_files)
    assert reasons["stability.json"] == \
        "items[0]: \"stability\" should be a positive number, not 'high'"
    assert reasons["certainty.json"] == \
        'quiz_attempts[0].answers[0]: "certainty" should be 1, 2, 3 or null, not 7'
    assert reasons["no-reviews.json"] == 'missing key(s) "reviews"'
    assert reasons["review.json"].startswith("reviews[1]: ")
    assert reasons["when.json"].startswith('"exported_at": bad value')
    assert reasons["latin1.json"] == "not UTF-8 text (bad byte at offset 13)"
    assert len(load_cohort([cohort_files.folder]).learners) == 3


def test_missing_paths_are_reported(tmp_path: Path) -> None:
    cohort = load_cohort([tmp_path / "nowhere"])
    assert [(s.path.name, s.reason) for s in cohort.skipped] == [
        ("nowhere", "no such file or folder")]
    assert cohort.learners == ()


def test_a_display_name_is_one_short_line(cohort_files: CohortFiles) -> None:
    doc = cohort_files.load(cohort_files.nameless)
    doc["learner"]["display_name"] = "  Bo\n\tBrown " + "x" * 300
    cohort_files.nameless.write_text(json.dumps(doc), encoding="utf-8")
    name = read_export(cohort_files.nameless).name
    assert name.startswith("Bo Brown xx") and len(name) == 100


def test_export_problem_is_a_value_error() -> None:
    # The CLI turns ValueError into "trainer: ..." with exit 2, never a traceback.
    assert issubclass(ExportProblem, ValueError)


def _big_folder(files: CohortFiles, copies: int) -> Path:
    folder = files.folder.parent / "big"
    folder.mkdir()
    for n in range(copies):
        for path in files.folder.iterdir():
            shutil.copy(path, folder / f"{n:03}-{path.name}")
    return folder


def test_many_files_are_read_in_parallel_with_the_same_result(
        cohort_files: CohortFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _big_folder(cohort_files, 10)  # 100 files, past PARALLEL_FROM
    assert len(list(folder.iterdir())) >= PARALLEL_FROM
    pools: list[int] = []
    real_pool = cohort_module.ProcessPoolExecutor

    def counted(workers: int, **kwargs: Any) -> Any:
        pools.append(workers)
        return real_pool(workers, **kwargs)

    monkeypatch.setattr(cohort_module, "ProcessPoolExecutor", counted)

    alone = load_cohort([folder], workers=1)
    assert pools == []

    def not_here(_files: object) -> None:
        raise AssertionError("read in this process: the workers did not do it")

    # Workers are separate processes, untouched by this patch; only a fallback to
    # reading here would call it.
    monkeypatch.setattr(cohort_module, "_read_here", not_here)
    shared = load_cohort([folder], workers=2)
    assert pools == [2]

    assert shared == alone
    assert len(alone.learners) == 3 and alone.exports_read == 40
    # Copies of the same export tie: the first file in path order is kept.
    assert {learner.source.name[:3] for learner in alone.learners} == {"000"}


def test_without_worker_processes_the_files_are_read_here(
        cohort_files: CohortFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _big_folder(cohort_files, 7)

    def no_processes(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(cohort_module, "ProcessPoolExecutor", no_processes)
    assert load_cohort([folder], workers=2) == load_cohort([folder], workers=1)


def test_numbers_too_big_to_count_skip_the_file_not_the_report(
        cohort_files: CohortFiles) -> None:
    def huge_questions(doc: Any) -> None:
        doc["quiz_attempts"][0]["questions"] = 10 ** 400

    def huge_stability(doc: Any) -> None:
        reviewed = next(i for i in doc["items"] if i["stability"] is not None)
        reviewed["stability"] = 10 ** 400

    doc = cohort_files.load(cohort_files.ana_new)
    huge_questions(doc)
    cohort_files.ana_new.write_text(json.dumps(doc), encoding="utf-8")
    broken = _broken_copy(cohort_files, "huge-stability.json", huge_stability)

    cohort = load_cohort([cohort_files.folder])

    reasons = {s.path.name: s.reason for s in cohort.skipped}
    assert reasons["ana-tuesday.json"].startswith("quiz_attempts[0]: ")
    assert reasons[broken.name].startswith("items[")
    # Ana's older export stands in for the unusable newer one; the rest still merge.
    assert {learner.name for learner in cohort.learners} == {SCRIPT_NAME, "Ana",
                                                             cohort.learners[2].name}


def test_names_lose_control_characters_and_twins_are_told_apart(
        cohort_files: CohortFiles) -> None:
    doc = cohort_files.load(cohort_files.nameless)
    doc["learner"]["display_name"] = "Ana\x1b[31m\u202eevil\nname"
    cohort_files.nameless.write_text(json.dumps(doc), encoding="utf-8")
    assert read_export(cohort_files.nameless).name == "Ana [31m evil name"

    doc["learner"]["display_name"] = "Ana"
    cohort_files.nameless.write_text(json.dumps(doc), encoding="utf-8")
    names = sorted(learner.name for learner in load_cohort(cohort_files.exports).learners)
    ana_id = cohort_files.load(cohort_files.ana_new)["learner"]["id"]
    assert names == sorted([f"Ana ({ana_id[:8]})", f"Ana ({doc['learner']['id'][:8]})",
                            SCRIPT_NAME])


@pytest.mark.parametrize("workers", [1, 2])
def test_the_cyclic_collector_is_off_only_while_the_files_are_read(
        cohort_files: CohortFiles, workers: int) -> None:
    """Neither the parsed exports nor the reports workers send back hold cycles, so the
    collector is off while they pile up, and as it was afterwards."""
    folder = _big_folder(cohort_files, 7)
    collecting: list[bool] = []
    assert gc.isenabled()
    load_cohort([folder], workers, lambda *_: collecting.append(gc.isenabled()))
    assert collecting and not any(collecting)
    assert gc.isenabled()
    gc.disable()
    try:
        load_cohort([folder], workers)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_file_named_more_than_once_is_read_once(cohort_files: CohortFiles,
                                                  tmp_path: Path) -> None:
    """Named on its own as well as in its folder, through a link or a second hard link:
    one file is one export read, under the first name found."""
    export = cohort_files.ana_new
    others = tmp_path / "others"
    others.mkdir()
    (others / "link.json").symlink_to(export)
    (others / "hard.json").hardlink_to(export)
    alone = load_cohort([cohort_files.folder])
    again = load_cohort([cohort_files.folder, export, others])
    assert again.exports_read == alone.exports_read
    assert again == alone
