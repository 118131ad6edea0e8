"""Start-up stays lean: going from a fresh process to the first card on screen loads
neither the modules nor the Qt classes that only other screens, dialogs and commands use.

Each check runs in a fresh Python process (this one has imported everything already) on
a profile made beforehand, as a rep's second start finds it. Speed itself is measured by
bench/startup.py; this only guards what start-up does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.app import open_services
from trainer.config import Config

REPO = Path(__file__).resolve().parents[2]

# What the child does: start as bench/startup.py's app child does (the window, then
# straight to a deck's first card) and say, once the window's first paint is over, what
# it had loaded by then. Work meant for after the first paint may load more later.
FIRST_CARD = """
import inspect, json, sys
from pathlib import Path

from trainer.config import Config
import trainer.gui  # the engine, then Qt, as the window's first import brings them in

# Which modules' sources PySide reads from here on (its __feature__ check).
loaded_before = set(sys.modules)
sources_read = []
_getsource = inspect.getsource


def counted_getsource(obj):
    sources_read.append(getattr(obj, "__name__", "?"))
    return _getsource(obj)


inspect.getsource = counted_getsource

from trainer.gui.main_window import MainWindow
from trainer.gui.run import make_app, open_profile

from PySide6.QtCore import QEvent, QObject, QTimer

shown = {}


def look() -> None:
    import PySide6.QtCore as core
    import PySide6.QtGui as gui
    import PySide6.QtWidgets as widgets

    current = window.stack.currentWidget()
    shown["screen"] = ("review" if current is window.review
                       else "home" if current is window.__dict__.get("decks") else "other")
    shown["card"] = window.review.card.toPlainText()
    shown["modules"] = list(sys.modules)  # in the order they were first imported
    shown["widget_classes"] = sorted(name for name in vars(widgets) if name.startswith("Q"))
    shown["core_types"] = sorted(name for name in vars(core) if name.startswith("Q"))
    shown["gui_types"] = sorted(name for name in vars(gui) if name.startswith("Q"))
    shown["style"] = app.style().name()  # only now: it builds QStyle's type
    shown["read_again"] = sorted({name for name in sources_read if name in loaded_before})
    shown["sources_read"] = sources_read
    app.quit()


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not shown:
            QTimer.singleShot(0, look)  # once this paint is over, before anything after it
        return False


app = make_app()
services = open_profile(Config(Path(sys.argv[1])))  # as run_gui opens it
assert services is not None
window = MainWindow(services)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
if sys.argv[2]:  # else the home screen, as a rep's start shows it
    window.study(sys.argv[2])
