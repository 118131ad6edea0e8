"""An import's pictures, made one unit with its decks.

The pictures are written to a staging folder and flushed to disk before the database
transaction; that transaction records the staging folder in ``pending_media``; after the
commit they are moved into ``media/DECK/`` and the record is deleted. If the app stops
anywhere in between, ``finish_pending`` (run whenever a profile is opened) completes
the move from the record, and removes staging folders that no commit ever claimed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from trainer.storage.durable import fsync_file, fsync_folder
from trainer.storage.store import Store

STAGING_PREFIX = ".incoming-"


def stage(media_root: Path, media: Mapping[str, bytes]) -> Path:
    """Write an import's pictures to a new staging folder, durably."""
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=media_root))
    for name, data in media.items():
        target = staging / name
        with target.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    fsync_folder(staging)
    return staging


Placement = dict[str, list[str]]  # deck id -> the picture names it shows


def record(db: Store, staging: Path, placement: Placement, when: str) -> None:
    """Note, inside the import's transaction, which staged pictures go to which deck."""
    db.execute("INSERT OR REPLACE INTO pending_media (staging, decks, created_at) "
               "VALUES (?, ?, ?)", [staging.name, json.dumps(placement), when])


def _place(source: Path, target: Path) -> None:
    """Put one staged picture in a deck's folder: a hard link where the disk allows
    (the staged file is already on disk), else a copy flushed to disk. Pictures are
    never written in place later (an update replaces the file), so decks sharing one
    file cannot break each other's."""
    # A short temporary name: the picture's own may be near the file system's limit.
    digest = hashlib.sha256(target.name.encode("utf-8", "replace")).hexdigest()[:16]
    partial = target.with_name(f".placing-{digest}")
    partial.unlink(missing_ok=True)
    try:
        os.link(source, partial)
    except OSError:
        shutil.copyfile(source, partial)
        fsync_file(partial)
    os.replace(partial, target)


def publish(db: Store, media_root: Path, staging: Path, placement: Placement) -> None:
    """Put each deck's pictures into its folder, then forget the staging."""
    for deck_id, names in placement.items():
        target = media_root / deck_id
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            source = staging / name
            if source.is_file():  # gone only if an earlier run already placed it
                _place(source, target / name)
        fsync_folder(target)
    with db.atomic():
        db.execute("DELETE FROM pending_media WHERE staging = ?", [staging.name])
    shutil.rmtree(staging, ignore_errors=True)


def _placement(decks: object) -> Placement:
    if not isinstance(decks, dict):
        return {}
    return {str(k): [str(n) for n in v] for k, v in decks.items() if isinstance(v, list)}


def finish_pending(db: Store, media_root: Path) -> int:
    """Complete the moves a stopped import left, and remove unclaimed staging folders;
    returns how many imports were completed."""
    done = 0
    for name, decks in db.execute("SELECT staging, decks FROM pending_media").fetchall():
        staging = media_root / name
        try:
            placement = _placement(json.loads(decks))
        except ValueError:
            placement = {}
        try:
            publish(db, media_root, staging, placement)
        except OSError:
            # Never a reason not to open the profile: the decks are in; Check Database
            # names any picture that could not be put in place.
            with db.atomic():
                db.execute("DELETE FROM pending_media WHERE staging = ?", [name])
            shutil.rmtree(staging, ignore_errors=True)
        done += 1
    if media_root.is_dir():
        for folder in media_root.iterdir():
            if folder.name.startswith(STAGING_PREFIX) and folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
    return done
