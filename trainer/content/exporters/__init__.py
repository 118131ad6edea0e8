"""Writing decks out in formats other tools read (Moodle GIFT)."""
