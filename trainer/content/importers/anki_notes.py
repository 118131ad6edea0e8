"""Turning Anki notes into our cards: which cards a note makes, and each card's
template rendered as Anki renders it (``anki_template``), with its cloze deletions
(``anki_cloze``) or Image Occlusion masks (``anki_occlusion``), then made into safe card
Markdown (``anki_html``).

Nothing here touches the package or its database; ``anki.py`` does that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from trainer.content.importers import anki_template
from trainer.content.importers.anki_cloze import (
    cloze_numbers,
    cloze_only,
    drop_placeholders,
    finish_placeholders,
    note_cloze,
    parse_cloze,
    render_cloze,
)
from trainer.content.importers.anki_html import (
    AnkiNotesText,
    FieldConverter,
    conversion_warnings,
    safe_media_name,
)
from trainer.content.importers.anki_occlusion import (
    image_size,
    occlusion_svg,
    parse_shapes,
    svg_name,
)
from trainer.content.tags import split_tags

# What an importer needs to turn notes into cards (``anki.py`` takes the converter and
# its warnings from here too).
__all__ = ["CardInfo", "CardSkipped", "FieldConverter", "NoteType", "Template", "card_ords",
           "conversion_warnings", "render_card", "safe_tags"]

_IMG_ANY_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
                          re.IGNORECASE)
# Each occlusion card carries its picture twice (front and back): past this much drawn,
# the rest are skipped rather than the import holding gigabytes.
MAX_DRAWN_BYTES = 256 * 1024 * 1024


class CardSkipped(Exception):
    """An Anki card that cannot become one of ours; the message says why."""


@dataclass(frozen=True)
class Template:
    """One card template of a note type: its question and answer formats."""

    ord: int
    name: str
    qfmt: str
    afmt: str


@dataclass(frozen=True)
class NoteType:
    """What the importer needs of an Anki note type (a "model")."""

    name: str
    fields: tuple[str, ...]
    templates: tuple[Template, ...]
    cloze: bool = False
    image_occlusion: bool = False

    def template(self, ord_: int) -> Template | None:
        """The template that generates card number ``ord_``, if the note type has it."""
        for template in self.templates:
            if template.ord == ord_:
                return template
        return None


def safe_tags(raw: str) -> tuple[str, ...]:
    """Anki's space-separated tags as ours: as Anki keeps them (any script, ``::``
    levels), each once whatever its case."""
    return split_tags(raw)


@lru_cache(maxsize=256)
def _parsed(template: str) -> list[anki_template._Node]:
    return anki_template.parse(template)


@dataclass(frozen=True)
class CardInfo:
    """What Anki's special fields show: the note's tags, the card's deck and id."""

    tags: str = ""
    deck: str = ""
    card_id: int | None = None
    flag: int = 0


def render_card(note_type: NoteType, values: list[str], ord_: int, convert: FieldConverter,
                info: CardInfo | None = None, item: str = "") -> tuple[str, str]:
    """Front and back Markdown of the card that ``ord_`` generates from a note: its
    template rendered as Anki renders it, the back without the front it repeats.

    Raises ``CardSkipped`` when the card would be empty or cannot be shown."""
    convert.item = item
    values = [drop_placeholders(v) for v in values]
    fields = dict(zip(note_type.fields, values + [""] * len(note_type.fields), strict=False))
    if note_type.image_occlusion or (note_type.cloze and any(
            "image-occlusion:" in v for v in values)):
        return _occlusion_card(note_type, values, ord_ + 1, convert)
    template = note_type.template(0 if note_type.cloze else ord_)
    if template is None:
        return _fields_card(note_type, fields, convert)
    number = ord_ + 1
    if note_type.cloze and not any(number in note_cloze(v)[1] for v in values):
        raise CardSkipped(AnkiNotesText.tr("cloze {number} is no longer in the note").format(
            number=number))
    context = anki_template.RenderContext(
        _with_specials(fields, note_type, template, info or CardInfo(), number),
        question=True, cloze=lambda text, only: _cloze(text, number, True, only))
    try:
        question = anki_template.render(_parsed(template.qfmt), context)
        context.question, context.frontside = False, question
        context.cloze = lambda text, only: _cloze(text, number, False, only)
        answer = anki_template.render(_parsed(template.afmt), context)
    except anki_template.TemplateProblem as exc:
        raise CardSkipped(str(exc)) from exc
    front = finish_placeholders(convert.convert(question))
    if not front:
        raise CardSkipped(AnkiNotesText.tr("nothing on its front"))
    back = finish_placeholders(convert.convert(anki_template.answer_part(answer, question)))
    if not back:
        raise CardSkipped(AnkiNotesText.tr("nothing on its back"))
    return front, back


