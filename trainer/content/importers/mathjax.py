"""Anki's MathJax formulas (``\\(...\\)`` inline, ``\\[...\\]`` displayed) drawn offline.

Anki shows them with MathJax, a script in its web view; the card view here is Qt's rich
text, which runs no scripts and knows no MathML. So each formula is drawn by ziamath
(pure Python: LaTeX to MathML by latex2mathml, then glyph outlines from the STIX Two Math
font it ships) into an SVG picture that the card shows like any other, in black on white
so it reads in the dark theme as well. A formula ziamath cannot draw stays as its source
and the import says which notes have one.
"""

from __future__ import annotations

import hashlib
import html
import re
import warnings
from dataclasses import dataclass

MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_MAX_FORMULA = 2000  # characters: longer than any real card's formula, and slow to draw
_SIZE = 18.0  # points, near the card text's 17 px


@dataclass(frozen=True)
class Formula:
    """One formula drawn: the picture's file name, its SVG, and the source as the
    picture's description."""

    name: str
    svg: bytes
    source: str


def formula_source(inner_html: str) -> str:
    """The LaTeX of a formula written in a field's HTML (Anki strips tags inside
    MathJax; entities such as ``&lt;`` are the characters they stand for)."""
    return html.unescape(_TAG.sub("", inner_html)).replace("\xa0", " ").strip()


def draw(tex: str, display: bool) -> Formula | None:
    """The formula as an SVG picture, or None when it cannot be drawn here (ziamath is
    missing, or the LaTeX is beyond it)."""
    if not tex or len(tex) > _MAX_FORMULA:
        return None
    with warnings.catch_warnings():
        # ziamath finds its font with an importlib call Python deprecates.
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            from ziamath.config import config
            from ziamath.zmath import Latex
        except ImportError:
            return None
        config.svg2 = False  # plain paths: Qt's SVG reader needs no <symbol> support
        config.math.background = "white"
        config.math.color = "black"
        try:
            svg = Latex(tex, size=_SIZE, inline=not display).svg()
        except Exception:
            # Any failure of the renderer on a hostile or unusual formula (assertions,
            # recursion, missing glyphs) means "show the source", never a traceback.
            return None
    data = svg.encode()
    digest = hashlib.sha256(data).hexdigest()[:20]
    return Formula(f"mathjax-{digest}.svg", data, tex)
