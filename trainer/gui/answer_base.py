"""What every answer input of a quiz question is (``AnswerWidget``), and the translation
context their texts share."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from trainer.domain.scoring import Response
from trainer.i18n import Context
from trainer.study.quiz_service import Asked


class AnswerWidgetsText(Context):
    """Texts of the answer inputs of quiz questions."""


class AnswerWidget(QWidget):
    """Base: a question's input; ``response()`` reads it, ``press(n)`` handles key n;
    ``changed`` is emitted whenever the rep changes their answer."""

    changed = Signal()

    def __init__(self, asked: Asked) -> None:
        super().__init__()
        self.asked = asked

    def response(self) -> Response | None:
        """The answer so far, or ``None`` if nothing has been chosen."""
        raise NotImplementedError

    def press(self, number: int) -> bool:
        """Handle number key ``number``; return whether it meant anything here."""
        return False

    def problem(self) -> str | None:
        """Why what was entered cannot be submitted yet (a word where a number
        belongs), or ``None``."""
        return None

    def reveal(self) -> None:
        """After answering: mark right and wrong choices."""

    def lock(self) -> None:
        """Stop accepting changes."""
        self.setEnabled(False)
