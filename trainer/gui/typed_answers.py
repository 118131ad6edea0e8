"""The typed-in answers: a short answer, and a number written as the rep's language
writes it (3,5 under German). Letters go to the text box, so certainty is Ctrl and its
letter, and Enter submits."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout

from trainer.domain.numeric import LIMIT, number_text, shown_number
from trainer.domain.quiz import Option
from trainer.domain.scoring import Response, certainty_letters
from trainer.gui.answer_base import AnswerWidget, AnswerWidgetsText
from trainer.gui.theme import muted
from trainer.study.quiz_service import Asked


class ShortAnswerWidget(AnswerWidget):
    """Type the answer."""

    def __init__(self, asked: Asked) -> None:
        super().__init__(asked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName("shortAnswer")
        self.edit.setPlaceholderText(AnswerWidgetsText.tr("Type your answer"))
        self.edit.textEdited.connect(lambda _t: self.changed.emit())
        self.accepted = QLabel()
        self.accepted.setTextFormat(Qt.TextFormat.PlainText)
        self.accepted.setWordWrap(True)
        self.accepted.hide()
        letters = certainty_letters()
        hint = QLabel(AnswerWidgetsText.tr(
            "Type, then Ctrl+{low} / Ctrl+{medium} / Ctrl+{high} for how sure, and Enter.")
            .format(low=letters[1], medium=letters[2], high=letters[3]))
        muted(hint)
        hint.setWordWrap(True)  # German runs half as long again
        layout.addWidget(self.edit)
        layout.addWidget(self.accepted)
        layout.addWidget(hint)

    def response(self) -> Response | None:
        """The typed text, if any."""
        text = self.edit.text().strip()
        return Response(text=text) if text else None

    def lock(self) -> None:
        """No more typing."""
        self.edit.setReadOnly(True)

    def reveal(self) -> None:
        """List the answers that earn full marks."""
        best = [self._accepted(o) for o in self.asked.question.options if o.value >= 1.0]
        self.accepted.setText(AnswerWidgetsText.tr("Accepted: {answers}").format(
            answers="; ".join(best)))
        self.accepted.show()

    @staticmethod
    def _accepted(option: Option) -> str:
        """One accepted answer as the key shows it."""
        return option.text

    def focus(self) -> None:
        """Put the cursor in the text box."""
        self.edit.setFocus()


def read_typed_number(text: str, locale: QLocale | None = None) -> float | None:
    """A number typed in the rep's language ("3,5" or "1.234,5" under German, "3.5" or
    "1,234.5" under English), or ``None`` if it is not one. A point that the language
    cannot read (3.5 under German) is read as a decimal point, as a rep used to other
    keyboards means it."""
    text = text.strip()
    value, ok = (locale or QLocale()).toDouble(text)
    if not ok:
        plain = QLocale.c()
        plain.setNumberOptions(QLocale.NumberOption.RejectGroupSeparator)
        value, ok = plain.toDouble(text)
    if not ok or not abs(value) <= LIMIT:  # also refuses NaN
        return None
    return float(value)


class NumericalWidget(ShortAnswerWidget):
    """Type a number, written as the rep's language writes it (3,5 under German). Keys
    as for a typed answer: Ctrl and a letter for how sure, Enter to submit."""

    def __init__(self, asked: Asked) -> None:
        super().__init__(asked)
        self.edit.setObjectName("numberAnswer")
        self.edit.setPlaceholderText(AnswerWidgetsText.tr("Type a number"))
        self.edit.setAccessibleName(AnswerWidgetsText.tr("Your answer, a number"))
        # An on-screen keyboard then offers digits, sign and the decimal separator.
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)

    def response(self) -> Response | None:
        """The number typed, stored with a decimal point whatever the language."""
        value = read_typed_number(self.edit.text())
        return None if value is None else Response(text=number_text(value))

    def problem(self) -> str | None:
        """Something typed that is not a number."""
        if self.edit.text().strip() and read_typed_number(self.edit.text()) is None:
            return AnswerWidgetsText.tr("Type a number, such as {example}.").format(
                example=shown_number(1234.5))
        return None

    @staticmethod
    def _accepted(option: Option) -> str:
        """The number with its margin, in the rep's language."""
        if option.number is None:
            return AnswerWidgetsText.tr("any number")
        if option.tolerance:
            return AnswerWidgetsText.tr("{number} ± {margin}").format(
                number=shown_number(option.number), margin=shown_number(option.tolerance))
        return shown_number(option.number)
