"""Bringing decks into a profile: reading any supported file, showing the plan, and
installing it in one transaction."""
