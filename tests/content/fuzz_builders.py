"""Helpers for tests/content/test_fuzz_imports.py: valid seed inputs of every kind the
app imports, the damage done to them, and the checks run on what an import leaves.

Nothing here needs the ``anki`` package: Anki collections are hand-made schema-11
SQLite files, as in anki_builders.py.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import os
import random
import re
import sqlite3
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
QUIZ_TOML = (DATA / "quiz_deck.toml").read_bytes()
CARDS_TOML = (DATA / "cards_deck.toml").read_bytes()
GIFT_EXAMPLES = (DATA / "gift" / "moodle_examples.gift.txt").read_bytes()
GIFT_FIXTURE = (DATA / "gift" / "moodle_fixture_questions.gift.txt").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n fuzz picture"

SMALL_TOML = b"""\
format = 1

[deck]
id = "fuzz-small"
title = "Fuzz small"
version = "1.2"
topic = "fuzz"
authors = ["A. Writer"]

[[cards]]
id = "one"
front = "What is **value**? ![chart](chart.png)"
back = "What they get. <b>Bold</b> and `code`."
tags = ["a", "b"]

[[cards]]
id = "two"
front = "Second?"
back = \"\"\"
- a list
- of things
\"\"\"

[[quizzes]]
id = "q"
title = "Q"
pass_mark = 50

[[quizzes.questions]]
id = "q1"
type = "single"
prompt = "Pick one"
explanation = "Because."

[[quizzes.questions.options]]
text = "yes"
correct = true

