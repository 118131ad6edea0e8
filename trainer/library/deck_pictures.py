"""The pictures one deck's cards show: what the card view asks for while it draws a
card. Apart from library/media.py (importing, the store's upkeep) so that showing the
first card loads none of that."""

from __future__ import annotations

from pathlib import Path

from trainer.content.filenames import is_bare_name
from trainer.storage import media_repo
from trainer.storage.store import Store


class DeckPictures:
    """The pictures one deck's cards show, found by the names the cards use."""

    def __init__(self, db: Store, media_root: Path, deck_id: str) -> None:
        self.db = db
        self.media_root = media_root
        self.deck_id = deck_id

    def path(self, name: str) -> Path | None:
        """The file to show for ``name``, or None if the deck has no such picture (or
        the name is not a bare file name)."""
        if not is_bare_name(name):
            return None
        picture = media_repo.find(self.db, self.deck_id, name)
        if picture is not None:
            file = self.media_root / picture.file_name
            return file if file.is_file() else None
        # An old per-deck folder a reading command opened before the writer moved it in.
        old = self.media_root / self.deck_id / name
        return old if old.is_file() and not old.is_symlink() else None
