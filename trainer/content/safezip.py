"""Opening zip files from other people safely: no path tricks, no zip bombs.

Every check runs before anything is extracted or written.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from trainer.content.importers.bundle import ImportFormatError

MAX_TOTAL_BYTES = 512 * 1024 * 1024  # uncompressed, all entries together
MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per entry (larger means a zip bomb)
MAX_ENTRIES = 20_000


@dataclass(frozen=True)
class Limits:
    """Size limits for one archive (tests pass smaller ones)."""

    total: int = MAX_TOTAL_BYTES
    entry: int = MAX_ENTRY_BYTES
    ratio: int = MAX_RATIO
    entries: int = MAX_ENTRIES


def check_name(path: Path, name: str) -> str:
    """Reject absolute names, '..', drive letters and backslash tricks."""
    if not name or "\\" in name or "\x00" in name:
        raise ImportFormatError(path, f"unsafe entry name {name!r} in the archive")
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]):
        raise ImportFormatError(path, f"unsafe entry name {name!r} in the archive "
                                      "(absolute, or climbing out with '..')")
    return name


def open_zip(path: Path, limits: Limits | None = None) -> zipfile.ZipFile:
    """Open and vet an archive: names, entry count, sizes and compression ratios."""
    limits = limits or Limits()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFormatError(path, f"not a readable zip archive ({exc})") from exc
    infos = archive.infolist()
    if len(infos) > limits.entries:
        archive.close()
        raise ImportFormatError(path, f"the archive has {len(infos)} entries "
                                      f"(at most {limits.entries} are accepted)")
    total = 0
    seen: set[str] = set()
    for info in infos:
        try:
            check_name(path, info.filename)
            # Two entries of one name (or names that differ only in case, which are one
            # file on Windows and macOS): which one is read would depend on the reader.
            folded = info.filename.casefold()
            if folded in seen:
                raise ImportFormatError(path, f"the archive holds {info.filename!r} twice: "
                                              "refused, since either copy could be read")
            seen.add(folded)
            if info.flag_bits & 0x1:
                raise ImportFormatError(path, f"entry {info.filename!r} is encrypted")
            if info.file_size > limits.entry:
                raise ImportFormatError(path, f"entry {info.filename!r} is too large "
                                              f"({info.file_size} bytes)")
            if info.compress_size and info.file_size / info.compress_size > limits.ratio:
                raise ImportFormatError(path, f"entry {info.filename!r} expands "
                                              f"{info.file_size // info.compress_size} times: "
                                              "refused as a possible zip bomb")
            total += info.file_size
            if total > limits.total:
                raise ImportFormatError(path, "the archive expands to more than "
                                              f"{limits.total // (1024 * 1024)} MB")
        except ImportFormatError:
            archive.close()
            raise
    return archive


def read_entry(archive: zipfile.ZipFile, path: Path, name: str, limits: Limits | None = None
               ) -> bytes:
    """Read one entry, never more than its declared size (a lying header is caught)."""
    limits = limits or Limits()
    info = archive.getinfo(name)
    try:
        with archive.open(info) as stream:
            data = stream.read(min(info.file_size, limits.entry) + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise ImportFormatError(path, f"entry {name!r} is damaged ({exc})") from exc
    except NotImplementedError as exc:
        raise ImportFormatError(path, f"entry {name!r} uses a compression this app cannot "
                                      f"read ({exc})") from exc
    if len(data) > info.file_size:
        raise ImportFormatError(path, f"entry {name!r} is larger than its header says")
    return data
