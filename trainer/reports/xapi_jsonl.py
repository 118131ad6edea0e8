"""Statements as JSON Lines: one statement per line, written atomically, read back with
the file and line named in any complaint."""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any

from trainer.content.outputs import check_output
from trainer.domain.errors import TrainerError
from trainer.reports.files import is_stdout, temp_beside


def write_statements(path: Path, statements: Iterable[dict[str, Any]]) -> int:
    """Write the statements to a temporary file beside ``path`` and move it into place,
    so a failure never leaves half a file where an earlier export was. They are written
    as they come, never all held at once. Returns how many were written."""
    path = Path(path)
    written = 0
    temp: Path | None = None
    if is_stdout(path):
        for statement in statements:
            sys.stdout.write(json.dumps(statement, ensure_ascii=False,
                                        separators=(",", ":")) + "\n")
            written += 1
        sys.stdout.flush()
        return written
    check_output(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temp_beside(path) as (out, temp):
            for statement in statements:
                out.write(json.dumps(statement, ensure_ascii=False,
                                     separators=(",", ":")).encode("utf-8") + b"\n")
                written += 1
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise TrainerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return written


def _problem(line: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        statement = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return None, "not an xAPI statement (nested too deeply)"
    if not isinstance(statement, dict):
        return None, "not a JSON object (each line must be one xAPI statement)"
    if not isinstance(statement.get("id"), str):
        return None, "the statement has no id (export it again with 'trainer export xapi')"
    try:
        uuid.UUID(statement["id"])
    except ValueError:
        return None, f"the statement id '{statement['id']}' is not a UUID"
    for field in ("actor", "verb", "object"):
        if not isinstance(statement.get(field), dict):
            return None, f"the statement has no {field}"
    return statement, None


def read_statements(path: Path) -> Generator[dict[str, Any], None, None]:
    """The statements of a JSON Lines file, one at a time (blank lines are skipped).
    A malformed line raises TrainerError naming the file and the line."""
    try:
        with open(path, encoding="utf-8") as source:
            for number, line in enumerate(source, 1):
                if not line.strip():
                    continue
                statement, problem = _problem(line)
                if problem is not None or statement is None:
                    raise TrainerError(f"{path}, line {number}: {problem}")
                yield statement
    except UnicodeDecodeError as exc:
        raise TrainerError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise TrainerError(f"cannot read {path}: {exc.strerror or exc}") from exc


def check_file(path: Path) -> int:
    """Read the whole file once to find any bad line before anything is sent; returns
    how many statements it holds."""
    return sum(1 for _ in read_statements(path))
