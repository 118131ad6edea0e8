"""Reading material trainers already have (Anki packages, CSV/TSV, Moodle GIFT) into
decks the app can install. Every importer returns an ``ImportBundle``."""