def card_ords(note_type: NoteType, values: list[str]) -> list[int]:
    """The cards Anki makes from a note (by ordinal): a cloze note one per deletion
    number, any other one per template that shows a field the note fills in."""
    fields = dict(zip(note_type.fields, values, strict=False))
    if note_type.cloze:
        template = note_type.template(0)
        named = {n for n, v in fields.items() if template is not None and
                 "cloze:" + n in template.qfmt.replace(" ", "")} or set(fields)
        numbers: set[int] = set()
        for name in named:
            numbers |= cloze_numbers(parse_cloze(fields[name]))
        return sorted(n - 1 for n in numbers if n > 0)
    nonempty = {n for n, v in fields.items() if not anki_template.field_is_empty(v)}
    ords = []
    for template in note_type.templates:
        try:
            if anki_template.renders_with_fields(_parsed(template.qfmt), nonempty):
                ords.append(template.ord)
        except anki_template.TemplateProblem:
            ords.append(template.ord)  # rendering it says what is wrong
    return ords


def _with_specials(fields: dict[str, str], note_type: NoteType, template: Template,
                   info: CardInfo, number: int) -> dict[str, str]:
    """The note's fields and, where no field has their name, Anki's special ones."""
    deck = info.deck or "(Deck)"
    specials = {"Tags": escape(info.tags, quote=False), "Type": note_type.name,
                "Deck": deck, "Subdeck": deck.rsplit("::", 1)[-1],
                "CardFlag": f"flag{info.flag}", "Card": template.name,
                "CardID": "" if info.card_id is None else str(info.card_id),
                f"c{number}": "1"}
    return {**specials, **fields}


def _cloze(text: str, number: int, question: bool, only: bool) -> str:
    parsed, numbers = note_cloze(text)
    if number not in numbers:
        return ""  # Anki shows a field without this card's deletion as empty
    if only:
        return ", ".join(cloze_only(parsed, number))
    return render_cloze(parsed, number, reveal=not question)


def _fields_card(note_type: NoteType, fields: dict[str, str], convert: FieldConverter
                 ) -> tuple[str, str]:
    """A note whose type has no template for the card: its first field asks, the other
    fields that say something answer."""
    names = list(note_type.fields)
    front = convert(fields[names[0]]) if names else ""
    if not front:
        raise CardSkipped(AnkiNotesText.tr("nothing on its front"))
    back = _join(convert(fields[n]) for n in names[1:])
    if not back:
        raise CardSkipped(AnkiNotesText.tr("nothing on its back"))
    return front, back


def _occlusion_card(note_type: NoteType, values: list[str], number: int,
                    convert: FieldConverter) -> tuple[str, str]:
    """An Image Occlusion card: the picture with this card's masks on the front, and
    uncovered (outlined) on the back. Anki's fields, in its order: occlusions, image,
    header, back extra, comments."""
    at = next((i for i, v in enumerate(values) if "image-occlusion:" in v), 0)
    rest = [v for i, v in enumerate(values) if i != at]
    occlusions = values[at] if values else ""
    image_field = next((v for v in rest if "<img" in v.lower()), "")
    header = rest[1] if note_type.image_occlusion and len(rest) > 1 else ""
    extra = rest[2] if note_type.image_occlusion and len(rest) > 2 else ""
    shapes = parse_shapes(occlusions)
    if not any(s.ordinal == number for s in shapes):
        raise CardSkipped(AnkiNotesText.tr("cloze {number} is no longer in the note").format(
            number=number))
    found = _IMG_ANY_SRC.search(image_field)
    if found is None:
        raise CardSkipped(AnkiNotesText.tr("image occlusion: the note has no picture"))
    name = convert.media_name(found.group(1) or found.group(2) or found.group(3) or "")
    if not safe_media_name(name) or name not in convert.available_media \
            or convert.load is None:
        raise CardSkipped(AnkiNotesText.tr(
            "image occlusion: its picture '{name}' is not in the package").format(name=name))
    data = convert.read(name)
    size = image_size(data) if data is not None else None
    if data is None or size is None:
        raise CardSkipped(AnkiNotesText.tr(
            "image occlusion: its picture '{name}' is not a PNG, JPEG, GIF or WebP "
            "picture").format(name=name))
    if sum(len(d) for d in convert.generated.values()) + 3 * len(data) > MAX_DRAWN_BYTES:
        raise CardSkipped(AnkiNotesText.tr(
            "image occlusion: the pictures drawn for this file would pass {size} MB"
        ).format(size=MAX_DRAWN_BYTES // 2**20))
    pictures = []
    for answer in (False, True):
        svg = occlusion_svg(data, size, shapes, number, answer=answer)
        convert.generated[svg_name(svg)] = svg
        pictures.append(f'<img src="{svg_name(svg)}" alt="{escape(name)}">')
    front = _join([convert(header), convert.convert(pictures[0])])
    back = _join([convert.convert(pictures[1]), convert(extra)])
    return front, back


def _join(parts: Iterable[str]) -> str:
    # Each part is one line of Markdown; a blank line keeps them separate paragraphs.
    return "\n\n".join(p for p in parts if p)
