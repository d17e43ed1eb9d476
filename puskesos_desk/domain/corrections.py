"""Correcting the facts of a registered person or household (the resident's right to correction, UU PDP Ps. 6 and 34).

A correction fixes what was recorded wrongly (a typo, a new KTP or KK, the resident's own request); it never changes
who belongs to the family: that goes through a change request (services/changes.py). Every correction carries the
reason it was made and the row version the form was filled from, so a form left open while a colleague saved the
same record is refused instead of overwriting that save.

The NIK and the No. KK are shown masked on the form (unmasking is its own permission): `nik=None` / `kk_number=None`
keeps the stored number, a typed number replaces it, and an empty number with a reason records that there is none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: The shortest reason accepted ("salah ketik" is eleven letters; "typo" alone says too little to an auditor).
MIN_REASON_CHARS = 5
CITIZENSHIPS = ("WNI", "WNA")


@dataclass(frozen=True, slots=True)
class SpecificCorrection:
    """The specific data (UU PDP Ps. 4) of a person: only roles that may see it may change it."""

    disability: tuple[str, ...] = ()
    chronic_illness: str = ""
    pregnant: bool | None = None
    due_date: date | None = None


@dataclass(frozen=True, slots=True)
class PersonCorrection:
    """What the form says a person's facts should be. Fields equal to the stored ones are left alone."""

    expected_version: int
    reason: str
    name: str
    sex: str  # L / P
    birth_date: date | None
    birth_place: str = ""
    nik: str | None = None  # None: keep the stored NIK; "": no NIK (then no_nik_reason); digits: the new NIK
    no_nik_reason: str = ""
    marital_status: str = ""
    religion: str = ""
    education: str = ""
    school_status: str = ""
    occupation: str = ""
    phone: str = ""
    citizenship: str = "WNI"
    specific: SpecificCorrection | None = None  # None: the form did not show the specific data; keep it


@dataclass(frozen=True, slots=True)
class HouseholdCorrection:
    expected_version: int
    reason: str
    address: str
    rt: str
    rw: str
    hamlet: str = ""
    kk_number: str | None = None  # None: keep the stored No. KK; "": none (then no_kk_reason); digits: the new one
    no_kk_reason: str = ""
    postal_code: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class PersonForCorrection:
    """The form's starting point: the stored facts as a correction (reason empty), and what the form may show."""

    person_id: str
    household_id: str | None
    household_number: str
    masked_nik: str  # the stored NIK as lists show it; empty when the person has none
    current: PersonCorrection
    specific_shown: bool  # False: the viewer may not see (nor change) the specific data; `current.specific` is None


@dataclass(frozen=True, slots=True)
class HouseholdForCorrection:
    household_id: str
    number: str
    head_name: str
    masked_kk: str
    current: HouseholdCorrection


@dataclass(frozen=True, slots=True)
class CorrectionResult:
    """What was written: the record's id and new version, the columns that changed, and warnings that never block
    (a NIK whose encoded date differs from the birth date, an unknown region code)."""

    entity: str  # person | household
    entity_id: str
    row_version: int
    changed: tuple[str, ...]
    warnings: dict[str, tuple[str, ...]] = field(default_factory=dict)


def clean_reason(reason: str) -> str:
    """The reason as it is stored: whitespace collapsed; empty when too short to say anything."""
    text = " ".join(reason.split())
    return text if len(text) >= MIN_REASON_CHARS else ""


def changed_values(current: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The wanted values that differ from the stored ones (only those are written, so the audit lists only them)."""
    return {key: value for key, value in wanted.items() if current.get(key) != value}
