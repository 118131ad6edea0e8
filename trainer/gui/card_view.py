"""A text browser for card text that never loads anything from the network."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from trainer.content.picture_urls import quote_pictures
from trainer.content.render import render_markdown
from trainer.content.sounds import sound_name, sound_names
from trainer.i18n import Context

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from trainer.gui.audio import Player


class CardViewText(Context):
    """What the card says about its sounds."""

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
    """Shows sanitized Markdown. Links are shown but not followed; nothing is loaded.
    A sound link (``▶ name``, see content/sounds.py) plays its file when clicked; with
    ``autoplay`` the sounds of the part just shown play as it appears, as in Anki."""

    said = Signal(str)  # a sound could not be played: why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(CARD_CSS)
        self.document().setDocumentMargin(18)
        # The current deck's media files by the name its cards use
        # (library/deck_pictures.py's DeckPictures.path); None shows no pictures and plays
        # no sounds.
        self.find_media: Callable[[str], Path | None] | None = None
        self._found: dict[str, Path | None] = {}  # find_media's answers for this card
        self._found_by: Callable[[str], Path | None] | None = None  # ... from this one
        self.autoplay = False
        self.sounds: list[str] = []  # the sounds of the part shown last, for replay
        self._player: Player | None = None
        self.anchorClicked.connect(self._clicked)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Load only pictures of the current deck, by bare file name: nothing from the
        network, nothing from anywhere else on disk."""
        # Imported here: PySide builds these types, a dozen enums with them (1.3 ms), the
        # first time they are touched, which a first card without pictures never needs.
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QImage, QTextDocument

        name = QUrl(name) if isinstance(name, str) else name
        if kind != QTextDocument.ResourceType.ImageResource.value or self.find_media is None:
            return None
        if name.scheme() or name.host() or name.hasQuery() or name.hasFragment():
            return None
        # show_markdown wrote each name percent-encoded: "50%25.png" is "50%.png".
        path = self._media(name.path(QUrl.ComponentFormattingOption.FullyDecoded))
        return QImage(str(path)) if path is not None else None

    def show_markdown(self, *parts: tuple[str, str]) -> None:
        """Render (css_class, markdown) parts in order, separated by rules. The sounds
        to replay are those of the last part with any (the back once it is shown)."""
        html = "".join(
            ("<hr/>" if cls == "back" else "") + f'<div class="{cls}">{render_markdown(md)}</div>'
            for cls, md in parts)
        self.stop_sounds()
        self._found = {}
        self.sounds = next((names for _cls, md in reversed(parts)
                            if (names := sound_names(md))), [])
        if self.autoplay and self.sounds:
            self.replay()
        # Every picture's address as its file name percent-encoded, so that a name with
        # '%', '#', '?' or a space loads.
        self.setHtml(quote_pictures(html, self._has_media))

    def _has_media(self, name: str) -> bool:
        return self._media(name) is not None

    def _media(self, name: str) -> Path | None:
        """``find_media(name)``, asked once per name while a card is shown (writing its
        HTML and loading its pictures both want it)."""
        if self.find_media is None:
            return None
        if self._found_by is not self.find_media:  # another deck's
            self._found, self._found_by = {}, self.find_media
        if name not in self._found:
            self._found[name] = self.find_media(name)
        return self._found[name]

    def replay(self) -> None:
        """Play the sounds of the part shown last, in order (R on the review screen)."""
        self._play(self.sounds)

    def stop_sounds(self) -> None:
        """Stop a sound that is playing."""
        if self._player is not None:
            self._player.stop()

    def _clicked(self, url: QUrl) -> None:
        from PySide6.QtCore import QUrl

        name = sound_name(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        if name is not None:
            self._play([name])

    def _play(self, names: list[str]) -> None:
        if not names:
            return
        paths = []
        for name in names:
            path = self._media(name)
            if path is None:
                self.said.emit(CardViewText.tr("{name} is not among this deck's files.")
                               .format(name=name))
                continue
            paths.append(path)
        if not paths:
            return
        if self._player is None:
            # Built at the first sound, so that start-up never loads the audio library.
            from trainer.gui.audio import Player

            self._player = Player(self)
            self._player.failed.connect(self.said)
        self._player.play(paths)
