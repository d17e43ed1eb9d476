"""Building blocks for the exchange behaviour tests: bare village/district sites made from the seeded template,
random (but valid) village data written straight into the tables, and reading records back for comparison.

The village data is generated per sheet from domain.exchange_sheets, so every column kind of the format (dates,
moments, lists, JSON, yes/no, decimals, identity numbers as text…) is exercised with values a spreadsheet program
might mangle: text starting with "=", "+", "-", "@", with tabs, newlines and non-Latin script, NIKs whose serial
starts with zeros.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from backends import DbLocation, clone, drop
from conftest import SITE_CODE, SITE_NAME, SiteFixture, copy_sqlite
from hypothesis import strategies as st

from puskesos_desk.data.db import Database
from puskesos_desk.data.repositories import exchange_rows
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.exchange_sheets import (
    HUMAN_NUMBER_FIELD,
    SYSTEM_COLUMNS,
    VILLAGE_SHEETS,
    Column,
    ColumnKind,
    SheetSpec,
)
from puskesos_desk.domain.exchange_validation import PAST_DATES
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_export import plans_for
from puskesos_desk.services.site import initialise_site, site_card
from puskesos_desk.services.trust import trust_site

K = ColumnKind
VILLAGE_CODE = SITE_CODE
DISTRICT_CODE = "33.22"
DISTRICT_NAME = "Sekretariat SLRT Kabupaten Semarang"
OTHER_DISTRICT_CODE = "33.23"
OTHER_DISTRICT_NAME = "Sekretariat SLRT Kabupaten Temanggung"
SPECS: dict[str, SheetSpec] = {spec.name: spec for spec in VILLAGE_SHEETS}


# --- sites ------------------------------------------------------------------------------------------------------
# Sites are DbLocations on the backend under test. A plain Path (a SQLite file) is still accepted, and then Paths
# come back, for the tests that work on SQLite files (some UI tests).

Where = DbLocation | Path


def location_of(where: Where) -> DbLocation:
    if isinstance(where, DbLocation):
        return where
    return DbLocation(url=f"sqlite:///{where}", path=where)


def init_site(seeded: Where, target: Path, code: str, name: str, role: SiteRole) -> Where:
    """A copy of the seeded template initialised as a site (its own key pair, an admin). `target` names the copy
    (its folder and file name; on PostgreSQL only a label)."""
    if isinstance(seeded, Path):
        copy_sqlite(seeded, target)
        made: Where = target
    else:
        made = clone(seeded, target.parent, target.name)
    db = Database(location_of(made).url)
    try:
        initialise_site(ServiceContext(db, Actor.cli("pytest")), code=code, name=name, role=role,
                        admin_username="admin", admin_full_name="Admin", admin_password="admin-rahasia-1",
                        address="Jl. Contoh No. 1")
    finally:
        db.dispose()
    return made


@contextmanager
def copied_site(template: Where, target: Path) -> Iterator[Where]:
    """A fresh copy of a site template for one test (the same kind as the template: a file or a database),
    dropped afterwards on PostgreSQL (a file goes with the test's folder)."""
    if isinstance(template, Path):
        copy_sqlite(template, target)
        yield target
        return
    location = clone(template, target.parent, target.name)
    try:
        yield location
    finally:
        drop(location)


@contextmanager
def copied_urls(templates: tuple[Where, ...], folder: Path,
                names: tuple[str, ...] = ("desa.db", "kabupaten.db")) -> Iterator[tuple[str, ...]]:
    """Fresh copies of several site templates, as the database URLs the CLI's `--db` takes."""
    with ExitStack() as stack:
        yield tuple(location_of(stack.enter_context(copied_site(template, folder / name))).url
                    for template, name in zip(templates, names, strict=True))


def open_site(where: Where, code: str, role: SiteRole) -> SiteFixture:
    location = location_of(where)
    db = Database(location.url)
    db.enable_wal()
    return SiteFixture(db=db, path=location.path,
                       cli=ServiceContext(db, Actor.cli("pytest", site_code=code, site_role=role)))


def open_village(where: Where) -> SiteFixture:
    return open_site(where, VILLAGE_CODE, SiteRole.DESA)


def open_district(where: Where, code: str = DISTRICT_CODE) -> SiteFixture:
    return open_site(where, code, SiteRole.KABUPATEN)


def trust_each_other(village: SiteFixture, district: SiteFixture) -> None:
    trust_site(district.cli, site_card(village.cli)[1])
    trust_site(village.cli, site_card(district.cli)[1])


@contextmanager
def trusted_village(seeded: DbLocation, district: SiteFixture, target: Path, code: str,
                    name: str) -> Iterator[SiteFixture]:
    """Another village of `district`, trusting it and trusted by it (no casework yet), for one test."""
    location = location_of(init_site(seeded, target, code, name, SiteRole.DESA))
    site = open_site(location, code, SiteRole.DESA)
    try:
        trust_each_other(site, district)
        yield site
    finally:
        site.db.dispose()
        drop(location)


def bare_pair(seeded: Where, folder: Path) -> tuple[Where, Where]:
    """A village with no casework yet and its district, trusting each other (templates to copy per example)."""
    folder.mkdir(parents=True, exist_ok=True)
    village_at = init_site(seeded, folder / "village.db", VILLAGE_CODE, SITE_NAME, SiteRole.DESA)
    district_at = init_site(seeded, folder / "district.db", DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)
    village, district = open_village(village_at), open_district(district_at)
    try:
        trust_each_other(village, district)
    finally:
        village.db.dispose()
        district.db.dispose()
    return village_at, district_at


# --- reading records back ---------------------------------------------------------------------------------------


def compared_keys(spec: SheetSpec) -> tuple[str, ...]:
    """The record fields a sheet carries: its own columns and the system columns that are fields of the record
    (VERSI_DASAR is bookkeeping of the package, not a field; NOMOR is a field only where the table has `number`)."""
    columns = set(exchange_rows.columns_of(spec.table))
    keys = [c.key for c in SYSTEM_COLUMNS if c.key in columns]
    return tuple(keys) + tuple(c.key for c in spec.columns)


def records(site: SiteFixture, table: str, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Records of a table by id (all of them when `ids` is None), as the data layer returns them."""
    with site.db.reading() as session:
        if ids is None:
            source = exchange_rows.table(table)
            ids = [row[0] for row in session.execute(source.select().with_only_columns(source.c.id))]
        return exchange_rows.rows_by_id(session, table, ids)


def normalised(column: Column, value: object) -> object:
    """A field value as the format promises to carry it (docs/exchange-format.md §3.2, §4.1): moments to the second
    (they travel as ISO-8601 text with seconds), and an empty text the same as no text."""
    if value is None or value == "":
        return None
    if column.kind is K.DATETIME:
        assert isinstance(value, datetime), value
        return value.astimezone(UTC).replace(microsecond=0)
    return value


def field_differences(spec: SheetSpec, village: Mapping[str, dict[str, Any]],
                      district: Mapping[str, dict[str, Any]]) -> list[str]:
    """Every (record, field) whose value differs between the sites, described for an assertion message."""
    columns = {c.key: c for c in (*SYSTEM_COLUMNS, *spec.columns)}
    found = []
    for record_id, mine in village.items():
        theirs = district.get(record_id)
        if theirs is None:
            found.append(f"{spec.name} {record_id}: missing at the district")
            continue
        for key in compared_keys(spec):
            left, right = normalised(columns[key], mine[key]), normalised(columns[key], theirs[key])
            if left != right or type(left) is not type(right):
                found.append(f"{spec.name} {record_id} {key}: village {mine[key]!r} ≠ district {theirs[key]!r}")
    return found


# --- value strategies -------------------------------------------------------------------------------------------

_PREFIXES = st.sampled_from(["", "", "=", "+", "-", "@", "=SUM(A1:A3)", "+62 ", "-- ", "@@"])
_CHARACTERS = st.one_of(
    st.characters(blacklist_categories=("Cs", "Cc")),
    st.sampled_from("\t\n"),
    st.sampled_from("aAéñßøłęąžçİığ東京語ไทย😀ﷺ ;,'\"<>&_"),
)
_AWKWARD = st.sampled_from([
    "=1+1", "=HYPERLINK(\"http://contoh.id\")", "+6281234567890", "-12", "@SUM(1)", "'0123", "0012", "1e5",
    "1,5", "TRUE", "YA", "01-02-2003", "2026-11-22", "Baris satu\nBaris dua", "kolom\ttab", "_x0041_",
    "_x000D_", "Ñoño Gómez", "Đặng Thị Ánh", "عبد الله", "スギヤント", "Siti 😀", "a\u0301 (NFD)", "<b>&amp;</b>",
])


def text(required: bool = False) -> st.SearchStrategy[str]:
    """Text as the application stores it (surrounding white space trimmed), often awkward for spreadsheets."""
    free = st.builds(lambda prefix, body: (prefix + body).strip(), _PREFIXES,
                     st.text(_CHARACTERS, min_size=0, max_size=30))
    value = st.one_of(_AWKWARD, free)
    return value.filter(bool) if required else value


def _code() -> st.SearchStrategy[str]:
    return st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789", min_size=1, max_size=12).filter(lambda s: s.strip("_"))


def digits(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=min_size, max_size=max_size)


def nik_for(draw: st.DrawFn, born: date, sex: str) -> str:
    """A structurally valid NIK for a person (PP KK CC DDMMYY SSSS, day + 40 for women); the serial often starts
    with zeros, which a numeric cell would lose."""
    region = draw(st.sampled_from(["332201", "332202", "332215", "337401", "110101", "317101", "947101"]))
    day = born.day + (40 if sex == "P" else 0)
    serial = draw(st.one_of(st.integers(1, 9), st.integers(10, 999), st.integers(1, 9999)))
    return f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def kk_for(draw: st.DrawFn, today: date) -> str:
    region = draw(st.sampled_from(["332201", "332202", "332215"]))
    recorded = draw(st.dates(date(2001, 1, 1), today))
    serial = draw(st.integers(1, 9999))
    return f"{region}{recorded.day:02d}{recorded.month:02d}{recorded.year % 100:02d}{serial:04d}"


@dataclass(frozen=True)
class Vocabulary:
    """What valid village data may say: each sheet's codes (from the village's own reference data), the services
    the seeded directory already holds, and the village's clock."""

    choices: dict[str, dict[str, tuple[str, ...]]]
    service_ids: tuple[str, ...]
    today: date
    now: datetime


def vocabulary(site: SiteFixture) -> Vocabulary:
    with site.db.reading() as session:
        choices = {plan.name: dict(plan.choices) for plan in plans_for(session, VILLAGE_SHEETS)}
    services = tuple(sorted(records(site, "service_directory_entry")))
    now = site.cli.now()
    return Vocabulary(choices, services, site.cli.today(), now)


def _nullable(table: str, key: str) -> bool:
    return bool(exchange_rows.table(table).c[key].nullable)


def _empty(table: str, key: str, kind: ColumnKind) -> object:
    """What the application stores for "nothing" in this column."""
    if _nullable(table, key):
        return None
    default = exchange_rows.empty_defaults(table).get(key)
    if default is not None:
        return default
    return [] if kind is K.LIST else ""


class Draw:
    """Draws field values for one village dataset."""

    def __init__(self, draw: st.DrawFn, vocab: Vocabulary) -> None:
        self.draw = draw
        self.vocab = vocab
        self.counter = 0

    def __call__(self, strategy: st.SearchStrategy[Any]) -> Any:
        return self.draw(strategy)

    def serial(self) -> int:
        self.counter += 1
        return self.counter

    def past_date(self, start: date = date(1906, 1, 1)) -> date:
        return self.draw(st.dates(start, self.vocab.today))

    def moment(self, start: datetime | None = None) -> datetime:
        """A past instant with microseconds, as utcnow() gives them."""
        low = (start or datetime(2000, 1, 1, tzinfo=UTC)).replace(tzinfo=None)
        high = (self.vocab.now - timedelta(seconds=5)).astimezone(UTC).replace(tzinfo=None)
        return self.draw(st.datetimes(min(low, high), high)).replace(tzinfo=UTC)

    def json(self, table: str, key: str, required: bool) -> object:
        default = exchange_rows.empty_defaults(table).get(key, {})
        scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), text(),
                            st.floats(allow_nan=False, allow_infinity=False, width=64))
        keys = st.one_of(_code(), text(required=True))
        if isinstance(default, list):
            items = st.lists(st.one_of(scalars, st.dictionaries(keys, scalars, max_size=3)), min_size=1, max_size=4)
        else:
            items = st.dictionaries(keys, st.one_of(scalars, st.lists(scalars, max_size=3)), min_size=1, max_size=5)
        if required:
            return self.draw(items)
        return self.draw(st.one_of(st.just(_empty(table, key, K.JSON)), items))

    def value(self, spec: SheetSpec, column: Column) -> object:
        """A value for a column with no meaning beyond its kind (structural columns are set by the caller), never
        longer than the column holds: PostgreSQL refuses what SQLite would store, and such a value is not data a
        village can hold."""
        drawn = self._value(spec, column)
        limit = getattr(exchange_rows.table(spec.table).c[column.key].type, "length", None)
        if isinstance(drawn, str) and limit is not None and len(drawn) > limit:
            return drawn[:limit].strip()  # the drawn text starts with no white space, so something is left
        return drawn

    def _value(self, spec: SheetSpec, column: Column) -> object:
        table, key, kind = spec.table, column.key, column.kind
        optional = not column.required
        if optional and self.draw(st.integers(0, 3)) == 0:
            return _empty(table, key, kind)
        choices = self.vocab.choices.get(spec.name, {}).get(key)
        if kind is K.TEXT:
            return self.draw(text(required=True))
        if kind is K.ID_TEXT:
            return self.draw(st.one_of(digits(1, 13), st.builds("+62{}".format, digits(8, 12))))
        if kind is K.REF:
            return str(uuid.uuid4())
        if kind is K.INT:
            return self.draw(st.integers(0, 999_999))
        if kind is K.DECIMAL:  # degrees with up to 7 decimals, the precision a GPS reading has
            return self.draw(st.integers(-1_800_000_000, 1_800_000_000)) / 10**7
        if kind is K.DATE:
            if key in PAST_DATES:
                return self.past_date()
            return self.draw(st.dates(date(1906, 1, 1), self.vocab.today + timedelta(days=3 * 365)))
        if kind is K.DATETIME:
            return self.moment()
        if kind is K.BOOL:
            return self.draw(st.booleans())
        if kind is K.ENUM:
            return self.draw(st.sampled_from(choices) if choices else _code())
        if kind is K.LIST:
            item = st.sampled_from(choices) if choices else _code()
            return self.draw(st.lists(item, min_size=1, max_size=4))
        if kind is K.JSON:
            return self.json(table, key, column.required)
        raise AssertionError(kind)

    def record(self, sheet: str, fixed: Mapping[str, object]) -> dict[str, Any]:
        """One record of a sheet: system fields, the `fixed` (structural) fields, random values for the rest."""
        spec = SPECS[sheet]
        created = self.moment()
        deleted = self.draw(st.integers(0, 9)) == 0
        record: dict[str, Any] = {
            "id": str(uuid.uuid4()), "row_version": self.draw(st.integers(1, 9)), "created_at": created,
            "updated_at": created, "created_by": "pytest", "updated_by": "pytest", "origin_site": VILLAGE_CODE,
            "deleted_at": self.moment(created) if deleted else None,
            "deleted_by": "pytest" if deleted else None, "deleted_reason": "data ganda" if deleted else None,
        }
        for column in spec.columns:
            record[column.key] = fixed[column.key] if column.key in fixed else self.value(spec, column)
        if "number" in exchange_rows.columns_of(spec.table) and spec.table not in HUMAN_NUMBER_FIELD:
            record["number"] = fixed.get("number") or f"{spec.table[:3].upper()}-{self.serial():05d}"
        return record


