"""Seeded, in-process fuzzing of every file the app reads from other people: deck files
(TOML), .trainerdeck packages, Anki packages, CSV/TSV, Moodle GIFT and reps' progress
exports.

The contract, for each of well over a thousand mutated inputs:

- importing it (``ImportService.prepare``, the plan as the window and ``trainer import
  --json`` show it, then ``apply``, into one profile shared by every case) either
  succeeds or raises ``TrainerError`` whose message names the file;
- a refused import leaves the profile as it was (decks, items, item_state, reviews,
  quizzes, assessments and the media folder), with no transaction left open;
- a successful one stores no HTML that could run script or load from the network:
  for CSV and Anki, whose importers store sanitized HTML, the stored text itself; for
  deck files, packages and GIFT, which store Markdown that is sanitized when shown
  (docs/architecture.md, "Card text"), the text as ``render_markdown`` shows it
  (``STRICT_STORED_HTML`` applies the stricter check to those too);
- a progress export is read by ``cohort_read.read_export`` into a report, or refused
  with ``ExportProblem`` (which the cohort lists as a skipped file, by name), never
  another exception.

Checked as well, because a successful import that breaks them is no better: a picture
reached through a symbolic link out of a deck's folder is not imported; every item the
plan installs is active afterwards; an imported deck reads back (``installed_deck``);
an accepted export renders in the cohort's HTML and CSV reports.

Every failure is collected; the test fails once at the end with a summary grouped by
the innermost frame in trainer/ and what went wrong, with the first cases of each
group, their messages and last frames. The inputs of failing cases are kept in
pytest's temporary folder (the summary says where). The generator is seeded per kind,
so a run is reproducible and each case is named by kind, number and mutation.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import shutil
import sqlite3
import sys
import time
import tomllib
import traceback
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fuzz_builders as fb
import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.content.render import render_markdown, sanitize_html
from trainer.domain.errors import TrainerError
from trainer.domain.settings import StudySettings
from trainer.library.importing import ImportPlan
from trainer.library.installed import installed_deck
from trainer.reports.cohort_csv import render_csv
from trainer.reports.cohort_html import render_html
from trainer.reports.cohort_model import Cohort
from trainer.reports.cohort_read import ExportProblem, read_export

SEED = 20_261_130
# Mutations per kind of input (fixed structural cases first, then random ones).
COUNTS = {"toml": 230, "trainerdeck": 200, "apkg": 200, "csv": 190, "gift": 160,
          "progress": 200}
# Text stored as Markdown and sanitized only when shown; see the module docstring.
STORED_AS_MARKDOWN = {"toml", "trainerdeck", "gift"}
STRICT_STORED_HTML = False
SECRET = b"\x89PNG fuzz secret that lives outside the deck folder"
SPARSE_SIZE = 8 * 2**30  # a "picture" far larger than memory allows to read whole
TRAINER = Path(__file__).resolve().parents[2] / "trainer"


@dataclass
class Case:
    """One mutated input."""

    kind: str
    what: str
    name: str  # the file to import, inside the case's folder
    data: bytes
    extra: dict[str, bytes] = field(default_factory=dict)  # files beside it
    setup: Callable[[Path], None] | None = None  # links, pipes, sparse files
    with_history: bool = False
    guard_memory: bool = False


# ================================================================= deck files (TOML)

QUIZ_DOC: dict[str, Any] = tomllib.loads(fb.QUIZ_TOML.decode())
SMALL_DOC: dict[str, Any] = tomllib.loads(fb.SMALL_TOML.decode())
CARDS_DOC: dict[str, Any] = tomllib.loads(fb.CARDS_TOML.decode())
TOML_SEEDS = (("quiz_deck.toml", fb.QUIZ_TOML), ("small.toml", fb.SMALL_TOML),
              ("cards_deck.toml", fb.CARDS_TOML))
TOML_TOKENS = ("[", "]", "[[", "]]", "=", '"', '"""', "'''", "'", "#", "\\", "{", "}", ",",
               ".", "\n", "\n[[quizzes.questions]]\n", "\n[[cards]]\n", "\n[deck]\n", "inf",
               "nan", "1979-05-27T07:32:00Z", "0x", "\\u", "\\U0010FFFF", "\r", "\x00")

Q0 = ("quizzes", 0)
QS = (*Q0, "questions")
# (path in tests/data/quiz_deck.toml, value, what): wrong types where quiz tables expect
# lists, tables, text, whole numbers and true/false, and numbers that overflow.
TYPE_CASES: list[tuple[tuple[Any, ...], object, str]] = [
    (("quizzes",), 5, "a number where [[quizzes]] are expected"),
    (("quizzes",), "abc", "a string where [[quizzes]] are expected"),
    (("quizzes",), [{"id": ["x"]}], "a quiz whose id is a list"),
    (("quizzes",), [{"id": {"a": 1}}], "a quiz whose id is a table"),
    (QS, "x", "a string where [[quizzes.questions]] are expected"),
    (QS, 7, "a number where [[quizzes.questions]] are expected"),
    (QS, {"id": "q"}, "a table where [[quizzes.questions]] are expected"),
    ((*QS, 0, "options"), "x", "a string where options are expected"),
    ((*QS, 0, "options"), 5, "a number where options are expected"),
    ((*QS, 0, "options"), {"text": "a"}, "a table where options are expected"),
    ((*QS, 0, "options"), ["a", "b"], "strings where option tables are expected"),
    ((*QS, 4, "pairs"), "x", "a string where pairs are expected"),
    ((*QS, 4, "pairs"), {"left": "a"}, "a table where pairs are expected"),
    ((*QS, 5, "steps"), "first", "a string where steps are expected"),
    ((*QS, 5, "steps"), {"a": 1}, "a table where steps are expected"),
    ((*QS, 0, "prompt"), 5, "a number where the prompt is expected"),
    ((*QS, 0, "prompt"), ["a"], "a list where the prompt is expected"),
    ((*QS, 0, "type"), 1, "a number where the type is expected"),
    ((*QS, 0, "id"), 3, "a number where the question id is expected"),
    ((*QS, 0, "id"), ["q"], "a list where the question id is expected"),
    ((*QS, 0, "options", 0, "text"), 5, "a number where option text is expected"),
    ((*QS, 0, "options", 0, "id"), 5, "a number where the option id is expected"),
    ((*QS, 0, "options", 1, "correct"), {"a": 1}, "a table where 'correct' is expected"),
    ((*QS, 0, "options", 1, "correct"), "true", "a string where 'correct' is expected"),
    ((*QS, 2, "answer"), {}, "a table where 'answer' is expected"),
    ((*Q0, "shuffle"), {}, "a table where 'shuffle' is expected"),
    ((*Q0, "certainty"), [True], "a list where 'certainty' is expected"),
    (("assessments", 0, "statements", 1, "reverse"), {"a": True}, "a table as 'reverse'"),
    ((*QS, 1, "options", 0, "weight"), 10**400, "weight = 10**400"),
    ((*QS, 1, "options", 0, "weight"), -10**30, "weight = -10**30"),
    ((*QS, 1, "options", 0, "weight"), fb.Raw("1e400"), "weight = 1e400"),
    ((*QS, 1, "options", 0, "weight"), fb.Raw("nan"), "weight = nan"),
    ((*QS, 3, "options", 0, "score"), 10**400, "score = 10**400"),
    ((*QS, 3, "options", 2, "score"), -10**30, "score = -10**30"),
    ((*Q0, "pass_mark"), 10**400, "pass_mark = 10**400"),
    ((*Q0, "pass_mark"), fb.Raw(fb.BIG_DIGITS), "pass_mark with 5000 digits"),
    ((*Q0, "draw"), -10**30, "draw = -10**30"),
    ((*Q0, "draw"), 10**400, "draw = 10**400"),
    (("assessments", 0, "dimensions", 0, "bands", 0, "min"), fb.Raw("1e400"), "min = 1e400"),
    (("assessments", 0, "dimensions", 0, "bands", 1, "min"), 10**400, "min = 10**400"),
    (("assessments", 0, "dimensions"), "x", "a string where dimensions are expected"),
    (("assessments", 0, "dimensions", 0, "bands"), 5, "a number where bands are expected"),
    (("assessments", 0, "statements"), [1, 2], "numbers where statements are expected"),
    (("assessments", 0, "scale"), 5, "a number where the scale is expected"),
    (("assessments", 0, "dimensions", 0, "bands", 0, "links"), "quiz:mixed",
     "a string where links are expected"),
    (("paths",), 5, "a number where [[paths]] are expected"),
    (("paths", 0, "steps"), [1], "a number where a path step is expected"),
    (("paths", 0, "steps", 0, "day"), 10**400, "day = 10**400"),
    (("paths", 0, "steps", 0, "day"), fb.Raw(fb.BIG_DIGITS), "day with 5000 digits"),
    (("paths", 0, "steps", 1, "cards"), -10**30, "cards = -10**30"),
    (("cards", 0, "tags"), "a", "a string where tags are expected"),
    (("cards",), {"id": "c"}, "a table where [[cards]] are expected"),
    (("sources",), 1, "a number where [[sources]] are expected"),
    (("deck",), "x", "a string where [deck] is expected"),
    (("deck", "authors"), 1, "a number where authors are expected"),
    (("deck", "version"), 1.5, "a float where the version is expected"),
    (("format",), 10**400, "format = 10**400"),
    (("format",), fb.Raw("1e400"), "format = 1e400"),
]

