"""A text browser for card text that never loads anything from the network."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from trainer.content.render import render_markdown

# Qt's rich text does not pass a block's font size on to inline elements such as <b>
# (Anki cards are full of them), so every element that holds text gets the size of
# the part of the card it is in.
_TEXT = ("p", "li", "div", "span", "b", "strong", "i", "em", "u", "a", "td", "th", "sub",
         "sup", "font", "blockquote")


def _sized(scope: str, pixels: int) -> str:
    return ", ".join(f"{scope} {tag}".strip() for tag in _TEXT) + f" {{ font-size: {pixels}px; }}"


CARD_CSS = "\n".join((
    _sized("", 17),
    _sized(".front", 21),
    _sized(".source", 12),
    "p, li { margin: 6px 0; }",
    ".source p { margin-top: 18px; }",
    "code { font-family: monospace; }",
))


class CardView(QTextBrowser):
    """Shows sanitized Markdown. Links are shown but not followed; nothing is loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(CARD_CSS)
        self.document().setDocumentMargin(18)
        self.media_dir: Path | None = None

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Load only pictures of the current deck's media folder, by bare file name:
        nothing from the network, nothing from anywhere else on disk."""
        if kind != QTextDocument.ResourceType.ImageResource.value or self.media_dir is None:
            return None
        file = name.toString()
        if name.scheme() or not file or "/" in file or "\\" in file or file.startswith("."):
            return None
        path = self.media_dir / file
        return QImage(str(path)) if path.is_file() else None

    def show_markdown(self, *parts: tuple[str, str]) -> None:
        """Render (css_class, markdown) parts in order, separated by rules."""
        html = "".join(
            ("<hr/>" if cls == "back" else "") + f'<div class="{cls}">{render_markdown(md)}</div>'
            for cls, md in parts)
        self.setHtml(html)
