"""A village joins its district with a set-up file: the district writes it, the village starts from it with its own
key, the village's first package carries its card proved with the one-time code, the district registers the key on
that import — and a spent code, a wrong proof or an edited set-up file admit nobody."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import DbLocation, clone, drop, rows, table_names
from conftest import SiteFixture, open_fixture

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


Site = SiteFixture
DISTRICT_ACTOR = Actor.cli("pytest", site_code=DISTRICT, site_role=SiteRole.KABUPATEN)


def _rows(site: Site | DbLocation, sql: str) -> list[tuple[object, ...]]:
    return rows(site, sql)


@pytest.fixture(scope="module")
def district_template(tmp_path_factory: pytest.TempPathFactory, seeded_location: DbLocation) -> Iterator[DbLocation]:
    location = clone(seeded_location, tmp_path_factory.mktemp("enrolment"), "district.db")
    db = Database(location.url)
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=DISTRICT, name="Sekretariat SLRT Kabupaten "
                    "Semarang", role=SiteRole.KABUPATEN, admin_username="admin", admin_password="admin-kabupaten-1")
    db.dispose()
    yield location
    drop(location)


@pytest.fixture
def sites(district_template: DbLocation, tmp_path: Path) -> Iterator[dict[str, Site]]:
    """A district site, and databases not set up yet for villages (opened on demand by `_new_village`)."""
    made = {"district": open_fixture(clone(district_template, tmp_path, "district.db"), DISTRICT_ACTOR)}
    yield made
    for site in made.values():
        site.db.dispose()
        drop(DbLocation(site.url))


def _new_village(sites: dict[str, Site], seeded: DbLocation, label: str, setup: Path) -> Site:
    """A new database started from the set-up file, with a little demo activity to send."""
    location = clone(seeded, setup.parent, f"{label}.db")
    db = Database(location.url)
    initialise_from_setup(ServiceContext(db, Actor.cli("pytest")), setup.read_text(encoding="utf-8"),
                          admin_username="admin", admin_password="admin-desa-rahasia-1")
    site = Site(db, location.path, ServiceContext(db, Actor.cli("pytest", site_code=VILLAGE, site_role=SiteRole.DESA)))
    sites[label] = site
    generate_demo(site.cli, households=3, seed=11)
    return site


def _holds_text(site: Site, text: str) -> bool:
    """Whether `text` is stored anywhere: on SQLite in the file's bytes (free pages included), on any backend in
    some table's rows."""
    if site.path is not None and text in site.path.read_bytes().decode("latin-1"):
        return True
    return any(text in repr(row) for name in table_names(site) for row in rows(site, f'SELECT * FROM "{name}"'))


