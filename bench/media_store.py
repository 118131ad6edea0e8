"""What importing an Anki package whose 20 subdecks show the same pictures costs on disk.
Prints JSON.

    python bench/media_store.py [--subdecks 20] [--pictures 200] [--picture-kb 20]

The package is made by Anki's own engine (needs ``pip install '.[bench]'``): each
subdeck has a card for every picture, as a course split into parts that share its
charts. ``media_files`` and ``media_bytes`` are what the profile's media folder holds
after the import (bytes as listed, a hard link counted each time it is listed);
``media_disk_bytes`` counts each file's blocks once. The same numbers for the package
itself are the reference: a picture stored once per profile costs what it costs there.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from trainer.app import open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.settings import StudySettings

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def build_package(folder: Path, subdecks: int, pictures: int, size: int) -> Path:
    """An .apkg exported by Anki: ``subdecks`` decks under one parent, each with a card
    showing each of ``pictures`` pictures of ``size`` bytes."""
    from anki.collection import Collection, ExportAnkiPackageOptions

    (folder / "anki").mkdir(parents=True)
    col = Collection(str(folder / "anki" / "collection.anki2"))
    rng = random.Random(7)
    names = [f"chart {n:03d}.png" for n in range(pictures)]
    for name in names:
        col.media.write_data(name, PNG_SIGNATURE + rng.randbytes(size - len(PNG_SIGNATURE)))
    notetype = col.models.by_name("Basic")
    assert notetype is not None
    for part in range(subdecks):
        deck = col.decks.id(f"Product course::Part {part:02d}")
        assert deck is not None
        for name in names:
            note = col.new_note(notetype)
            note["Front"] = f"Part {part}: what does {name} show?"
            note["Back"] = f'The trend of the quarter. <img src="{name}">'
            col.add_note(note, deck)
    out = folder / "course.apkg"
    col.export_anki_package(out_path=str(out), limit=None, options=ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=True, legacy=False))
    col.close()
    return out


def listing(root: Path) -> dict[str, int]:
    """Files, folders, listed bytes and bytes on disk (each inode once) under ``root``."""
    files = folders = listed = 0
    blocks: dict[tuple[int, int], int] = {}
    for path, dirs, names in os.walk(root):
        folders += len(dirs)
        for name in names:
            info = os.lstat(os.path.join(path, name))
            files += 1
            listed += info.st_size
            blocks[(info.st_dev, info.st_ino)] = info.st_blocks * 512
    return {"files": files, "folders": folders, "bytes": listed,
            "disk_bytes": sum(blocks.values())}


def main() -> int:
    """Build the package, import it into a new profile and print what it takes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subdecks", type=int, default=20)
    parser.add_argument("--pictures", type=int, default=200)
    parser.add_argument("--picture-kb", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        package = build_package(work, args.subdecks, args.pictures, args.picture_kb * 1000)
        with zipfile.ZipFile(package) as archive:
            entries = [i for i in archive.infolist() if i.filename.isdigit()]
        empty = work / "no-builtin"
        empty.mkdir()
        services = open_services(Config(work / "data"), FakeClock(NOW),
                                 StudySettings(fuzz=False, timezone=UTC), empty)
        try:
            result = services.imports.apply(services.imports.prepare(package))
        finally:
            services.close()
        media = listing(work / "data" / "profiles" / "default" / "media")
        json.dump({"subdecks": len(result.decks), "cards": result.items,
                   "package_bytes": package.stat().st_size,
                   "package_media_files": len(entries),
                   "media_files": media["files"], "media_folders": media["folders"],
                   "media_bytes": media["bytes"], "media_disk_bytes": media["disk_bytes"]},
                  sys.stdout)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
