"""Languages: the compiled translations in resources/translations, installed on the application.

Source strings are English; Chinese (zh_CN) is the default language. Qt's own strings (dialog buttons,
context menus) come from Qt's `qtbase_*.qm` when the installed Qt ships it.

After changing user-visible strings run `make translations` (pyside6-lupdate over the package into
resources/translations/hcrm_zh_CN.ts and hcrm_en.ts, then pyside6-lrelease), translate what it marks
unfinished in the Chinese file (English may stay as the source text), and commit the .ts and .qm files;
tests/gui/test_i18n.py fails until the Chinese file is complete and the .qm files are fresh.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hcrm_desktop import paths
from hcrm_desktop.settings import LANGUAGES

TRANSLATIONS_DIR = paths.resource("translations")
NATIVE_NAMES = {"zh_CN": "中文", "en": "English"}  # each language in its own words, never translated

_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `source` for translation in `context`, to be translated where it is shown.

    PySide6 has the same function, typed as returning `object`; this one keeps the `str`.
    """
    return source


def available_languages() -> list[tuple[str, str]]:
    """(code, native name) of every language the app speaks, the default first."""
    return [(code, NATIVE_NAMES.get(code, code)) for code in LANGUAGES]


def translation_file(language: str) -> str:
    return str(TRANSLATIONS_DIR / f"hcrm_{language}.qm")


def _load(directory: str, name: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(name, directory) else None


def install_language(app: QCoreApplication, language: str) -> str:
    """Replace the installed translators with those of `language`; return the language in force."""
    if language not in LANGUAGES:
        language = LANGUAGES[0]
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    candidates = [(str(TRANSLATIONS_DIR), f"hcrm_{language}")]
    if language != "en":
        candidates.append((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"))
    for directory, name in candidates:
        loaded = _load(directory, name)
        if loaded is not None:
            app.installTranslator(loaded)
            _installed.append(loaded)
    QLocale.setDefault(QLocale(language))
    return language
