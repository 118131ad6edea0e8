"""A profile's life beyond one answer: its lock, backups, restores and checks."""