def _setup_file(sites: dict[str, Site], tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / "penyiapan.json"
    result = write_setup_file(sites["district"].cli, site_code=VILLAGE, name=VILLAGE_NAME, out=out)
    return out, result.enrolment_code


def test_village_joins_with_set_up_file_and_first_package(sites, seeded_location: DbLocation, tmp_path: Path) -> None:
    district = sites["district"]
    setup, code = _setup_file(sites, tmp_path)
    # The district keeps only the key derived from the code, never the code.
    assert _rows(district, "SELECT site_code, code_hash, used_at FROM village_enrolment") == [
        (VILLAGE, code_key(code), None)]
    assert not _holds_text(district, code)

    village = _new_village(sites, seeded_location, "village", setup)
    village_info = get_site_info(village.db)
    district_info = get_site_info(district.db)
    assert village_info.code == VILLAGE and village_info.fingerprint != district_info.fingerprint
    assert _rows(village, "SELECT code, fingerprint FROM trusted_site") == [(DISTRICT, district_info.fingerprint)]
    # The district's service directory arrived with its ids (a referral names the same record at both sites).
    assert _rows(village, "SELECT id FROM service_directory_entry ORDER BY id") == \
        _rows(district, "SELECT id FROM service_directory_entry ORDER BY id")

    package = export_package(village.cli, tmp_path / "paket-1.xlsx")
    with opened(package.path) as read:
        card = keys.card_from_json(read.meta[ENROLMENT_CARD])
        assert card.code == VILLAGE and card.fingerprint == village_info.fingerprint
        assert read.meta[ENROLMENT_PROOF]

    dry = import_package(district.cli, package.path, dry_run=True)
    assert dry.status is ImportStatus.WOULD_APPLY
    assert _rows(district, "SELECT count(*) FROM trusted_site") == [(0,)]  # a dry run registers nothing

    outcome = import_package(district.cli, package.path)
    assert outcome.status is ImportStatus.APPLIED, outcome.messages
    assert sum(outcome.rows.values()) > 0
    assert _rows(district, "SELECT code, fingerprint FROM trusted_site") == [(VILLAGE, village_info.fingerprint)]
    assert _rows(district, "SELECT used_at IS NOT NULL FROM village_enrolment") == [(1,)]
    # The district never holds the village's private key: its only key pair is its own.
    assert _rows(district, "SELECT site_code FROM site_key") == [(DISTRICT,)]
    reasons = [r for (r,) in _rows(district, "SELECT reason FROM audit_event WHERE entity = 'trusted_site' "
                                                  "AND reason IS NOT NULL")]
    assert any("kode pendaftaran sekali pakai" in r for r in reasons)

    # The district's answer carries its card; importing it closes the village's own enrolment.
    answer = export_package(district.cli, tmp_path / "balasan-1.xlsx", receiver=VILLAGE)
    with opened(answer.path) as read:
        assert keys.card_from_json(read.meta[SENDER_CARD]).code == DISTRICT
    assert import_package(village.cli, answer.path).status is ImportStatus.APPLIED
    assert _rows(village, "SELECT used_at IS NOT NULL FROM village_enrolment") == [(1,)]
    later = export_package(village.cli, tmp_path / "paket-2.xlsx")
    with opened(later.path) as read:
        assert ENROLMENT_CARD not in read.meta


def test_the_code_works_once(sites, seeded_location: DbLocation, tmp_path: Path) -> None:
    district = sites["district"]
    setup, _ = _setup_file(sites, tmp_path)
    genuine = _new_village(sites, seeded_location, "genuine", setup)
    impostor = _new_village(sites, seeded_location, "impostor", setup)  # the same file used twice
    first = export_package(genuine.cli, tmp_path / "asli.xlsx")
    second = export_package(impostor.cli, tmp_path / "tiruan.xlsx")
    assert import_package(district.cli, first.path).status is ImportStatus.APPLIED

    refused = import_package(district.cli, second.path)
    assert refused.status is ImportStatus.REJECTED and refused.messages[0].code == "KEY_MISMATCH"
    # Even after the registered key is withdrawn, the spent code admits no other key.
    rows(district, "UPDATE trusted_site SET deleted_at = CURRENT_TIMESTAMP")
    refused = import_package(district.cli, second.path)
    assert refused.status is ImportStatus.REJECTED and refused.messages[0].code == "UNKNOWN_SENDER"
    assert "sudah dipakai" in refused.messages[0].message
    assert _rows(district, "SELECT count(*) FROM trusted_site WHERE deleted_at IS NULL") == [(0,)]


def test_a_wrong_proof_is_refused(sites, seeded_location: DbLocation, tmp_path: Path) -> None:
    district = sites["district"]
    setup, _ = _setup_file(sites, tmp_path)
    village = _new_village(sites, seeded_location, "village", setup)
    # The village kept a key from another (guessed) code.
    rows(village, "UPDATE village_enrolment SET code_hash = ?", code_key("tebak-tebak-kode"))
    package = export_package(village.cli, tmp_path / "paket.xlsx")
    refused = import_package(district.cli, package.path)
    assert refused.status is ImportStatus.REJECTED and refused.messages[0].code == "UNKNOWN_SENDER"
    assert "tidak cocok" in refused.messages[0].message and VILLAGE in refused.messages[0].message
    assert _rows(district, "SELECT count(*) FROM trusted_site") == [(0,)]
    assert _rows(district, "SELECT used_at FROM village_enrolment") == [(None,)]  # still usable


def test_no_enrolment_at_this_district_is_refused(sites, seeded_location: DbLocation, district_template: DbLocation,
                                                  tmp_path: Path) -> None:
    setup, _ = _setup_file(sites, tmp_path)
    village = _new_village(sites, seeded_location, "village", setup)
    package = export_package(village.cli, tmp_path / "paket.xlsx")
    # A district database that wrote no set-up file.
    sites["other"] = open_fixture(clone(district_template, tmp_path, "other.db"), DISTRICT_ACTOR)
    refused = import_package(sites["other"].cli, package.path)
    assert refused.messages[0].code == "UNKNOWN_SENDER"
    assert "Tidak ada pendaftaran" in refused.messages[0].message


@pytest.mark.parametrize("edit", ["name", "site_code", "service"])
def test_a_set_up_file_edited_after_signing_is_refused(sites, seeded_location: DbLocation, tmp_path: Path,
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
    location = clone(seeded_location, tmp_path, "village.db")
    db = Database(location.url)
    try:
        with pytest.raises(InputRejected):
            initialise_from_setup(ServiceContext(db, Actor.cli("pytest")), setup.read_text(encoding="utf-8"),
                                  admin_username="admin", admin_password="admin-desa-rahasia-1")
        assert _rows(location, "SELECT count(*) FROM site") == [(0,)]
    finally:
        db.dispose()
        drop(location)


def test_only_a_district_writes_set_up_files_for_its_own_villages(sites, tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match="tidak berada di wilayah"):
        write_setup_file(sites["district"].cli, site_code="33.23.01.2001", name="Desa Lain", out=tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()
    assert _rows(sites["district"], "SELECT count(*) FROM village_enrolment") == [(0,)]


def test_a_set_up_that_fails_after_the_site_row_leaves_no_half_made_site(sites, seeded_location: DbLocation,
                                                                          tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The site, its key, its Admin, the trusted district, its directory and holidays are one transaction: a
    failure while loading the holidays (say, a full disk) leaves the database as it was, and the same file can be
    used again."""
    from puskesos_desk.data.repositories import enrolments

    setup, _ = _setup_file(sites, tmp_path)
    location = clone(seeded_location, tmp_path, "village.db")
    db = Database(location.url)
    real_load = enrolments.load_holidays

    def failing_load(*_args: object, **_kwargs: object) -> int:
        raise OSError("disk full")

    try:
        monkeypatch.setattr(enrolments, "load_holidays", failing_load)
        with pytest.raises(OSError, match="disk full"):
            initialise_from_setup(ServiceContext(db, Actor.cli("pytest")), setup.read_text(encoding="utf-8"),
                                  admin_username="admin", admin_password="admin-desa-rahasia-1")
        for table in ("site", "site_key", "user_account", "trusted_site", "village_enrolment"):
            assert _rows(location, f"SELECT count(*) FROM {table}") == [(0,)], table
        monkeypatch.setattr(enrolments, "load_holidays", real_load)
        result = initialise_from_setup(ServiceContext(db, Actor.cli("pytest")), setup.read_text(encoding="utf-8"),
                                       admin_username="admin", admin_password="admin-desa-rahasia-1")
        assert result.init.site.code == VILLAGE and result.district.code == sites["district"].cli.actor.site_code
    finally:
        db.dispose()
        drop(location)
