"""Plain dataclasses and rules. No I/O here."""
