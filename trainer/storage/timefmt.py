"""How times are written to the database: UTC ISO 8601 with microseconds.

One fixed width format, so text order is time order and indexes on time columns work.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(when: datetime) -> str:
    """Format an aware datetime for storage."""
    if when.tzinfo is None:
        raise ValueError("naive datetime cannot be stored; attach a timezone")
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str | None) -> datetime | None:
    """Read a stored time back (``None`` stays ``None``)."""
    return None if text is None else datetime.fromisoformat(text)
