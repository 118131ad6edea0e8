"""Deck files: parsing, validation and the built-in decks."""