TEXT_FIELDS_OF_QUIZ = [("cards", 0, "front"), ("cards", 0, "back"), (*QS, 0, "prompt"),
                       (*QS, 0, "explanation"), (*QS, 3, "situation"),
                       (*QS, 0, "options", 0, "feedback"), (*QS, 0, "options", 1, "text"),
                       (*QS, 2, "feedback_true"), (*QS, 5, "prompt"),
                       ("quizzes", 1, "questions", 0, "explanation"),
                       ("assessments", 0, "statements", 0, "text"),
                       ("assessments", 0, "dimensions", 0, "bands", 0, "advice")]


def with_value(doc: dict[str, Any], path: tuple[Any, ...], value: object) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    fb.set_at(out, path, value)
    return out


def string_paths(doc: Any) -> list[tuple[Any, ...]]:
    return [p for p, v in fb.locations(doc) if p and isinstance(v, str)]


def deep_toml(kind: str, depth: int) -> bytes:
    """A deck whose file nests ``depth`` levels deep."""
    head = fb.QUIZ_TOML
    if kind == "arrays-open":
        return head + b"\nzz = " + b"[" * depth
    if kind == "arrays":
        return head + b"\nzz = " + b"[" * depth + b"1" + b"]" * depth
    if kind == "tables":
        return head + b"\nzz = " + b"{a = " * depth + b"1" + b"}" * depth
    if kind == "header":
        return head + b"\n[" + b".".join([b"a"] * depth) + b"]\nx = 1\n"
    if kind == "tags":  # inside a card, where a list of texts is expected
        card = b'\n[[cards]]\nid = "deep"\nfront = "f"\nback = "b"\ntags = '
        return head + card + b"[" * depth + b'"t"' + b"]" * depth + b"\n"
    raise ValueError(kind)


def _media_setup(kind: str) -> Callable[[Path], None]:
    """Something odd in the media folder beside the deck file."""

    def setup(folder: Path) -> None:
        media = folder / "media"
        outside = folder.parent / f"outside-{folder.name}"
        outside.mkdir(exist_ok=True)
        (outside / "secret.png").write_bytes(SECRET)
        if kind == "media-is-link":
            (outside / "chart.png").write_bytes(SECRET)
            media.symlink_to(outside, target_is_directory=True)
            return
        if kind == "media-is-file":
            media.write_bytes(b"not a folder")
            return
        media.mkdir(exist_ok=True)
        (media / "chart.png").write_bytes(fb.PNG)
        if kind == "link-out":
            (media / "innocent.png").symlink_to(outside / "secret.png")
        elif kind == "link-abs-etc":
            (media / "hosts.png").symlink_to("/etc/hostname")
        elif kind == "dangling":
            (media / "gone.png").symlink_to(outside / "missing.png")
        elif kind == "loop":
            (media / "a.png").symlink_to(media / "b.png")
            (media / "b.png").symlink_to(media / "a.png")
        elif kind == "link-dir":
            (media / "dir.png").symlink_to(outside, target_is_directory=True)
        elif kind == "fifo" and hasattr(os, "mkfifo"):
            os.mkfifo(media / "pipe.png")
        elif kind == "subfolder":
            (media / "sub").mkdir()
            (media / "sub" / "deep.png").write_bytes(fb.PNG)
        elif kind == "odd-names":
            for name in ODD_PICTURE_NAMES:
                (media / name).write_bytes(fb.PNG)
        elif kind == "big":
            (media / "big.png").write_bytes(b"\x89PNG" + b"\0" * 3_000_000)
        elif kind == "many":
            for i in range(100):
                (media / f"m{i}.png").write_bytes(fb.PNG)
        elif kind == "sparse" and sys.platform.startswith("linux"):
            with (media / "huge.png").open("wb") as handle:  # sparse: takes no disk space
                handle.truncate(SPARSE_SIZE)

    return setup


ODD_PICTURE_NAMES = ("a b.png", "ü.png", ".hidden.png", "x\ny.png", "..png", "-.png",
                     "con.png", "a" * 251 + ".png", "ü" * 125 + ".png", ".incoming-x.png",
                     ".part", "x.png.part", "&amp;.png", "%2e%2e.png")
# A deck naming every picture the media cases put beside it.
MEDIA_TOML = fb.toml_text({**SMALL_DOC, "cards": [*SMALL_DOC["cards"], {
    "id": "pictures", "front": "Pictures ![x](innocent.png)",
    "back": "".join(f'<img src="{n}">' for n in (
        "innocent.png", "hosts.png", "gone.png", "a.png", "b.png", "dir.png", "pipe.png",
        "sub/deep.png", "big.png", "huge.png", *(f"m{i}.png" for i in range(100)),
        *ODD_PICTURE_NAMES))}]})

MEDIA_KINDS = ("link-out", "link-abs-etc", "dangling", "loop", "link-dir", "fifo", "subfolder",
               "odd-names", "big", "many", "media-is-link", "media-is-file")