QTimer.singleShot(60_000, app.quit)
app.exec()
window.close()
services.close()
print(json.dumps(shown))
"""

# Loaded only by what the first card does not need.
NOT_AT_START = (
    # other screens and dialogs
    "trainer.gui.deck_list", "trainer.gui.path_panel", "trainer.gui.quiz_view",
    "trainer.gui.quiz_flow", "trainer.gui.practice_view", "trainer.gui.summary_view",
    "trainer.gui.assessment_view", "trainer.gui.stats_view", "trainer.gui.browser_view",
    "trainer.gui.cohort_view", "trainer.gui.settings_dialog", "trainer.gui.import_dialog",
    "trainer.gui.progress_dialog", "trainer.gui.optimize_dialog", "trainer.gui.about",
    "trainer.gui.backup_dialog", "trainer.gui.check_dialog", "trainer.gui.tasks",
    "trainer.gui.audio",
    # services the first card does not use, reports, commands
    "trainer.study.quiz_service", "trainer.study.assessment_service",
    "trainer.study.path_service", "trainer.study.settings_service",
    "trainer.domain.scoring", "trainer.domain.quiz",
    "trainer.study.browse_service", "trainer.study.optimizer", "trainer.profile.check_service",
    "trainer.reports", "trainer.commands",
    # deck files, packages and other apps' files: read only when something is imported
    "trainer.content.deckfile", "trainer.content.package", "trainer.content.importers",
    "trainer.library.importing",
    # the media folder's upkeep (after the first paint) and backups (on a timer, on
    # closing, before an import)
    "trainer.library.media", "trainer.profile.backup_service", "trainer.storage.backups",
    "trainer.domain.backup_policy",
    # decks and cards as parsed (the first card's credits need only its sources)
    "trainer.domain.deck",
    # native and heavy libraries of other features
    "fsrs_rs_python", "miniaudio", "zstandard", "ziamath", "sqlite_utils",
    # escaping and entities, for cards with pictures or sounds only
    "html",
    # generated code at import (the records a start uses are plain classes or tuples)
    "dataclasses",
    # Markdown and the sanitizer, for a first card that is not one plain sentence
    "cmarkgfm", "nh3",
)
# PySide builds a class's Python type, enums included, the first time it is touched.
QT_NOT_AT_START = ("QMessageBox", "QProgressDialog", "QTreeWidget", "QHeaderView",
                   "QFileDialog",
                   # the style is chosen on the command line, the palette written out
                   "QStyle")


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """A data folder whose profile has been opened once (the built-in decks are in), on
    the system's clock as the child's start is: new cards are shown whatever the date."""
    data = tmp_path / "data"
    services = open_services(Config(data))
    services.close()
    return data


# Open the profile once as the first card's process will (the same package, so the same
# built-in deck files); say whether every built-in deck file's hash was recorded, and
# whether any file is new enough not to be (library/builtin_decks.py records none
# changed in the last 3 s; 10 s leaves a margin between its look and this one).
OPEN_ONCE = """
import json, sys, time
from pathlib import Path

from trainer.app import open_services
from trainer.config import Config
from trainer.content.builtin import builtin_decks_dir

services = open_services(Config(Path(sys.argv[1])))
row = services.db.execute(
    "SELECT value FROM settings WHERE key = 'builtin_file_hashes'").fetchone()
