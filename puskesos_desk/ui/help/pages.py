"""Where a help page lives: resources/help/<lang>/<page>.html, found through infra.paths.resource_path (the one
lookup that also works in the frozen bundle). A page not yet written in English falls back to Bahasa Indonesia,
which every page has."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from puskesos_desk.infra.paths import resource_path
from puskesos_desk.ui.help.registry import INDEX_PAGE
from puskesos_desk.ui.i18n import DEFAULT_LANGUAGE, current_language

log = logging.getLogger(__name__)

HELP_FOLDER = "help"
STYLESHEET = "help.css"  # shared by both languages, one folder up from the pages
_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def help_root() -> Path:
    return resource_path(HELP_FOLDER)


def page_file(page: str, language: str | None = None) -> Path:
    """The page in `language` (the interface language by default), else in Bahasa Indonesia, else the index."""
    lang = language or current_language()
    for candidate_lang in dict.fromkeys([lang, DEFAULT_LANGUAGE]):
        path = help_root() / candidate_lang / f"{page}.html"
        if path.is_file():
            return path
    log.warning("help page %s is missing in %s and in %s; showing the index", page, lang, DEFAULT_LANGUAGE)
    return help_root() / DEFAULT_LANGUAGE / f"{INDEX_PAGE}.html"


def page_id(path: Path) -> str:
    """The page id of a help file (its name without .html)."""
    return path.stem


def page_title(path: Path) -> str:
    """The <title> of a help file, for the viewer's window title and for tests."""
    match = _TITLE_RE.search(path.read_text(encoding="utf-8"))
    return " ".join(match.group(1).split()) if match else path.stem


def stylesheet() -> str:
    path = help_root() / STYLESHEET
    return path.read_text(encoding="utf-8") if path.is_file() else ""
