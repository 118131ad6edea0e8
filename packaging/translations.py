"""Update the translation sources and build what the window loads.

    python packaging/translations.py update    # texts from the code into trainer/translations/*.ts
    python packaging/translations.py release   # *.ts -> *.qm (done by every wheel build)
    python packaging/translations.py check     # fail if the code has texts a .ts lacks,
                                               # or a .ts has one untranslated
    python packaging/translations.py fill FILE.json   # translations from JSON into the .ts

Each command takes ``--ts PATH`` (another .ts file than trainer_de.ts) and ``update`` and
``check`` take module paths to read only those (to work on a few screens at a time).
``fill`` reads ``{"Context": {"source text": "translation" or ["one", "many"]}}``.

``update`` runs ``pyside6-lupdate`` over every module under ``trainer/`` and keeps the
translations already made; texts no longer in the code are dropped. The ``.ts`` files
are committed; the ``.qm`` files are built (and ignored by git). Locations are left out
of the ``.ts`` files so that moving code does not rewrite them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "trainer" / "translations"
LANGUAGES = ("de",)
# The named fields a text fills with str.format; a translation must keep every one.
FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}")


def qt_tool(name: str) -> Path:
    """A Qt tool shipped inside the PySide6 wheel (lupdate, lrelease)."""
    import PySide6  # noqa: TID251 - a build tool, not the app

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return candidate
    raise SystemExit(f"translations.py: {name} is not in {folder}; install PySide6-Essentials")


def sources(only: list[Path] | None = None) -> list[Path]:
    """Every module whose text may reach a rep (or ``only`` those given)."""
    if only:
        return [p.resolve() for p in only]
    return sorted(p for p in (ROOT / "trainer").rglob("*.py") if "__pycache__" not in p.parts)


def ts_file(language: str) -> Path:
    return FOLDER / f"trainer_{language}.ts"


def update(target: Path | None = None, language: str = "de",
           only: list[Path] | None = None) -> None:
    """Run lupdate into ``target`` (the committed .ts file unless given)."""
    target = target or ts_file(language)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(str(p) for p in sources(only)))
    try:
        subprocess.run([str(qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "none",
                        "-target-language", language, f"@{listing.name}", "-ts", str(target)],
                       check=True)
    finally:
        Path(listing.name).unlink()


def release() -> list[Path]:
    """Build each .ts into the .qm beside it."""
    built = []
    for language in LANGUAGES:
        source, target = ts_file(language), ts_file(language).with_suffix(".qm")
        subprocess.run([str(qt_tool("lrelease")), "-silent", "-removeidentical", str(source),
                        "-qm", str(target)], check=True)
        built.append(target)
    return built


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """Each message of a .ts file by (context, source text)."""
    return messages_of(ET.parse(ts))


def problems(language: str = "de", ts: Path | None = None,
             only: list[Path] | None = None) -> list[str]:
    """What keeps the .ts from matching the code: texts it lacks or leaves untranslated,
    and translations that lose or invent a {field}."""
    ts = ts or ts_file(language)
    committed = messages(ts)
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        update(fresh, language, only)
        wanted = messages(fresh)
    found = [f"{ts.name}: not there yet: [{c}] {s!r}"
             for (c, s) in sorted(set(wanted) - set(committed))]
    for key in sorted(set(wanted) & set(committed)):
        translation = committed[key].find("translation")
        forms = [] if translation is None else [
            f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        unfinished = translation is None or translation.get("type") == "unfinished"
        if unfinished or not all(form.strip() for form in forms):
            found.append(f"{ts.name}: untranslated: [{key[0]}] {key[1]!r}")
            continue
        fields = set(FIELD.findall(key[1]))
        for form in forms:
            if set(FIELD.findall(form)) != fields:
                found.append(f"{ts.name}: [{key[0]}] {key[1]!r} is "
                             f"translated with other {{fields}}: {form!r}")
    return found


def fill(table: Path, ts: Path) -> int:
    """Write the translations of a JSON table into ``ts``; returns how many were set.
    A text the .ts does not have (run update first) is reported, not added."""
    tree = ET.parse(ts)
    found = messages_of(tree)
    count = 0
    for context, texts in json.loads(table.read_text(encoding="utf-8")).items():
        for source, translated in texts.items():
            message = found.get((context, source))
            if message is None:
                print(f"{table.name}: [{context}] {source!r} is not in {ts.name}",
                      file=sys.stderr)
                continue
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            element = ET.SubElement(message, "translation")
            if message.get("numerus") == "yes":
                forms = translated if isinstance(translated, list) else [translated] * 2
                for form in forms:
                    ET.SubElement(element, "numerusform").text = form
            else:
                element.text = translated if isinstance(translated, str) else translated[-1]
            count += 1
    ET.indent(tree, "    ")
    # Laid out as lupdate lays it out (contexts not indented), so that running update
    # afterwards changes nothing.
    body = ET.tostring(tree.getroot(), encoding="unicode").splitlines()
    lines = [body[0], *(line.removeprefix("    ") for line in body[1:-1]), body[-1]]
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + "\n".join(lines) + "\n", encoding="utf-8")
    return count


def messages_of(tree: ET.ElementTree) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "release", "check", "fill"])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--ts", type=Path)
    args = parser.parse_intermixed_args(argv)
    if args.command == "update":
        for language in LANGUAGES:
            update(args.ts, language, args.paths)
        return 0
    if args.command == "release":
        for path in release():
            print(f"built {path.relative_to(ROOT)}")
        return 0
    if args.command == "fill":
        for table in args.paths:
            print(f"{table.name}: {fill(table, args.ts or ts_file('de'))} translations")
        return 0
    found = [p for language in LANGUAGES for p in problems(language, args.ts, args.paths)]
    print("\n".join(found) or "translations: complete")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
