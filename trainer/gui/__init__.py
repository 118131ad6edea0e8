"""The PySide6 window. Qt is imported only in this package.

The engine the first screen uses is imported here, before any module of this package
imports Qt: once Qt is loaded, PySide reads the source file of each module an import
statement names (looking for its ``__feature__`` switches), which cost a start from a
normal install about 6 ms for the sixty-odd modules these bring in. Then Qt is loaded,
and the modules already loaded are recorded as PySide would record them
(``_spare_source_reads``), so that the window's own imports of them are not read
either; so are this package's own modules, which are imported after Qt.
tests/gui/test_start_up.py checks all three.
"""

import os
import sys

import trainer.app
import trainer.content.picture_urls
import trainer.content.render
import trainer.content.sounds
import trainer.library.deck_pictures
import trainer.profile.lock
import trainer.study.daily
import trainer.study.wording  # noqa: F401

# isort: split
# Qt itself, after the engine (see above).
import PySide6.QtCore  # noqa: F401


def _spare_source_reads() -> None:
    """Record every module loaded so far as not using PySide's ``__feature__`` switches,
    the verdict PySide would reach by reading its source: none of them imports Qt (the
    engine cannot: see the import contracts in pyproject.toml). Without this, each
    window module's ``from datetime import ...`` or ``from trainer.app import ...``
    makes PySide read that module's whole source file once, about 4 ms of a start in
    all. ``pyside_feature_dict`` is PySide's own record (-1: does not use PySide); a
    PySide without it is left to read them, as before."""
    feature = sys.modules.get("PySide6.support.feature")
    checked = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(checked, dict):
        return
    for name in list(sys.modules):
        checked.setdefault(name, -1)
    # This package's modules import Qt (one, profile_upgrade, only names modules that
    # do): PySide's verdict on reading any of them is 0, "uses PySide, no feature".
    # Where they are not files (a bundle's archive) PySide finds no source to read.
    try:
        files = os.listdir(os.path.dirname(__file__))
    except OSError:
        return
    for file in files:
        if file.endswith(".py") and file != "__init__.py":
            checked.setdefault(f"{__name__}.{file[:-3]}", 0)


_spare_source_reads()
