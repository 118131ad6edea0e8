"""Deck packages: reproducible, checked on the way out and on the way in, and a corpus
of hostile files that must be refused with a clear message."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from trainer.content.importers.bundle import ImportFormatError
from trainer.content.package import pack, read_package
from trainer.content.safezip import Limits
from trainer.domain.errors import DeckError

DATA = Path(__file__).resolve().parents[1] / "data"
WHEN = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    (folder / "media").mkdir(parents=True)
    shutil.copy(DATA / "quiz_deck.toml", folder)
    (folder / "media" / "chart.png").write_bytes(b"\x89PNG fake image")
    (folder / "notes.md").write_text("not packed")
    return folder


def test_pack_writes_manifest_checksums_and_images(deck_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.trainerdeck"
    pack([deck_dir], out, WHEN)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read("quiz_deck.toml")
    assert names == ["manifest.json", "media/chart.png", "quiz_deck.toml",
                     "quiz_deck.toml.json"]
    assert manifest["format"] == 1 and manifest["created"] == "2026-05-01T09:00:00+00:00"
    assert manifest["decks"] == [{"id": "qdeck", "version": "1", "title": "Quiz test deck",
                                  "file": "quiz_deck.toml"}]
    assert manifest["files"]["quiz_deck.toml"] == hashlib.sha256(data).hexdigest()
    bundle = read_package(out)
    assert [d.id for d in bundle.decks] == ["qdeck"]
    assert bundle.media == {"chart.png": b"\x89PNG fake image"}
    assert len(bundle.decks[0].quizzes[0].questions) == 6


def test_a_bad_json_copy_falls_back_to_the_toml_for_line_numbers(tmp_path: Path) -> None:
    bad = GOOD_TOML.replace(b'type = "single"', b'type = "essay"')
    copy = json.dumps(tomllib.loads(bad.decode())).encode()
    entries = {"d.toml": bad, "d.toml.json": copy}
    path = _zip(tmp_path / "j.trainerdeck", entries, _manifest(entries))
    with pytest.raises(DeckError, match=r"j\.trainerdeck/d\.toml:30 \[q-single\]"):
        read_package(path)


def test_same_input_gives_the_same_bytes(deck_dir: Path, tmp_path: Path) -> None:
    pack([deck_dir], tmp_path / "a.trainerdeck", WHEN)
    pack([deck_dir], tmp_path / "b.trainerdeck")  # time from the files: also fixed
    pack([deck_dir], tmp_path / "c.trainerdeck")
    assert (tmp_path / "b.trainerdeck").read_bytes() == (tmp_path / "c.trainerdeck").read_bytes()
    first = (tmp_path / "a.trainerdeck").read_bytes()
    pack([deck_dir], tmp_path / "a2.trainerdeck", WHEN)
    assert (tmp_path / "a2.trainerdeck").read_bytes() == first


def test_a_deck_with_errors_is_not_packed(deck_dir: Path, tmp_path: Path) -> None:
    (deck_dir / "broken.toml").write_text('format = 1\n[deck]\nid = "x"\n')
    with pytest.raises(DeckError, match=r"broken\.toml"):
        pack([deck_dir], tmp_path / "x.trainerdeck", WHEN)
    assert not (tmp_path / "x.trainerdeck").exists()


def _zip(path: Path, entries: dict[str, bytes], manifest: dict[str, object] | None = None,
         method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        if manifest is not None:
            archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _manifest(entries: dict[str, bytes]) -> dict[str, object]:
    return {"format": 1, "created": "2026-01-01T00:00:00+00:00", "decks": [],
            "files": {n: hashlib.sha256(d).hexdigest() for n, d in entries.items()}}


GOOD_TOML = (DATA / "quiz_deck.toml").read_bytes()


@pytest.mark.parametrize(("name", "build", "message"), [
    ("not-a-zip", lambda p: p.write_bytes(b"this is not a zip") or p, "not a readable zip"),
    ("truncated", lambda p: p.write_bytes(
        _zip(p, {"d.toml": GOOD_TOML}, _manifest({"d.toml": GOOD_TOML})).read_bytes()[:200])
        or p, "not a readable zip"),
    ("no-manifest", lambda p: _zip(p, {"d.toml": GOOD_TOML}), "has no manifest.json"),
    ("traversal", lambda p: _zip(p, {"../evil.toml": GOOD_TOML},
                                 _manifest({"../evil.toml": GOOD_TOML})), "unsafe entry name"),
    ("absolute", lambda p: _zip(p, {"/etc/evil.toml": GOOD_TOML},
                                _manifest({"/etc/evil.toml": GOOD_TOML})), "unsafe entry name"),
    ("script", lambda p: _zip(p, {"run.sh": b"rm -rf ~"}, _manifest({"run.sh": b"rm -rf ~"})),
     "may not hold"),
    ("unlisted", lambda p: _zip(p, {"d.toml": GOOD_TOML, "x.png": b"png"},
                                _manifest({"d.toml": GOOD_TOML})), "does not list"),
    ("tampered", lambda p: _zip(p, {"d.toml": GOOD_TOML.replace(b"B is best", b"A is best")},
                                _manifest({"d.toml": GOOD_TOML})), "does not match its checksum"),
    ("bomb", lambda p: _zip(p, {"d.png": b"\0" * 5_000_000}, _manifest({"d.png": b"\0"})),
     "possible zip bomb"),
    ("newer", lambda p: _zip(p, {}, {**_manifest({}), "format": 99}), "newer version"),
    ("bad-manifest", lambda p: _zip(p, {"manifest.json": b"{not json"}), "manifest.json"),
    ("overflowing-format", lambda p: _zip(p, {}, {**_manifest({}), "format": 1e400}),
     "manifest.json is damaged"),
    ("deep-manifest", lambda p: _zip(p, {"manifest.json": b"[" * 100_000},
                                     method=zipfile.ZIP_STORED), "is damaged"),
    ("duplicate-entry", lambda p: _zip(p, {"d.toml": GOOD_TOML, "D.TOML": GOOD_TOML},
                                       _manifest({"d.toml": GOOD_TOML})), "twice"),
])
def test_hostile_and_broken_packages_are_refused(
        tmp_path: Path, name: str, build: object, message: str) -> None:
    path = tmp_path / f"{name}.trainerdeck"
    build(path)  # type: ignore[operator]
    with pytest.raises(ImportFormatError, match=message) as err:
        read_package(path)
    assert path.name in str(err.value)


def test_size_limits(tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.trainerdeck", {"d.toml": GOOD_TOML},
                _manifest({"d.toml": GOOD_TOML}), method=zipfile.ZIP_STORED)
    with pytest.raises(ImportFormatError, match="expands to more than"):
        read_package(path, Limits(total=1024 * 1024 // 2 // 1024))
    with pytest.raises(ImportFormatError, match="entries"):
        read_package(path, Limits(entries=1))


def test_a_package_with_a_bad_deck_reports_the_deck_problem(tmp_path: Path) -> None:
    bad = GOOD_TOML.replace(b'type = "single"', b'type = "essay"')
    path = _zip(tmp_path / "bad.trainerdeck", {"d.toml": bad}, _manifest({"d.toml": bad}))
    with pytest.raises(DeckError, match=r"bad\.trainerdeck/d\.toml:30 \[q-single\]"):
        read_package(path)


def test_two_different_pictures_of_one_name_are_refused(tmp_path: Path) -> None:
    for folder, data in (("a", b"\x89PNG first"), ("b", b"\x89PNG second")):
        src = tmp_path / "src" / folder
        (src / "media").mkdir(parents=True)
        text = (DATA / "cards_deck.toml").read_text().replace('id = "cards"',
                                                             f'id = "cards-{folder}"', 1)
        (src / "deck.toml").write_text(text)
        (src / "media" / "chart.png").write_bytes(data)
    with pytest.raises(DeckError, match="a different picture of the same name") as err:
        pack([tmp_path / "src"], tmp_path / "two.trainerdeck")
    assert "chart.png" in str(err.value)
    entries = {"a/deck.toml": GOOD_TOML, "a/media/chart.png": b"one",
               "b/media/chart.png": b"two"}
    path = _zip(tmp_path / "two.trainerdeck", entries, _manifest(entries))
    with pytest.raises(ImportFormatError, match=r"two different pictures named 'chart\.png'"):
        read_package(path)
