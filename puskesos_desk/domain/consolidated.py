"""Consolidated views at the district: one filter shape for every kind of record, and the row each kind shows.

The district holds the records of every village it imports; these views read across all of them. Each record
knows its village through its household (`household.village_code`), so every row carries the village code and
name. Filters a kind has no meaning for are ignored by that kind (see `APPLICABLE`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from puskesos_desk.domain.enums import ComplaintStatus, NeedStatus, ProposalStatus, ReferralStatus, VisitStatus

PAGE_SIZE = 200
MAX_PAGE_SIZE = 5000


class RecordKind(StrEnum):
    PERSONS = "persons"
    HOUSEHOLDS = "households"
    VISITS = "visits"
    COMPLAINTS = "complaints"
    NEEDS = "needs"
    PROPOSALS = "proposals"
    REFERRALS = "referrals"


class FilterField(StrEnum):
    VILLAGE = "village"
    KECAMATAN = "kecamatan"
    PROGRAM = "program"
    CATEGORY = "category"
    URGENCY = "urgency"
    STATUS = "status"
    PERIOD = "period"
    TEXT = "text"


_F = FilterField
_PLACE = (_F.VILLAGE, _F.KECAMATAN)

# Which filters mean something for each kind (the brief of issue 7 spells out each meaning).
APPLICABLE: dict[RecordKind, frozenset[FilterField]] = {
    RecordKind.PERSONS: frozenset({*_PLACE, _F.PERIOD, _F.PROGRAM, _F.CATEGORY, _F.TEXT}),
    RecordKind.HOUSEHOLDS: frozenset({*_PLACE, _F.PROGRAM, _F.TEXT}),
    RecordKind.VISITS: frozenset({*_PLACE, _F.PERIOD, _F.STATUS}),
    RecordKind.COMPLAINTS: frozenset({*_PLACE, _F.PERIOD, _F.CATEGORY, _F.PROGRAM, _F.URGENCY, _F.STATUS}),
    RecordKind.NEEDS: frozenset({*_PLACE, _F.PERIOD, _F.CATEGORY, _F.PROGRAM, _F.STATUS}),
    RecordKind.PROPOSALS: frozenset({*_PLACE, _F.PERIOD, _F.PROGRAM, _F.STATUS}),
    RecordKind.REFERRALS: frozenset({*_PLACE, _F.PERIOD, _F.PROGRAM, _F.STATUS}),
}

STATUSES: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.PERSONS: (),
    RecordKind.HOUSEHOLDS: (),
    RecordKind.VISITS: tuple(s.value for s in VisitStatus),
    RecordKind.COMPLAINTS: tuple(s.value for s in ComplaintStatus),
    RecordKind.NEEDS: tuple(s.value for s in NeedStatus),
    RecordKind.PROPOSALS: tuple(s.value for s in ProposalStatus),
    RecordKind.REFERRALS: tuple(s.value for s in ReferralStatus),
}


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """What the officer narrowed the list to; empty fields do not filter. Codes are stored codes."""

    kind: RecordKind
    village_code: str = ""  # PP.KK.CC.DDDD
    kecamatan_code: str = ""  # PP.KK.CC
    program_code: str = ""
    category_code: str = ""  # PPKS code (persons), complaint category, need domain or PPKS code (needs)
    urgency: str = ""
    status: str = ""
    period_from: date | None = None  # inclusive, local date
    period_to: date | None = None  # inclusive, local date
    text: str = ""  # persons: name; households: head's name or household number

    def uses(self, which: FilterField) -> bool:
        return which in APPLICABLE[self.kind]


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A filter's period as UTC instants, [start, end): the service turns local dates into it."""

    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class Located:
    """Where a row belongs: its household and that household's village."""

    id: str
    household_id: str | None
    household_number: str
    head_name: str
    village_code: str
    village_name: str


@dataclass(frozen=True, slots=True)
class PersonRow(Located):
    name: str
    sex: str
    relation: str
    residence_status: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class HouseholdRow(Located):
    address: str
    rt: str
    rw: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class VisitRow(Located):
    number: str
    occurred_at: datetime
    channel: str
    purpose: str
    status: str


@dataclass(frozen=True, slots=True)
class ComplaintRow(Located):
    number: str
    created_at: datetime
    complaint_kind: str
    category_code: str
    program_code: str
    urgency: str
    status: str


@dataclass(frozen=True, slots=True)
class NeedRow(Located):
    number: str
    created_at: datetime
    domain_code: str
    ppks_codes: tuple[str, ...]
    proposed_program: str
    status: str


@dataclass(frozen=True, slots=True)
class ProposalRow(Located):
    number: str
    created_at: datetime
    proposal_kind: str
    requested_programs: tuple[str, ...]
    status: str


@dataclass(frozen=True, slots=True)
class ReferralRow(Located):
    number: str
    letter_date: date
    service_name: str
    program_code: str
    status: str


ConsolidatedRow = PersonRow | HouseholdRow | VisitRow | ComplaintRow | NeedRow | ProposalRow | ReferralRow


@dataclass(frozen=True, slots=True)
class RecordPage:
    """One page of a consolidated list. The total is counted by a separate query, only when asked for."""

    kind: RecordKind
    rows: tuple[ConsolidatedRow, ...]
    offset: int
    limit: int
    total: int | None = None

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        if self.total is not None:
            return self.offset + len(self.rows) < self.total
        return len(self.rows) == self.limit


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the filter bar offers: villages with data or a trust, their kecamatan, and per-kind lists."""

    villages: tuple[Choice, ...]
    kecamatan: tuple[Choice, ...]
    programs: tuple[Choice, ...]
    categories: dict[RecordKind, tuple[Choice, ...]] = field(default_factory=dict)
    statuses: dict[RecordKind, tuple[str, ...]] = field(default_factory=dict)
    urgencies: tuple[str, ...] = ()


def kecamatan_of(village_code: str) -> str:
    """'33.22.01.2007' → '33.22.01'."""
    return village_code.rsplit(".", 1)[0] if village_code.count(".") == 3 else ""
