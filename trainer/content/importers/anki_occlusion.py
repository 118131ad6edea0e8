"""Anki's Image Occlusion notes as picture cards.

An Image Occlusion note holds a picture and its masks as cloze deletions,
``{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}``: positions are
fractions of the picture's width and height. Anki draws the masks over the picture
with a script; the card view here runs none, so each card gets two pictures drawn
here as SVG, the photo embedded in each: the front with this card's masks in Anki's
red (and, in "hide all, guess one" notes, the other masks in Anki's yellow), the back
with this card's regions outlined and uncovered.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
import struct
from dataclasses import dataclass

_OCCLUSION = re.compile(r"\{\{c(\d{1,5})::image-occlusion:([^{}]*?)\}\}", re.DOTALL)
# Anki's colours (its reviewer's defaults): the mask asked about, the others, and the
# outline of the answer.
ACTIVE, INACTIVE, HIGHLIGHT, BORDER = "#ff8e8e", "#ffeba2", "#ff8e8e", "#212121"
_SHOWN_WIDTH = 800  # pixels: wider pictures are drawn smaller, as Anki fits them
_MAX_SIDE = 20_000  # pixels: no real photo is larger; a header claiming more is refused
_MAX_POINTS = 1000


@dataclass(frozen=True)
class Shape:
    """One mask (or label) of an occlusion note, positions as fractions."""

    ordinal: int
    kind: str  # rect, ellipse, polygon or text
    props: dict[str, str]

    @property
    def hides_others(self) -> bool:
        """"Hide all, guess one": the other masks stay on the front too."""
        return self.props.get("oi") == "1"


def parse_shapes(text: str) -> list[Shape]:
    """Every shape in an occlusion field, in order."""
    shapes = []
    for match in _OCCLUSION.finditer(html.unescape(text)):
        kind, *items = match.group(2).split(":")
        props: dict[str, str] = {}
        last = ""
        for item in items:
            key, sep, value = item.partition("=")
            if sep and key.strip():
                last = key.strip()
                props[last] = value
            elif last:
                props[last] += ":" + item  # a label's text may hold a colon
        shapes.append(Shape(int(match.group(1)), kind.strip(), props))
    return shapes


def image_size(data: bytes) -> tuple[int, int, str] | None:
    """Width, height and MIME type of a PNG, JPEG, GIF or WebP picture, from its
    header; None for anything else or a size no picture has."""
    found = _png(data) or _gif(data) or _webp(data) or _jpeg(data)
    if found is None:
        return None
    width, height, _mime = found
    if not (0 < width <= _MAX_SIDE and 0 < height <= _MAX_SIDE):
        return None
    return found


def _png(data: bytes) -> tuple[int, int, str] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height, "image/png"


def _gif(data: bytes) -> tuple[int, int, str] | None:
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 10:
        return None
    width, height = struct.unpack("<HH", data[6:10])
    return width, height, "image/gif"


def _webp(data: bytes) -> tuple[int, int, str] | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP" or len(data) < 30:
        return None
    chunk = data[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF, "image/webp"
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, "image/webp"
    if chunk == b"VP8X":
        return (int.from_bytes(data[24:27], "little") + 1,
                int.from_bytes(data[27:30], "little") + 1, "image/webp")
    return None


def _jpeg(data: bytes) -> tuple[int, int, str] | None:
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        length = int.from_bytes(data[position + 2:position + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            return width, height, "image/jpeg"
        if length < 2:
            return None
        position += 2 + length
    return None


def _number(props: dict[str, str], key: str, default: float = 0.0) -> float:
    try:
        value = float(props.get(key, ""))
    except ValueError:
        return default
    return value if math.isfinite(value) else default


def _attrs(fill: str, stroke: str, width: float) -> str:
    return f'fill="{fill}" stroke="{stroke}" stroke-width="{width:.2f}"'


def _shape_svg(shape: Shape, size: tuple[int, int], fill: str, stroke: str,
               stroke_width: float) -> str:
    width, height = size
    props = shape.props
    left, top = _number(props, "left") * width, _number(props, "top") * height
    angle = _number(props, "angle")
    turn = f' transform="rotate({angle:.2f} {left:.2f} {top:.2f})"' if angle else ""
    paint = _attrs(fill, stroke, stroke_width)
    if shape.kind == "rect":
        w, h = _number(props, "width") * width, _number(props, "height") * height
        return (f'<rect x="{left:.2f}" y="{top:.2f}" width="{w:.2f}" height="{h:.2f}" '
                f'{paint}{turn}/>')
    if shape.kind == "ellipse":
        rx, ry = _number(props, "rx") * width, _number(props, "ry") * height
        return (f'<ellipse cx="{left + rx:.2f}" cy="{top + ry:.2f}" rx="{rx:.2f}" '
                f'ry="{ry:.2f}" {paint}{turn}/>')
    if shape.kind == "polygon":
        points = []
        for pair in props.get("points", "").split()[:_MAX_POINTS]:
            x, _, y = pair.partition(",")
            try:
                px, py = float(x) * width, float(y) * height
            except ValueError:
                continue
            if math.isfinite(px) and math.isfinite(py):
                points.append((px, py))
        if not points:
            return ""
        # Anki places the polygon's top-left corner at (left, top) when they are given.
        dx = left - min(p[0] for p in points) if "left" in props else 0.0
        dy = top - min(p[1] for p in points) if "top" in props else 0.0
        joined = " ".join(f"{x + dx:.2f},{y + dy:.2f}" for x, y in points)
        return f'<polygon points="{joined}" {paint}{turn}/>'
    if shape.kind == "text":
        scale = _number(props, "scale", 1.0) or 1.0
        font = (_number(props, "fs") * height or 40.0) * scale
        label = html.escape(props.get("text", ""))
        lines = label.split("\n") or [""]
        box_w = max(len(line) for line in lines) * font * 0.6 + 8
        box_h = len(lines) * font * 1.5 + 8
        spans = "".join(f'<tspan x="{left + 4:.2f}" dy="{font * (1.2 if i else 1.0):.2f}">'
                        f"{line}</tspan>" for i, line in enumerate(lines))
        return (f'<g{turn}><rect x="{left:.2f}" y="{top:.2f}" width="{box_w:.2f}" '
                f'height="{box_h:.2f}" fill="#ffffff" fill-opacity="0.8"/>'
                f'<text x="{left + 4:.2f}" y="{top + 4:.2f}" font-family="sans-serif" '
                f'font-size="{font:.2f}" fill="#000000">{spans}</text></g>')
    return ""


def occlusion_svg(image: bytes, size: tuple[int, int, str], shapes: list[Shape],
                  number: int, *, answer: bool) -> bytes:
    """The picture with card ``number``'s masks drawn as Anki draws them on its front
    (``answer`` False) or back."""
    width, height, mime = size
    shown_w = min(width, _SHOWN_WIDTH)
    shown_h = max(1, round(height * shown_w / width))
    line = max(1.0, 2.0 * width / shown_w)  # about two screen pixels, whatever the size
    drawn = []
    for shape in shapes:
        if shape.ordinal == number:
            paint = ("none", HIGHLIGHT) if answer else (ACTIVE, BORDER)
        elif shape.hides_others and shape.ordinal > 0:
            paint = (INACTIVE, BORDER)
        elif shape.kind == "text":
            paint = ("none", "none")  # a label: shown on every card
        else:
            continue
        drawn.append(_shape_svg(shape, (width, height), *paint, stroke_width=line))
    data = base64.b64encode(image).decode("ascii")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{shown_w}" '
            f'height="{shown_h}" viewBox="0 0 {width} {height}">'
            f'<image x="0" y="0" width="{width}" height="{height}" '
            f'xlink:href="data:{mime};base64,{data}"/>'
            + "".join(drawn) + "</svg>").encode()


def svg_name(svg: bytes) -> str:
    """A file name for a drawn picture: the same drawing, the same name."""
    return f"occlusion-{hashlib.sha256(svg).hexdigest()[:20]}.svg"
