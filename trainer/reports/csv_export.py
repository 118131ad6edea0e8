"""Spreadsheet-friendly CSV files: card reviews, quiz answers, self-assessment scores
and practice replies.

Each table is one CSV with a single header row, UTF-8 with a byte-order mark (Excel
otherwise reads it in the local code page), times in UTC as "YYYY-MM-DD HH:MM:SS" (a
form spreadsheets recognise as a date), decimal points, and TRUE/FALSE.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC
from pathlib import Path
from typing import Any

from trainer.clock import Clock
from trainer.domain.errors import TrainerError
from trainer.i18n import QT_TRANSLATE_NOOP, Context
from trainer.reports.files import write_files
from trainer.reports.progress_export import Report, counts_line, plain_prompt, profile_counts
from trainer.reports.spreadsheet import csv_bytes, safe_cell
from trainer.storage.store import Store
from trainer.storage.timefmt import from_db

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
PHASES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
FILES = ("reviews.csv", "quiz_answers.csv", "self_assessments.csv", "practice.csv")

Table = tuple[list[str], list[list[Any]]]


class CsvExportText(Context):
    """The steps of the CSV export a rep is shown while it is written."""


# Each table is read whole (a spreadsheet row is cheap): one step each, then the files.
STEPS = (
    QT_TRANSLATE_NOOP("CsvExportText", "Reading your card reviews…"),
    QT_TRANSLATE_NOOP("CsvExportText", "Reading your quiz answers…"),
    QT_TRANSLATE_NOOP("CsvExportText", "Reading your self-assessments…"),
    QT_TRANSLATE_NOOP("CsvExportText", "Reading your practice replies…"),
    QT_TRANSLATE_NOOP("CsvExportText", "Saving the files…"),
)


def _time(text: str | None) -> str:
    when = from_db(text)
    return "" if when is None else when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _bool(value: object) -> str:
    return "TRUE" if value else "FALSE"


def _seconds(ms: int | None) -> str:
    return "" if ms is None else f"{ms / 1000:.1f}"


def _number(value: float | None, digits: int = 3) -> str:
    return "" if value is None else f"{round(value, digits):g}"


def _response(raw: str) -> str:
    data = json.loads(raw)
    if data.get("chosen"):
        return ", ".join(data["chosen"])
    if data.get("truth") is not None:
        return "true" if data["truth"] else "false"
    if data.get("matches"):
        return ", ".join(data["matches"])
    if data.get("order"):
        return " > ".join(data["order"])
    return str(data.get("text") or "")


def _prompt(seen: dict[str, str], markdown: str) -> str:
    if markdown not in seen:
        seen[markdown] = plain_prompt(markdown)
    return seen[markdown]


def reviews_table(db: Store) -> Table:
    """Every card review (quiz answers have their own table)."""
    header = ["time_utc", "deck", "deck_title", "item", "topic", "prompt", "rating",
              "rating_label", "seconds", "phase_before", "retired"]
    prompts: dict[str, str] = {}  # a card is reviewed many times: strip its front once
    rows = [
        [_time(r[0]), r[1], safe_cell(r[2]), r[3], safe_cell(r[4]),
         safe_cell(_prompt(prompts, r[9])), r[5], RATINGS.get(r[5], ""), _seconds(r[6]),
         PHASES.get(r[7], ""), _bool(r[8])]
        for r in db.execute(
            "SELECT r.reviewed_at, r.deck_id, d.title, i.key, i.topic, r.rating, r.duration_ms, "
            "r.phase_before, i.retired, i.front FROM reviews r JOIN items i ON i.id = r.item_id "
            "LEFT JOIN decks d ON d.id = r.deck_id WHERE i.kind = 'card' "
            "ORDER BY r.reviewed_at, r.id")
    ]
    return header, rows


def quiz_answers_table(db: Store) -> Table:
    """Every quiz answer, in a quiz attempt or in daily study (quiz, attempt and
    position left blank)."""
    header = ["time_utc", "deck", "quiz", "attempt", "position", "question", "type", "topic",
              "prompt", "response", "certainty", "score", "correct", "marks", "seconds",
              "deck_version"]
    prompts: dict[str, str] = {}
    rows = [
        [_time(r[0]), r[1], r[2] or "", *(("", "") if r[3] is None else (r[3], r[4] + 1)),
         r[5], r[6],
         safe_cell(r[7]), safe_cell(_prompt(prompts, r[15])), safe_cell(_response(r[8])),
         "" if r[9] is None else r[9], _number(r[10]), _bool(r[11]),
         "" if r[12] is None else r[12], _seconds(r[13]), r[14]]
        for r in db.execute(
            "SELECT a.answered_at, i.deck_id, t.quiz_key, a.attempt_id, a.position, i.key, "
            "i.kind, i.topic, a.response, a.certainty, a.score, a.correct, a.marks, "
            "a.duration_ms, a.deck_version, i.front FROM quiz_answers a "
            "JOIN items i ON i.id = a.item_id "
            "LEFT JOIN quiz_attempts t ON t.id = a.attempt_id ORDER BY a.answered_at, a.id")
    ]
    return header, rows


def assessments_table(db: Store) -> Table:
    """One row per dimension of every finished self-assessment."""
    header = ["time_utc", "deck", "assessment", "attempt", "dimension", "score"]
    rows: list[list[Any]] = []
    for finished, deck_id, key, attempt_id, scores in db.execute(
            "SELECT finished_at, deck_id, assessment_key, id, scores FROM assessment_attempts "
            "WHERE finished_at IS NOT NULL ORDER BY finished_at, id"):
        for dimension, value in (json.loads(scores) if scores else {}).items():
            rows.append([_time(finished), deck_id, key, attempt_id, dimension,
                         _number(value, 1)])
    return header, rows


def practice_table(db: Store) -> Table:
    """One row per practice reply: the checks met and missed, by their wording."""
    header = ["time_utc", "deck", "item", "topic", "prompt", "mode", "reply", "checks_met",
              "checks_total", "met", "missed", "rating", "rating_label", "seconds",
              "counted", "deck_version"]
    rows: list[list[Any]] = []
    for (at, deck_id, key, topic, front, body, mode, reply, met_json, checks_json, rating,
         duration, counted, version) in db.execute(
            "SELECT p.answered_at, i.deck_id, i.key, i.topic, i.front, i.body, p.mode, "
            "p.reply, p.met, p.checks, p.rating, p.duration_ms, p.review_id IS NOT NULL, "
            "p.deck_version FROM practice_replies p JOIN items i ON i.id = p.item_id "
            "ORDER BY p.answered_at, p.id"):
        wording = {c["id"]: c["text"] for c in json.loads(body or "{}").get("checks", [])}
        met = set(json.loads(met_json))
        checks = [str(c) for c in json.loads(checks_json)]
        rows.append([
            _time(at), deck_id, key, topic, safe_cell(plain_prompt(front)), mode,
            safe_cell(reply or ""), sum(c in met for c in checks), len(checks),
            safe_cell("; ".join(wording.get(c, c) for c in checks if c in met)),
            safe_cell("; ".join(wording.get(c, c) for c in checks if c not in met)),
            rating, RATINGS.get(rating, ""), _seconds(duration), _bool(counted),
            version or ""])
    return header, rows


def _zip_bytes(contents: dict[str, bytes], clock: Clock) -> bytes:
    buffer = io.BytesIO()
    stamp = clock().astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def write_csv(db: Store, clock: Clock, folder_or_file: Path, *,
              report: Report | None = None) -> list[Path]:
    """Write the four tables as CSV files into a folder, or into one ``.zip`` file.

    A path ending in ``.zip`` becomes an archive holding the four files; any other
    path is a folder (made if missing). A failure leaves no half-written file. Returns the
    paths written; raises TrainerError naming the path when it cannot be written.
    ``report``, when given, is told ``(step, steps, what)`` as each table is read and
    before the files are written.
    """
    target = Path(folder_or_file)
    if target.suffix.lower() == ".csv":
        raise TrainerError(f"{target}: the CSV export is four files; give a folder, "
                           "or a name ending in .zip to get them in one archive")
    steps = [CsvExportText.tr(step) for step in STEPS]

    def step(n: int) -> None:
        if report is not None:
            report(n, len(steps), steps[n])

    tables: list[Table] = []
    with db.snapshot():  # the tables from one moment, even if a window is studying
        for n, read in enumerate((reviews_table, quiz_answers_table, assessments_table,
                                  practice_table)):
            step(n)
            tables.append(read(db))
    step(len(tables))
    contents = {name: csv_bytes(*table) for name, table in zip(FILES, tables, strict=True)}
    if target.suffix.lower() == ".zip":
        if target.is_dir():
            raise TrainerError(f"{target}: is a folder; give a file name ending in .zip")
        finals = {target: _zip_bytes(contents, clock)}
    else:
        if target.exists() and not target.is_dir():
            raise TrainerError(f"{target}: exists and is not a folder")
        finals = {target / name: data for name, data in contents.items()}
    write_files(finals, "the CSV export")
    return list(finals)


def summary(db: Store) -> str:
    """One line saying how much the profile's history holds (as the JSON summary does)."""
    return counts_line(*profile_counts(db))
