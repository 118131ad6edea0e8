"""Small pieces every section of the HTML cohort report is built from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape


def escape_text(value: object) -> str:
    """Text from an export, safe inside HTML and attributes."""
    return escape(str(value), quote=True)


def percent(value: float | None) -> str:
    """A share as a whole percentage, or a dash for none."""
    return "—" if value is None else f"{value:.0%}"


def table(head: Sequence[tuple[str, bool]], rows: Iterable[str]) -> str:
    """A table with the given headings (True: a number column) and row markup."""
    cells = "".join(f'<th class="num">{escape_text(h)}</th>' if num
                    else f"<th>{escape_text(h)}</th>" for h, num in head)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
