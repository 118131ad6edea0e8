"""Image Occlusion notes made with Anki's own code become picture cards: the masks
Anki's reviewer draws for a card, drawn over the picture on its front, uncovered and
outlined on its back; a note whose picture is missing is skipped with that reason."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from anki_builders import make_zip
from anki_content_builders import Built, build_occlusion

from trainer.content.importers.anki import read_anki
from trainer.content.importers.anki_occlusion import (
    ACTIVE,
    HIGHLIGHT,
    INACTIVE,
    image_size,
    parse_shapes,
)
from trainer.content.importers.bundle import ImportBundle, stable_key
from trainer.content.pictures import picture_names

SVG = "{http://www.w3.org/2000/svg}"
# Anki's rendered question and answer mark each shape with its role in a class.
_SHAPE_DIV = re.compile(r'<div class="(cloze|cloze-inactive|cloze-highlight)" '
                        r'data-ordinal="(\d+)" data-shape="(\w+)"([^>]*)>')
_DATA = re.compile(r'data-([a-zA-Z-]+)="([^"]*)"')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pytest.importorskip("anki")
    return build_occlusion(tmp_path_factory.mktemp("occlusion"))


@pytest.fixture(scope="module")
def bundle(built: Built) -> ImportBundle:
    return read_anki(built.apkg)


def drawn(bundle: ImportBundle, markdown: str) -> tuple[ET.Element, list[ET.Element]]:
    [name] = picture_names([markdown])
    root = ET.fromstring(bundle.media[name])
    return root, [e for e in root if e.tag != SVG + "image"]


def anki_shapes(side_html: str) -> list[tuple[str, str, dict[str, str]]]:
    """(role, shape, data) of every shape Anki's reviewer would draw on a side."""
    return [(m.group(1), m.group(3), dict(_DATA.findall(m.group(4))))
            for m in _SHAPE_DIV.finditer(side_html)]


def expected_paint(role: str, data: dict[str, str]) -> tuple[str, str] | None:
    """The fill and outline Anki's reviewer gives a shape of this role (or None: not
    drawn), from its review code's defaults."""
    if role == "cloze":
        return ACTIVE, "#212121"
    if role == "cloze-highlight":
        return "none", HIGHLIGHT
    return (INACTIVE, "#212121") if data.get("occludeInactive") == "1" else None


def test_each_card_draws_the_masks_anki_draws(built: Built, bundle: ImportBundle) -> None:
    col = built.collection()
    try:
        cards = [col.get_card(c) for c in col.find_cards('"note:Image Occlusion"')]
        assert len(cards) == 5
        for card in cards:
            key = f"{stable_key('a', card.note().guid)}-{card.ord}"
            ours = next(c for d in bundle.decks for c in d.cards if c.id == key)
            for side_html, markdown in ((card.question(), ours.front),
                                        (card.answer(), ours.back)):
                root, shapes = drawn(bundle, markdown)
                wanted = [(shape, paint, data) for role, shape, data in
                          anki_shapes(side_html)
                          if (paint := expected_paint(role, data)) is not None]
                kinds = {"rect": "rect", "ellipse": "ellipse", "polygon": "polygon"}
                assert [(SVG + kinds[s], p) for s, p, _ in wanted] == [
                    (e.tag, (e.get("fill"), e.get("stroke"))) for e in shapes], key
                width, height = 200, 100
                assert root.get("viewBox") == f"0 0 {width} {height}"
                for (shape, _, data), element in zip(wanted, shapes, strict=True):
                    if shape == "rect":
                        assert float(element.get("x", "")) == pytest.approx(
                            float(data["left"]) * width)
                        assert float(element.get("height", "")) == pytest.approx(
                            float(data["height"]) * height)
                    if shape == "ellipse":
                        assert float(element.get("cx", "")) == pytest.approx(
                            (float(data["left"]) + float(data["rx"])) * width)
    finally:
        col.close()


def test_front_and_back_carry_the_picture_header_and_extra(built: Built,
                                                           bundle: ImportBundle) -> None:
    guid = built.guids["Shelf <b>layout</b>"]
    first = next(c for d in bundle.decks for c in d.cards
                 if c.id == f"{stable_key('a', guid)}-0")
    assert first.front.startswith("Shelf <b>layout</b>")
    assert first.back.endswith("Top shelf sells best")
    root, _ = drawn(bundle, first.front)
    [image] = [e for e in root if e.tag == SVG + "image"]
    href = image.get("{http://www.w3.org/1999/xlink}href", "")
    assert href.startswith("data:image/png;base64,")
    assert base64.b64decode(href.split(",", 1)[1]) == built.picture
    assert not [p for p in bundle.skipped if p.severity == "error"]


def test_a_note_without_its_picture_is_skipped_with_the_reason(built: Built,
                                                               tmp_path: Path) -> None:
    with zipfile.ZipFile(built.apkg) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    [picture] = [n for n in entries if n.isdigit()]  # the package's one media file
    damaged = make_zip(tmp_path / "damaged.apkg", {**entries, picture: b"not a picture"},
                       deflate=False)
    gone = make_zip(tmp_path / "gone.apkg", {n: d for n, d in entries.items()
                                             if n != picture}, deflate=False)
    for path, reason in ((damaged, "image occlusion: its picture 'shelf.png' is not a PNG, "
                                   "JPEG, GIF or WebP picture"),
                         (gone, "image occlusion: its picture 'shelf.png' is not in the "
                                "package")):
        bundle = read_anki(path)
        assert [c.front for d in bundle.decks for c in d.cards] == ["Which shelf sells best?"]
        [skipped] = bundle.skipped
        assert skipped.message == f"5 cards skipped: {reason}", path.name
        assert skipped.severity == "error"


def test_shapes_and_picture_sizes() -> None:
    [rect, label] = parse_shapes("{{c2::image-occlusion:rect:left=.5:top=.25:oi=1}}"
                                 "{{c3::image-occlusion:text:left=.1:text=a: b:fs=.1}}")
    assert (rect.ordinal, rect.kind, rect.props["left"], rect.hides_others) == (
        2, "rect", ".5", True)
    assert label.props["text"] == "a: b"
    from anki_content_builders import png

    assert image_size(png(30, 20)) == (30, 20, "image/png")
    assert image_size(b"GIF89a\x10\x00\x08\x00") == (16, 8, "image/gif")
    jpeg = b"\xff\xd8\xff\xe0\x00\x04ab\xff\xc0\x00\x0b\x08\x00\x07\x00\x09\x01"
    assert image_size(jpeg + b"\x00" * 8) == (9, 7, "image/jpeg")
    for bad in (b"", b"<svg/>", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
                b"GIF89a\xff\xff\xff\xff"):
        assert image_size(bad) is None


def test_drawing_stops_at_the_size_budget(built: Built, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    import trainer.content.importers.anki_notes as notes

    # Room for the first card's two pictures, not for the next one's.
    monkeypatch.setattr(notes, "MAX_DRAWN_BYTES", 6 * len(built.picture))
    bundle = read_anki(built.apkg)
    drawn_cards = [c for d in bundle.decks for c in d.cards if "occlusion-" in c.front]
    assert len(drawn_cards) == 1
    [skipped] = [p for p in bundle.skipped if "would pass" in p.message]
    assert skipped.message.startswith("4 cards skipped: image occlusion: the pictures "
                                      "drawn for this file would pass")
