"""`trust --card FILE`: a village trusts its own kabupaten/kota, a district its villages; nothing else, no silent
key replacement, and a damaged card is refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_sqlite

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import initialise_site, site_card
from tests.cli._helpers import query


def _site(template: Path, target: Path, code: str, name: str, role: SiteRole) -> Database:
    copy_sqlite(template, target)
    db = Database(f"sqlite:///{target}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=code, name=name, role=role, admin_username="admin",
                    admin_password="admin-rahasia-1")
    return db


@pytest.fixture
def cards(seeded_template: Path, tmp_path: Path) -> dict[str, Path]:
    """Site cards of the district 33.22, another district 33.23, another village of 33.22, and a second key for
    33.22 (a re-initialised district)."""
    made: dict[str, Path] = {}
    for label, code, name, role in [
        ("kabupaten", "33.22", "Sekretariat SLRT Kabupaten Semarang", SiteRole.KABUPATEN),
        ("lain", "33.23", "Sekretariat SLRT Kabupaten Temanggung", SiteRole.KABUPATEN),
        ("desa_lain", "33.22.01.2008", "Puskesos Desa Tajuk", SiteRole.DESA),
        ("kabupaten_baru", "33.22", "Sekretariat SLRT Kabupaten Semarang", SiteRole.KABUPATEN),
    ]:
        db = _site(seeded_template, tmp_path / f"{label}.db", code, name, role)
        _card, text = site_card(ServiceContext(db, Actor.cli("pytest")))
        made[label] = tmp_path / f"{label}.json"
        made[label].write_text(text, encoding="utf-8")
        db.dispose()
    return made


def test_a_village_trusts_its_district_once(run_cli, site_db: Any, cards: dict[str, Path]) -> None:
    first = run_cli("trust", "--card", cards["kabupaten"], "--db", site_db.path, "--json")
    assert first.rc == 0, first.err
    payload = first.json()
    assert payload["code"] == "33.22" and payload["role"] == "kabupaten" and payload["already_trusted"] is False
    again = run_cli("trust", "--card", cards["kabupaten"], "--db", site_db.path, "--json").json()
    assert again["already_trusted"] is True
    assert query(site_db.path, "SELECT code, role, fingerprint FROM trusted_site") == [
        ("33.22", "kabupaten", payload["fingerprint"])]
    assert query(site_db.path, "SELECT count(*) FROM audit_event WHERE entity = 'trusted_site'")[0][0] == 1


@pytest.mark.parametrize(("card", "message"), [
    ("lain", "kabupaten/kotanya sendiri"),
    ("desa_lain", "kabupaten/kotanya sendiri"),
])
def test_a_village_refuses_other_sites(run_cli, site_db: Any, cards: dict[str, Path], card: str,
                                       message: str) -> None:
    result = run_cli("trust", "--card", cards[card], "--db", site_db.path)
    assert result.rc == 3 and message in result.err
    assert query(site_db.path, "SELECT count(*) FROM trusted_site")[0][0] == 0


def test_a_new_key_for_a_trusted_site_is_not_swapped_in_silently(run_cli, site_db: Any,
                                                                 cards: dict[str, Path]) -> None:
    assert run_cli("trust", "--card", cards["kabupaten"], "--db", site_db.path).rc == 0
    result = run_cli("trust", "--card", cards["kabupaten_baru"], "--db", site_db.path)
    assert result.rc == 3 and "sudah dipercaya dengan kunci lain" in result.err
    assert query(site_db.path, "SELECT count(*) FROM trusted_site")[0][0] == 1


def test_a_damaged_or_edited_card_is_refused(run_cli, site_db: Any, cards: dict[str, Path], tmp_path: Path) -> None:
    document = json.loads(cards["kabupaten"].read_text(encoding="utf-8"))
    document["name"] = "Sekretariat Palsu"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("trust", "--card", edited, "--db", site_db.path)
    assert result.rc == 3 and "diubah atau rusak" in result.err
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x89PNG not a card")
    assert run_cli("trust", "--card", garbage, "--db", site_db.path).rc == 3
    assert run_cli("trust", "--card", tmp_path / "missing.json", "--db", site_db.path).rc == 3
    assert query(site_db.path, "SELECT count(*) FROM trusted_site")[0][0] == 0


def test_a_district_trusts_its_villages_only(run_cli, seeded_template: Path, tmp_path: Path,
                                            cards: dict[str, Path]) -> None:
    district = tmp_path / "district.db"
    _site(seeded_template, district, "33.22", "Sekretariat SLRT Kabupaten Semarang", SiteRole.KABUPATEN).dispose()
    assert run_cli("trust", "--card", cards["desa_lain"], "--db", district).rc == 0
    refused = run_cli("trust", "--card", cards["lain"], "--db", district)
    assert refused.rc == 3 and "di wilayahnya" in refused.err
