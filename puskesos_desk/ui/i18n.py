"""Installing the Qt translators. Source strings are Bahasa Indonesia, so "id" needs no catalogue of ours.

English comes from resources/translations/puskesos_en.qm (built from puskesos_en.ts with pyside6-lrelease).
Qt's own catalogue (qtbase_xx: standard buttons, context menus) is loaded when the Qt install ships one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from puskesos_desk.infra.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def current_language() -> str:
    """The language chosen by the last install_translators() call ("id" until then)."""
    return _language


def _qt_catalogue(language: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        return translator
    log.info("Qt has no qtbase_%s catalogue in %s; Qt's own texts stay in English", language, folder)
    return None


def _our_catalogue(language: str) -> QTranslator | None:
    path = resource_path("translations", f"puskesos_{language}.qm")
    translator = QTranslator()
    if translator.load(str(path)):
        return translator
    log.warning("translation catalogue %s could not be loaded; the interface stays in Bahasa Indonesia", path)
    return None


def install_translators(app: QCoreApplication, language: str) -> None:
    """Switch the application to `language` ("id" or "en"). Translators from an earlier call are removed first."""
    global _language
    lang = language.strip().lower()[:2] if language else DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        log.warning("unknown interface language %r; using Bahasa Indonesia", language)
        lang = DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    candidates = [_qt_catalogue(lang)]
    if lang != DEFAULT_LANGUAGE:
        candidates.append(_our_catalogue(lang))
    for translator in candidates:
        if translator is not None and app.installTranslator(translator):
            _installed.append(translator)
    if lang == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _language = lang
