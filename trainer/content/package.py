"""Deck packages (``.trainerdeck``): one zip with the deck files, their images and a
manifest (format version, deck ids and versions, creation time, SHA-256 of every file).

Packing is reproducible: the same input gives the same bytes (entries sorted, fixed
timestamps and permissions, fixed compression).
"""

from __future__ import annotations

import hashlib
import io
import json
import tomllib
import zipfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from trainer.content.check import CheckReport, check_paths
from trainer.content.deckfile import parse_deck_bytes, parse_deck_data
from trainer.content.importers.bundle import ImportBundle, ImportFormatError
from trainer.content.outputs import check_output
from trainer.content.safezip import Limits, check_name, open_zip, read_entry
from trainer.content.sounds import SUFFIXES as SOUND_SUFFIXES
from trainer.domain.deck import Deck
from trainer.domain.errors import DeckError, Problem

PACKAGE_SUFFIX = ".trainerdeck"
PACKAGE_FORMAT = 1
MANIFEST = "manifest.json"
# Pictures, and the sounds a card can link to (content/sounds.py).
MEDIA_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", *SOUND_SUFFIXES}
JSON_SUFFIX = ".json"
ALLOWED_SUFFIXES = {".toml", JSON_SUFFIX, *MEDIA_SUFFIXES}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: entries carry no real time


def _files(paths: list[Path]) -> dict[str, Path]:
    """Package name -> file, for the deck files and the images beside them."""
    found: dict[str, Path] = {}
    for given in paths:
        root = given if given.is_dir() else given.parent
        candidates = sorted(given.rglob("*")) if given.is_dir() else [given]
        if not given.is_dir():
            # A single deck file brings the images of its folder's media/ with it.
            media = given.parent / "media"
            candidates += sorted(media.rglob("*")) if media.is_dir() else []
        for file in candidates:
            if file.is_file() and file.suffix.lower() in ALLOWED_SUFFIXES:
                name = file.relative_to(root).as_posix()
                found.setdefault(name, file)
    return dict(sorted(found.items()))


def pack(paths: list[Path], output: Path, created: datetime | None = None) -> CheckReport:
    """Check the decks at ``paths`` and write them, with images, into one package.

    Raises ``DeckError`` (writing nothing) if any deck has an error. ``created`` defaults
    to the newest modification time of the files, so packing again gives the same bytes.
    """
    check_output(output)
    report = check_paths(paths)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors:
        raise DeckError(errors)
    files = _files(paths)
    if not any(name.endswith(".toml") for name in files):
        raise DeckError(report.problems or [])
    when = created or datetime.fromtimestamp(
        max(int(f.stat().st_mtime) for f in files.values()), UTC)
    contents = {name: file.read_bytes() for name, file in files.items()}
    pictures: dict[str, tuple[str, bytes]] = {}
    for name, data in contents.items():
        base = PurePosixPath(name).name
        if PurePosixPath(name).suffix.lower() not in MEDIA_SUFFIXES:
            continue
        if base in pictures and pictures[base][1] != data:
            raise DeckError([Problem(str(files[name]), f"a different picture of the same name "
                                     f"is also packed ({files[pictures[base][0]]}): decks "
                                     "find pictures by file name, so rename one")])
        pictures[base] = (name, data)
    # Each deck also travels pre-parsed as JSON: reading TOML in pure Python is the
    # slowest part of an import, and the JSON is validated by the very same checks.
    for deck in report.decks:
        name = _name_of(deck.path, files)
        if name:
            parsed = tomllib.loads(contents[name].decode("utf-8-sig"))
            contents[name + JSON_SUFFIX] = json.dumps(parsed, sort_keys=True,
                                                      ensure_ascii=False).encode()
    contents = dict(sorted(contents.items()))
    manifest = {
        "format": PACKAGE_FORMAT,
        "created": when.astimezone(UTC).isoformat(timespec="seconds"),
        "decks": [{"id": d.id, "version": d.version, "title": d.title,
                   "file": _name_of(d.path, files)} for d in report.decks],
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode()),
                           *contents.items()]:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9)
    output.parent.mkdir(parents=True, exist_ok=True)
    temp = output.with_name(output.name + ".part")
    temp.write_bytes(buffer.getvalue())
    temp.replace(output)
    return report


