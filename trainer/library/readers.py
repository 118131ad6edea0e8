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
        bundle = ImportBundle(path, [result.deck])
        _neighbour_pictures(path, bundle)
        return bundle
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


MAX_PICTURE_BYTES = 16 * 1024 * 1024
MAX_PICTURES_BYTES = 256 * 1024 * 1024


def _neighbour_pictures(path: Path, bundle: ImportBundle) -> None:
    """The pictures a deck file names, from the ``media`` folder beside it: only those
    it names, only plain files (never a link to somewhere else), within a size limit."""
    from trainer.content.pictures import picture_names
    from trainer.domain.errors import Problem

    folder = path.parent / "media"
    try:
        names = picture_names([path.read_text(encoding="utf-8-sig", errors="replace")])
    except OSError as exc:
        raise ImportFormatError(path, f"cannot be read ({exc.strerror or exc})") from exc
    total = 0
    elsewhere = folder.is_symlink() or (
        folder.is_dir() and not folder.resolve().is_relative_to(path.parent.resolve()))
    for name in sorted(names):
        file = folder / name
        why = None
        if elsewhere:
            why = "is in a media folder that links to another place; only the deck's own " \
                  "folder is read"
        elif file.is_symlink():
            why = "is a link to another file; only plain files are imported"
        elif not file.is_file():
            why = "is not in the media folder beside the deck"
        elif file.stat().st_size > MAX_PICTURE_BYTES:
            why = f"is larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MB"
        elif total + file.stat().st_size > MAX_PICTURES_BYTES:
            why = f"would take the deck's pictures past {MAX_PICTURES_BYTES // 2**20} MB"
        if why is not None:
            bundle.skipped.append(Problem(str(file), f"picture {why}; skipped",
                                          None, None, "warning"))
            continue
        try:
            bundle.media[name] = file.read_bytes()
        except OSError as exc:
            bundle.skipped.append(Problem(str(file), f"picture cannot be read "
                                          f"({exc.strerror or exc}); skipped", None, None,
                                          "warning"))
            continue
        total += len(bundle.media[name])
