"""The one rule for the media files cards name: a bare file name, as pictures
(``pictures``) and sounds (``sounds``) are named; anything else is never loaded."""

from __future__ import annotations

# File systems allow 255 bytes in a name; a margin is left for the app's own suffixes.
MAX_NAME_BYTES = 200


def is_bare_name(name: str) -> bool:
    """A plain file name: no folder, no drive, no scheme, not hidden, not too long."""
    return (bool(name) and not any(c in name for c in "/\\:\x00") and not name.startswith(".")
            and len(name.encode("utf-8", "replace")) <= MAX_NAME_BYTES)
