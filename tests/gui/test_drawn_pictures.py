"""The pictures an Anki import draws (Image Occlusion masks, MathJax formulas) are SVG
that Qt's own reader, the one the card view loads pictures with, draws as intended."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_content_builders import png
from PySide6.QtGui import QColor, QImage

from trainer.content.importers.anki_occlusion import (
    ACTIVE,
    INACTIVE,
    image_size,
    occlusion_svg,
    parse_shapes,
)
from trainer.content.importers.mathjax import draw

SHAPES = parse_shapes("{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}"
                      "{{c2::image-occlusion:ellipse:left=.5:top=.1:rx=.1:ry=.2:oi=1}}")


def load(tmp_path: Path, name: str, data: bytes) -> QImage:
    path = tmp_path / name
    path.write_bytes(data)
    image = QImage(str(path))
    assert not image.isNull()
    return image


def colour(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name()


def test_masks_cover_the_picture_on_the_front_and_uncover_it_on_the_back(
        tmp_path: Path) -> None:
    picture = png(200, 100, (0, 128, 0))
    size = image_size(picture)
    assert size is not None
    front = load(tmp_path, "front.svg", occlusion_svg(picture, size, SHAPES, 1, answer=False))
    back = load(tmp_path, "back.svg", occlusion_svg(picture, size, SHAPES, 1, answer=True))
    assert (front.width(), front.height()) == (200, 100)
    assert colour(front, 40, 40) == ACTIVE  # card 1's mask, asked about
    assert colour(front, 120, 30) == INACTIVE  # card 2's, hidden too ("hide all")
    assert colour(front, 190, 90) == "#008000"  # the picture itself
    assert colour(back, 40, 40) == "#008000"  # uncovered on the back
    assert colour(back, 120, 30) == INACTIVE


def test_a_formula_is_drawn_dark_on_light(tmp_path: Path) -> None:
    formula = draw(r"\frac{a}{b} + x^2", display=False)
    if formula is None:
        pytest.skip("ziamath is not installed")
    image = load(tmp_path, formula.name, formula.svg)
    pixels = [QColor(image.pixel(x, y)) for x in range(image.width())
              for y in range(image.height())]
    assert any(p.lightness() < 80 for p in pixels) and any(p.lightness() > 200 for p in pixels)
