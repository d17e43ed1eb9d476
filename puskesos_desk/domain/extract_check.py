"""Checking the Puskesos' residents against the district's DTSEN/DTKS extract (issue 6).

A registered member is tied to an extract row by NIK exactly; failing that, by No. KK and name (the same name key,
or a close spelling with no conflicting birth date: inside one family card that is safe); failing that, by the
normalised name and the birth date together. Each row serves one member at most. What the Puskesos recorded and
what the extract says are then compared field by field; rows of the same family that no member took are the
extract's members missing here, and present members without a row are missing from the extract (a DTSEN proposal
is the way to add them). Pure: the service reads the rows and hands them in.

DTSEN is updated every quarter, so an extract older than four months is flagged as stale.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from puskesos_desk.domain.names import fold_diacritics, name_similarity, normalize_name
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.search import RegisterStatus

STALE_AFTER_MONTHS = 4  # DTSEN is updated quarterly; one month of grace for the district to send the new file
PRESENT = "ADA"  # status_keberadaan of a member who lives in the household
# Inside one No. KK, the same name key is the same person; a name this close is too when no birth date contradicts it.
SAME_CARD_NAME_SIMILARITY = 0.88
# Programmes whose recorded participation counts as "receives social assistance" in the bulk check.
CORE_PROGRAMS = frozenset({"PKH", "SEMBAKO", "PBI_JK", "PBI_PEMDA"})
LOW_DESIL_MAX = 5  # desil 1–5: the target group of Sembako and PBI-JK (programs.json desil_max)


class LinkedBy(StrEnum):
    """How a member was tied to an extract row, most certain first."""

    NIK = "NIK"
    KK_NAME = "KK_NAMA"
    NAME_BIRTH_DATE = "NAMA_TANGGAL_LAHIR"


class DiffField(StrEnum):
    NIK = "NIK"
    NAME = "NAMA"
    NAME_SPELLING = "EJAAN_NAMA"  # the same name key written differently (old spelling, title, punctuation)
    BIRTH_DATE = "TANGGAL_LAHIR"
    SEX = "JENIS_KELAMIN"
    RELATION = "HUBUNGAN"
    KK = "NO_KK"
    PRESENCE = "KEBERADAAN"  # moved away or died here, still listed in the extract


DIFF_LABELS: dict[DiffField, str] = {
    DiffField.NIK: "NIK",
    DiffField.NAME: "Nama",
    DiffField.NAME_SPELLING: "Ejaan nama",
    DiffField.BIRTH_DATE: "Tanggal lahir",
    DiffField.SEX: "Jenis kelamin",
    DiffField.RELATION: "Hubungan keluarga",
    DiffField.KK: "No. KK",
    DiffField.PRESENCE: "Keberadaan",
}
LINK_LABELS: dict[LinkedBy, str] = {
    LinkedBy.NIK: "NIK",
    LinkedBy.KK_NAME: "No. KK + nama",
    LinkedBy.NAME_BIRTH_DATE: "Nama + tanggal lahir",
}


class CheckResult(StrEnum):
    """The household's standing (domain.md §9.3 DtksCheck.hasil)."""

    NO_EXTRACT = "TANPA_DATA"  # no extract has been imported
    REGISTERED = "TERDAFTAR"
    NOT_REGISTERED = "TIDAK_TERDAFTAR"
    PARTIAL = "SEBAGIAN"  # some present members are missing from the extract
    DIFFERENT = "DATA_BERBEDA"  # everyone found, but some data differs


@dataclass(frozen=True, slots=True)
class RegisteredMember:
    person_id: str
    name: str
    nik: str | None
    birth_date: date | None
    sex: str
    relation: str  # hubungan_kk code
    residence_status: str

    @property
    def present(self) -> bool:
        return self.residence_status == PRESENT


