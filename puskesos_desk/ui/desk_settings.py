"""This user's interface settings on this PC (language, paper, help text size): one INI file in the config folder.

Kept apart from the Pengaturan page so that start-up can read the language without importing the page.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from puskesos_desk import APP_NAME
from puskesos_desk.infra.paths import user_config_dir
from puskesos_desk.ui.i18n import LANGUAGES

ORGANISATION = "Puskesos Desk"
ENV_LANGUAGE = "PUSKESOS_LANG"
LANGUAGE_KEY = "interface/language"
# Each language is named in itself, so someone who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def desk_settings() -> QSettings:
    """This user's settings file (INI) in the app's config folder (under PUSKESOS_HOME when that is set)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(user_config_dir()))
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APP_NAME)


def stored_language() -> str | None:
    value = desk_settings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def store_language(language: str) -> None:
    settings = desk_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()
