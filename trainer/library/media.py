"""An import's pictures, made one unit with its decks, and stored once per profile.

Each picture is a file named by its content, ``media/<sha256>.<ext>``, however many
decks show it and under whatever names; the ``media_files`` rows say which deck shows
which content under which name (``storage/media_repo.py``), so the names cards use go
on working.

An import writes the pictures the store does not have yet to a staging folder and
flushes them to disk before the database transaction; that transaction writes the rows
and records the staging folder in ``pending_media``; after the commit the files are
moved into the store and the record is deleted. If the app stops anywhere in between,
``finish_pending`` (run whenever a profile is opened by its writer; by the window just
after its first paint when nothing is pending: see ``app.open_services``) completes the
move from the record, and removes staging folders that no commit ever claimed.

Profiles from before the store kept a folder per deck, ``media/DECK/NAME``. Opening
one moves those pictures in (``adopt_old_folders``): each file is linked (or copied)
into the store, its names are written to ``old-folders.json`` and to the rows, and only
after the rows commit are the old files removed. ``old-folders.json`` stays, so that a
database restored from a backup older than the store finds its pictures again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from trainer.content.pictures import is_bare_name
from trainer.storage import media_repo
from trainer.storage.durable import fsync_file, fsync_folder
from trainer.storage.media_repo import StoredPicture, extension, is_stored_name
from trainer.storage.store import Store

STAGING_PREFIX = ".incoming-"
OLD_FOLDERS_CATALOG = "old-folders.json"
_PARTIAL_PREFIX = ".placing-"
_CHUNK = 1 << 20

Placement = dict[str, dict[str, StoredPicture]]  # deck id -> name its cards use -> content


def content_of(name: str, data: bytes) -> StoredPicture:
    """The stored form of a picture: its content's SHA-256 and its name's extension."""
    return StoredPicture(hashlib.sha256(data).hexdigest(), extension(name))


def stage(media_root: Path, files: Mapping[str, bytes]) -> Path:
    """Write an import's pictures (stored file name, from ``content_of``, -> content) to
    a new staging folder, durably: none the store already holds."""
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=media_root))
    for file_name, data in files.items():
        if _holds(media_root / file_name, len(data)):
            continue
        with (staging / file_name).open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    fsync_folder(staging)
    return staging


def _holds(path: Path, size: int) -> bool:
    """Whether the store already has this content (a file of its name and size)."""
    try:
        return path.is_file() and not path.is_symlink() and path.stat().st_size == size
    except OSError:
        return False


def record(db: Store, staging: Path, placement: Placement, when: str) -> None:
    """Inside the import's transaction: name each deck's pictures, and note the staging
    folder whose files are to be moved into the store after the commit."""
    for deck_id, pictures in placement.items():
        media_repo.record(db, deck_id, pictures)
    db.execute("INSERT OR REPLACE INTO pending_media (staging, decks, created_at) "
               "VALUES (?, ?, ?)", [staging.name, json.dumps({"store": 1}), when])


def publish(db: Store, media_root: Path, staging: Path) -> None:
    """Move the staged files into the store, then forget the staging."""
    if staging.is_dir():
        for file in staging.iterdir():
            if is_stored_name(file.name) and file.is_file():
                # Same name, same content: replacing a file already there changes nothing.
                os.replace(file, media_root / file.name)
        fsync_folder(media_root)
    with db.atomic():
        db.execute("DELETE FROM pending_media WHERE staging = ?", [staging.name])
    shutil.rmtree(staging, ignore_errors=True)


def _store_file(source: Path, media_root: Path) -> StoredPicture:
    """Put a picture file into the store: a hard link where the disk allows, else a
    copy flushed to disk. The source stays where it is."""
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    picture = StoredPicture(digest.hexdigest(), extension(source.name))
    target = media_root / picture.file_name
    if _holds(target, source.stat().st_size):
        return picture
    partial = media_root / f"{_PARTIAL_PREFIX}{picture.hash[:16]}"
    partial.unlink(missing_ok=True)
    try:
        os.link(source, partial)
    except OSError:
        shutil.copyfile(source, partial)
        fsync_file(partial)
    os.replace(partial, target)
    return picture


def _publish_old_record(db: Store, media_root: Path, staging: Path,
                        placement: dict[str, list[str]]) -> None:
    """Finish an import staged by an app from before the store: its staging folder
    holds the pictures under the names the cards use."""
    rows: Placement = {}
    for deck_id, names in placement.items():
        for name in names:
            source = staging / name
            if is_bare_name(name) and source.is_file() and not source.is_symlink():
                rows.setdefault(deck_id, {})[name] = _store_file(source, media_root)
    fsync_folder(media_root)
    with db.atomic():
        for deck_id, pictures in rows.items():
            media_repo.record(db, deck_id, pictures)
        db.execute("DELETE FROM pending_media WHERE staging = ?", [staging.name])
    shutil.rmtree(staging, ignore_errors=True)


def _old_placement(decks: object) -> dict[str, list[str]] | None:
    """The placement an app from before the store recorded ({deck: [names]}), or None
    for a record of this one."""
    if not isinstance(decks, dict) or "store" in decks:
        return None
    return {str(k): [str(n) for n in v] for k, v in decks.items() if isinstance(v, list)}


def finish_pending(db: Store, media_root: Path) -> int:
    """Complete the moves a stopped import left, remove unclaimed staging folders and
    move the pictures of old per-deck folders into the store; returns how many imports
    were completed."""
    done = 0
    for name, decks in db.execute("SELECT staging, decks FROM pending_media").fetchall():
        staging = media_root / name
        try:
            old = _old_placement(json.loads(decks))
        except ValueError:
            old = {}
        try:
            if old is None:
                publish(db, media_root, staging)
            else:
                _publish_old_record(db, media_root, staging, old)
        except OSError:
            # Never a reason not to open the profile: the decks are in; Check Database
            # names any picture that could not be put in place.
            with db.atomic():
                db.execute("DELETE FROM pending_media WHERE staging = ?", [name])
            shutil.rmtree(staging, ignore_errors=True)
        done += 1
    # One listing of the media folder, beside thousands of stored pictures, serves both
    # the clean-up and the old folders: this runs at every start.
    entries = _listing(media_root)
    for entry in entries:
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir():
            shutil.rmtree(entry.path, ignore_errors=True)
        elif entry.name.startswith(_PARTIAL_PREFIX) and entry.is_file():
            Path(entry.path).unlink(missing_ok=True)  # a store file never finished
    # On failure it is tried again at the next start; Check Database names the folders.
    with contextlib.suppress(OSError):
        adopt_old_folders(db, media_root, _old_folders_in(entries))
    return done


def _listing(media_root: Path) -> list[os.DirEntry[str]]:
    """The media folder's entries (none if it is not there yet)."""
    if not media_root.is_dir():
        return []
    with os.scandir(media_root) as entries:
        return list(entries)