@dataclass(frozen=True, slots=True)
class RegisteredHousehold:
    id: str
    number: str
    kk_number: str | None
    head_name: str
    address: str
    rt: str
    rw: str
    members: tuple[RegisteredMember, ...]


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field that differs. Values are display text: dates dd-mm-yyyy, NIK and No. KK masked, relation and
    residence as their codes (the UI labels them)."""

    field: DiffField
    here: str  # as the Puskesos recorded it
    extract: str  # as the extract has it

    @property
    def label(self) -> str:
        return DIFF_LABELS[self.field]


@dataclass(frozen=True, slots=True)
class MemberCheck:
    member: RegisteredMember
    row: RegisterStatus | None
    linked_by: LinkedBy | None
    differences: tuple[FieldDifference, ...] = ()

    @property
    def found(self) -> bool:
        return self.row is not None

    @property
    def missing(self) -> bool:
        """Lives here but is not in the extract: a DTSEN proposal adds them."""
        return self.row is None and self.member.present


@dataclass(frozen=True, slots=True)
class ExtractAge:
    """The active extract the checks use, and how old it is."""

    batch_id: str
    dataset: str  # DTSEN / DTKS / P3KE
    as_of: date
    imported_at: datetime
    file_name: str
    imported_by: str
    rows: int
    months_old: int
    is_stale: bool


@dataclass(frozen=True, slots=True)
class HouseholdExtractCheck:
    household_id: str
    household_number: str
    kk_number: str | None
    extract: ExtractAge | None
    members: tuple[MemberCheck, ...]
    extract_only: tuple[RegisterStatus, ...]  # the family's rows in the extract that no member here took

    @property
    def found(self) -> tuple[MemberCheck, ...]:
        return tuple(m for m in self.members if m.found)

    @property
    def missing(self) -> tuple[MemberCheck, ...]:
        return tuple(m for m in self.members if m.missing)

    @property
    def differing(self) -> tuple[MemberCheck, ...]:
        return tuple(m for m in self.members if m.differences)

    @property
    def desil(self) -> int | None:
        """The family's national desil: the one most of its found rows carry (it is set per family)."""
        values = Counter(m.row.desil for m in self.found if m.row is not None and m.row.desil is not None)
        return values.most_common(1)[0][0] if values else None

    @property
    def programs(self) -> tuple[str, ...]:
        """Programme flags set on any found row."""
        return tuple(sorted({p for m in self.found if m.row is not None for p in m.row.programs}))

    @property
    def suggests_proposal(self) -> bool:
        return self.extract is not None and bool(self.missing)

    @property
    def result(self) -> CheckResult:
        if self.extract is None:
            return CheckResult.NO_EXTRACT
        if not self.found:
            return CheckResult.NOT_REGISTERED
        if self.missing:
            return CheckResult.PARTIAL
        if self.differing or self.extract_only:
            return CheckResult.DIFFERENT
        return CheckResult.REGISTERED


@dataclass(frozen=True, slots=True)
class BulkCheckOutcome:
    """What the bulk check wrote: counts per sheet of the workbook, and the extract it used."""

    path: Path
    extract: ExtractAge
    households: int  # registered households checked
    persons: int  # members living there
    not_in_extract: int  # members living there without an extract row (sheet "Tidak di DTSEN")
    households_not_in_extract: int  # households none of whose members is in the extract
    differences: int  # differing fields (sheet "Data berbeda")
    low_desil_without_aid: int  # households (sheet "Desil 1-5 tanpa bansos")
    masked: bool
    sha256: str

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path), "dataset": self.extract.dataset, "as_of": self.extract.as_of.isoformat(),
            "stale": self.extract.is_stale, "households": self.households, "persons": self.persons,
            "not_in_extract": self.not_in_extract, "households_not_in_extract": self.households_not_in_extract,
            "differences": self.differences, "low_desil_without_aid": self.low_desil_without_aid,
            "masked": self.masked, "sha256": self.sha256,
        }


# --- age ---------------------------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Oct + 4 months = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    return max(months, 0)


def is_stale(as_of: date, today: date) -> bool:
    return today > add_months(as_of, STALE_AFTER_MONTHS)


# --- the index the matcher looks rows up in ------------------------------------------------------------------------


class ExtractIndex:
    """The rows of one extract batch by NIK, No. KK, name key and family id. Built from every row for the bulk
    check, or from the few rows read for one household."""

    def __init__(self, rows: Iterable[RegisterStatus]) -> None:
        self.rows: list[RegisterStatus] = []
        self.by_nik: dict[str, list[RegisterStatus]] = {}
        self.by_kk: dict[str, list[RegisterStatus]] = {}
        self.by_name: dict[str, list[RegisterStatus]] = {}
        self.by_family: dict[str, list[RegisterStatus]] = {}
        seen: set[int] = set()
        for row in rows:
            if row.record_id in seen:
                continue
            seen.add(row.record_id)
            self.rows.append(row)
            if row.nik:
                self.by_nik.setdefault(row.nik, []).append(row)
            if row.kk_number:
                self.by_kk.setdefault(row.kk_number, []).append(row)
            if row.name_key:
                self.by_name.setdefault(row.name_key, []).append(row)
            if row.family_id:
                self.by_family.setdefault(row.family_id, []).append(row)

    def family_of(self, rows: Iterable[RegisterStatus], kk_number: str | None) -> list[RegisterStatus]:
        """Every row sharing a family id or a No. KK with `rows`, plus the rows on `kk_number`, in file order."""
        found: dict[int, RegisterStatus] = {}
        for row in rows:
            for relative in self.by_family.get(row.family_id or "", ()):
                found[relative.record_id] = relative
            for relative in self.by_kk.get(row.kk_number or "", ()):
                found[relative.record_id] = relative
        for relative in self.by_kk.get(kk_number or "", ()):
            found[relative.record_id] = relative
        return [found[key] for key in sorted(found)]


# --- matching and comparing ---------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w]+")


def _written(name: str) -> str:
    """A name as written, ignoring only case, accents, spacing and punctuation."""
    return " ".join(_NON_WORD.sub(" ", fold_diacritics(name).upper()).split())


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _name_key(member: RegisteredMember) -> str:
    return normalize_name(member.name)


def _birth_dates_agree(a: date | None, b: date | None) -> bool:
    return a is None or b is None or a == b


