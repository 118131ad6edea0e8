"""Sales Trainer: offline spaced-repetition study for sales teams."""

__version__ = "0.1.0"
