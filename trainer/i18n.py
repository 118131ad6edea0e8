"""Translatable text for every layer, without Qt below the window.

Text a rep reads goes through a *context* class: ``ReviewText.tr("Show answer")``, or
with a count ``ReviewText.tr("%n card(s) due", "", n)``. ``pyside6-lupdate`` finds these
calls by their shape (``Name.tr(...)``) and files each text under the class's name, so
each module declares its own context class and calls it by that name, never through an
alias. ``packaging/translations.py`` updates ``trainer/translations/*.ts`` and builds
the ``.qm`` files the window loads.

Without a translator (the command line, or English in the window) the source text is
the English text; a count's "(s)" becomes "" or "s" as the number asks. The window
installs Qt's translator and locale with :func:`install`, so the same calls return
German and numbers read "1.234" under German.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ClassVar

Translate = Callable[[str, str, "str | None", int], str]

_PLURAL = re.compile(r"\((s|es)\)")


def _english(context: str, text: str, disambiguation: str | None, n: int) -> str:
    del context, disambiguation
    if n < 0:
        return text
    return text.replace("%Ln", f"{n:,}").replace("%n", str(n))


def _english_number(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}"


_translate: Translate = _english
_number: Callable[[float, int], str] = _english_number
_language = "en"
# Set while a file meant for others (a progress export a trainer reads) is written: its
# text stays in English whatever the window speaks. Per thread, as such files are
# written on worker threads while the window goes on in its language.
_in_english: ContextVar[bool] = ContextVar("in_english", default=False)


@contextmanager
def in_english() -> Iterator[None]:
    """Within this block (on this thread), every text and number is English."""
    token = _in_english.set(True)
    try:
        yield
    finally:
        _in_english.reset(token)


def install(translate: Translate, number: Callable[[float, int], str], language: str) -> None:
    """Route every context's text through ``translate`` (Qt's, in the window) and
    numbers through ``number`` (the locale's); ``language`` is its code, like "de"."""
    global _translate, _number, _language
    _translate, _number, _language = translate, number, language


def reset() -> None:
    """Back to English: source texts, English numbers."""
    install(_english, _english_number, "en")


def language() -> str:
    """The code of the language text is shown in ("en" when nothing is installed)."""
    return _language


def number(value: float, decimals: int = 0) -> str:
    """A number as the rep's language writes it: 1,234.5 in English, 1.234,5 in German."""
    return _english_number(value, decimals) if _in_english.get() else _number(value, decimals)


class Context:
    """Base of the translation contexts; a subclass's name is its context in the
    ``.ts`` files."""

    context: ClassVar[str] = ""

    def __init_subclass__(cls) -> None:
        cls.context = cls.__name__

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the rep's language; ``%n`` in it becomes ``n`` (``%Ln`` with the
        language's digit grouping) and the translation takes the plural form ``n``
        asks for. English sources mark plurals as "card(s)" or "match(es)"."""
        translate = _english if _in_english.get() else _translate
        result = translate(cls.context, text, disambiguation, n)
        if n >= 0 and "(" in result:
            result = _PLURAL.sub("" if n == 1 else r"\1", result)
        return result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation under ``context`` where it is defined (a table
    built at import time, before any translator is installed); translate it where it is
    shown, with that context's ``tr``."""
    del context
    return text
