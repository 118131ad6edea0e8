"""One input widget per question type, each driven by number keys as well as the mouse:
choices, matching and ordering here, typed-in answers in ``typed_answers.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from trainer.domain.quiz import Option, QuestionType
from trainer.domain.scoring import Response
from trainer.gui.answer_base import AnswerWidget, AnswerWidgetsText
from trainer.gui.theme import muted
from trainer.gui.typed_answers import NumericalWidget, ShortAnswerWidget
from trainer.i18n import QT_TRANSLATE_NOOP
from trainer.study.quiz_service import Asked

# The empty first entry of a matching drop-down; shown as AnswerWidgetsText.tr(CHOOSE).
CHOOSE = QT_TRANSLATE_NOOP("AnswerWidgetsText", "Choose…")


class OptionRow(QFrame):
    """A numbered, word-wrapped option that can be picked by click, by its number, or
    (Tab, then Space) through its radio button or check box: a real checkable control
    that a screen reader announces with the option's text and whether it is chosen."""

    clicked = Signal()

    def __init__(self, number: int, text: str, multi: bool) -> None:
        super().__init__()
        self.setObjectName("optionRow")
        self.multi = multi
        self.selected = False
        self.mark = QLabel()
        self.mark.setFixedWidth(28)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = QLabel(f"{number}")
        self.number.setFixedWidth(22)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.indicator: QCheckBox | QRadioButton = QCheckBox() if multi else QRadioButton()
        self.indicator.setObjectName("optionChoice")
        self.indicator.setAutoExclusive(False)  # the widget decides what a pick unpicks
        self.indicator.setAccessibleName(
            AnswerWidgetsText.tr("Option {number}: {text}").format(number=number, text=text))
        self.indicator.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.indicator.clicked.connect(self._indicator_clicked)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.number)
        row.addWidget(self.indicator, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        row.addWidget(self.mark)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        """Show the row as chosen or not."""
        self.selected = selected
        self.indicator.blockSignals(True)
        self.indicator.setChecked(selected)
        self.indicator.blockSignals(False)
        font = self.text.font()
        font.setBold(selected)
        self.text.setFont(font)
        self.setProperty("selected", selected)
        self.setStyleSheet(
            "#optionRow { border: 2px solid palette(highlight); border-radius: 4px; }"
            if selected else "#optionRow { border: 1px solid palette(mid); border-radius: 4px; }")

    def _indicator_clicked(self) -> None:
        # The row decides (a locked question ignores it): put the box back as it was
        # shown until the widget has picked.
        self.indicator.setChecked(self.selected)
        self.clicked.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click anywhere on the row picks it."""
        self.clicked.emit()
        event.accept()


class ChoiceWidget(AnswerWidget):
    """single, scenario, truefalse (one pick) and multiple (several picks)."""

    def __init__(self, asked: Asked) -> None:
        super().__init__(asked)
        self.multi = asked.question.type == QuestionType.MULTIPLE
        if asked.question.type == QuestionType.TRUEFALSE:
            self.options: tuple[Option, ...] = (
                Option("true", AnswerWidgetsText.tr("True"),
                       1.0 if asked.question.answer else 0.0),
                Option("false", AnswerWidgetsText.tr("False"),
                       0.0 if asked.question.answer else 1.0))
        else:
            self.options = asked.options
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.rows: list[OptionRow] = []
        for number, option in enumerate(self.options, start=1):
            row = OptionRow(number, option.text, self.multi)
            row.clicked.connect(lambda n=number: self.press(n))
            layout.addWidget(row)
            self.rows.append(row)
        self.locked = False

    def press(self, number: int) -> bool:
        """Pick (or for multiple, toggle) option ``number``."""
        if self.locked or not 1 <= number <= len(self.rows):
            return False
        row = self.rows[number - 1]
        if self.multi:
            row.set_selected(not row.selected)
        else:
            for other in self.rows:
                other.set_selected(other is row)
        self.changed.emit()
        return True

    def chosen(self) -> list[Option]:
        """The options currently picked."""
        return [o for o, r in zip(self.options, self.rows, strict=True) if r.selected]

    def response(self) -> Response | None:
        """The picked option ids (or true/false)."""
        picked = self.chosen()
        if not picked:
            return None
        if self.asked.question.type == QuestionType.TRUEFALSE:
            return Response(truth=picked[0].id == "true")
        return Response(chosen=tuple(o.id for o in picked))

    def lock(self) -> None:
        """Keep the rows readable (not greyed out) but stop changes."""
        self.locked = True

    def reveal(self) -> None:
        """✓ on options that earn credit, ✗ on chosen ones that do not."""
        for option, row in zip(self.options, self.rows, strict=True):
            if option.value >= 1.0 or (self.multi and option.value > 0):
                row.mark.setText("✓")
            elif row.selected:
                row.mark.setText("✗")
            if option.value > 0 and option.value < 1.0 and not self.multi:
                row.mark.setText("½")


class MatchingWidget(AnswerWidget):
    """A drop-down of answers beside each prompt. Tab moves between them."""

    def __init__(self, asked: Asked) -> None:
        super().__init__(asked)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.combos: list[QComboBox] = []
        self.marks: list[QLabel] = []
        for row, pair in enumerate(asked.question.pairs):
            label = QLabel(f"{row + 1}. {pair.left}")
            label.setTextFormat(Qt.TextFormat.PlainText)  # deck text: never markup
            label.setWordWrap(True)
            combo = QComboBox()
            combo.addItem(AnswerWidgetsText.tr(CHOOSE))
            combo.addItems(list(asked.choices))
            combo.setObjectName(f"match{row + 1}")
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            mark = QLabel()
            mark.setWordWrap(True)
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(combo, 2 * row, 1)
            # The right answer goes under the drop-down after submitting.
            grid.addWidget(mark, 2 * row + 1, 1)
            mark.hide()
            self.combos.append(combo)
            self.marks.append(mark)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def press(self, number: int) -> bool:
        """Number n puts the focus on row n's drop-down."""
        if 1 <= number <= len(self.combos):
            self.combos[number - 1].setFocus()
            return True
        return False

    def response(self) -> Response | None:
        """The chosen right-hand text for each prompt ("" where none chosen)."""
        picks = [c.currentText() if c.currentIndex() > 0 else "" for c in self.combos]
        return None if not any(picks) else Response(matches=tuple(picks))

    def reveal(self) -> None:
        """✓ or the right answer beside each row."""
        for combo, mark, pair in zip(self.combos, self.marks, self.asked.question.pairs,
                                     strict=True):
            mark.setText(AnswerWidgetsText.tr("✓ right") if combo.currentText() == pair.right
                         else AnswerWidgetsText.tr("✗ the answer: {answer}").format(
                             answer=pair.right))
            mark.show()

    def lock(self) -> None:
        """Freeze the drop-downs but keep the prompts readable."""
        for combo in self.combos:
            combo.setEnabled(False)


class OrderingWidget(AnswerWidget):
    """Steps to put in order: drag them, or select one and press Ctrl+Up / Ctrl+Down."""

    def __init__(self, asked: Asked) -> None:
        super().__init__(asked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("orderList")
        self.list.setAccessibleName(AnswerWidgetsText.tr("Steps, in the order you put them"))
        self.list.addItems(list(asked.choices))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setCurrentRow(0)
        self.list.setWordWrap(True)
        self.up = QPushButton(AnswerWidgetsText.tr("▲ Move up"))
        self.up.setObjectName("moveUp")
        self.down = QPushButton(AnswerWidgetsText.tr("▼ Move down"))
        self.down.setObjectName("moveDown")
        for button, delta in ((self.up, -1), (self.down, 1)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, d=delta: self.move_step(d))
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        hint = QLabel(AnswerWidgetsText.tr(
            "Select a step and move it with the buttons, with Ctrl+Up / Ctrl+Down, "
            "or by dragging it."))
        muted(hint)
        hint.setWordWrap(True)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(hint)

    def move_step(self, delta: int) -> None:
        """Move the selected step up (-1) or down (+1)."""
        if getattr(self, "locked", False):
            return
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def press(self, number: int) -> bool:
        """Number n selects step n."""
        if 1 <= number <= self.list.count():
            self.list.setCurrentRow(number - 1)
            return True
        return False

    def response(self) -> Response | None:
        """The steps in the order shown (always an answer: the order as it stands)."""
        return Response(order=tuple(self.list.item(i).text() for i in range(self.list.count())))

    def reveal(self) -> None:
        """Number each step with its right place."""
        right = {step: i + 1 for i, step in enumerate(self.asked.question.steps)}
        for i in range(self.list.count()):
            item = self.list.item(i)
            place = right[item.text()]
            verdict = "✓" if place == i + 1 else AnswerWidgetsText.tr(
                "→ belongs at {place}").format(place=place)
            item.setText(f"{item.text()}   {verdict}")

    def lock(self) -> None:
        """No more moving."""
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.up.setEnabled(False)
        self.down.setEnabled(False)
        self.locked = True


def answer_widget(asked: Asked) -> AnswerWidget:
    """The input widget for a question's type."""
    kind = asked.question.type
    if kind == QuestionType.NUMERICAL:
        return NumericalWidget(asked)
    if kind == QuestionType.SHORTANSWER:
        return ShortAnswerWidget(asked)
    if kind == QuestionType.MATCHING:
        return MatchingWidget(asked)
    if kind == QuestionType.ORDERING:
        return OrderingWidget(asked)
    return ChoiceWidget(asked)
