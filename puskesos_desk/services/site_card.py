"""The sign-in dialog's site card (name, region, code), remembered per database file.

With it the desktop app paints its sign-in dialog before the database is opened (the start-up goal: SQLAlchemy,
the migration check and the daily backup take a second or more on an old PC); the database, opened behind the
dialog, then confirms or corrects the card. Only for a plain SQLite file: a server or an encrypted file is opened
first, as before. This module imports nothing heavy: it runs before the first paint.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from puskesos_desk.infra.db_location import plain_sqlite_file
from puskesos_desk.infra.paths import user_config_dir

log = logging.getLogger(__name__)

CARD_FILE = "site-cards.json"
_KEEP = 8  # databases remembered; a desk uses one, a trainer may switch between a few


class HasSiteCard(Protocol):
    name: str
    region_path: str
    code: str


@dataclass(frozen=True)
class SiteCard:
    name: str
    region_path: str
    code: str


@dataclass(frozen=True)
class QuickStart:
    """The database file the app is about to open and the card last seen in it."""

    database: Path
    card: SiteCard


def _cards_path() -> Path:
    return user_config_dir() / CARD_FILE


def _read_cards() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_cards_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def quick_start(target: str | None) -> QuickStart | None:
    """The remembered card of the plain SQLite file `target` resolves to; None when the app must open the database
    before it can show anything (first start, a server, an encrypted file, a file that is not there)."""
    database = plain_sqlite_file(target)
    if database is None:
        return None
    entry = _read_cards().get(str(database))
    if not isinstance(entry, dict):
        return None
    try:
        card = SiteCard(name=str(entry["name"]), region_path=str(entry["region_path"]), code=str(entry["code"]))
    except KeyError:
        return None
    return QuickStart(database=database, card=card)


def remember_site_card(database: Path | None, site: HasSiteCard) -> None:
    """Keep the card of `database` for the next start; a failure only costs the next start its head start."""
    if database is None:
        return
    cards = _read_cards()
    cards.pop(str(database), None)
    cards[str(database)] = asdict(SiteCard(name=site.name, region_path=site.region_path, code=site.code))
    kept = dict(list(cards.items())[-_KEEP:])
    path = _cards_path()
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".site-cards-")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(kept, stream, ensure_ascii=False, indent=1)
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("site card not remembered: %s", exc)
