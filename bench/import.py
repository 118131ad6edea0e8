"""Packing and importing a 10,000-card deck, against Anki's own importer on the same
content as an .apkg, in the same run. Prints JSON.

    python bench/import.py [--cards 10000] [--runs 5]

``ratio_vs_anki`` is our import time over Anki's (lower is better; the goal is <= 1).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from trainer.clock import FakeClock
from trainer.content.package import pack
from trainer.domain.settings import StudySettings
from trainer.library.importing import ImportService
from trainer.storage.database import open_database
from trainer.study.service import StudyService

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def card_text(i: int) -> tuple[str, str]:
    """A front and back of realistic length."""
    return (f"Objection {i}: the buyer says the price is too high for what they get. "
            f"What do you ask first?",
            f"Ask what they are comparing it with ({i}), then restate the value in their "
            f"own words before you talk about price.")


def write_deck(folder: Path, n: int) -> Path:
    """A deck file with ``n`` cards."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['format = 1', '', '[deck]', 'id = "bench"', 'title = "Benchmark deck"',
             'version = "1"', 'topic = "objections"', '', '[[sources]]', 'id = "s"',
             'title = "Bench"', 'publisher = "Bench"', '']
    for i in range(n):
        front, back = card_text(i)
        lines += ["[[cards]]", f'id = "c{i}"', 'source = "s"', f'front = "{front}"',
                  f'back = "{back}"', ""]
    path = folder / "bench.toml"
    path.write_text("\n".join(lines))
    return path


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def measure_ours(work: Path, n: int, runs: int) -> dict[str, float]:
    """Pack, then import into a fresh profile, ``runs`` times each."""
    deck = write_deck(work / "src", n)
    package = work / "bench.trainerdeck"
    pack_ms = [timed(lambda: pack([deck.parent], package, NOW)) for _ in range(runs)]
    import_ms = []
    for run in range(runs):
        clock = FakeClock(NOW)
        db = open_database(work / f"profile{run}" / "trainer.sqlite", clock)
        service = ImportService(db, clock, StudyService(db, clock, StudySettings()),
                                work / f"profile{run}" / "media")
        import_ms.append(timed(lambda s=service: s.apply(s.prepare(package))))  # type: ignore[misc]
        assert db.execute("SELECT count(*) FROM items").fetchone()[0] == n
        db.close()
    return {"pack_ms": round(statistics.median(pack_ms), 1),
            "import_ms": round(statistics.median(import_ms), 1),
            "package_bytes": package.stat().st_size}


def measure_anki(work: Path, n: int, runs: int) -> dict[str, float]:
    """The same cards as Basic notes in an .apkg, imported by Anki into fresh collections."""
    from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    source = Collection(str(work / "anki-src.anki2"))
    deck_id = source.decks.id("Benchmark deck")
    model = source.models.by_name("Basic")
    assert deck_id is not None and model is not None
    for i in range(n):
        note = source.new_note(model)
        note["Front"], note["Back"] = card_text(i)
        source.add_note(note, deck_id)
    apkg = work / "bench.apkg"
    source.export_anki_package(out_path=str(apkg), options=ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False),
        limit=DeckIdLimit(deck_id))
    source.close()
    import_ms = []
    for run in range(runs):
        col = Collection(str(work / f"anki{run}.anki2"))
        request = ImportAnkiPackageRequest(package_path=str(apkg),
                                           options=ImportAnkiPackageOptions())
        import_ms.append(timed(lambda c=col, r=request: c.import_anki_package(r)))  # type: ignore[misc]
        assert col.card_count() == n
        col.close()
    return {"anki_import_ms": round(statistics.median(import_ms), 1),
            "anki_package_bytes": apkg.stat().st_size}


def main() -> int:
    """Run both and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result: dict[str, object] = {"cards": args.cards, "runs": args.runs}
    with tempfile.TemporaryDirectory() as tmp:
        result.update(measure_ours(Path(tmp), args.cards, args.runs))
        try:
            result.update(measure_anki(Path(tmp), args.cards, args.runs))
        except ImportError as exc:
            result["anki_error"] = f"install the bench extra: {exc}"
    if "anki_import_ms" in result:
        result["ratio_vs_anki"] = round(
            float(result["import_ms"]) / float(result["anki_import_ms"]), 2)  # type: ignore[arg-type]
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