@st.composite
def village_dataset(draw: st.DrawFn, vocab: Vocabulary) -> dict[str, list[dict[str, Any]]]:
    """Households with their members and a little of every kind of casework, all consistent with each other."""
    d = Draw(draw, vocab)
    data: dict[str, list[dict[str, Any]]] = {spec.name: [] for spec in VILLAGE_SHEETS}
    services = list(vocab.service_ids)
    for _ in range(d(st.integers(0, 1))):
        code = f"LOKAL-{d.serial()}-" + d(_code())
        service = d.record("Direktori Layanan", {"code": code})
        data["Direktori Layanan"].append(service)
        services.append(service["id"])
    for _ in range(d(st.integers(1, 3))):
        _household(d, data, services)
    return data


def _household(d: Draw, data: dict[str, list[dict[str, Any]]], services: list[str]) -> None:
    vocab = d.vocab
    household_id = str(uuid.uuid4())
    members = []
    for index in range(d(st.integers(1, 4))):
        sex = d(st.sampled_from(["L", "P"]))
        born = d.past_date(date(1910, 1, 1))
        relation = "KEPALA_KELUARGA" if index == 0 else d(st.sampled_from(
            vocab.choices["Anggota Keluarga"]["relation"]))
        with_nik = d(st.booleans()) or index == 0
        person = d.record("Anggota Keluarga", {
            "household_id": d(st.sampled_from([household_id, household_id, None])) if index else household_id,
            "nik": nik_for(d.draw, born, sex) if with_nik else None,
            "no_nik_reason": None if with_nik else d(st.sampled_from(
                vocab.choices["Anggota Keluarga"]["no_nik_reason"])),
            "sex": sex, "birth_date": born, "relation": relation,
            "duplicate_of": members[0]["id"] if members and d(st.integers(0, 5)) == 0 else None,
        })
        person["name_key"] = normalize_name(person["name"])
        person["nik_check"] = {}
        members.append(person)
    head = members[0]
    with_kk = d(st.booleans())
    household = d.record("Rumah Tangga", {
        "kk_number": kk_for(d.draw, vocab.today) if with_kk else None,
        "no_kk_reason": None if with_kk else d(st.sampled_from(vocab.choices["Rumah Tangga"]["no_kk_reason"])),
        "head_person_id": head["id"], "head_name": head["name"], "village_code": VILLAGE_CODE,
        "rt": d(digits(3, 3)), "rw": d(digits(3, 3)),
    })
    household["id"] = household_id
    if household["deleted_at"] is None:
        head["deleted_at"] = head["deleted_by"] = head["deleted_reason"] = None  # a live family has a live head
    data["Rumah Tangga"].append(household)
    data["Anggota Keluarga"].extend(members)
    ids = [m["id"] for m in members]

    def pick(chance: int = 2) -> str | None:
        return d(st.sampled_from(ids)) if d(st.integers(0, chance)) else None

    for member in members:
        data["Keanggotaan KK"].append(d.record("Keanggotaan KK", {
            "household_id": household_id, "person_id": member["id"], "relation": member["relation"]}))
        if d(st.integers(0, 3)) == 0:
            data["PPKS Warga"].append(d.record("PPKS Warga", {"person_id": member["id"]}))
    visits = []
    for _ in range(d(st.integers(0, 2))):
        visit = d.record("Kunjungan", {
            "registration_number": f"REG/{d.serial():04d}/" + d(text(required=True)), "household_id": household_id,
            "applicant_person_id": pick(), "subject_person_ids": d(st.lists(st.sampled_from(ids), max_size=3)),
        })
        visits.append(visit["id"])
        data["Kunjungan"].append(visit)
    visit_id = st.sampled_from([None, *visits])
    consents = []
    for _ in range(d(st.integers(0, 1))):
        consent = d.record("Persetujuan", {"person_id": d(st.sampled_from(ids)), "visit_id": d(visit_id)})
        consents.append(consent["id"])
        data["Persetujuan"].append(consent)
    complaints = []
    for _ in range(d(st.integers(0, 1))):
        complaint = d.record("Keluhan", {"visit_id": d(visit_id), "person_id": pick(), "household_id": household_id})
        complaints.append(complaint["id"])
        data["Keluhan"].append(complaint)
    needs = []
    for _ in range(d(st.integers(0, 1))):
        need = d.record("Kebutuhan", {"visit_id": d(visit_id), "person_id": pick(), "household_id": household_id,
                                      "complaint_id": d(st.sampled_from([None, *complaints]))})
        needs.append(need["id"])
        data["Kebutuhan"].append(need)
    for _ in range(d(st.integers(0, 1))):
        data["Kepesertaan"].append(d.record("Kepesertaan", {"household_id": household_id, "person_id": pick()}))
    for _ in range(d(st.integers(0, 1))):
        sequence = d.serial()
        referral = d.record("Rujukan", {
            "letter_number": f"{sequence:03d}/RJK/PUSKESOS-3322012007/XI/2026", "letter_year": 2026,
            "letter_seq": sequence, "visit_id": d(visit_id), "need_id": d(st.sampled_from([None, *needs])),
            "complaint_id": d(st.sampled_from([None, *complaints])), "person_id": d(st.sampled_from(ids)),
            "household_id": household_id, "service_id": d(st.sampled_from(services)),
            "consent_id": d(st.sampled_from([None, *consents])),
        })
        data["Rujukan"].append(referral)
        for _ in range(d(st.integers(0, 2))):
            data["Riwayat Rujukan"].append(d.record("Riwayat Rujukan", {"referral_id": referral["id"]}))
        if d(st.booleans()):
            data["Tindak Lanjut"].append(d.record("Tindak Lanjut", {"entity": "referral",
                                                                    "entity_id": referral["id"]}))
    for _ in range(d(st.integers(0, 1))):
        data["Usulan DTSEN"].append(d.record("Usulan DTSEN", {"household_id": household_id,
                                                             "visit_id": d(visit_id)}))
    for _ in range(d(st.integers(0, 1))):
        data["Usulan Perubahan"].append(d.record("Usulan Perubahan", {"household_id": household_id,
                                                                     "person_id": pick()}))


def write_dataset(site: SiteFixture, data: Mapping[str, list[dict[str, Any]]]) -> None:
    """Insert the records as they are (parents first), in one transaction."""
    with site.db.transaction(site.cli.actor) as session:
        for spec in VILLAGE_SHEETS:
            rows = data.get(spec.name) or []
            if rows:
                exchange_rows.insert_rows(session, spec.table, [dict(row) for row in rows])


# --- small helpers for the other tests --------------------------------------------------------------------------


def without(digests: Mapping[str, str], *tables: str) -> dict[str, str]:
    return {name: digest for name, digest in digests.items() if name not in tables}


def messages_with(outcome: Any, code: str) -> list[Any]:
    return [message for message in outcome.messages if message.code == code]


def only(items: list[Any], describe: Callable[[], str] | None = None) -> Any:
    assert len(items) == 1, describe() if describe else items
    return items[0]