def compare(member: RegisteredMember, kk_number: str | None, row: RegisterStatus,
            linked_by: LinkedBy) -> tuple[FieldDifference, ...]:
    """What differs between the member as recorded here and their extract row. `row.relation` is expected as a
    hubungan_kk code ("" when the extract's text could not be read)."""
    found: list[FieldDifference] = []
    if linked_by is not LinkedBy.NIK and member.nik and row.nik and member.nik != row.nik:
        found.append(FieldDifference(DiffField.NIK, mask_id(member.nik), mask_id(row.nik)))
    if _name_key(member) != row.name_key:
        found.append(FieldDifference(DiffField.NAME, member.name, row.name))
    elif _written(member.name) != _written(row.name):
        found.append(FieldDifference(DiffField.NAME_SPELLING, member.name, row.name))
    if member.birth_date and row.birth_date and member.birth_date != row.birth_date:
        found.append(FieldDifference(DiffField.BIRTH_DATE, _day(member.birth_date), _day(row.birth_date)))
    if member.sex in ("L", "P") and row.sex in ("L", "P") and member.sex != row.sex:
        found.append(FieldDifference(DiffField.SEX, member.sex, row.sex or ""))
    if member.relation and row.relation and member.relation != row.relation:
        found.append(FieldDifference(DiffField.RELATION, member.relation, row.relation))
    if kk_number and row.kk_number and kk_number != row.kk_number:
        found.append(FieldDifference(DiffField.KK, mask_id(kk_number), mask_id(row.kk_number)))
    if not member.present:
        found.append(FieldDifference(DiffField.PRESENCE, member.residence_status, PRESENT))
    return tuple(found)


def _by_nik(member: RegisteredMember, index: ExtractIndex, taken: set[int]) -> RegisterStatus | None:
    return next((r for r in index.by_nik.get(member.nik or "", ()) if r.record_id not in taken), None)


def _by_card(member: RegisteredMember, kk_number: str | None, index: ExtractIndex,
             taken: set[int]) -> RegisterStatus | None:
    if not kk_number:
        return None
    key = _name_key(member)
    best: tuple[float, RegisterStatus] | None = None
    for row in index.by_kk.get(kk_number, ()):
        if row.record_id in taken:
            continue
        if row.name_key == key:  # the same name on the same card: the person, whatever the birth date says
            score = 1.0
        elif _birth_dates_agree(member.birth_date, row.birth_date):
            score = name_similarity(key, row.name_key)
        else:
            continue
        if score >= SAME_CARD_NAME_SIMILARITY and (best is None or score > best[0]):
            best = (score, row)
    return best[1] if best else None


def _by_identity(member: RegisteredMember, index: ExtractIndex, taken: set[int]) -> RegisterStatus | None:
    if member.birth_date is None:
        return None
    return next((r for r in index.by_name.get(_name_key(member), ())
                 if r.record_id not in taken and r.birth_date == member.birth_date), None)


def check_household(household: RegisteredHousehold, index: ExtractIndex,
                    extract: ExtractAge | None) -> HouseholdExtractCheck:
    """Tie each member to a row (every member by NIK first, then by card and name, then by name and birth date, so
    a weaker link never takes a row a stronger one needs), compare, and collect the family's rows left over."""
    if extract is None:
        members = tuple(MemberCheck(m, None, None) for m in household.members)
        return HouseholdExtractCheck(household.id, household.number, household.kk_number, None, members, ())
    taken: set[int] = set()
    links: dict[str, tuple[RegisterStatus, LinkedBy]] = {}
    passes = (
        (LinkedBy.NIK, lambda m: _by_nik(m, index, taken)),
        (LinkedBy.KK_NAME, lambda m: _by_card(m, household.kk_number, index, taken)),
        (LinkedBy.NAME_BIRTH_DATE, lambda m: _by_identity(m, index, taken)),
    )
    for linked_by, find in passes:
        for member in household.members:
            if member.person_id in links:
                continue
            row = find(member)
            if row is not None:
                taken.add(row.record_id)
                links[member.person_id] = (row, linked_by)
    checks = []
    for member in household.members:
        if member.person_id in links:
            row, linked_by = links[member.person_id]
            checks.append(MemberCheck(member, row, linked_by, compare(member, household.kk_number, row, linked_by)))
        else:
            checks.append(MemberCheck(member, None, None))
    matched = [row for row, _link in links.values()]
    family = index.family_of(matched, household.kk_number)
    extract_only = tuple(row for row in family if row.record_id not in taken)
    return HouseholdExtractCheck(household.id, household.number, household.kk_number, extract, tuple(checks),
                                 extract_only)


def needs_aid_follow_up(check: HouseholdExtractCheck, recorded_programs: Sequence[str]) -> bool:
    """Desil 1–5 in the extract and no recorded participation in PKH, Sembako or PBI: a lead for follow-up."""
    desil = check.desil
    return desil is not None and desil <= LOW_DESIL_MAX and not CORE_PROGRAMS.intersection(recorded_programs)
