"""The window in German: the German file has every text of the code, translated with
the same {fields}; and the main screens, walked under German, show no English text of
ours (deck content stays as the trainer wrote it)."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from german import speaking_german
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from trainer import i18n
from trainer.app import Services
from trainer.clock import FakeClock
from trainer.gui.language import translations_dir
from trainer.gui.main_window import MainWindow
from trainer.gui.settings_dialog import SettingsDialog

Opener = Callable[..., tuple[MainWindow, Services]]
REPO = Path(__file__).resolve().parents[2]
BUILTIN = REPO / "decks"
# Qt's own buttons, translated by Qt's file for German.
QT_OWN = ["OK", "Cancel", "Close", "Apply", "Yes", "No", "Save", "Discard"]
# Lists of the trainer's words (deck titles, topics, tags): content, not ours.
CONTENT_LISTS = {"browseDeck", "browseTopic", "browseTag", "statsScope"}


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_tool", REPO / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_german_file_has_every_text_translated() -> None:
    assert _tool().problems("de") == []


def _pattern(source: str) -> re.Pattern[str] | None:
    """A source text as a pattern its filled-in English form matches; None for texts
    too short to tell apart from German (like "{n}d")."""
    plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&")
    parts = re.split(r"(\{[^{}]*\}|%L?n|\((?:s|es)\))", plain)
    literal = " ".join(p for p in parts[::2])
    if not re.search(r"[A-Za-z]{3,}", literal):
        return None
    regex = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex += re.escape(part)
        elif part.startswith("{"):
            regex += ".+?"
        elif part.startswith("%"):
            regex += r"[\d.,]+"
        else:
            regex += f"(?:{part[1:-1]})?"
    return re.compile(regex, re.DOTALL)


def english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Our English texts whose German differs from them (German shares "Quiz", "OK")."""
    found = []
    ts = translations_dir() / "trainer_de.ts"
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [] if translation is None else [
            f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if all(form.replace("&", "") == source.replace("&", "") for form in forms):
            continue
        pattern = _pattern(source)
        if pattern is not None:
            found.append((source, pattern))
    return found + [(text, re.compile(re.escape(text))) for text in QT_OWN]


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _menu_texts(actions: list[QAction]) -> Iterator[str]:
    for action in actions:
        yield action.text()
        yield action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield menu.title()
            yield from _menu_texts(menu.actions())


def shown_texts(screen: QWidget) -> list[str]:
    """Every text of ours a rep can see or hear on a screen."""
    out: list[str] = []
    for widget in [screen, *screen.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        out += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if widget.isWindow():
            out.append(widget.windowTitle())
        if isinstance(widget, (QLabel, QAbstractButton)):
            out.append(widget.text())
        elif isinstance(widget, QGroupBox):
            out.append(widget.title())
        elif isinstance(widget, QTabBar):
            out += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox) and widget.objectName() not in CONTENT_LISTS:
            out += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            out.append(widget.placeholderText())
        out += list(_menu_texts(widget.actions()))
    return [line for text in out for line in _plain(text).splitlines() if line.strip()]


def english_left(screen: QWidget, patterns: list[tuple[str, re.Pattern[str]]]) -> list[str]:
    return sorted({f"{text!r} (source {source!r})" for text in shown_texts(screen)
                   for source, pattern in patterns if pattern.fullmatch(text.strip())})


@pytest.fixture
def german(qtbot: QtBot) -> Iterator[None]:
    with speaking_german():
        yield


def test_main_screens_speak_german(qtbot: QtBot, german: None, open_window: Opener,
                                   clock: FakeClock) -> None:
    assert i18n.language() == "de"
    patterns = english_patterns()
    window, services = open_window(clock, decks_folder=BUILTIN)
    window.resize(1024, 700)
    left: dict[str, list[str]] = {}

    def look(name: str, screen: QWidget) -> None:
        QApplication.processEvents()
        found = english_left(screen, patterns)
        if found:
            left[name] = found

    look("decks", window)
    assert "&Datei" in [a.text() for a in window.menuBar().actions()]
    window.study("objections")
    look("review, question", window)
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    look("review, answer", window)
    window.quiz_flow.start("objections", "objections-quiz")
    look("quiz", window)
    window.show_decks()
    window.start_assessment("objections", "objection-mindset")
    look("self-check", window)
    window.show_decks()
    window.show_browser()
    look("browser", window.stack.currentWidget())
    window.show_decks()
    dialog = SettingsDialog(services.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    look("preferences", dialog)
    dialog.close()
    assert left == {}


def test_under_german_the_certainty_keys_are_the_german_initials(
        qtbot: QtBot, german: None, open_window: Opener, clock: FakeClock) -> None:
    window, _services = open_window(clock, decks_folder=BUILTIN)
    window.quiz_flow.start("objections", "objections-quiz")
    view = window.quiz
    labels = [view.certainty_buttons.button(level).text() for level in (1, 2, 3)]
    assert labels == ["Niedrig  (N)", "Mittel  (M)", "Hoch  (H)"]
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.certainty_buttons.checkedId() == 1  # N is Niedrig
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert view.certainty_buttons.checkedId() == 3
    qtbot.keyClick(view, Qt.Key.Key_L)  # the English key means nothing here
    assert view.certainty_buttons.checkedId() == 3


def test_under_german_the_browsers_keys_have_german_names(
        qtbot: QtBot, german: None, open_window: Opener, clock: FakeClock) -> None:
    from PySide6.QtWidgets import QPushButton

    window, _services = open_window(clock, decks_folder=BUILTIN)
    window.show_browser()
    browser = window.stack.currentWidget()
    texts = {b.objectName(): b.text() for b in browser.findChildren(QPushButton)}
    # As every other screen writes them: "Strg", "Entf", "Umschalt", not Qt's English.
    assert texts["browseAdd"].endswith("(Strg+N)")
    assert any(t.endswith("(Strg+J)") for t in texts.values())
    assert any(t.endswith("(Entf)") for t in texts.values())
    assert any(t.endswith("(Strg+Umschalt+E)") for t in texts.values())
    assert not [t for t in texts.values() if "Ctrl" in t or "(Del)" in t]
    window.show_decks()