[[quizzes.questions.options]]
text = "no"
"""

CSV_SEED = b"""\
#separator:Semicolon
#html:true
#tags:imported sales
#columns:Front;Back;Tags;Deck;GUID
#deck column:4
#guid column:5
<b>Bold</b> front;Back <i>it</i>;extra;Sales::Calls;abc123
Second;Two;;Sales::Calls;def456
Third <img src="chart.png">;Three;t1 t2;Sales::Pricing;ghi789
"""

PLAIN_CSV_SEED = b"What is value?,What they get\n\"Quoted, with comma\",Back two\nA,B\n"
TSV_SEED = b"2 * 3 <b>\tsix_ish\nfront two\tback two\nfront three\tback three\n"


# ---------------------------------------------------------------- payloads

HTML_PAYLOADS = (
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    '<img src="x.png" onerror="alert(1)">',
    "<img src=x onerror=alert(1)//>",
    '<b onclick="steal()">bold</b>',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "[md link](javascript:alert(1))",
    "[md link](JAVASCRIPT:alert(1))",
    "![remote](http://evil.example/track.png)",
    '<img src="https://evil.example/t.png">',
    '<img src="//evil.example/t.png">',
    '<img src=" http://evil.example/t.png">',
    '<img src="HTTP://EVIL.EXAMPLE/T.PNG">',
    '<iframe src="https://evil.example/"></iframe>',
    "<svg onload=alert(1)><circle/></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<form action="http://evil.example"><input name=x></form>',
    '<object data="http://evil.example/x.swf"></object>',
    '<embed src="http://evil.example/x.swf">',
    '<style>@import "http://evil.example/x.css";</style>',
    '<div style="background:url(http://evil.example/x.png)">x</div>',
    '<meta http-equiv="refresh" content="0;url=http://evil.example">',
    '<base href="http://evil.example/">',
    "<scr<script>ipt>alert(1)</script>",
    "<!--<script>-->alert(1)",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<table background="javascript:alert(1)">',
    "<img src=\"x.png\"/onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "<a href='https://evil.example/'>site</a> www.evil.example",
    "<img src=`javascript:alert(1)`>",
    "<IMG SRC=javascript:alert('XSS')>",
    "<a href=\"mailto:x@example.com\" onmouseover=\"alert(1)\">mail</a>",
)

IMAGE_REFS = (
    "![chart](/etc/passwd)",
    "![chart](../../secret.png)",
    '<img src="../secret.png">',
    '<img src="/etc/hosts">',
    '<img src="file:///etc/passwd">',
    '<img src="C:\\Windows\\win.ini">',
    '<img src="\\\\server\\share\\x.png">',
    "![x](..%2F..%2Fsecret.png)",
    "![x](chart.png)",
    '<img src="media/../../x.png">',
    "![x](~/.ssh/id_rsa)",
    '<img src="../../../../../../etc/shadow">',
    "![x](<../a b.png>)",
)

DIVS = "<div>" * 50_000


def payload(rng: random.Random) -> str:
    """One hostile piece of card text."""
    return rng.choice(HTML_PAYLOADS + IMAGE_REFS)


# ---------------------------------------------------------------- byte damage

def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def truncate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    at = _pos(rng, data)
    return data[:at], f"truncate@{at}"


def flip_bits(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if not data:
        return data, "flip(empty)"
    out = bytearray(data)
    spots = []
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(out))
        bit = rng.randrange(8)
        out[at] ^= 1 << bit
        spots.append(f"{at}.{bit}")
    return bytes(out), "flip@" + ",".join(spots)


def insert_garbage(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    at = _pos(rng, data)
    junk = rng.randbytes(rng.randint(1, 64))
    return data[:at] + junk + data[at:], f"garbage[{len(junk)}]@{at}"


def delete_slice(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    at = _pos(rng, data)
    size = rng.randint(1, 200)
    return data[:at] + data[at + size:], f"delete[{size}]@{at}"


def huge_repeat(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Repeat a short slice until it is tens or hundreds of KB long."""
    if not data:
        return b"A" * 100_000, "repeat A x100000"
    at = rng.randrange(len(data))
    piece = data[at:at + rng.randint(1, 16)]
    times = rng.choice((1_000, 10_000, 150_000 // max(1, len(piece))))
    return data[:at] + piece * times + data[at:], f"repeat[{piece!r} x{times}]@{at}"


INTERESTING_BYTES = (b"\x00", b"\xff", b"\xfe\xff", b"\x80", b"\r", b"\x1f", b"\xef\xbb\xbf",
                     b"\xed\xa0\x80", b"\xc0\xaf", b"\xe2\x80\xae", b"\t", b"\n\n", b'"',
                     b"\\", b"'")


def interesting_byte(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    at = _pos(rng, data)
    value = rng.choice(INTERESTING_BYTES)
    return data[:at] + value + data[at:], f"insert {value!r}@{at}"


def swap_lines(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data, "swap(no lines)"
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines), f"swap lines {a + 1},{b + 1}"


def duplicate_line(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    times = rng.choice((2, 3, 50))
    lines[at:at + 1] = [lines[at]] * times
    return b"\n".join(lines), f"line {at + 1} x{times}"


def insert_token(tokens: tuple[str, ...]) -> Callable[[random.Random, bytes], tuple[bytes, str]]:
    """A mutator inserting one of the syntax tokens of a format."""

    def mutate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
        at = _pos(rng, data)
        token = rng.choice(tokens).encode()
        return data[:at] + token + data[at:], f"token {token.decode()!r}@{at}"

    return mutate


def reencode(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(("utf-16", "utf-16-le", "utf-8-sig", "cp1252", "latin-1"))
    return text.encode(encoding, "replace"), f"re-encode {encoding}"


BYTE_MUTATORS: tuple[Callable[[random.Random, bytes], tuple[bytes, str]], ...] = (
    truncate, flip_bits, insert_garbage, delete_slice, huge_repeat, interesting_byte,
    swap_lines, duplicate_line, reencode,
)


def damage(rng: random.Random, data: bytes, tokens: tuple[str, ...] = (),
           ops: int | None = None) -> tuple[bytes, str]:
    """One to three random byte-level mutations (plus the format's own tokens)."""
    mutators = list(BYTE_MUTATORS)
    if tokens:
        mutators += [insert_token(tokens)] * 3
    steps = []
    for _ in range(ops or rng.choice((1, 1, 2, 3))):
        mutate = rng.choice(mutators)
        if mutate is huge_repeat and len(data) > 400_000:
            mutate = flip_bits
        data, what = mutate(rng, data)
        steps.append(what)
    return data, "; ".join(steps)


# ---------------------------------------------------------------- values of the wrong type

@dataclass(frozen=True)
class Raw:
    """Text written as it is into TOML or JSON (numbers neither Python nor json.dumps
    would write that way, such as 1e400)."""

    text: str


BIG_DIGITS = "9" * 5000  # more digits than Python converts to int by default


def wrong_value(rng: random.Random, *, json_ok: bool = False) -> tuple[object, str]:
    """A value of some type a deck field does not expect, and its description."""
    choices: list[tuple[object, str]] = [
        ("x", "string"), ("", "empty string"), ("   ", "blank string"),
        (0, "0"), (-1, "-1"), (5, "5"), (1.5, "1.5"), (10**400, "10**400"),
        (-10**30, "-10**30"), (Raw("1e400"), "1e400"), (Raw("-1e400"), "-1e400"),
        (Raw(BIG_DIGITS), "5000-digit int"), (True, "true"), (False, "false"),
        ([], "[]"), (["a", "b"], "list of strings"), ([1, 2], "list of ints"),
        ([[1]], "nested list"), ({}, "{}"), ({"a": 1}, "table"), ([{}], "[{}]"),
        ([{"id": "x"}], "[{id}]"), ({"id": ["x"]}, "table with a list id"),
        (["x", 1, {"a": []}], "mixed list"), (payload(rng), "hostile html"),
        ("é" * 3 + "\u202e" + "x", "bidi text"), ("a" * 70, "70-char id"),
    ]
    if json_ok:
        choices += [(None, "null"), ("\ud800", "lone surrogate"), (Raw("NaN"), "NaN"),
                    (Raw("-Infinity"), "-Infinity"), (Raw("1E+400"), "1E+400")]
    else:
        choices += [(float("nan"), "nan"), (float("inf"), "inf"),
                    (datetime(2026, 1, 1, 12, tzinfo=UTC), "datetime"),
                    (date(2026, 1, 1), "date"), (time(12, 0), "time")]
    return rng.choice(choices)


def locations(doc: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) in a parsed document, containers included."""
    yield path, doc
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from locations(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield from locations(value, (*path, index))


def set_at(doc: Any, path: tuple[Any, ...], value: object) -> None:
    """Replace the value at ``path`` (a non-empty path)."""
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def mutate_document(rng: random.Random, doc: Any, *, json_ok: bool = False,
                    prefer: tuple[str, ...] = ()) -> tuple[Any, str]:
    """A deep copy of ``doc`` with one value replaced by one of the wrong type, a key
    removed, or an unknown key added. ``prefer`` biases the choice to paths starting
    with one of these top-level keys."""
    doc = copy.deepcopy(doc)
    spots = [p for p, _ in locations(doc) if p]
    preferred = [p for p in spots if p[0] in prefer]
    path = rng.choice(preferred if preferred and rng.random() < 0.75 else spots)
    shown = ".".join(str(p) for p in path)
    action = rng.random()
    if action < 0.12:
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        del parent[path[-1]]
        return doc, f"delete {shown}"
    if action < 0.2:
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict):
            value, what = wrong_value(rng, json_ok=json_ok)
            parent["zz_unknown"] = value
            return doc, f"add unknown key beside {shown} = {what}"
    value, what = wrong_value(rng, json_ok=json_ok)
    set_at(doc, path, value)
    return doc, f"{shown} = {what}"


# ---------------------------------------------------------------- writers

def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def toml_value(value: object) -> str:
    """A value as inline TOML."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    if value is None:
        return '"null"'  # TOML has no null
    raise TypeError(type(value))


def toml_text(doc: dict[str, Any]) -> bytes:
    """A document as TOML, every table inline (what tomllib reads back is ``doc``)."""
    return "".join(f"{_toml_key(k)} = {toml_value(v)}\n" for k, v in doc.items()).encode()


def json_value(value: object) -> str:
    """A value as JSON text; ``Raw`` goes in as written, so 1e400 stays 1e400."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, bool | None | int | str):
        # json.dumps writes a lone surrogate as an escape, which json.loads reads back.
        return json.dumps(value)
    if isinstance(value, float):
        return "1e400" if math.isinf(value) else json.dumps(value)
    if isinstance(value, list):
        return "[" + ",".join(json_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{json_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, datetime | date | time):
        return json.dumps(value.isoformat())
    raise TypeError(type(value))


def write_zip(path: Path, entries: list[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED
              ) -> Path:
    """A zip with exactly these entries, in order (duplicate and unsafe names too)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is what some cases want
        with zipfile.ZipFile(path, "w", method) as archive:
            for name, data in entries:
                archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data,
                                 compress_type=method)
    return path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_for(entries: dict[str, bytes]) -> dict[str, Any]:
    """A package manifest listing these entries."""
    decks = [{"id": "fuzz", "version": "1", "title": "Fuzz", "file": name}
             for name in entries if name.endswith(".toml")]
    return {"format": 1, "created": "2026-05-01T09:00:00+00:00", "decks": decks,
            "files": {name: sha256(data) for name, data in entries.items()}}


# ---------------------------------------------------------------- Anki collections

BASIC_MODEL: dict[str, Any] = {
    "id": 7, "name": "Basic", "type": 0,
    "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
    "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
               "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]}
CLOZE_MODEL: dict[str, Any] = {
    "id": 8, "name": "Cloze", "type": 1,
    "flds": [{"name": "Text", "ord": 0}, {"name": "Back Extra", "ord": 1}],
    "tmpls": [{"name": "Cloze", "ord": 0, "qfmt": "{{cloze:Text}}",
               "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}]}
ANKI_DECKS: dict[str, Any] = {"1": {"id": 1, "name": "Default"},
                              "5": {"id": 5, "name": "Hand Made"},
                              "6": {"id": 6, "name": "Hand Made::Sub deck"}}


@dataclass
class AnkiSeed:
    """What a hand-made schema-11 collection holds; every part can be damaged."""

    conf: str
    models: str
    decks: str
    notes: list[tuple[object, object, object, object, object]]  # id, guid, mid, tags, flds
    cards: list[tuple[object, object, object, object, object]]  # id, nid, did, ord, odid
    revlog: list[tuple[object, object, object, object, object]]  # id, cid, ease, time, type
    media: dict[str, bytes]  # zip entry -> bytes; the "media" map is built from names
    media_names: dict[str, object]


def anki_seed() -> AnkiSeed:
    """Three basic notes, one cloze note, two decks, a picture and a few reviews."""
    notes: list[tuple[object, object, object, object, object]] = [
        (1, "g-one", 7, " sales ", 'What is <b>value</b>?\x1fWhat they get <img src="a.png">'),
        (2, "g-two", 7, "", "Anchor\x1fName the full value first"),
        (3, "g-three", 7, "x::y", "Open with\x1fA question"),
        (4, "g-cloze", 8, "cloze", "Say {{c1::the price}}, then {{c2::stop::what?}}.\x1fSilence"),
    ]
    cards: list[tuple[object, object, object, object, object]] = [
        (1, 1, 5, 0, 0), (2, 2, 5, 0, 0), (3, 3, 6, 0, 0), (4, 4, 6, 0, 0), (5, 4, 6, 1, 0)]
    revlog: list[tuple[object, object, object, object, object]] = [
        (1_760_000_000_000, 1, 3, 4000, 0), (1_760_100_000_000, 1, 1, 2500, 1),
        (1_760_200_000_000, 2, 4, 1000, 1)]
    return AnkiSeed(json.dumps({"schedVer": 2}),
                    json.dumps({"7": BASIC_MODEL, "8": CLOZE_MODEL}), json.dumps(ANKI_DECKS),
                    notes, cards, revlog, {"0": PNG}, {"0": "a.png"})


def anki_collection(seed: AnkiSeed, extra_sql: str = "") -> bytes:
    """The seed as the bytes of a schema-11 SQLite collection (``extra_sql`` is run
    last, to damage the schema)."""
    db = sqlite3.connect(":memory:")
    db.executescript("""
        CREATE TABLE col (id INTEGER PRIMARY KEY, conf TEXT, models TEXT, decks TEXT);
        CREATE TABLE notes (id INTEGER PRIMARY KEY, guid, mid, tags, flds);
        CREATE TABLE cards (id INTEGER PRIMARY KEY, nid, did, ord, odid);
        CREATE TABLE revlog (id, cid, ease, time, type);
    """)
    db.execute("INSERT INTO col VALUES (1, ?, ?, ?)", (seed.conf, seed.models, seed.decks))
    db.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", seed.notes)
    db.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?)", seed.cards)
    db.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?)", seed.revlog)
    if extra_sql:
        db.executescript(extra_sql)
    db.commit()
    data = db.serialize()
    db.close()
    return data


def anki_entries(seed: AnkiSeed, collection: bytes | None = None) -> list[tuple[str, bytes]]:
    """The zip entries of an .apkg holding the seed."""
    media_map = "{" + ",".join(f"{json.dumps(k)}:{json_value(v)}"
                               for k, v in seed.media_names.items()) + "}"
    return [("collection.anki2", anki_collection(seed) if collection is None else collection),
            ("media", media_map.encode()), *seed.media.items()]


# ---------------------------------------------------------------- progress export

PROGRESS_SEED: dict[str, Any] = {
    "format": "sales-trainer-progress",
    "version": 1,
    "exported_at": "2026-11-30T17:45:03.120000+00:00",
    "app_version": "0.1.0",
    "learner": {"id": "0b7f6a3e-2c1d-4e8f-9a5b-3c2d1e0f4a6b", "display_name": "Ann Lee"},
    "decks": [{"id": "objections", "title": "Objections as engagement", "version": "1.0.0"}],
    "items": [
        {"deck": "objections", "id": "obj-price", "kind": "card", "topic": "objections",
         "prompt": "A prospect says the price is too high. What do you ask first?",
         "phase": 2, "stability": 7.3153, "difficulty": 2.1112,
         "due": "2026-12-07T09:12:40.000000+00:00",
         "last_review": "2026-11-30T09:12:40.000000+00:00",
         "reps": 2, "lapses": 0, "retired": False},
        {"deck": "objections", "id": "objq-first-move", "kind": "single",
         "topic": "objections", "prompt": "What is your first move?", "phase": 1,
         "stability": 0.5, "difficulty": 6.0, "due": "2026-11-30T09:22:40.000000+00:00",
         "last_review": "2026-11-29T09:10:20.000000+00:00", "reps": 1, "lapses": 0,
         "retired": False},
    ],
    "reviews": [
        {"deck": "objections", "item": "obj-price", "at": "2026-11-29T09:02:11.000000+00:00",
         "rating": 3, "duration_ms": 8000, "phase_before": 0, "deck_version": "1.0.0"}],
    "quiz_attempts": [
        {"id": 1, "deck": "objections", "quiz": "objections-check", "kind": "quiz",
         "deck_version": "1.0.0", "started_at": "2026-11-29T09:10:00.000000+00:00",
         "finished_at": "2026-11-29T09:14:30.000000+00:00", "discarded": False,
         "pass_mark": 70, "certainty": True, "questions": 6,
         "answers": [
             {"item": "objq-first-move", "kind": "single", "topic": "objections",
              "position": 0,
              "response": {"chosen": ["a"], "truth": None, "matches": [], "order": [],
                           "text": None},
              "certainty": 3, "score": 0.0, "correct": False, "marks": -6,
              "duration_ms": 20000, "answered_at": "2026-11-29T09:10:20.000000+00:00"}]}],
    "study_answers": [
        {"deck": "objections", "deck_version": "1.0.0", "item": "objq-first-move",
         "kind": "single", "topic": "objections",
         "response": {"chosen": ["b"], "truth": None, "matches": [], "order": [],
                      "text": None},
         "certainty": 2, "score": 1.0, "correct": True, "marks": 2, "duration_ms": 5000,
         "answered_at": "2026-11-30T09:13:02.000000+00:00"}],
    "assessments": [
        {"id": 1, "deck": "onboarding", "assessment": "objection-readiness",
         "deck_version": "1.0.0", "started_at": "2026-11-30T09:20:00.000000+00:00",
         "finished_at": "2026-11-30T09:22:10.000000+00:00",
         "scores": {"courage": 75.0, "method": 62.5},
         "topics": {"courage": "pushing-back", "method": None},
         "choices": {"s1": 4, "s2": 2, "s3": 4}}],
    "paths": [
        {"deck": "onboarding", "id": "first-week", "title": "Your first week",
         "started_at": "2026-11-28T08:30:00.000000+00:00", "day": 3,
         "steps": [{"day": 1, "kind": "quiz", "target": "objections/objections-check",
                    "title": "Pass the quiz: Objections check", "done": False,
                    "progress": "best 67% (pass 80%)"}]}],
    "quizzes": [{"deck": "objections", "id": "objections-check", "title": "Objections check",
                 "topic": "objections", "pass_mark": 80}],
    "scheduler": {"desired_retention": 0.9,
                  "parameters": [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
                                 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]},
}

ODD_TIMES = ("9999-12-31T23:59:59.999999+00:00", "0001-01-01T00:00:00+00:00",
             "0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "2026-13-40T00:00:00",
             "2026-11-30T09:12:40", "2026-11-30", "not a time", "2026-11-30T09:12:40Z",
             "+002026-11-30T09:12:40+00:00", "2026-W48-1T00:00:00+00:00")


# ---------------------------------------------------------------- what an import leaves

_DANGEROUS_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                   "form", "base", "meta", "link"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "poster",
                   "xlink:href", "srcset", "dynsrc", "lowsrc", "cite", "longdesc"}
_LOADING_ATTRIBUTES = {"src", "srcset", "background", "poster", "data", "dynsrc", "lowsrc"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "livescript:")
_REMOTE = ("http:", "https:", "ftp:", "//", "file:")
_RAW_TAG = re.compile(r"<\s*/?\s*(script|iframe)\b", re.IGNORECASE)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DANGEROUS_TAGS:
            self.found.append(f"<{tag}> tag")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"event handler {name}= on <{tag}>")
            if value is None or name not in _URL_ATTRIBUTES:
                continue
            plain = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
            if plain.startswith(_BAD_SCHEMES):
                self.found.append(f"{name}={value[:40]!r} on <{tag}>")
            if name in _LOADING_ATTRIBUTES and plain.startswith(_REMOTE):
                self.found.append(f"remote {name}={value[:40]!r} on <{tag}>")

    handle_startendtag = handle_starttag


def unsafe_html(html: str) -> list[str]:
    """What in ``html`` could run script or load something from the network."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    found = finder.found
    if _RAW_TAG.search(html):
        found.append("raw <script or <iframe")
    return sorted(set(found))


FINGERPRINT_TABLES = ("decks", "items", "item_state", "reviews", "quizzes", "assessments")


def fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of every row of the tables an import writes."""
    digest = hashlib.sha256()
    for table in FINGERPRINT_TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        row = " || char(31) || ".join(f"quote({c})" for c in columns)
        (text,) = conn.execute(f"SELECT group_concat(r, char(30)) FROM "
                               f"(SELECT {row} AS r FROM {table} ORDER BY rowid)").fetchone()
        digest.update(table.encode() + b"\0" + (text or "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def media_listing(root: Path) -> tuple[tuple[str, int], ...]:
    """Every file and folder under the profile's media folder, with sizes (-1 for a
    folder); links are listed, never followed."""
    found: list[tuple[str, int]] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    found.append((name, -1))
                    walk(entry.path, name + "/")
                else:
                    found.append((name, entry.stat(follow_symlinks=False).st_size))

    if root.is_dir():
        walk(str(root), "")
    return tuple(sorted(found))


# ---------------------------------------------------------------- memory guard

@contextmanager
def address_space_limit(extra: int) -> Iterator[bool]:
    """Cap this process's address space at its current size plus ``extra`` bytes, so a
    reader that loads a huge (sparse) file whole gets MemoryError instead of exhausting
    the machine. Yields False (no cap) where the platform cannot do it."""
    try:
        import resource

        status = Path("/proc/self/status").read_text()
    except (ImportError, OSError):
        yield False
        return
    match = re.search(r"VmSize:\s+(\d+) kB", status)
    if match is None:
        yield False
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = int(match.group(1)) * 1024 + extra
    if hard != resource.RLIM_INFINITY and limit > hard:
        yield False
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield True
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
