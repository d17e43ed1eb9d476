"""Password-protected packages (issue 11, "Encryption"): an export with a password is real Office encryption (an OLE
`CDFV2` container, not a zip) that the receiver opens only with that password; the password is never stored; and
a district that requires protection refuses plain village packages and passes the requirement on to its villages
in the return package."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from backends import DbLocation, rows, scalar, table_digest

from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.domain.exchange_package import REQUIRE_PASSWORD_FIELD, ImportStatus, RowClass
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_protection import password_required, set_password_required
from puskesos_desk.services.exchange_return import export_all_villages
from puskesos_desk.services.registration import register_household
from puskesos_desk.spreadsheet.decrypt import OLE_MAGIC
from tests.exchange.scenarios import bare_pair, copied_site, open_district, open_village
from tests.spreadsheet import hostile

pytestmark = pytest.mark.timeout(180)

PASSWORD = "Kebun-Jati-Tujuh-7"
DISTRICT_PASSWORD = "Lumbung-Padi-Sembilan-9"


@pytest.fixture(scope="module")
def templates(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> tuple[DbLocation, DbLocation]:
    """A village with one registered family, and its district; each trusts the other."""
    village_at, district_at = bare_pair(seeded_location, tmp_path_factory.mktemp("package-encryption"))
    village = open_village(village_at)
    try:
        register_household(village.cli, HouseholdDraft(
            members=(MemberDraft(name="Sutrisno", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1970, 5, 12),
                                 nik="3322011205700001"),
                     MemberDraft(name="Wartini", relation="ISTRI", sex="P", birth_date=date(1974, 3, 2),
                                 nik="3322014203740002")),
            address="Dusun Krajan", rt="001", rw="002", kk_number="3322010101100003"))
    finally:
        village.db.dispose()
    return village_at, district_at


@pytest.fixture
def pair(templates: tuple[DbLocation, DbLocation], tmp_path: Path) -> Iterator[tuple]:
    with copied_site(templates[0], tmp_path / "desa.db") as village_at, \
            copied_site(templates[1], tmp_path / "kabupaten.db") as district_at:
        village, district = open_village(village_at), open_district(district_at)
        try:
            yield village, district
        finally:
            village.db.dispose()
            district.db.dispose()


def outbox(tmp_path: Path) -> Path:
    folder = tmp_path / "flashdisk"
    folder.mkdir(exist_ok=True)
    return folder


def ledger_count(site) -> int:
    return int(scalar(site, "SELECT count(*) FROM exchange_package"))


def everything_but_audit(site) -> dict[str, str]:
    digest = table_digest(site)
    digest.pop("audit_event")
    return digest


def test_a_package_with_a_password_is_an_encrypted_ole_file_that_imports_only_with_it(pair, tmp_path: Path) -> None:
    village, district = pair
    folder = outbox(tmp_path)
    out = folder / "paket.xlsx"

    outcome = export_package(village.cli, out, password=PASSWORD)

    assert out.read_bytes()[:8] == OLE_MAGIC  # `file` says "CDFV2 Encrypted"
    assert not zipfile.is_zipfile(out)
    assert sorted(p.name for p in folder.iterdir()) == ["paket.xlsx"]  # no plain copy, no .partial left behind
    assert rows(village, "SELECT kind, file_name, encrypted FROM export_record") in (
        [("PAKET", "paket.xlsx", 1)], [("PAKET", "paket.xlsx", True)])
    events = [json.loads(c) for (c,) in rows(village, "SELECT changes FROM audit_event WHERE action = 'EXPORT' "
                                                      "AND entity = 'exchange_package'")]
    assert [e["encrypted"] for e in events] == [True]
    for site in (village, district):  # the password is kept nowhere
        for table in ("audit_event", "setting", "export_record", "exchange_package"):
            assert not any(PASSWORD in str(row) for row in rows(site, f"SELECT * FROM {table}")), table

    before = everything_but_audit(district)
    wrong = import_package(district.cli, out, password="Bukan-Kata-Sandinya-1")
    assert wrong.status is ImportStatus.REJECTED and [m.code for m in wrong.messages] == ["BAD_PASSWORD"]
    assert "kata sandi salah" in wrong.messages[0].message.lower()
    assert everything_but_audit(district) == before

    applied = import_package(district.cli, out, password=PASSWORD)

    assert applied.status is ImportStatus.APPLIED, applied.messages
    assert applied.package_id == outcome.package_id
    assert applied.sheets["Anggota Keluarga"] == {RowClass.NEW: 2}
    assert ledger_count(district) == 1


def test_a_weak_password_is_refused_before_anything_is_written(pair, tmp_path: Path) -> None:
    village, _district = pair
    folder = outbox(tmp_path)
    before = everything_but_audit(village)

    with pytest.raises(InputRejected, match="minimal 8 karakter"):
        export_package(village.cli, folder / "paket.xlsx", password="pendek")

    assert list(folder.iterdir()) == []
    assert everything_but_audit(village) == before


def test_a_failed_export_leaves_neither_plain_nor_encrypted_file(pair, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    village, _district = pair
    folder = outbox(tmp_path)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("msoffcrypto.format.ooxml.OOXMLFile.encrypt", broken)
    with pytest.raises(OSError, match="No space"):
        export_package(village.cli, folder / "paket.xlsx", password=PASSWORD)

    assert list(folder.iterdir()) == []
    assert ledger_count(village) == 0


def test_only_a_manager_of_settings_at_the_district_sets_the_requirement(pair) -> None:
    village, district = pair
    operator = Actor(id="u-op", name="operator", role=Role.OPERATOR_KABUPATEN, site_code="33.22",
                     site_role=SiteRole.KABUPATEN)
    with pytest.raises(PermissionDenied):
        set_password_required(replace(district.cli, actor=operator), required=True)
    with pytest.raises(InputRejected, match="kabupaten/kota"):
        set_password_required(village.cli, required=True)
    assert not password_required(district.cli)

    set_password_required(district.cli, required=True)

    assert password_required(district.cli)


def test_a_district_that_requires_a_password_refuses_plain_packages_and_passes_the_rule_on(pair,
                                                                                          tmp_path: Path) -> None:
    village, district = pair
    folder = outbox(tmp_path)
    set_password_required(district.cli, required=True)

    plain = export_package(village.cli, folder / "polos.xlsx")  # the village does not know the rule yet
    before = everything_but_audit(district)
    refused = import_package(district.cli, plain.path)
    assert refused.status is ImportStatus.REJECTED and [m.code for m in refused.messages] == ["PASSWORD_REQUIRED"]
    assert "wajib" in refused.messages[0].message.lower()
    assert everything_but_audit(district) == before

    sealed = hostile.encrypted(plain.path, folder / "bersandi.xlsx", PASSWORD)
    assert import_package(district.cli, sealed, password=PASSWORD).status is ImportStatus.APPLIED

    with pytest.raises(InputRejected, match="mewajibkan"):  # the district's own exports need one too
        export_package(district.cli, folder / "balasan.xlsx", receiver="33.22.01.2007")
    assert not (folder / "balasan.xlsx").exists()
    reply = export_package(district.cli, folder / "balasan.xlsx", receiver="33.22.01.2007",
                           password=DISTRICT_PASSWORD)
    assert package_meta(reply.path, DISTRICT_PASSWORD)[REQUIRE_PASSWORD_FIELD] == "1"  # signed like the rest

    assert import_package(village.cli, reply.path, password=DISTRICT_PASSWORD).status is ImportStatus.APPLIED

    assert password_required(village.cli)  # the village stored the district's rule
    with pytest.raises(InputRejected, match="mewajibkan"):
        export_package(village.cli, folder / "lagi.xlsx")
    assert export_package(village.cli, folder / "lagi.xlsx", password=PASSWORD).path.read_bytes()[:8] == OLE_MAGIC


def test_turning_the_requirement_off_reaches_the_village_and_old_packages_leave_it(pair, tmp_path: Path) -> None:
    village, district = pair
    folder = outbox(tmp_path)
    set_password_required(district.cli, required=True)
    first = export_package(district.cli, folder / "1.xlsx", receiver="33.22.01.2007", password=DISTRICT_PASSWORD)
    import_package(village.cli, first.path, password=DISTRICT_PASSWORD)
    assert password_required(village.cli)

    set_password_required(district.cli, required=False)
    second = export_package(district.cli, folder / "2.xlsx", receiver="33.22.01.2007")
    assert package_meta(second.path)[REQUIRE_PASSWORD_FIELD] == "0"
    assert import_package(village.cli, second.path).status is ImportStatus.APPLIED

    assert not password_required(village.cli)


def test_return_packages_for_all_villages_share_the_password(pair, tmp_path: Path) -> None:
    _village, district = pair
    folder = outbox(tmp_path)
    set_password_required(district.cli, required=True)
    with pytest.raises(InputRejected, match="mewajibkan"):
        export_all_villages(district.cli, folder)
    assert list(folder.iterdir()) == []

    outcome = export_all_villages(district.cli, folder, password=DISTRICT_PASSWORD)

    assert len(outcome.packages) == 1 and not outcome.failed
    written = sorted(folder.iterdir())
    assert [p.name for p in written] == [outcome.packages[0].outcome.path.name]
    assert written[0].read_bytes()[:8] == OLE_MAGIC
    assert rows(district, "SELECT encrypted FROM export_record") in ([(1,)], [(True,)])


def package_meta(path: Path, password: str | None = None) -> dict[str, str]:
    """The `_meta` key/value pairs of a package, decrypted aside first when it has a password."""
    if password is not None:
        plain = path.with_name(path.stem + "-polos.xlsx")
        with path.open("rb") as handle, plain.open("wb") as sink:
            office = msoffcrypto.OfficeFile(handle)
            office.load_key(password=password)
            office.decrypt(sink)
        try:
            return package_meta(plain)
        finally:
            plain.unlink()
    return _meta_pairs(path)


def _meta_pairs(path: Path) -> dict[str, str]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        pairs = {}
        for key, value, *_ in workbook["_meta"].iter_rows(values_only=True):
            if key == "sheet":
                break
            if key:
                pairs[str(key)] = str(value)
        return pairs
    finally:
        workbook.close()