def _name_of(path: Path | None, files: dict[str, Path]) -> str:
    for name, file in files.items():
        if path is not None and file.resolve() == path.resolve():
            return name
    return ""


def read_package(path: Path, limits: Limits | None = None) -> ImportBundle:
    """Vet and read a package: safe names and sizes, allowed file types, checksums that
    match the manifest, and decks that pass the same checks as ``trainer deck check``."""
    archive = open_zip(path, limits)
    with archive:
        names = archive.namelist()
        if MANIFEST not in names:
            raise ImportFormatError(path, f"is not a deck package: it has no {MANIFEST}")
        try:
            manifest = json.loads(read_entry(archive, path, MANIFEST, limits))
            listed: dict[str, str] = {str(k): str(v) for k, v in dict(manifest["files"]).items()}
            fmt = int(manifest["format"])
        except (ValueError, KeyError, TypeError, OverflowError, RecursionError) as exc:
            raise ImportFormatError(path, f"its {MANIFEST} is damaged ({exc})") from exc
        if fmt > PACKAGE_FORMAT:
            raise ImportFormatError(path, f"was made by a newer version (package format "
                                          f"{fmt}); update Sales Trainer to import it")
        for name in names:
            if name == MANIFEST or name.endswith("/"):
                continue
            check_name(path, name)
            if PurePosixPath(name).suffix.lower() not in ALLOWED_SUFFIXES:
                raise ImportFormatError(path, f"contains {name!r}, a kind of file a deck "
                                              "package may not hold")
            if name not in listed:
                raise ImportFormatError(path, f"contains {name!r}, which its manifest "
                                              "does not list")
        bundle = ImportBundle(path)
        for name, digest in listed.items():
            if name not in names:
                raise ImportFormatError(path, f"is missing {name!r}, listed in its manifest")
            data = read_entry(archive, path, name, limits)
            if hashlib.sha256(data).hexdigest() != digest:
                raise ImportFormatError(path, f"{name!r} does not match its checksum: the "
                                              "package is damaged or was changed")
            if name.endswith(".toml"):
                bundle.decks.append(_read_deck(archive, path, name, data, listed, limits))
            elif not name.endswith(JSON_SUFFIX):
                base = PurePosixPath(name).name
                if base in bundle.media and bundle.media[base] != data:
                    # Decks are given pictures by file name: two different pictures
                    # of one name would land as whichever came last.
                    raise ImportFormatError(path, f"holds two different pictures named "
                                                  f"{base!r}; rename one and pack again")
                bundle.media[base] = data
    if not bundle.decks:
        raise ImportFormatError(path, "holds no decks")
    return bundle


def _read_deck(archive: zipfile.ZipFile, path: Path, name: str, toml: bytes,
               listed: dict[str, str], limits: Limits | None) -> Deck:
    shown = Path(f"{path.name}/{name}")
    digest = hashlib.sha256(toml).hexdigest()
    result = None
    if name + JSON_SUFFIX in listed:
        try:
            data = json.loads(read_entry(archive, path, name + JSON_SUFFIX, limits))
        except (ValueError, RecursionError) as exc:
            raise ImportFormatError(path, f"{name + JSON_SUFFIX!r} is damaged ({exc})") from exc
        if isinstance(data, dict):
            result = parse_deck_data(data, shown, digest)
    if result is None or result.deck is None:
        # Read the TOML itself: slower, but its problems come with line numbers.
        result = parse_deck_bytes(toml, shown)
    errors = [p for p in result.problems if p.severity == "error"]
    if errors or result.deck is None:
        raise DeckError(errors or result.problems)
    return result.deck