recorded = json.loads(row[0]) if row else {}
files = sorted(builtin_decks_dir().rglob("*.toml"))
services.close()
print(json.dumps({
    "recorded": bool(files) and all(str(f) in recorded for f in files),
    "new": any(time.time_ns() - f.stat().st_ctime_ns < 10 * 10**9 for f in files),
}))
"""


def first_card(data: Path, deck: str = "objections") -> dict[str, object]:
    """Start a fresh process on ``data``, study ``deck`` (``""``: stay on the home
    screen); what it showed and loaded by its first paint."""
    return _child(FIRST_CARD, data, deck)


def _child(code: str, *args: object) -> dict[str, object]:
    """Run ``code`` in a fresh process as the first card's start runs it; its last line
    of output, read as JSON."""
    # Another style asked for by the environment: the app is Fusion all the same.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows",
           "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH"))
                                         if p)}
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    shown: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return shown


def test_the_first_card_is_shown_without_the_other_screens_modules(profile: Path) -> None:
    shown = first_card(profile)
    assert shown["screen"] == "review"
    assert shown["card"]
    modules = shown["modules"]
    assert isinstance(modules, list)
    loaded = [name for name in NOT_AT_START
              if any(m == name or m.startswith(name + ".") for m in modules)]
    assert loaded == []
    # What the first card does need is there: the check above is not vacuous.
    assert "trainer.gui.card_view" in modules and "trainer.content.render" in modules


def test_a_start_with_its_built_in_decks_unchanged_hashes_none_of_them(
        tmp_path: Path) -> None:
    # hashlib alone took 2.5 ms: a start reads no deck file whose size and time are the
    # ones recorded (library/builtin_decks.py).
    data = tmp_path / "data"
    opened = _child(OPEN_ONCE, data)
    if opened["new"]:
        pytest.skip("the built-in deck files were written seconds ago: hashed until older")
    assert opened["recorded"]
    shown = first_card(data)
    modules = shown["modules"]
    assert isinstance(modules, list)
    assert "hashlib" not in modules
    assert "trainer.library.builtin_decks" in modules  # the check above is not vacuous


def test_the_engine_the_first_card_uses_is_imported_before_qt(profile: Path) -> None:
    # PySide reads the source of each module imported after it: the engine comes first
    # (trainer/gui/__init__.py), as it does for a start from the command line.
    shown = first_card(profile)
    modules = shown["modules"]
    assert isinstance(modules, list)
    after_qt = modules[modules.index("PySide6"):]
    engine = [name for name in after_qt
              if name.startswith("trainer.") and not name.startswith("trainer.gui")]
    assert engine == []
    # Not vacuous: the first card needed the engine, and the window came after Qt.
    assert "trainer.study.service" in modules and "trainer.gui.card_view" in after_qt


def test_pyside_reads_no_source_of_the_engine_or_the_window(profile: Path) -> None:
    # Each window module's imports (datetime, typing, trainer.app, ...) would make PySide
    # read those modules' whole source files, about 4 ms, and then each window module's
    # own: trainer/gui/__init__.py records them as checked when Qt is loaded.
    feature = pytest.importorskip("PySide6.support.feature")
    if not isinstance(getattr(feature, "pyside_feature_dict", None), dict):
        pytest.skip("this PySide keeps no record of the modules it has checked")
    shown = first_card(profile)
    assert shown["read_again"] == []
    sources_read = shown["sources_read"]
    assert isinstance(sources_read, list)
    assert [name for name in sources_read if name.startswith("trainer.gui")] == []
    assert "PySide6.QtWidgets" in sources_read  # its checks are seen: not vacuous


def test_the_first_card_builds_no_dialog_or_list_classes(profile: Path) -> None:
    shown = first_card(profile)
    classes = shown["widget_classes"]
    assert isinstance(classes, list)
    if "QCalendarWidget" in classes:
        pytest.skip("this PySide builds every class when its module is imported")
    assert [name for name in QT_NOT_AT_START if name in classes] == []
    assert "QTextBrowser" in classes  # the card itself
    assert shown["style"] == "fusion"


def test_the_first_card_builds_no_enum_of_the_qt_namespace(profile: Path) -> None:
    # The 93 enums of `Qt` cost about 30 ms: the first screen sets its enum properties
    # by name (trainer/gui/by_name.py) and reads the colour scheme without them.
    shown = first_card(profile)
    types = shown["core_types"]
    assert isinstance(types, list)
    if "QCalendar" in types and "Qt" in types and "QTimeLine" in types:
        pytest.skip("this PySide builds every type when its module is imported")
    assert "Qt" not in types
    assert "QTimer" in types  # the check above is not vacuous
    # Shortcuts are set from their text: no QKeySequence (its StandardKey enum) either.
    gui_types = shown["gui_types"]
    assert isinstance(gui_types, list)
    assert "QKeySequence" not in gui_types and "QAction" in gui_types
    # A card without pictures loads none: QUrl and QImage (and their enums) wait.
    assert "QUrl" not in types and "QImage" not in gui_types
    # An English start loads no Qt translations: QLibraryInfo (and its enum) waits.
    assert "QLibraryInfo" not in types


def test_the_home_screen_builds_no_enum_of_the_qt_namespace(profile: Path) -> None:
    # The deck list and the learning paths set roles, alignments and colours by number
    # and name (trainer/gui/by_name.py).
    shown = first_card(profile, deck="")
    assert shown["screen"] == "home"
    types = shown["core_types"]
    assert isinstance(types, list)
    if "QCalendar" in types and "Qt" in types and "QTimeLine" in types:
        pytest.skip("this PySide builds every type when its module is imported")
    assert "Qt" not in types
    assert "trainer.gui.deck_list" in shown["modules"]  # type: ignore[operator]
    # Exact numbers are for scoring a numerical answer, not for listing quizzes; the
    # quizzes, paths and self-checks listed are named tuples, generated by no module.
    assert "decimal" not in shown["modules"]  # type: ignore[operator]
    assert "dataclasses" not in shown["modules"]  # type: ignore[operator]