def toml_fixed(rng: random.Random) -> Iterator[Case]:
    for kind, depth in (("arrays-open", 100_000), ("arrays", 100_000), ("tables", 50_000),
                        ("header", 50_000), ("tags", 100_000)):
        yield Case("toml", f"nested {kind} x{depth}", "deep.toml", deep_toml(kind, depth))
    limit = sys.getrecursionlimit()
    for depth in (50, 150, 250, 300, limit // 3, limit // 2, limit - 100):
        yield Case("toml", f"nested tags x{depth}", "deep.toml", deep_toml("tags", depth))
    for path, value, what in TYPE_CASES:
        yield Case("toml", what, "quiz_deck.toml", fb.toml_text(with_value(QUIZ_DOC, path, value)))
    for path in TEXT_FIELDS_OF_QUIZ:
        text = rng.choice(fb.HTML_PAYLOADS) + " " + rng.choice(fb.IMAGE_REFS)
        yield Case("toml", f"{'.'.join(map(str, path))} = hostile html + image ref",
                   "quiz_deck.toml", fb.toml_text(with_value(QUIZ_DOC, path, text)))
    for payload in fb.HTML_PAYLOADS:
        path = rng.choice(TEXT_FIELDS_OF_QUIZ)
        yield Case("toml", f"{'.'.join(map(str, path))} = {payload[:30]!r}", "quiz_deck.toml",
                   fb.toml_text(with_value(QUIZ_DOC, path, f"Text {payload} more")))
    for ref in fb.IMAGE_REFS:
        path = rng.choice([(*QS, 0, "prompt"), (*QS, 0, "explanation"), ("cards", 0, "front")])
        yield Case("toml", f"image ref {ref!r} in {path[-1]}", "quiz_deck.toml",
                   fb.toml_text(with_value(QUIZ_DOC, path, f"See {ref}")))
    yield Case("toml", "50,000 <div> in a card front", "quiz_deck.toml",
               fb.toml_text(with_value(QUIZ_DOC, ("cards", 0, "front"), fb.DIVS + "x")))
    yield Case("toml", "50,000 <div> in a prompt", "quiz_deck.toml",
               fb.toml_text(with_value(QUIZ_DOC, (*QS, 0, "prompt"), fb.DIVS)))
    yield Case("toml", "1 MB card back", "small.toml",
               fb.toml_text(with_value(SMALL_DOC, ("cards", 0, "back"),
                                       ("<b>x</b> " + rng.choice(fb.HTML_PAYLOADS)) * 20_000)))
    for kind in MEDIA_KINDS:
        yield Case("toml", f"media folder: {kind}", "pictures.toml", MEDIA_TOML,
                   setup=_media_setup(kind))
    yield Case("toml", "media folder: sparse 8 GB picture", "pictures.toml", MEDIA_TOML,
               setup=_media_setup("sparse"), guard_memory=True)
    yield Case("toml", "file name with spaces and accents", "Déck fïle (2).toml", fb.SMALL_TOML)
    yield Case("toml", "empty file", "empty.toml", b"")
    yield Case("toml", "UTF-16 file", "utf16.toml", fb.SMALL_TOML.decode().encode("utf-16"))


def toml_random(rng: random.Random) -> Case:
    name, seed = rng.choice(TOML_SEEDS)
    doc = {"quiz_deck.toml": QUIZ_DOC, "small.toml": SMALL_DOC,
           "cards_deck.toml": CARDS_DOC}[name]
    roll = rng.random()
    if roll < 0.4:
        data, what = fb.damage(rng, seed, TOML_TOKENS)
        return Case("toml", f"{name}: {what}", name, data)
    if roll < 0.6:
        # One line's value replaced, keeping the file's layout (and its line numbers).
        lines = seed.decode().split("\n")
        spots = [i for i, line in enumerate(lines) if " = " in line and not line.startswith("#")]
        at = rng.choice(spots)
        value, what = fb.wrong_value(rng)
        key = lines[at].split(" = ", 1)[0]
        lines[at] = f"{key} = {fb.toml_value(value)}"
        return Case("toml", f"{name}: line {at + 1} {key} = {what}", name,
                    "\n".join(lines).encode())
    if roll < 0.85:
        steps = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            doc, what = fb.mutate_document(rng, doc, prefer=("quizzes", "assessments", "paths"))
            steps.append(what)
        return Case("toml", f"{name}: " + "; ".join(steps), name, fb.toml_text(doc))
    path = rng.choice(string_paths(doc))
    text = f"{rng.choice(('Text ', ''))}{fb.payload(rng)}"
    return Case("toml", f"{name}: {'.'.join(map(str, path))} = {text[:40]!r}", name,
                fb.toml_text(with_value(doc, path, text)))


# ================================================================= .trainerdeck packages

def package_entries(toml: bytes = fb.QUIZ_TOML, *, json_copy: bool = True,
                    media: bool = True) -> dict[str, bytes]:
    entries = {"d.toml": toml}
    if json_copy:
        entries["d.toml.json"] = json.dumps(tomllib.loads(toml.decode("utf-8-sig")),
                                            ensure_ascii=False).encode()
    if media:
        entries["media/chart.png"] = fb.PNG
    return entries


def manifest_text(manifest: dict[str, Any]) -> bytes:
    return fb.json_value(manifest).encode()


def package_bytes(folder: Path, entries: dict[str, bytes],
                  manifest: dict[str, Any] | bytes | None = None,
                  extra: list[tuple[str, bytes]] | None = None,
                  method: int = zipfile.ZIP_DEFLATED) -> bytes:
    body = manifest if isinstance(manifest, bytes) else manifest_text(
        manifest if manifest is not None else fb.manifest_for(entries))
    path = folder / "scratch.zip"
    fb.write_zip(path, [("manifest.json", body), *entries.items(), *(extra or [])],
                 method=method)
    data = path.read_bytes()
    path.unlink()
    return data


def patch_zip_methods(data: bytes, method: int) -> bytes:
    """Every local and central header claims compression ``method``."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset:at + offset + 2] = method.to_bytes(2, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def patch_zip_sizes(data: bytes, size: int) -> bytes:
    """Every central header claims an uncompressed size of ``size``."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        out[at + 24:at + 28] = size.to_bytes(4, "little")
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def json_deep(depth: int, opener: str = "[") -> bytes:
    closer = {"[": "]", '{"a":': "}"}[opener]
    return (opener * depth + "1" + closer * depth).encode()


def package_fixed(rng: random.Random, scratch: Path) -> Iterator[Case]:
    entries = package_entries()
    good = fb.manifest_for(entries)

    def pkg(what: str, data: bytes, name: str = "deck.trainerdeck") -> Case:
        return Case("trainerdeck", what, name, data)

    overflowing = [(fb.Raw("1e400"), "1e400"), (10**400, "10**400"), (-10**30, "-10**30"),
                   (fb.Raw(fb.BIG_DIGITS), "5000 digits"), (fb.Raw("-1e400"), "-1e400"),
                   (fb.Raw("NaN"), "NaN"), (fb.Raw("Infinity"), "Infinity"), ("1", '"1"'),
                   (None, "null"), ([], "[]"), ({}, "{}"), (True, "true"), (1.5, "1.5"),
                   (-1, "-1"), (0, "0")]
    for value, what in overflowing:
        yield pkg(f"manifest format = {what}", package_bytes(scratch, entries,
                                                             {**good, "format": value}))
    for value, what in overflowing[:6]:
        yield pkg(f"manifest created = {what}",
                  package_bytes(scratch, entries, {**good, "created": value}))
        decks = [{**good["decks"][0], "version": value, "size": value, "title": value}]
        yield pkg(f"manifest decks[0] version/size/title = {what}",
                  package_bytes(scratch, entries, {**good, "decks": decks}))
        files = {n: {"sha256": d, "size": value} for n, d in good["files"].items()}
        yield pkg(f"manifest files with size = {what}",
                  package_bytes(scratch, entries, {**good, "files": files}))
        files = {**good["files"], "media/chart.png": value}
        yield pkg(f"manifest checksum = {what}",
                  package_bytes(scratch, entries, {**good, "files": files}))
    for value, what in ((["d.toml"], "a list"), ("d.toml", "a string"),
                        ([["d.toml", good["files"]["d.toml"]]], "pairs"), (5, "a number"),
                        ({"d.toml": None}, "a null checksum")):
        yield pkg(f"manifest files = {what}",
                  package_bytes(scratch, entries, {**good, "files": value}))
    yield pkg("manifest nested 100,000 [", package_bytes(scratch, entries, json_deep(100_000)))
    yield pkg("manifest nested 100,000 {", package_bytes(
        scratch, entries, json_deep(100_000, '{"a":')))
    yield pkg("manifest with deep files value", package_bytes(
        scratch, entries, b'{"format": 1, "files": ' + json_deep(100_000) + b"}"))
    yield pkg("manifest in UTF-16", package_bytes(
        scratch, entries, json.dumps(good).encode("utf-16")))
    yield pkg("manifest lists a lone surrogate name", package_bytes(
        scratch, entries, {**good, "files": {**good["files"], "\ud800.png": "00"}}))
    # Duplicate entry names.
    tampered = fb.QUIZ_TOML.replace(b"B is best", b"A is best")
    for name, data in (("d.toml", tampered), ("manifest.json", b"{}"),
                       ("media/chart.png", b"other"), ("d.toml.json", b"[]"),
                       ("d.toml", fb.QUIZ_TOML)):
        yield pkg(f"duplicate entry {name}", package_bytes(scratch, entries, good,
                                                           extra=[(name, data)]))
    dup_first = package_bytes(scratch, {}, good, extra=[
        ("d.toml", tampered), *entries.items()])
    yield pkg("duplicate d.toml, tampered one first", dup_first)
    # Unsafe and odd entry names, listed in the manifest.
    for name in ("../x.png", "/abs.png", "C:/x.png", "a\\b.png", "media/\x00.png",
                 "m/" + "a" * 1000 + ".png", "media/" + "a" * 251 + ".png",
                 "media/" + "ü" * 125 + ".png", ".toml", "D.TOML", "media/..png", "ü/ñ.png",
                 "media/x.png/", "x.exe", "media/a.png.toml", "./d2.toml", "media//a.png"):
        # The deck shows the picture, so that importing it has to place the file.
        shown = name.rsplit("/", 1)[-1] or name
        toml = fb.toml_text(with_value(QUIZ_DOC, ("cards", 0, "front"),
                                       f'See <img src="{shown}"> ![x]({shown})'))
        with_odd = {**package_entries(toml),
                    name: fb.PNG if not name.endswith("toml") else fb.SMALL_TOML}
        yield pkg(f"entry named {name[:40]!r}", package_bytes(scratch, with_odd))
    two = {**entries, "e.toml": fb.QUIZ_TOML.replace(b'title = "Quiz test deck"',
                                                     b'title = "Same id"')}
    yield pkg("two deck files with the same deck id", package_bytes(scratch, two))
    yield pkg("two deck files, no JSON copies", package_bytes(
        scratch, {"d.toml": fb.SMALL_TOML, "e.toml": fb.CARDS_TOML}))
    # The JSON copy: nesting, wrong types, values TOML cannot hold.
    for what, copy_bytes in (
            ("nested 100,000 [", json_deep(100_000)),
            ("nested 100,000 {", json_deep(100_000, '{"a":')),
            ("a card whose tags nest 100,000 deep", fb.json_value({
                **QUIZ_DOC, "cards": [{**QUIZ_DOC["cards"][0], "tags": fb.Raw(
                    json_deep(100_000).decode())}]}).encode()),
            ("a top-level list", b"[1, 2]"),
            ("not JSON", b"{nope"),
            ("5000-digit number", fb.json_value({**QUIZ_DOC, "format": fb.Raw(
                fb.BIG_DIGITS)}).encode()),
            ("front with a lone surrogate", fb.json_value(with_value(
                QUIZ_DOC, ("cards", 0, "front"), "bad \ud800 text")).encode()),
            ("prompt with a lone surrogate", fb.json_value(with_value(
                QUIZ_DOC, (*QS, 0, "prompt"), "\udfff")).encode()),
            ("deck title with a lone surrogate", fb.json_value(with_value(
                QUIZ_DOC, ("deck", "title"), "T\ud83d")).encode()),
            ("null front", fb.json_value(with_value(QUIZ_DOC, ("cards", 0, "front"),
                                                    None)).encode()),
            ("weight = 1e400", fb.json_value(with_value(
                QUIZ_DOC, (*QS, 1, "options", 0, "weight"), fb.Raw("1e400"))).encode()),
            ("weight = 10**400", fb.json_value(with_value(
                QUIZ_DOC, (*QS, 1, "options", 0, "weight"), 10**400)).encode()),
            ("hostile html, valid otherwise", fb.json_value(with_value(
                QUIZ_DOC, ("cards", 0, "back"), "".join(fb.HTML_PAYLOADS))).encode()),
            ("50,000 <div> in a front", fb.json_value(with_value(
                QUIZ_DOC, ("cards", 0, "front"), fb.DIVS)).encode())):
        changed = {**entries, "d.toml.json": copy_bytes}
        yield pkg(f"JSON copy: {what}", package_bytes(scratch, changed))
    for path, value, what in TYPE_CASES[::2]:
        changed = {**entries, "d.toml.json": fb.json_value(
            with_value(QUIZ_DOC, path, value)).encode()}
        yield pkg(f"JSON copy: {what}", package_bytes(scratch, changed))
    yield pkg("TOML nested 100,000 deep, no JSON copy", package_bytes(
        scratch, {"d.toml": deep_toml("arrays", 100_000)}))
    yield pkg("TOML with 5000-digit pass_mark, no JSON copy", package_bytes(
        scratch, {"d.toml": fb.toml_text(with_value(QUIZ_DOC, (*Q0, "pass_mark"),
                                                    fb.Raw(fb.BIG_DIGITS)))}))
    # Archive tricks.
    yield pkg("20,001 entries", package_bytes(
        scratch, entries, extra=[(f"x/{i}.png", b"") for i in range(20_001)]))
    bomb = {**entries, "media/bomb.png": b"\0" * 3_000_000}
    yield pkg("zip bomb ratio", package_bytes(scratch, bomb))
    stored = package_bytes(scratch, entries, method=zipfile.ZIP_STORED)
    yield pkg("compression method 99", patch_zip_methods(stored, 99))
    yield pkg("compression method 12 (bzip2) claimed for deflate", patch_zip_methods(
        package_bytes(scratch, entries), 12))
    yield pkg("sizes claimed 1 byte", patch_zip_sizes(stored, 1))
    yield pkg("sizes claimed 4 GB", patch_zip_sizes(stored, 2**32 - 1))
    yield pkg("empty file", b"")
    yield pkg("file name with spaces and accents", package_bytes(scratch, entries),
              "Déck pâckage (1).trainerdeck")
    html_toml = fb.toml_text(with_value(QUIZ_DOC, ("cards", 0, "front"),
                                        " ".join(fb.HTML_PAYLOADS)))
    yield pkg("hostile html in a valid deck", package_bytes(scratch, package_entries(html_toml)))


def package_random(rng: random.Random, scratch: Path) -> Case:
    seed_toml = rng.choice((fb.QUIZ_TOML, fb.SMALL_TOML))
    seed_doc = QUIZ_DOC if seed_toml is fb.QUIZ_TOML else SMALL_DOC
    entries = package_entries(seed_toml)
    roll = rng.random()
    if roll < 0.2:
        data, what = fb.damage(rng, package_bytes(scratch, entries))
        return Case("trainerdeck", f"whole zip: {what}", "deck.trainerdeck", data)
    if roll < 0.45:
        toml, what = fb.damage(rng, seed_toml, TOML_TOKENS)
        changed = {"d.toml": toml, "media/chart.png": fb.PNG}
        with contextlib.suppress(ValueError, TypeError, RecursionError):
            changed["d.toml.json"] = json.dumps(tomllib.loads(toml.decode("utf-8-sig"))
                                                ).encode()
        return Case("trainerdeck", f"d.toml: {what}", "deck.trainerdeck",
                    package_bytes(scratch, changed))
    if roll < 0.75:
        doc, what = seed_doc, []
        for _ in range(rng.choice((1, 2, 3))):
            doc, step = fb.mutate_document(rng, doc, json_ok=True,
                                           prefer=("quizzes", "assessments", "paths"))
            what.append(step)
        changed = {**entries, "d.toml.json": fb.json_value(doc).encode()}
        return Case("trainerdeck", "JSON copy: " + "; ".join(what), "deck.trainerdeck",
                    package_bytes(scratch, changed))
    if roll < 0.9:
        manifest, what = fb.mutate_document(rng, fb.manifest_for(entries), json_ok=True)
        return Case("trainerdeck", f"manifest: {what}", "deck.trainerdeck",
                    package_bytes(scratch, entries, manifest))
    body, what = fb.damage(rng, manifest_text(fb.manifest_for(entries)), ('"', "{", "}", "[",
                                                                           "]", ":", ",", "1e400"))
    return Case("trainerdeck", f"manifest bytes: {what}", "deck.trainerdeck",
                package_bytes(scratch, entries, body))


# ================================================================= Anki packages

ANKI_FIELD_TRICKS = (
    "{{c1::" * 5000 + "x", "{{c99999999999999::x}}", "{{c0::x}}", "{{c-1::x}}",
    "{{c1::a::b::c}}", "{{c1,2,3::x}}", "{{c1::unclosed", "}}" * 1000,
    "{{c1::" * 30 + "deep" + "}}" * 30, "[sound:x.mp3]" * 100, "[latex]x[/latex]" * 50,
    '<img src="../secret.png">', '<img src="/etc/passwd">', '<img src="a%2F..%2Fb.png">',
    '<img src="con.png">', '<img src="a.png" onerror="x()">', "<img src=a.png>" * 500,
    "\x00\x1f\x1f\x1f", "<pre>" * 1000 + "x", "&#0;&#xd800;&#x110000;", "\ue000\ue001",
    "# heading\n- list", "x" * 200_000,
)


def anki_case(rng: random.Random, scratch: Path, what: str, seed: fb.AnkiSeed, *,
              extra_sql: str = "", entries: list[tuple[str, bytes]] | None = None,
              history: bool | None = None, name: str = "deck.apkg") -> Case:
    with_history = rng.random() < 0.4 if history is None else history
    if with_history:
        # Items that already have answers in the profile keep their own history, so a
        # case whose reviews should be replayed brings notes the profile has not seen.
        seed = copy.deepcopy(seed)
        token = rng.randrange(10**9)
        seed.notes = [(n[0], f"{n[1]}-{token}" if isinstance(n[1], str) else n[1], *n[2:])
                      for n in seed.notes]  # type: ignore[misc]
    if entries is None:
        entries = fb.anki_entries(seed, fb.anki_collection(seed, extra_sql))
    path = fb.write_zip(scratch / "scratch.apkg", entries)
    data = path.read_bytes()
    path.unlink()
    return Case("apkg", what + (" (with history)" if with_history else ""), name, data,
                with_history=with_history)


def with_note_fields(seed: fb.AnkiSeed, index: int, fields: object) -> fb.AnkiSeed:
    out = copy.deepcopy(seed)
    note = list(out.notes[index])
    note[4] = fields
    out.notes[index] = (note[0], note[1], note[2], note[3], note[4])
    return out


def anki_fixed(rng: random.Random, scratch: Path) -> Iterator[Case]:
    base = fb.anki_seed()
    for trick in ANKI_FIELD_TRICKS:
        seed = with_note_fields(base, rng.randrange(3), f"{trick}\x1fBack {trick}")
        yield anki_case(rng, scratch, f"field {trick[:30]!r}", seed)
        seed = with_note_fields(base, 3, f"Say {{{{c1::x}}}} {trick}\x1f{trick}")
        yield anki_case(rng, scratch, f"cloze field {trick[:30]!r}", seed)
    for payload in fb.HTML_PAYLOADS:
        seed = with_note_fields(base, 0, f"Front {payload}\x1f{payload} back")
        yield anki_case(rng, scratch, f"html {payload[:30]!r}", seed, history=False)
    yield anki_case(rng, scratch, "50,000 <div> in a field",
                    with_note_fields(base, 0, fb.DIVS + "\x1fback"))
    yield anki_case(rng, scratch, "1 MB field", with_note_fields(
        base, 1, "front\x1f" + ("<i>x</i>" + fb.HTML_PAYLOADS[0]) * 30_000))
    # Media maps naming odd files.
    for names, what in (({"0": "../evil.png"}, "../ name"), ({"0": "/etc/passwd"}, "abs name"),
                        ({"0": ""}, "empty name"), ({"0": 5}, "number name"),
                        ({"0": ["a.png"]}, "list name"), ({"0": "a.png", "1": "a.png"},
                                                          "one name twice"),
                        ({"9": "a.png"}, "entry missing"), ({"0": fb.Raw("1e400")}, "1e400")):
        seed = copy.deepcopy(base)
        seed.media_names = names
        yield anki_case(rng, scratch, f"media map {what}", seed)
    for media, what in ((b"[1, 2]", "a list"), (b'"x"', "a string"), (json_deep(100_000),
                                                                      "nested 100,000"),
                        (b"\x28\xb5\x2f\xfd" + b"junk", "zstd junk"), (b"{nope", "not JSON")):
        entries = fb.anki_entries(base)
        entries[1] = ("media", media)
        yield anki_case(rng, scratch, f"media entry {what}", base, entries=entries)
    # Notes, cards and reviews with values of every type.
    odd = (None, "x", -1, 2**63 - 1, -2**63, 1e30, b"\xff\xfe", "7", 0, 1e308)
    for column, index in (("guid", 1), ("mid", 2), ("tags", 3), ("flds", 4)):
        for value in odd[:7]:
            seed = copy.deepcopy(base)
            note = list(seed.notes[0])
            note[index] = value
            seed.notes[0] = tuple(note)  # type: ignore[assignment]
            yield anki_case(rng, scratch, f"note {column} = {value!r}", seed)
    for column, index in (("did", 2), ("ord", 3), ("odid", 4), ("nid", 1)):
        for value in odd:
            seed = copy.deepcopy(base)
            card = list(seed.cards[0])
            card[index] = value
            seed.cards[0] = tuple(card)  # type: ignore[assignment]
            yield anki_case(rng, scratch, f"card {column} = {value!r}", seed)
    year_9999 = int(datetime(9999, 12, 31, 23, 0, tzinfo=UTC).timestamp() * 1000)
    for column, index, values in (
            ("id", 0, (year_9999, -62135596800000, 0, 1e30, 2**63 - 1, -2**63, None, "x")),
            ("ease", 2, (0, 5, None, "3", 2**63 - 1)),
            ("time", 3, (1e30, -5, 2**63 - 1, None, "x", 1e308)),
            ("type", 4, (9, None, -1))):
        for value in values:
            seed = copy.deepcopy(base)
            review = list(seed.revlog[0])
            review[index] = value
            seed.revlog[0] = tuple(review)  # type: ignore[assignment]
            yield anki_case(rng, scratch, f"revlog {column} = {value!r}", seed, history=True)
    seed = copy.deepcopy(base)
    seed.revlog = [(year_9999 - i, 1 + i % 3, 3, 1000, 1) for i in range(5)]
    yield anki_case(rng, scratch, "reviews in the year 9999", seed, history=True)
    # Note types, decks and conf: wrong types and nesting.
    for target in ("models", "decks", "conf"):
        for what, text in (("nested 100,000", json_deep(100_000).decode()),
                           ("a list", "[]"), ("a number", "5"), ("null", "null"),
                           ("5000 digits", fb.BIG_DIGITS), ("not JSON", "{nope")):
            seed = copy.deepcopy(base)
            setattr(seed, target, text)
            yield anki_case(rng, scratch, f"col.{target} = {what}", seed)
    for what, model in (
            ("flds a string", {**fb.BASIC_MODEL, "flds": "Front"}),
            ("ord = 1e400", {**fb.BASIC_MODEL, "flds": [{"name": "F", "ord": fb.Raw("1e400")}]}),
            ("ord = 10**400", {**fb.BASIC_MODEL, "flds": [{"name": "F", "ord": 10**400}]}),
            ("id = 1e400", {**fb.BASIC_MODEL, "id": fb.Raw("1e400")}),
            ("id = -10**30", {**fb.BASIC_MODEL, "id": -10**30}),
            ("tmpls a number", {**fb.BASIC_MODEL, "tmpls": 5}),
            ("tmpl ord null", {**fb.BASIC_MODEL, "tmpls": [{"ord": None, "qfmt": "{{Front}}"}]}),
            ("qfmt refs itself", {**fb.BASIC_MODEL, "tmpls": [
                {"ord": 0, "qfmt": "{{" * 1000, "afmt": "}}" * 1000}]}),
            ("cloze filter on basic", {**fb.BASIC_MODEL, "tmpls": [
                {"ord": 0, "qfmt": "{{cloze:Front}}", "afmt": "{{type:Back}}{{hint:Back}}"}]}),
            ("type = [1]", {**fb.BASIC_MODEL, "type": [1]}),
            ("field name a table", {**fb.BASIC_MODEL, "flds": [{"name": {"a": 1}, "ord": 0}]}),
            ("field name a lone surrogate", {**fb.BASIC_MODEL, "flds": [
                {"name": "\udc80", "ord": 0}, {"name": "Back", "ord": 1}]})):
        seed = copy.deepcopy(base)
        seed.models = fb.json_value({"7": model, "8": fb.CLOZE_MODEL})
        yield anki_case(rng, scratch, f"model {what}", seed)
    for what, decks in (("id text", {"5": {"id": "x", "name": "X"}}),
                        ("id 1e400", {"5": {"id": fb.Raw("1e400"), "name": "X"}}),
                        ("names that slug alike", {"5": {"id": 5, "name": "Sales Calls"},
                                                   "6": {"id": 6, "name": "sales::calls"}}),
                        ("name a list", {"5": {"id": 5, "name": ["a"]}}),
                        ("name ::", {"5": {"id": 5, "name": "::"}, "6": {"id": 6, "name": ""}}),
                        ("name huge", {"5": {"id": 5, "name": "N" * 100_000}}),
                        ("name a lone surrogate", {"5": {"id": 5, "name": "Deck \ud800"}})):
        seed = copy.deepcopy(base)
        seed.decks = fb.json_value(decks)
        yield anki_case(rng, scratch, f"decks {what}", seed)
    # The database itself.
    for what, sql in (("no col table", "DROP TABLE col"), ("col empty", "DELETE FROM col"),
                      ("notes a plain view", "DROP TABLE notes; CREATE VIEW notes AS SELECT "
                                             "1 AS id, 'g' AS guid, 7 AS mid, '' AS tags, "
                                             "'a' AS flds"),
                      ("cards without columns", "DROP TABLE cards; CREATE TABLE cards (x)"),
                      ("revlog a view", "DROP TABLE revlog; CREATE VIEW revlog AS SELECT 1"),
                      ("notetypes table (current schema, half made)",
                       "CREATE TABLE notetypes (id, name, config)"),
                      ("a trigger", "CREATE TRIGGER t AFTER INSERT ON notes BEGIN "
                                    "SELECT 1; END")):
        yield anki_case(rng, scratch, f"collection: {what}", base, extra_sql=sql)
    collection = fb.anki_collection(base)
    media_entries = fb.anki_entries(base, collection)[1:]
    for what, entries in (
            ("collection twice, garbage second", [("collection.anki2", collection),
                                                 ("collection.anki2", b"garbage"),
                                                 *media_entries]),
            ("collection twice, garbage first", [("collection.anki2", b"garbage"),
                                                ("collection.anki2", collection),
                                                *media_entries]),
            ("anki21 garbage beside a good anki2", [("collection.anki2", collection),
                                                   ("collection.anki21", b"SQLite junk"),
                                                   *media_entries]),
            ("anki21b zstd junk", [("collection.anki21b", b"\x28\xb5\x2f\xfd" + b"\0" * 64),
                                   ("collection.anki2", collection), *media_entries]),
            ("anki21b legacy schema", [("collection.anki21b", zstd_compress(collection)),
                                       *media_entries]),
            ("no collection", media_entries),
            ("no media entry", [("collection.anki2", collection), ("0", fb.PNG)]),
            ("media entry twice", [("collection.anki2", collection), *media_entries,
                                   ("media", b'{"0": "../x.png"}')]),
            ("picture entry twice", [("collection.anki2", collection), *media_entries,
                                     ("0", b"other")]),
            ("unsafe entry name", [("collection.anki2", collection), *media_entries,
                                   ("../../evil.sh", b"x")])):
        yield anki_case(rng, scratch, what, base, entries=entries)
    yield anki_case(rng, scratch, "file name with spaces and accents", base,
                    name="Ânki dëck (3).apkg")
    yield anki_case(rng, scratch, "a .colpkg", base, name="whole.colpkg")


def zstd_compress(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


def anki_random(rng: random.Random, scratch: Path) -> Case:
    base = fb.anki_seed()
    roll = rng.random()
    if roll < 0.15:
        whole = anki_case(rng, scratch, "", base)
        data, what = fb.damage(rng, whole.data)
        return Case("apkg", f"whole zip: {what}" + whole.what, "deck.apkg", data,
                    with_history=whole.with_history)
    if roll < 0.3:
        collection, what = fb.damage(rng, fb.anki_collection(base), ops=rng.choice((1, 2)))
        return anki_case(rng, scratch, f"collection bytes: {what}", base,
                         entries=fb.anki_entries(base, collection))
    if roll < 0.5:
        target = rng.choice(("models", "decks", "conf"))
        doc = json.loads(getattr(base, target))
        doc, what = fb.mutate_document(rng, doc, json_ok=True)
        seed = copy.deepcopy(base)
        setattr(seed, target, fb.json_value(doc))
        return anki_case(rng, scratch, f"col.{target}: {what}", seed)
    if roll < 0.8:
        index = rng.randrange(len(base.notes))
        fields = str(base.notes[index][4]).split("\x1f")
        at = rng.randrange(len(fields))
        piece = rng.choice((*fb.HTML_PAYLOADS, *fb.IMAGE_REFS, *ANKI_FIELD_TRICKS[:22]))
        raw, what = fb.damage(rng, (fields[at] + piece).encode(), ("{{", "}}", "::", "<",
                                                                    ">", "\x1f", "c1"))
        fields[at] = raw.decode("utf-8", "replace")
        seed = with_note_fields(base, index, "\x1f".join(fields))
        return anki_case(rng, scratch, f"note {index + 1} field {at}: {piece[:25]!r}; {what}",
                         seed)
    seed = copy.deepcopy(base)
    table = rng.choice(("notes", "cards", "revlog"))
    rows = getattr(seed, table)
    index = rng.randrange(len(rows))
    row = list(rows[index])
    column = rng.randrange(0 if table == "revlog" else 1, len(row))  # not the primary key
    value, what = rng.choice([(None, "null"), ("x", "text"), (-(2**63), "min int"),
                              (2**63 - 1, "max int"), (1e300, "1e300"), (b"\x00\xff", "blob"),
                              (-1, "-1"), (float("nan"), "nan")])
    row[column] = value
    rows[index] = tuple(row)
    return anki_case(rng, scratch, f"{table}[{index}] column {column} = {what}", seed)


# ================================================================= CSV / TSV

CSV_TOKENS = (",", ";", "\t", '"', '""', "\n", "\r", "\r\n", "#", "#html:true\n",
              "#separator:Tab\n", "#deck column:-1\n", "::", "<b>", "\\")
CSV_SEEDS = (("cards.csv", fb.CSV_SEED), ("plain.csv", fb.PLAIN_CSV_SEED),
             ("cards.tsv", fb.TSV_SEED), ("export.txt", fb.CSV_SEED))
HEADER_VALUES = ("-1", "-2", "-50", "0", "1", "2", "3", "99999999999", "1e3", "٣", " -0",
                 "10" + "0" * 400, fb.BIG_DIGITS, "", "x", "+4", "0x10", "5_000")


def csv_fixed(rng: random.Random) -> Iterator[Case]:
    def csv(what: str, text: str, name: str = "cards.csv", encoding: str = "utf-8") -> Case:
        return Case("csv", what, name, text.encode(encoding))

    for size in (131_073, 200_000, 1_000_000):
        yield csv(f"a {size}-character field", f"front,{'x' * size}\nb,c\n")
        yield csv(f"a {size}-character quoted field", f'front,"{"y" * size}"\nb,c\n')
    yield csv("a 200 KB html field", "#html:true\nfront;" + "<b>x</b>" * 25_000 + "\n")
    yield csv("a 200 KB field in a TSV", "f\t" + "z" * 200_000 + "\n", "big.tsv")
    yield csv("an unclosed quote before 200 KB", 'a,"b\n' + "q" * 200_000 + "\nc,d\n")
    for key in ("deck column", "tags column", "guid column", "notetype column"):
        for value in HEADER_VALUES:
            yield csv(f"#{key}:{value[:20]}",
                      f"#separator:Comma\n#{key}:{value}\nfront,back,t1 t2,Deck A,g1\n"
                      "f2,b2\n")
    yield csv("#deck column:-1 on rows of one cell", "#deck column:-1\nlonely\nf,b\n")
    yield csv("#guid column:-5 on short rows", "#guid column:-5\nf,b\nf2,b2,x\n")
    yield csv("#tags column:-1 #deck column:-2", "#tags column:-1\n#deck column:-2\nf,b\n")
    yield csv("special columns are the front and back",
              "#deck column:1\n#tags column:2\nf,b\nc,d\n")
    for value in ('"', "\\", "#", "", "ab", "é", "Tab", "Space", "\u2028", "\x0b", "Pipe",
                  "Colon", "\x00", "\r"):
        yield csv(f"#separator:{value!r}", f"#separator:{value}\nf{value}b\nc,d\n")
    yield csv("#columns: 5000 columns", "#columns:" + ",".join(f"c{i}" for i in range(5000))
              + "\n" + ",".join("v" for _ in range(5000)) + "\n")
    yield csv("#columns: Deck twice and tags", "#columns:Front,Back,Deck,Deck,Tags,GUID\n"
              "f,b,d1,d2,t,g\n")
    yield csv("deck names that slug alike", "#deck column:3\nf1,b1,Sales Calls\n"
              "f2,b2,sales::calls\nf3,b3,SALES-CALLS\n")
    yield csv("a deck name that slugs to nothing", "#deck:!!!\nf,b\n")
    yield csv("a 100 KB deck name", "#deck column:3\nf,b," + "D" * 100_000 + "\n")
    yield csv("a NUL in UTF-16", "front\x00,back\n", "nul.csv", "utf-16")
    yield Case("csv", "a NUL after a UTF-8 BOM", "bom.csv", b"\xef\xbb\xbffront\x00,back\n")
    yield Case("csv", "only a UTF-16 BOM", "bom16.csv", b"\xff\xfe")
    yield Case("csv", "broken UTF-16", "bad16.csv", b"\xff\xfe\x00\xd8a\x00")
    yield csv("only header lines", "#separator:Tab\n#html:true\n")
    yield csv("empty file", "")
    yield csv("CR line endings", "a,b\rc,d\re,f\r")
    yield csv("2000 rows", "".join(f"front {i},back {i}\n" for i in range(2000)))
    yield csv("the same front 500 times", "same,back\n" * 500)
    for payload in fb.HTML_PAYLOADS:
        html = rng.choice(("true", "false"))
        yield csv(f"#html:{html} {payload[:30]!r}", f"#html:{html}\n#separator:Tab\n"
                  f"{payload}\tback {payload}\n")
    yield csv("#html:true 50,000 <div>", "#html:true\n#separator:Tab\n" + fb.DIVS + "\tb\n")
    yield csv("#html:false 50,000 <div>", "#separator:Tab\nfront\t" + fb.DIVS + "\n")
    yield csv("file name with spaces and accents", "a,b\n", "Cärds fïle (4).csv")


def csv_random(rng: random.Random) -> Case:
    name, seed = rng.choice(CSV_SEEDS)
    roll = rng.random()
    if roll < 0.55:
        data, what = fb.damage(rng, seed, CSV_TOKENS)
        return Case("csv", f"{name}: {what}", name, data)
    if roll < 0.8:
        key = rng.choice(("separator", "html", "tags", "columns", "deck", "notetype",
                          "deck column", "tags column", "guid column", "if matches"))
        value = rng.choice((*HEADER_VALUES, "Semicolon", "true", "a b c", "Front;Back"))
        at = rng.randrange(6)
        lines = seed.decode().split("\n")
        lines.insert(at, f"#{key}:{value}")
        return Case("csv", f"{name}: line {at + 1} #{key}:{value[:20]}", name,
                    "\n".join(lines).encode())
    lines = seed.decode().split("\n")
    at = rng.randrange(len(lines))
    text = fb.payload(rng)
    lines[at] = lines[at] + text
    return Case("csv", f"{name}: line {at + 1} += {text[:30]!r}", name, "\n".join(lines).encode())


# ================================================================= Moodle GIFT

GIFT_TOKENS = ("{", "}", "~", "=", "#", "####", "::", "->", "%", "%50%", "%-100%", "\\",
               "[html]", "[markdown]", "[plain]", "\n\n", "$CATEGORY: a/b\n\n", "//", "{T}",
               "{#1..2}", "\\{", "\\n")
GIFT_SEEDS = (("examples.gift.txt", fb.GIFT_EXAMPLES), ("fixture.gift", fb.GIFT_FIXTURE))


def gift_fixed(rng: random.Random) -> Iterator[Case]:
    def gift(what: str, text: str, name: str = "quiz.gift") -> Case:
        return Case("gift", what, name, text.encode())

    yield gift("[html] 50,000 <div> prompt", "[html]" + fb.DIVS + "{=a ~b}\n")
    yield gift("50,000 <div> answer feedback", "Q {=a#" + fb.DIVS + " ~b}\n")
    yield gift("1 MB prompt", ("<b>x</b> " + fb.HTML_PAYLOADS[0]) * 25_000 + "{T}\n")
    yield gift("nested 100,000 {", "Q " + "{" * 100_000 + "\n")
    yield gift("10,000 answers", "Q {" + "~a " * 10_000 + "=b}\n")
    yield gift("a huge category path", "$CATEGORY: " + "a/" * 50_000 + "\n\nQ{T}\n")
    for payload in fb.HTML_PAYLOADS:
        fmt = rng.choice(("[html]", "[markdown]", "", "[plain]"))
        spot = rng.randrange(4)
        parts = ["Prompt", "right", "wrong", "general"]
        parts[spot] += " " + payload.replace("}", "\\}").replace("{", "\\{").replace(
            "=", "\\=").replace("#", "\\#").replace("~", "\\~")
        yield gift(f"{fmt or 'moodle'} {payload[:30]!r} in part {spot}",
                   f"{fmt}{parts[0]} {{={parts[1]} ~{parts[2]} ####{parts[3]}}}\n")
    for ref in fb.IMAGE_REFS:
        escaped = ref.replace("=", "\\=").replace("#", "\\#").replace("{", "\\{")
        yield gift(f"image ref {ref!r} in prompt and feedback",
                   f"[html]See {escaped} {{T#{escaped}####{escaped}}}\n")
    for weight in ("%1e400%", "%99.99999999999999999%", "%--100%", "%100%", "%0%",
                   "%-0%", "%9" + "9" * 400 + "%", "%%", "%50"):
        yield gift(f"weight {weight[:20]}", f"Q {{~{weight}a ~%50%b =c}}\n"
                   f"Multi {{~{weight}x ~%50%y ~%-100%z}}\n")
    yield gift("names that slug to nothing", "::!!!::Q {T}\n\n::???::Q2 {F}\n")
    yield gift("the same name 300 times", "::same::Q {T}\n\n" * 300)
    yield gift("matching with one pair", "Q {=a -> b}\n")
    yield gift("numerical only", "Q {#1:2}\n")
    yield gift("file name with spaces and accents", "Q {T}\n", "Qüiz fïle (5).gift.txt")
    yield gift("empty file", "")


def gift_random(rng: random.Random) -> Case:
    name, seed = rng.choice(GIFT_SEEDS)
    if rng.random() < 0.75:
        data, what = fb.damage(rng, seed, GIFT_TOKENS)
        return Case("gift", f"{name}: {what}", name, data)
    blocks = seed.decode().split("\n\n")
    at = rng.randrange(len(blocks))
    text = fb.payload(rng)
    blocks[at] = rng.choice(("[html]", "")) + text + " " + blocks[at]
    return Case("gift", f"{name}: block {at} += {text[:30]!r}", name,
                "\n\n".join(blocks).encode())


# ================================================================= progress exports

def progress_case(what: str, data: bytes | dict[str, Any]) -> Case:
    raw = fb.json_value(data).encode() if isinstance(data, dict) else data
    return Case("progress", what, "export.json", raw)


def progress_fixed(rng: random.Random) -> Iterator[Case]:
    seed = fb.PROGRESS_SEED
    yield progress_case("the seed as it is", seed)
    yield progress_case("nested 100,000 [", b"[" * 100_000)
    yield progress_case("nested 100,000 [ closed", json_deep(100_000))
    yield progress_case("nested 100,000 {", json_deep(100_000, '{"a":'))
    limit = sys.getrecursionlimit()
    for path in (("format",), ("version",), ("exported_at",), ("items", 0, "stability"),
                 ("items", 0, "last_review"), ("quiz_attempts", 0, "answers", 0, "certainty"),
                 ("learner", "display_name")):
        for depth in (limit - 40, limit - 120, limit - 200, limit // 2):
            value = fb.Raw(json_deep(depth).decode())
            yield progress_case(f"{'.'.join(map(str, path))} nested {depth} deep",
                                with_value(seed, path, value))
    numbers = [(fb.Raw("1e400"), "1e400"), (fb.Raw("-1e400"), "-1e400"), (10**400, "10**400"),
               (-10**30, "-10**30"), (fb.Raw(fb.BIG_DIGITS), "5000 digits"),
               (fb.Raw("NaN"), "NaN"), (fb.Raw("Infinity"), "Infinity"), (0, "0"),
               (-1, "-1"), (fb.Raw("5e-324"), "5e-324"), (True, "true")]
    for path in (("version",), ("items", 0, "stability"), ("items", 0, "reps"),
                 ("quiz_attempts", 0, "questions"), ("quiz_attempts", 0, "pass_mark"),
                 ("quiz_attempts", 0, "answers", 0, "score"),
                 ("study_answers", 0, "score"), ("paths", 0, "day"),
                 ("paths", 0, "steps", 0, "day"), ("scheduler", "parameters", 20),
                 ("quiz_attempts", 0, "answers", 0, "certainty")):
        for value, what in numbers:
            yield progress_case(f"{'.'.join(map(str, path))} = {what}",
                                with_value(seed, path, value))
    for path in (("exported_at",), ("items", 0, "last_review"),
                 ("quiz_attempts", 0, "finished_at")):
        for when in fb.ODD_TIMES:
            yield progress_case(f"{'.'.join(map(str, path))} = {when}",
                                with_value(seed, path, when))
    late = with_value(seed, ("exported_at",), "9999-12-31T23:59:59.999999-23:59")
    yield progress_case("exported at the end of time, reviewed at its start", with_value(
        late, ("items", 0, "last_review"), "0001-01-01T00:00:00+23:59"))
    for value, what in (("\ud800", "lone surrogate"), ("N" * 1_000_000, "1 MB"),
                        ("\u202e\x00\x1b[31m", "controls"), (5, "a number"),
                        (fb.HTML_PAYLOADS[0], "a script")):
        yield progress_case(f"display_name = {what}",
                            with_value(seed, ("learner", "display_name"), value))
        yield progress_case(f"learner.id = {what}", with_value(seed, ("learner", "id"), value))
        yield progress_case(f"items[0].prompt = {what}",
                            with_value(seed, ("items", 0, "prompt"), value))
    for section in ("decks", "items", "reviews", "quiz_attempts", "study_answers",
                    "assessments", "paths", "quizzes", "scheduler", "learner"):
        for value, what in (("x", "a string"), (5, "a number"), ({}, "{}"), (None, "null"),
                            ([1, "a", None, []], "a mixed list"), ([[]], "[[]]")):
            yield progress_case(f"{section} = {what}", with_value(seed, (section,), value))
    items = [dict(seed["items"][0], id=f"i{i}") for i in range(5000)]
    yield progress_case("5000 items", with_value(seed, ("items",), items))
    text = json.dumps(seed)
    for encoding in ("utf-16", "utf-8-sig", "cp1252", "utf-32"):
        yield progress_case(f"encoded {encoding}", text.encode(encoding))
    yield progress_case("a BOM and trailing garbage", b"\xef\xbb\xbf" + text.encode() + b"}")
    yield progress_case("empty file", b"")


def progress_random(rng: random.Random) -> Case:
    roll = rng.random()
    if roll < 0.65:
        doc, steps = fb.PROGRESS_SEED, []
        for _ in range(rng.choice((1, 1, 2, 3))):
            doc, what = fb.mutate_document(rng, doc, json_ok=True)
            steps.append(what)
        return progress_case("; ".join(steps), doc)
    data, what = fb.damage(rng, json.dumps(fb.PROGRESS_SEED).encode(),
                           ('"', "{", "}", "[", "]", ":", ",", "1e400", "null", "NaN"))
    return progress_case(f"bytes: {what}", data)


# ================================================================= running the cases

@dataclass
class Failure:
    kind: str
    case: str  # "kind #n: mutation"
    stage: str
    error: str
    message: str
    site: str  # innermost frame under trainer/
    frames: list[str]
    kept: str  # where the input was kept


def _frames(exc: BaseException) -> tuple[str, list[str]]:
    """The innermost frame under trainer/, and the last frames: up to four in trainer/
    and the two where it was raised."""
    stack = traceback.extract_tb(exc.__traceback__)
    ours = [i for i, f in enumerate(stack) if TRAINER in Path(f.filename).parents]
    site = "(not raised under trainer/)"
    if ours:
        frame = stack[ours[-1]]
        site = f"{Path(frame.filename).relative_to(TRAINER.parent).as_posix()}:{frame.lineno}"
    keep = sorted(set(ours[-4:]) | set(range(max(0, len(stack) - 2), len(stack))))
    shown = []
    for index in keep:
        frame = stack[index]
        path = Path(frame.filename)
        short = (path.relative_to(TRAINER.parent).as_posix() if TRAINER in path.parents
                 else path.name)
        shown.append(f"{short}:{frame.lineno} in {frame.name}: {(frame.line or '')[:90]}")
    return site, shown


def _copy_case(source: Path, target: Path) -> None:
    """Keep a failing case's folder (pipes and sparse files left out)."""
    for folder, dirs, files in os.walk(source):
        where = target / Path(folder).relative_to(source)
        where.mkdir(parents=True, exist_ok=True)
        for name in dirs + files:
            path = Path(folder) / name
            if path.is_symlink():
                (where / name).write_text(f"symlink to {os.readlink(path)}\n")
            elif path.is_file() and path.lstat().st_size <= 20_000_000:
                shutil.copyfile(path, where / name)
            elif name in files:
                (where / (name + ".note")).write_text(f"{path.lstat()}\n")


class Harness:
    """One profile shared by every case, and everything that went wrong."""

    def __init__(self, root: Path, services: Services) -> None:
        self.root = root
        self.services = services
        self.media_root = services.config.profile_dir / "media"
        self.failures: list[Failure] = []
        self.ran: dict[str, int] = {}
        self.accepted: dict[str, int] = {}
        self.seconds: dict[str, float] = {}  # shown in the summary, never asserted
        self.kept = root / "failing-inputs"
        # A second connection holding a read transaction sees the profile as it was
        # before each case (WAL), so the whole profile is digested only when a refused
        # import wrote something through the app's connection.
        # (Without WAL that reader would block the imports: then the profile is digested
        # before every case instead, which is slower.)
        mode = services.db.execute("PRAGMA journal_mode").fetchone()[0]
        self.before: sqlite3.Connection | None = None
        if str(mode).lower() == "wal":
            self.before = sqlite3.connect(services.config.database_path, isolation_level=None)
        self.digest = ""
        self._remember()

    def _remember(self) -> None:
        if self.before is None:
            self.digest = fb.fingerprint(self.services.db.conn)
        else:
            if self.before.in_transaction:
                self.before.execute("COMMIT")
            self.before.execute("BEGIN")
            self.before.execute("SELECT count(*) FROM decks").fetchone()  # pins the snapshot
        self.media = fb.media_listing(self.media_root)
        self.changes = self.services.db.conn.total_changes

    def close(self) -> None:
        if self.before is not None:
            self.before.close()

    def _fail(self, case: Case, number: int, folder: Path, stage: str,
              exc: BaseException | None = None, message: str = "") -> None:
        site, frames = _frames(exc) if exc is not None else ("", [])
        kept = self.kept / f"{case.kind}-{number:04d}"
        if not kept.exists():
            _copy_case(folder, kept)
        self.failures.append(Failure(
            case.kind, f"{case.kind} #{number}: {case.what}", stage,
            type(exc).__name__ if exc is not None else "-",
            (message or str(exc))[:300], site, frames, str(kept)))

    def run(self, case: Case, number: int) -> None:
        started = time.perf_counter()
        try:
            self._run(case, number)
        finally:
            self.seconds[case.kind] = (self.seconds.get(case.kind, 0.0)
                                       + time.perf_counter() - started)

    def _run(self, case: Case, number: int) -> None:
        self.ran[case.kind] = self.ran.get(case.kind, 0) + 1
        folder = self.root / "work" / f"{case.kind}-{number:04d}"
        folder.mkdir(parents=True)
        path = folder / case.name
        path.write_bytes(case.data)
        for name, data in case.extra.items():
            (folder / name).write_bytes(data)
        if case.setup is not None:
            try:
                case.setup(folder)
            except OSError:  # a system that cannot make links or such names
                shutil.rmtree(folder, ignore_errors=True)
                return
        try:
            if case.kind == "progress":
                self._progress(case, number, folder, path)
            else:
                self._import(case, number, folder, path)
                self._remember()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(folder.parent / f"outside-{folder.name}", ignore_errors=True)

    def _import(self, case: Case, number: int, folder: Path, path: Path) -> None:
        imports = self.services.imports
        conn = self.services.db.conn
        plan: ImportPlan | None = None
        try:
            if case.guard_memory:
                with fb.address_space_limit(2 * 2**30) as capped:
                    if not capped:
                        return
                    plan = imports.prepare(path, with_history=case.with_history)
            else:
                plan = imports.prepare(path, with_history=case.with_history)
            # What the window's confirmation dialog and `trainer import --json` show.
            plan.summary()
            plan.clash_warnings()
            json.dumps(plan.to_json())
            imports.apply(plan)
        except Exception as exc:  # the contract: TrainerError naming the file, or a bug
            if conn.in_transaction:
                self._fail(case, number, folder, "transaction left open", exc)
                conn.rollback()
            if not isinstance(exc, TrainerError):
                self._fail(case, number, folder, "import raised a non-TrainerError", exc)
            elif path.name not in str(exc):
                self._fail(case, number, folder, "error message does not name the file", exc)
            self._check_unchanged(case, number, folder, exc)
            return
        self.accepted[case.kind] = self.accepted.get(case.kind, 0) + 1
        self._check_stored(case, number, folder, plan)

    def _check_unchanged(self, case: Case, number: int, folder: Path,
                         exc: BaseException) -> None:
        conn = self.services.db.conn
        media = fb.media_listing(self.media_root)
        if conn.total_changes == self.changes and media == self.media:
            return
        digest = self.digest if self.before is None else fb.fingerprint(self.before)
        if fb.fingerprint(conn) != digest or media != self.media:
            extra = sorted(set(media) ^ set(self.media))[:5]
            self._fail(case, number, folder, "profile changed by a refused import", exc,
                       f"{type(exc).__name__}: {str(exc)[:150]}; media differs: {extra}")

    def _check_stored(self, case: Case, number: int, folder: Path, plan: ImportPlan) -> None:
        db = self.services.db
        problems: list[str] = []
        for change in plan.changes:
            keys = change.plan.new + change.plan.updated + change.plan.restored
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" for _ in chunk)
                rows = db.execute(f"SELECT key, front, back, body FROM items WHERE deck_id = ? "
                                  f"AND key IN ({marks})", [change.deck.id, *chunk])
                for key, front, back, body in rows:
                    for column, text in (("front", front), ("back", back)):
                        problems += [f"items.{column} [{key}]: {p}"
                                     for p in self._unsafe(case.kind, text)]
                    for text in _strings(json.loads(body)) if body else []:
                        problems += [f"items.body [{key}]: {p}"
                                     for p in self._unsafe(case.kind, text)]
        if problems:
            self._fail(case, number, folder, "unsafe HTML stored", None,
                       "; ".join(sorted(set(problems))[:4]))
        leaked = sorted(name for name, data in plan.bundle.media.items() if data == SECRET)
        if leaked:
            self._fail(case, number, folder, "file from outside the deck folder imported",
                       None, f"picture(s) {leaked} hold the bytes of a file outside the "
                             "deck's folder, reached through a symbolic link")
        self._check_installed(case, number, folder, plan)
        for deck_id in dict.fromkeys(c.deck.id for c in plan.changes):
            try:
                installed_deck(db, deck_id)
            except Exception as exc:
                self._fail(case, number, folder, "an imported deck cannot be read back", exc)

    def _check_installed(self, case: Case, number: int, folder: Path,
                         plan: ImportPlan) -> None:
        """What the plan said it would install is there and not retired."""
        db = self.services.db
        ids = [c.deck.id for c in plan.changes]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        for change in plan.changes:
            keys = (change.plan.new + change.plan.updated + change.plan.restored
                    + change.plan.unchanged)
            active = 0
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" for _ in chunk)
                active += db.execute(f"SELECT count(*) FROM items WHERE deck_id = ? AND "
                                     f"retired = 0 AND key IN ({marks})",
                                     [change.deck.id, *chunk]).fetchone()[0]
            if active != len(keys):
                self._fail(case, number, folder, "imported items are not active afterwards",
                           None, f"deck {change.deck.id!r} ({change.deck.title[:40]!r}): "
                                 f"{len(keys) - active} of {len(keys)} items the plan "
                                 "installs are retired or missing"
                                 + (f"; the import holds decks {twice} more than once"
                                    if twice else ""))
                return

    @staticmethod
    def _unsafe(kind: str, text: str | None) -> list[str]:
        if not text:
            return []
        found = []
        if kind not in STORED_AS_MARKDOWN or STRICT_STORED_HTML:
            found += fb.unsafe_html(text)
        if kind in STORED_AS_MARKDOWN and ("<" in text or ":" in text or "www." in text):
            found += [f"as shown: {p}" for p in fb.unsafe_html(render_markdown(text))]
        return found

    def _progress(self, case: Case, number: int, folder: Path, path: Path) -> None:
        try:
            report = read_export(path)
        except ExportProblem:
            return  # load_cohort lists it as skipped, by file name
        except Exception as exc:
            self._fail(case, number, folder, "read_export raised a non-ExportProblem", exc)
            return
        self.accepted[case.kind] = self.accepted.get(case.kind, 0) + 1
        try:
            cohort = Cohort((report,), (), (), 1)
            render_html(cohort)
            render_csv(cohort)
        except Exception as exc:
            self._fail(case, number, folder, "an accepted export breaks the cohort report", exc)

    def summary(self) -> str:
        groups: dict[tuple[str, str, str], list[Failure]] = {}
        for failure in self.failures:
            groups.setdefault((failure.stage, failure.error, failure.site), []).append(failure)
        total = sum(self.ran.values())
        lines = [f"{len(self.failures)} failures in {total} mutations "
                 f"({', '.join(f'{k} {v}' for k, v in self.ran.items())}; accepted: "
                 f"{', '.join(f'{k} {v}' for k, v in self.accepted.items())}), "
                 f"{len(groups)} distinct sites. Failing inputs kept in {self.kept}",
                 "Seconds per kind: " + ", ".join(f"{k} {v:.1f}"
                                                   for k, v in self.seconds.items()), ""]
        ordered = sorted(groups.items(), key=lambda g: (g[0][0], -len(g[1])))
        for number, ((stage, error, site), found) in enumerate(ordered, start=1):
            kinds = sorted({f.kind for f in found})
            where = f"{error} at {site}" if site else "(no exception)"
            lines.append(f"[{number}] {stage}: {where} "
                         f"({len(found)} cases; {', '.join(kinds)})")
            for failure in found[:3]:
                lines.append(f"    case {failure.case[:150]}")
                lines.append(f"      message: {failure.message[:200]!r}")
                lines.append(f"      input: {failure.kept}")
            lines += [f"      {frame}" for frame in found[0].frames]
            lines.append("")
        return "\n".join(lines)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


GENERATORS: dict[str, tuple[Callable[..., Iterator[Case]], Callable[..., Case]]] = {
    "toml": (toml_fixed, toml_random),
    "trainerdeck": (package_fixed, package_random),
    "apkg": (anki_fixed, anki_random),
    "csv": (csv_fixed, csv_random),
    "gift": (gift_fixed, gift_random),
    "progress": (progress_fixed, progress_random),
}
NEEDS_SCRATCH = {"trainerdeck", "apkg"}


def cases(kind: str, scratch: Path) -> Iterator[Case]:
    """The fixed cases of a kind, then random ones up to its count (at least)."""
    rng = random.Random(f"{SEED}-{kind}")
    fixed, make = GENERATORS[kind]
    args = (rng, scratch) if kind in NEEDS_SCRATCH else (rng,)
    made = 0
    for case in fixed(*args):
        made += 1
        yield case
    while made < COUNTS[kind]:
        made += 1
        yield make(*args)


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    empty = tmp_path / "no-builtin-decks"
    empty.mkdir()
    clock = FakeClock(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    services = open_services(Config(tmp_path / "data"), clock,
                             StudySettings(fuzz=False, timezone=UTC), empty)
    # Each import first backs up the whole profile (the backups of one day are all kept,
    # so this grows with every case); that copy reads no input, so it is left out here.
    services.imports.backup = None
    harness = Harness(tmp_path, services)
    yield harness
    harness.close()
    services.close()


def test_sanitizing_a_one_megabyte_field_finishes_and_is_safe() -> None:
    field_ = "".join(f"<p>{payload} text {i}</p>" for i, payload in
                     enumerate(fb.HTML_PAYLOADS * 200))
    field_ = (field_ * (1_000_000 // len(field_) + 1))[:1_000_000]
    assert len(field_) == 1_000_000
    cleaned = sanitize_html(field_)
    assert cleaned and fb.unsafe_html(cleaned) == []
    shown = render_markdown(field_)
    assert shown and fb.unsafe_html(shown) == []
    divs = sanitize_html("<div>" * 200_000 + "x")
    assert "x" in divs and fb.unsafe_html(divs) == []


def test_every_importer_survives_mutated_input(harness: Harness, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    number = 0
    for kind in GENERATORS:
        for case in cases(kind, scratch):
            number += 1
            harness.run(case, number)
    assert sum(harness.ran.values()) >= 1000
    assert not harness.failures, "\n" + harness.summary()
