"""The search-first desk: what a hit is, how the typed text is understood, and the records behind the live checks
of the registration form.

A hit is a person registered at the Puskesos, a person found only in the district's DTSEN/DTKS extract, or both
(an extract row tied to a registered person by NIK, else by normalised name + birth date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import ID_LENGTH, strip_separators


class MatchKind(StrEnum):
    """Why a hit was found, best first (the order of the members is the ranking)."""

    NIK = "NIK"
    KK = "KK"
    NAME_PREFIX = "NAMA_AWAL"  # the name starts with the text
    NAME_WORD = "NAMA_KATA"  # a word inside the name starts with the text ("aminah" → SITI AMINAH)
    NAME_PART = "NAMA_BAGIAN"  # every word typed, in any order, or a piece inside a word
    NAME_SIMILAR = "NAMA_MIRIP"  # a typo: one letter dropped, added, changed or swapped

    @property
    def rank(self) -> int:
        return list(MatchKind).index(self)


class QueryKind(StrEnum):
    EMPTY = "EMPTY"
    ID_NUMBER = "ID_NUMBER"  # 16 digits: NIK, else No. KK
    DIGITS_INCOMPLETE = "DIGITS_INCOMPLETE"  # only digits, but not 16 of them (still typing)
    NAME = "NAME"


@dataclass(frozen=True, slots=True)
class DeskQuery:
    kind: QueryKind
    value: str  # the 16 digits, or the normalised name key
    digits: int = 0  # how many digits were typed (DIGITS_INCOMPLETE)


def parse_query(text: str) -> DeskQuery:
    """What the officer typed: "3322-0115-0580-0003" is a NIK/KK, "Moh. Slamet" the name key "MUHAMAD SLAMET"."""
    stripped = text.strip()
    if not stripped:
        return DeskQuery(QueryKind.EMPTY, "")
    digits = strip_separators(stripped).replace("/", "")
    if digits.isdigit():
        if len(digits) == ID_LENGTH:
            return DeskQuery(QueryKind.ID_NUMBER, digits, len(digits))
        return DeskQuery(QueryKind.DIGITS_INCOMPLETE, digits, len(digits))
    key = normalize_name(stripped)
    if not key:
        return DeskQuery(QueryKind.EMPTY, "")
    return DeskQuery(QueryKind.NAME, key)


@dataclass(frozen=True, slots=True)
class RegisterStatus:
    """One row of an active DTSEN/DTKS extract as the desk shows it; a desil is never shown without `as_of`."""

    record_id: int
    batch_id: str
    dataset: str  # DTSEN / DTKS / P3KE
    as_of: date
    desil: int | None  # national desil (DTSEN); None for DTKS
    programs: tuple[str, ...]  # programme codes flagged active in the extract
    name: str
    name_key: str
    nik: str | None = None
    kk_number: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    relation: str | None = None
    address: str = ""
    rt: str = ""
    rw: str = ""
    village_code: str | None = None
    village_name: str = ""
    family_id: str | None = None
    linked_by: str = ""  # how it was tied to a registered person: NIK / NAMA_TANGGAL_LAHIR; "" when not


@dataclass(frozen=True, slots=True)
class DeskHit:
    """What the results table and the confirm card need about one person."""

    name: str
    birth_date: date | None
    sex: str
    rt: str
    rw: str
    nik: str | None
    matched_by: MatchKind
    score: float = 1.0
    person_id: str | None = None  # None: only in the extract
    household_id: str | None = None
    household_number: str = ""
    kk_number: str | None = None
    relation: str = ""
    residence_status: str = ""
    registers: tuple[RegisterStatus, ...] = ()  # DTSEN rows first, newest first

    @property
    def key(self) -> str:
        if self.person_id:
            return f"P:{self.person_id}"
        return f"R:{self.registers[0].record_id}" if self.registers else f"N:{self.name}"

    @property
    def registered(self) -> bool:
        """Terdaftar di Puskesos."""
        return self.person_id is not None

    @property
    def register(self) -> RegisterStatus | None:
        """The extract row to show first (DTSEN before DTKS, newest as-of date first)."""
        return self.registers[0] if self.registers else None

    @property
    def birth_year(self) -> int | None:
        return self.birth_date.year if self.birth_date else None


@dataclass(frozen=True, slots=True)
class IndexedPerson:
    """A registered person as the desk index holds it (flat: the household's RT/RW and numbers included)."""

    id: str
    household_id: str | None
    household_number: str
    kk_number: str | None
    name: str
    name_key: str
    nik: str | None
    birth_date: date | None
    sex: str
    relation: str
    residence_status: str
    rt: str
    rw: str


@dataclass(frozen=True, slots=True)
class RegisterBatchInfo:
    id: str
    dataset: str
    as_of: date
    file_name: str
    imported_at: datetime
    rows_imported: int
    status: str  # AKTIF / DIGANTI


@dataclass(frozen=True, slots=True)
class DuplicateHit:
    """A registered person who may be the one being typed into the registration form."""

    person_id: str
    name: str
    birth_date: date | None
    nik: str | None
    household_id: str | None
    household_number: str
    rt: str
    rw: str
    reason: str  # NIK_SAMA / NAMA_TANGGAL_LAHIR / KK_SAMA


@dataclass(frozen=True, slots=True)
class MemberCheck:
    """The live check of one member row while it is typed; nothing here blocks saving except `nik_errors`."""

    nik_value: str | None  # the 16 digits, when there are 16
    nik_errors: tuple[str, ...] = ()
    nik_warnings: tuple[str, ...] = ()
    nik_birth_date: date | None = None  # decoded from the NIK, for prefilling
    nik_sex: str | None = None
    same_nik: tuple[DuplicateHit, ...] = ()
    same_identity: tuple[DuplicateHit, ...] = ()  # same normalised name and birth date


@dataclass(frozen=True, slots=True)
class KkCheck:
    kk_value: str | None
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    households: tuple[DuplicateHit, ...] = ()  # heads of households already registered with this KK