def _old_folders_in(entries: list[os.DirEntry[str]]) -> list[Path]:
    # scandir knows a folder from a file without a stat per file.
    return sorted(Path(e.path) for e in entries
                  if not e.name.startswith(".") and e.is_dir(follow_symlinks=False))


def old_folders(media_root: Path) -> list[Path]:
    """The per-deck picture folders of the layout before the store, if any are left."""
    return _old_folders_in(_listing(media_root))


def _read_catalog(media_root: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((media_root / OLD_FOLDERS_CATALOG).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(deck): {str(n): str(f) for n, f in names.items() if isinstance(f, str)}
            for deck, names in data.items() if isinstance(names, dict)}


def _write_catalog(media_root: Path, catalog: dict[str, dict[str, str]]) -> None:
    """Write the catalogue of the old folders' pictures all or nothing, durably."""
    partial = media_root / f"{_PARTIAL_PREFIX}{OLD_FOLDERS_CATALOG}"
    with partial.open("w", encoding="utf-8") as handle:
        json.dump(catalog, handle, ensure_ascii=False, sort_keys=True, indent=0)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, media_root / OLD_FOLDERS_CATALOG)
    fsync_folder(media_root)


def _stored(file_name: str) -> StoredPicture | None:
    if not is_stored_name(file_name):
        return None
    digest, _, ext = file_name.partition(".")
    return StoredPicture(digest, ext)


def adopt_old_folders(db: Store, media_root: Path, folders: list[Path] | None = None) -> int:
    """Move the pictures of the old per-deck folders (``folders``: as ``old_folders``
    finds them, if already listed) into the store (and, in a database restored from
    before the store, name again the pictures the catalogue of the old folders
    remembers); returns how many files were moved in.

    The files are linked into the store and catalogued first, the rows committed next,
    and only then are the old files removed: stopped anywhere, the next start does it
    again and loses nothing."""
    folders = old_folders(media_root) if folders is None else folders
    if not folders and media_repo.has_shared_layout(db):
        return 0
    adopted: Placement = {}
    for folder in folders:
        for file in sorted(folder.iterdir()):
            if file.is_file() and not file.is_symlink() and is_bare_name(file.name):
                adopted.setdefault(folder.name, {})[file.name] = _store_file(file, media_root)
    catalog = _read_catalog(media_root)
    if adopted:
        fsync_folder(media_root)
        for deck_id, pictures in adopted.items():
            catalog.setdefault(deck_id, {}).update(
                {name: p.file_name for name, p in pictures.items()})
        _write_catalog(media_root, catalog)
    rows = [(deck_id, name, picture) for deck_id, pictures in adopted.items()
            for name, picture in pictures.items()]
    if not media_repo.has_shared_layout(db):
        rows += [(deck_id, name, picture) for deck_id, names in catalog.items()
                 for name, file_name in names.items()
                 if (picture := _stored(file_name)) is not None
                 and (media_root / file_name).is_file()]
    with db.atomic():
        media_repo.record_missing(db, rows)
        media_repo.mark_shared_layout(db)
    _remove_adopted(folders, adopted)
    return sum(len(pictures) for pictures in adopted.values())


def _remove_adopted(folders: list[Path], adopted: Placement) -> None:
    """Remove the old folders' files now in the store (their rows committed), and the
    folders once empty."""
    for folder in folders:
        for name in adopted.get(folder.name, {}):
            (folder / name).unlink(missing_ok=True)
        for leftover in folder.glob(f"{_PARTIAL_PREFIX}*"):
            leftover.unlink(missing_ok=True)  # a picture an old import never finished
        with contextlib.suppress(OSError):  # holding what the app did not put there
            folder.rmdir()
