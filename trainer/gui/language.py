"""The window's language: Qt's translators for our texts and Qt's own (dialog buttons),
the locale for numbers and dates, and the hook that gives the other layers both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from trainer import i18n

#: The languages the window speaks, by code, each named in its own language.
LANGUAGES = {"en": "English", "de": "Deutsch"}

_installed: list[QTranslator] = []
_used: str | None = None  # the code use_language set up last


def translations_dir() -> Path:
    """Where the built ``.qm`` files are (inside the package, or the bundle)."""
    return Path(__file__).resolve().parent.parent / "translations"


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language code for a stored choice: "system" follows the system's locale
    (English when we do not speak its language)."""
    if choice in LANGUAGES:
        return choice
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def use_language(choice: str) -> str:
    """Speak ``choice`` ("system", "en" or "de") from now on: in widgets made after this
    call, in Qt's own buttons, and in the texts the other layers build. Returns the code
    used; English when the translation cannot be loaded. Asking again for the language
    in use (the system's at start, then the profile's) loads nothing again."""
    global _used
    app = QCoreApplication.instance()
    code = resolve(choice)
    if code == _used == i18n.language() and (code == "en" or _installed):
        return code
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if code != "en" and app is not None:
        ours = QTranslator(app)
        if not ours.load(str(translations_dir() / f"trainer_{code}.qm")):
            code = "en"
        else:
            _installed.append(ours)
            # Imported here: PySide builds QLibraryInfo's enum when the type is first
            # touched, which an English start never needs.
            from PySide6.QtCore import QLibraryInfo

            qt_own = QTranslator(app)
            if qt_own.load(f"qtbase_{code}",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                _installed.append(qt_own)
            for translator in _installed:
                QCoreApplication.installTranslator(translator)
    locale = QLocale(code if code != "en" else "en_US")
    QLocale.setDefault(locale)
    if code == "en":
        i18n.reset()
    else:
        i18n.install(_qt_translate, lambda value, decimals: locale.toString(
            float(value), "f", decimals), code)
    _used = code
    return code


def qt_own_loaded() -> bool:
    """Whether Qt's own texts (its dialogs' buttons) are translated too."""
    return len(_installed) > 1


def _qt_translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)
