"""Running a migration's DDL inside its transaction."""

from __future__ import annotations

from sqlite_utils import Database


def run(db: Database, script: str) -> None:
    """Run each statement of ``script`` in the migration's transaction."""
    # Not executescript(): it commits first, which would break the migration's
    # all-or-nothing transaction. The DDL here has no ';' inside strings.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
