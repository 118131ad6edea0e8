"""The practice screen: the situation and the prospect's line, the rep's reply (typed,
or said out loud), then the model reply beside theirs and the rubric to mark it by.

Keys: Ctrl+Enter compares a typed reply, Ctrl+L says it was said out loud; then 1-5
tick rubric checks and Enter saves. Ctrl+Z undoes the last answer (in the reply box, once
no typing is left to undo), Esc leaves. A reply typed and not yet saved is kept for that
item until the window closes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.practice import practice_rating
from trainer.gui.card_view import CardView
from trainer.gui.scrolling import PAGE_KEYS, scroll_by_key
from trainer.gui.theme import muted
from trainer.i18n import Context
from trainer.study.practice_service import PracticeShown
from trainer.study.wording import local_minute, rating_label


class PracticeViewText(Context):
    """Texts of the practice screen."""


class PracticeView(QWidget):
    """One practice item: reply, compare, mark."""

    submitted = Signal(object, object)  # reply text (None: said aloud), set of check ids
    leave = Signal()
    undo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: PracticeShown | None = None
        self.reply: str | None = None
        # The last reply saved, by item: an undo brings it back to be marked again.
        self._saved: tuple[int, str | None] | None = None
        self.marking = False
        self._drafts: dict[int, str] = {}
        self.checks: list[QCheckBox] = []

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("practiceTitle")
        self.status = QLabel()
        self.status.setObjectName("practiceStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status, 2)

        self.prompt = CardView()
        self.prompt.setObjectName("practicePrompt")
        self.prompt.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # Step 1: the reply.
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("practiceReply")
        self.editor.setPlaceholderText(
            PracticeViewText.tr("Type what you would say to the prospect…"))
        # A placeholder is not a name: a screen reader would announce a bare text box.
        self.editor.setAccessibleName(PracticeViewText.tr("Your reply"))
        self.editor.setTabChangesFocus(True)
        # Ctrl+Z undoes typing; with no typing left to undo it takes back the last
        # answer, as the hint says (the box has the focus when each item is shown).
        self.editor.installEventFilter(self)
        _larger(self.editor)
        self.compare_button = QPushButton(
            PracticeViewText.tr("Compare with the model  (Ctrl+Enter)"))
        self.compare_button.setObjectName("practiceCompare")
        self.compare_button.clicked.connect(self.compare)
        self.aloud_button = QPushButton(PracticeViewText.tr("I said it out loud  (Ctrl+L)"))
        self.aloud_button.setObjectName("practiceAloud")
        self.aloud_button.clicked.connect(self.said_aloud)
        buttons = QHBoxLayout()
        buttons.addWidget(self.aloud_button)
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        write = QWidget()
        write_layout = QVBoxLayout(write)
        write_layout.setContentsMargins(0, 0, 0, 0)
        write_layout.addWidget(self.editor, 1)
        write_layout.addLayout(buttons)

        # Step 2: compare and mark.
        self.yours = QPlainTextEdit()
        self.yours.setObjectName("practiceYours")
        self.yours.setReadOnly(True)
        self.yours.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        _larger(self.yours)
        self.model = CardView()
        self.model.setObjectName("practiceModel")
        self.model.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.before = QLabel()
        self.before.setObjectName("practiceBefore")
        self.before.setTextFormat(Qt.TextFormat.PlainText)
        self.before.setWordWrap(True)
        side = QGridLayout()
        side.addWidget(_heading(PracticeViewText.tr("Your reply")), 0, 0)
        side.addWidget(_heading(PracticeViewText.tr("Model reply")), 0, 1)
        side.addWidget(self.yours, 1, 0)
        side.addWidget(self.model, 1, 1)
        side.setColumnStretch(0, 1)
        side.setColumnStretch(1, 1)
        self.rubric_box = QWidget()
        self.rubric = QVBoxLayout(self.rubric_box)
        self.rubric.setContentsMargins(0, 0, 0, 0)
        rubric_scroll = QScrollArea()
        rubric_scroll.setWidgetResizable(True)
        rubric_scroll.setWidget(self.rubric_box)
        rubric_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verdict = QLabel()
        self.verdict.setObjectName("practiceVerdict")
        self.save_button = QPushButton(PracticeViewText.tr("Save and go on  (Enter)"))
        self.save_button.setObjectName("practiceSave")
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.verdict, 1)
        save_row.addWidget(self.save_button)
        mark = QWidget()
        mark_layout = QVBoxLayout(mark)
        mark_layout.setContentsMargins(0, 0, 0, 0)
        mark_layout.addLayout(side, 2)
        mark_layout.addWidget(self.before)
        mark_layout.addWidget(_heading(PracticeViewText.tr("Tick what your reply did (1-5)")))
        mark_layout.addWidget(rubric_scroll, 3)
        mark_layout.addLayout(save_row)

        self.steps = QStackedWidget()
        self.steps.addWidget(write)
        self.steps.addWidget(mark)
        for button in (self.compare_button, self.aloud_button, self.save_button):
            button.setMinimumHeight(40)

        self.hint = QLabel()
        self.hint.setObjectName("practiceHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)  # the German key hints run longer
        muted(self.hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.prompt, 2)
        layout.addWidget(self.steps, 3)
        layout.addWidget(self.hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(PracticeViewText.tr("Practice what you say"))

        # Shortcuts that must work while the reply box has the keyboard.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._ctrl_enter,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+L"), self, self.said_aloud,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def show_item(self, shown: PracticeShown, title: str) -> None:
        """Ask ``shown``: its situation, the prospect's line, and an empty reply (or the
        draft the rep left for it)."""
        if self.shown is not None and not self.marking:
            self._keep_draft()
        self.shown = shown
        self.reply = None
        self.marking = False
        self.title.setText(
            PracticeViewText.tr("{title}: practise what you say").format(title=title))
        item = shown.item
        parts = []
        if item.title:
            parts.append(("front", f"**{_plain(item.title)}**"))
        if item.prospect:
            parts.append(("situation",
                          item.situation + "\n\n" + PracticeViewText.tr("The prospect says:")))
            parts.append(("front", _quote(item.prospect)))
        else:  # an imported essay question: the situation is the whole task
            parts.append(("front", item.situation))
        self.prompt.show_markdown(*parts)
        self.prompt.setMaximumHeight(_UNLIMITED)
        self.editor.setPlainText(self._drafts.get(shown.item_id, ""))
        self.steps.setCurrentIndex(0)
        self.hint.setText(PracticeViewText.tr(
            "Ctrl+Enter: compare with the model · Ctrl+L: I said it out loud"
            " · Ctrl+Z: undo · Esc: back to decks"))
        self.editor.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in the reply box with nothing typed to undo: the last answer back."""
        if watched is self.editor and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and \
                event.matches(QKeySequence.StandardKey.Undo) and \
                not self.editor.document().isUndoAvailable():
            self.undo.emit()
            return True
        return super().eventFilter(watched, event)

    def said_undone(self, done: bool) -> None:
        """Say whether an answer was taken back; the reply typed for it comes back into
        the box, to be compared and marked again."""
        self.status.setText(PracticeViewText.tr("Answer undone") if done
                            else PracticeViewText.tr("Nothing to undo"))
        saved = self._saved
        if done and saved is not None and self.shown is not None and \
                saved[0] == self.shown.item_id and saved[1] and not self.marking and \
                not self.editor.toPlainText().strip():
            self.editor.setPlainText(saved[1])
            self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """While marking: 1-5 tick checks, Enter saves, Page Up and Page Down scroll the
        model reply. Always: Ctrl+Z, Esc."""
        key = event.key()
        # The model reply can run below its box, which takes no focus of its own.
        if self.marking and scroll_by_key(self.model.verticalScrollBar(), key, PAGE_KEYS):
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo) and not self.editor.hasFocus():
            self.undo.emit()
        elif key == Qt.Key.Key_Escape:
            self._keep_draft()
            self.leave.emit()
        elif self.marking and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
        elif self.marking and Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and \
                key - Qt.Key.Key_1 < len(self.checks):
            box = self.checks[key - Qt.Key.Key_1]
            box.setChecked(not box.isChecked())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _ctrl_enter(self) -> None:
        if self.marking:
            self.save()
        else:
            self.compare()

    def compare(self) -> None:
        """Show the typed reply beside the model one and the rubric to mark it by."""
        if self.shown is None or self.marking:
            return
        text = self.editor.toPlainText().strip()
        if not text:
            self.status.setText(
                PracticeViewText.tr("Type your reply first, or choose \"I said it out loud\"."))
            self.editor.setFocus()
            return
        self._mark(text)

    def said_aloud(self) -> None:
        """The rep practised out loud: go straight to the model reply and the rubric."""
        if self.shown is None or self.marking:
            return
        self._mark(None)

    def _mark(self, reply: str | None) -> None:
        assert self.shown is not None
        self.reply = reply
        self.marking = True
        self.status.clear()
        self.yours.setPlainText(reply if reply is not None
                                else PracticeViewText.tr("(said out loud)"))
        self.model.show_markdown(("model", self.shown.item.model or
                                  "*" + PracticeViewText.tr("No model reply came with this item.")
                                  + "*"))
        last = next((r for r in self.shown.previous), None)
        if last is None:
            self.before.setText("")
            self.before.hide()
        else:
            said = last.reply if last.reply else PracticeViewText.tr("(said out loud)")
            self.before.setText(PracticeViewText.tr(
                "Last time ({when}), {rating}, {met} of %n checks: {said}", "",
                len(last.checks)).format(
                    when=local_minute(last.answered_at),
                    rating=rating_label(last.rating).lower(),
                    met=len(last.met), said=said))
            self.before.show()
        while self.rubric.count():
            held = self.rubric.takeAt(0)
            widget = held.widget() if held is not None else None
            if widget is not None:
                widget.deleteLater()
        self.checks = []
        for number, check in enumerate(self.shown.item.checks, start=1):
            box = QCheckBox(f"{number}  {check.text}" if number <= 9 else check.text)
            box.setObjectName(f"check-{check.id}")
            box.setProperty("check_id", check.id)
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            box.toggled.connect(self._update_verdict)
            self.rubric.addWidget(box)
            if check.why:
                why = QLabel(check.why)
                why.setTextFormat(Qt.TextFormat.PlainText)
                why.setWordWrap(True)
                why.setObjectName("checkWhy")
                why.setIndent(28)
                muted(why)
                self.rubric.addWidget(why)
            self.checks.append(box)
        self.rubric.addStretch(1)
        # While marking, the rubric needs the room more than the situation read already:
        # only the prospect's line stays.
        item = self.shown.item
        self.prompt.show_markdown(*((("situation", PracticeViewText.tr("The prospect said:")),
                                     ("front", _quote(item.prospect))) if item.prospect
                                    else (("situation", item.situation),)))
        self.prompt.setMaximumHeight(max(80, self.height() // 6))
        self._update_verdict()
        self.steps.setCurrentIndex(1)
        self.hint.setText(PracticeViewText.tr(
            "1-5: tick a check · Enter: save and go on · Esc: back to decks"))
        self.setFocus()

    def ticked(self) -> set[str]:
        """The ids of the checks ticked so far."""
        return {str(b.property("check_id")) for b in self.checks if b.isChecked()}

    def _update_verdict(self) -> None:
        met, total = len(self.ticked()), len(self.checks)
        if total:
            rating = practice_rating(met, total)
            self.verdict.setText(PracticeViewText.tr("{met} of %n checks: rated {rating}", "",
                                                     total).format(
                met=met, rating=rating_label(rating)))

    def save(self) -> None:
        """Save the reply and the ticks; the window rates it and moves on."""
        if self.shown is None or not self.marking:
            return
        self._drafts.pop(self.shown.item_id, None)
        self._saved = (self.shown.item_id, self.reply)
        self.submitted.emit(self.reply, self.ticked())

    def _keep_draft(self) -> None:
        if self.shown is None:
            return
        text = self.editor.toPlainText()
        if text.strip() and not self.marking:
            self._drafts[self.shown.item_id] = text
        elif self.marking and self.reply:
            # Left while marking: the reply comes back to be compared again.
            self._drafts[self.shown.item_id] = self.reply


_UNLIMITED = 16_777_215  # Qt's QWIDGETSIZE_MAX


def _larger(widget: QWidget) -> None:
    """Typed text at about the size of card text, so the two read alike side by side."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    widget.setFont(font)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("practiceHeading")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _quote(text: str) -> str:
    """The prospect's line as a Markdown block quote."""
    return "> " + text.replace("\n", "\n> ")


def _plain(text: str) -> str:
    """Text safe to put inside Markdown emphasis."""
    return text.replace("*", "\\*").replace("_", "\\_")
