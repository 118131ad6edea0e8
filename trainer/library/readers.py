"""Which reader handles which file."""

from __future__ import annotations

from pathlib import Path

from trainer.content.importers.bundle import ImportBundle, ImportFormatError

SUPPORTED = {
    ".trainerdeck": "deck package",
    ".toml": "deck file",
    ".apkg": "Anki package",
    ".colpkg": "Anki collection package",
    ".csv": "CSV file",
    ".tsv": "TSV file",
    ".txt": "CSV/TSV text file, or Moodle GIFT when it ends in .gift.txt",
    ".gift": "Moodle GIFT file",
}


def read_any(path: Path, *, with_history: bool = False) -> ImportBundle:
    """Read a file to import, choosing the reader by its name."""
    if not path.is_file():
        raise ImportFormatError(path, "no such file")
    name = path.name.lower()
    suffix = path.suffix.lower()
    # Readers are imported on demand: each pulls in its own dependencies.
    if suffix == ".trainerdeck":
        from trainer.content.package import read_package

        return read_package(path)
    if suffix == ".toml":
        from trainer.content.deckfile import parse_deck_file
        from trainer.domain.errors import DeckError

        result = parse_deck_file(path)
        if result.deck is None:
            raise DeckError(result.errors or result.problems)
        media_dir = path.parent / "media"
        media = {f.name: f.read_bytes() for f in sorted(media_dir.glob("*"))
                 if f.is_file()} if media_dir.is_dir() else {}
        return ImportBundle(path, [result.deck], media)
    if suffix in (".apkg", ".colpkg"):
        from trainer.content.importers.anki import read_anki

        return read_anki(path, with_history=with_history)
    if suffix == ".gift" or name.endswith(".gift.txt"):
        from trainer.content.importers.gift import read_gift

        return read_gift(path)
    if suffix in (".csv", ".tsv", ".txt"):
        from trainer.content.importers.csvfile import read_csv

        return read_csv(path)
    kinds = ", ".join(sorted(SUPPORTED))
    raise ImportFormatError(path, f"is not a kind of file Sales Trainer imports ({kinds})")
