"""A village joins its district with a set-up file: the district writes it, the village starts from it with its own
key, the village's first package carries its card proved with the one-time code, the district registers the key on
that import — and a spent code, a wrong proof or an edited set-up file admit nobody."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import copy_sqlite

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.exchange_package import ENROLMENT_CARD, ENROLMENT_PROOF, SENDER_CARD, ImportStatus
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services import keys
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.enrolment import code_key, initialise_from_setup, read_setup_file, write_setup_file
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_read import opened
from puskesos_desk.services.site import get_site_info, initialise_site

DISTRICT = "33.22"
VILLAGE = "33.22.01.2007"
VILLAGE_NAME = "Puskesos Desa Sumogawe"


@dataclass(frozen=True)
class Site:
    db: Database
    path: Path
    cli: ServiceContext


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def district_template(tmp_path_factory: pytest.TempPathFactory, seeded_template: Path) -> Path:
    path = tmp_path_factory.mktemp("enrolment") / "district.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=DISTRICT, name="Sekretariat SLRT Kabupaten "
                    "Semarang", role=SiteRole.KABUPATEN, admin_username="admin", admin_password="admin-kabupaten-1")
    db.dispose()
    return path


@pytest.fixture
def sites(district_template: Path, seeded_template: Path, tmp_path: Path) -> Iterator[dict[str, Site]]:
    """A district site, and databases not set up yet for villages (opened on demand by `_new_village`)."""
    copy_sqlite(district_template, tmp_path / "district.db")
    db = Database(f"sqlite:///{tmp_path / 'district.db'}")
    made = {"district": Site(db, tmp_path / "district.db",
                             ServiceContext(db, Actor.cli("pytest", site_code=DISTRICT, site_role=SiteRole.KABUPATEN)))}
    yield made
    for site in made.values():
        site.db.dispose()


def _new_village(sites: dict[str, Site], seeded_template: Path, label: str, setup: Path) -> Site:
    """A new database started from the set-up file, with a little demo activity to send."""
    path = setup.parent / f"{label}.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    initialise_from_setup(ServiceContext(db, Actor.cli("pytest")), setup.read_text(encoding="utf-8"),
                          admin_username="admin", admin_password="admin-desa-rahasia-1")
    site = Site(db, path, ServiceContext(db, Actor.cli("pytest", site_code=VILLAGE, site_role=SiteRole.DESA)))
    sites[label] = site
    generate_demo(site.cli, households=3, seed=11)
    return site


def _setup_file(sites: dict[str, Site], tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / "penyiapan.json"
    result = write_setup_file(sites["district"].cli, site_code=VILLAGE, name=VILLAGE_NAME, out=out)
    return out, result.enrolment_code


def test_village_joins_with_set_up_file_and_first_package(sites, seeded_template: Path, tmp_path: Path) -> None:
    district = sites["district"]
    setup, code = _setup_file(sites, tmp_path)
    # The district keeps only the key derived from the code, never the code.
    assert _rows(district.path, "SELECT site_code, code_hash, used_at FROM village_enrolment") == [
        (VILLAGE, code_key(code), None)]
    assert code not in district.path.read_bytes().decode("latin-1")

    village = _new_village(sites, seeded_template, "village", setup)
    village_info = get_site_info(village.db)
    district_info = get_site_info(district.db)
    assert village_info.code == VILLAGE and village_info.fingerprint != district_info.fingerprint
    assert _rows(village.path, "SELECT code, fingerprint FROM trusted_site") == [(DISTRICT, district_info.fingerprint)]
    # The district's service directory arrived with its ids (a referral names the same record at both sites).
    assert _rows(village.path, "SELECT id FROM service_directory_entry ORDER BY id") == \
        _rows(district.path, "SELECT id FROM service_directory_entry ORDER BY id")

    package = export_package(village.cli, tmp_path / "paket-1.xlsx")
    with opened(package.path) as read:
        card = keys.card_from_json(read.meta[ENROLMENT_CARD])
        assert card.code == VILLAGE and card.fingerprint == village_info.fingerprint
        assert read.meta[ENROLMENT_PROOF]

    dry = import_package(district.cli, package.path, dry_run=True)
    assert dry.status is ImportStatus.WOULD_APPLY
    assert _rows(district.path, "SELECT count(*) FROM trusted_site") == [(0,)]  # a dry run registers nothing

    outcome = import_package(district.cli, package.path)
    assert outcome.status is ImportStatus.APPLIED, outcome.messages
    assert sum(outcome.rows.values()) > 0
    assert _rows(district.path, "SELECT code, fingerprint FROM trusted_site") == [(VILLAGE, village_info.fingerprint)]
    assert _rows(district.path, "SELECT used_at IS NOT NULL FROM village_enrolment") == [(1,)]
    # The district never holds the village's private key: its only key pair is its own.
    assert _rows(district.path, "SELECT site_code FROM site_key") == [(DISTRICT,)]
    reasons = [r for (r,) in _rows(district.path, "SELECT reason FROM audit_event WHERE entity = 'trusted_site' "
                                                  "AND reason IS NOT NULL")]
    assert any("kode pendaftaran sekali pakai" in r for r in reasons)

    # The district's answer carries its card; importing it closes the village's own enrolment.
    answer = export_package(district.cli, tmp_path / "balasan-1.xlsx", receiver=VILLAGE)
    with opened(answer.path) as read:
        assert keys.card_from_json(read.meta[SENDER_CARD]).code == DISTRICT
    assert import_package(village.cli, answer.path).status is ImportStatus.APPLIED
    assert _rows(village.path, "SELECT used_at IS NOT NULL FROM village_enrolment") == [(1,)]
    later = export_package(village.cli, tmp_path / "paket-2.xlsx")
    with opened(later.path) as read:
        assert ENROLMENT_CARD not in read.meta


def test_the_code_works_once(sites, seeded_template: Path, tmp_path: Path) -> None:
    district = sites["district"]
    setup, _ = _setup_file(sites, tmp_path)
    genuine = _new_village(sites, seeded_template, "genuine", setup)
    impostor = _new_village(sites, seeded_template, "impostor", setup)  # the same file used twice
    first = export_package(genuine.cli, tmp_path / "asli.xlsx")
    second = export_package(impostor.cli, tmp_path / "tiruan.xlsx")
    assert import_package(district.cli, first.path).status is ImportStatus.APPLIED

    refused = import_package(district.cli, second.path)
    assert refused.status is ImportStatus.REJECTED and refused.messages[0].code == "KEY_MISMATCH"
    # Even after the registered key is withdrawn, the spent code admits no other key.
    with sqlite3.connect(district.path) as conn:
        conn.execute("UPDATE trusted_site SET deleted_at = CURRENT_TIMESTAMP")
    refused = import_package(district.cli, second.path)
    assert refused.status is ImportStatus.REJECTED and refused.messages[0].code == "UNKNOWN_SENDER"
    assert "sudah dipakai" in refused.messages[0].message
    assert _rows(district.path, "SELECT count(*) FROM trusted_site WHERE deleted_at IS NULL") == [(0,)]


def test_a_wrong_proof_is_refused(sites, seeded_template: Path, tmp_path: Path) -> None:
    district = sites["district"]
    setup, _ = _setup_file(sites, tmp_path)
    village = _new_village(sites, seeded_template, "village", setup)
    with sqlite3.connect(village.path) as conn:  # the village kept a key from another (guessed) code
        conn.execute("UPDATE village_enrolment SET code_hash = ?", (code_key("tebak-tebak-kode"),))
    package = export_package(village.cli, tmp_path / "paket.xlsx")
    refused = import_package(district.cli, package.path)
    assert refused.status is ImportStatus.REJECTED and refused.messages[0].code == "UNKNOWN_SENDER"
    assert "tidak cocok" in refused.messages[0].message and VILLAGE in refused.messages[0].message
    assert _rows(district.path, "SELECT count(*) FROM trusted_site") == [(0,)]
    assert _rows(district.path, "SELECT used_at FROM village_enrolment") == [(None,)]  # still usable


def test_no_enrolment_at_this_district_is_refused(sites, seeded_template: Path, district_template: Path,
                                                  tmp_path: Path) -> None:
    setup, _ = _setup_file(sites, tmp_path)
    village = _new_village(sites, seeded_template, "village", setup)
    package = export_package(village.cli, tmp_path / "paket.xlsx")
    copy_sqlite(district_template, tmp_path / "other.db")  # a district database that wrote no set-up file
    other_db = Database(f"sqlite:///{tmp_path / 'other.db'}")
    sites["other"] = Site(other_db, tmp_path / "other.db", ServiceContext(
        other_db, Actor.cli("pytest", site_code=DISTRICT, site_role=SiteRole.KABUPATEN)))
    refused = import_package(sites["other"].cli, package.path)
    assert refused.messages[0].code == "UNKNOWN_SENDER"
    assert "Tidak ada pendaftaran" in refused.messages[0].message


@pytest.mark.parametrize("edit", ["name", "site_code", "service"])
def test_a_set_up_file_edited_after_signing_is_refused(sites, seeded_template: Path, tmp_path: Path,
                                                       edit: str) -> None:
    setup, _ = _setup_file(sites, tmp_path)
    document = json.loads(setup.read_text(encoding="utf-8"))
    if edit == "name":
        document["name"] = "Puskesos Desa Lain"
    elif edit == "site_code":
        document["site_code"] = "33.22.01.2008"
    else:
        document["service_directory"][0]["phone"] = "0800-TIRUAN"
    setup.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputRejected, match="Tanda tangan berkas penyiapan tidak cocok"):
        read_setup_file(setup.read_text(encoding="utf-8"))
    path = tmp_path / "village.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(InputRejected):
            initialise_from_setup(ServiceContext(db, Actor.cli("pytest")), setup.read_text(encoding="utf-8"),
                                  admin_username="admin", admin_password="admin-desa-rahasia-1")
    finally:
        db.dispose()
    assert _rows(path, "SELECT count(*) FROM site") == [(0,)]


def test_only_a_district_writes_set_up_files_for_its_own_villages(sites, tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match="tidak berada di wilayah"):
        write_setup_file(sites["district"].cli, site_code="33.23.01.2001", name="Desa Lain", out=tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()
    assert _rows(sites["district"].path, "SELECT count(*) FROM village_enrolment") == [(0,)]
