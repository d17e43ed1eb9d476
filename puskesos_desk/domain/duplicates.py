"""Likely duplicate persons across villages (issue 7): what counts as a match, and what a decision records.

A person registered at two villages is a duplicate only for the district, which sees both. The rules are strict on
purpose: the same valid NIK, or the same normalised name (names.normalize_name) and the same birth date. Anything
looser would flood a secretariat of a million residents with pairs nobody can review. Until someone decides, both
records keep getting service (presumption of innocence): detection only lists, it never hides a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

__all__ = [
    "UNMATCHABLE_NIKS", "Candidate", "MatchKind", "MergeDecision", "MergeNotice", "PersonSide", "is_matchable_nik",
    "mask_nik_last4", "match_kind", "suggested_survivor",
]

NIK_LENGTH = 16
_MASK = "•"


class MergeDecision(StrEnum):
    DIGABUNG = "DIGABUNG"  # the duplicate becomes a tombstone pointing to the survivor
    BUKAN_DUPLIKAT = "BUKAN_DUPLIKAT"  # two different people; the pair is not listed again


class MatchKind(StrEnum):
    NIK = "NIK"
    NAMA_TANGGAL_LAHIR = "NAMA_TANGGAL_LAHIR"


MATCH_LABELS = {MatchKind.NIK: "NIK sama", MatchKind.NAMA_TANGGAL_LAHIR: "Nama dan tanggal lahir sama"}


def _dummy_niks() -> frozenset[str]:
    """Placeholders typed when the real number is not at hand ("0000000000000000", "1234567890123456"): equal on
    many unrelated people, so never evidence that two records are one person."""
    up, down = "01234567890123456789012345", "98765432109876543210987654"
    runs = {text[i:i + NIK_LENGTH] for text in (up, down) for i in range(len(text) - NIK_LENGTH + 1)}
    return frozenset(runs | {digit * NIK_LENGTH for digit in "0123456789"})


UNMATCHABLE_NIKS = _dummy_niks()


def is_matchable_nik(nik: str | None) -> bool:
    return bool(nik) and len(nik or "") == NIK_LENGTH and (nik or "").isdigit() and nik not in UNMATCHABLE_NIKS


def match_kind(nik_a: str | None, nik_b: str | None, key_a: str, key_b: str, born_a: date | None,
               born_b: date | None) -> MatchKind | None:
    """How two persons match, the stronger evidence first; None when they do not."""
    if is_matchable_nik(nik_a) and nik_a == nik_b:
        return MatchKind.NIK
    if key_a and key_a == key_b and born_a is not None and born_a == born_b:
        return MatchKind.NAMA_TANGGAL_LAHIR
    return None


def mask_nik_last4(nik: str | None) -> str:
    """A NIK for a decision record that travels to other villages: only its last four digits are readable."""
    if not nik:
        return ""
    return _MASK * max(len(nik) - 4, 0) + nik[-4:]


@dataclass(frozen=True, slots=True)
class PersonSide:
    """One person of a candidate pair, as the secretariat reviews it (and as a merge record's snapshot keeps it)."""

    person_id: str
    name: str
    nik_masked: str
    birth_date: date | None
    village_code: str
    village_name: str
    household_id: str | None
    household_number: str
    updated_at: datetime | None = None

    def snapshot(self) -> dict[str, object]:
        return {"person_id": self.person_id, "name": self.name, "nik": self.nik_masked,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None,
                "village_code": self.village_code, "village_name": self.village_name,
                "household_number": self.household_number}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair to review. `left` is the suggested survivor (the record changed most recently)."""

    left: PersonSide
    right: PersonSide
    match: MatchKind

    @property
    def match_label(self) -> str:
        return MATCH_LABELS[self.match]


def suggested_survivor(a: PersonSide, b: PersonSide) -> tuple[PersonSide, PersonSide]:
    """(survivor, duplicate): the record changed most recently is likely the better kept one; ties by id, so the
    suggestion is stable."""
    key_a = (a.updated_at is not None, a.updated_at or datetime.min, a.person_id)
    key_b = (b.updated_at is not None, b.updated_at or datetime.min, b.person_id)
    return (a, b) if key_a >= key_b else (b, a)


@dataclass(frozen=True, slots=True)
class MergeNotice:
    """A merge as a village shows it on a household page."""

    merge_id: str
    local_is_duplicate: bool  # True: this village's person was merged away; False: it is the survivor
    local_name: str
    other_name: str
    other_village: str
    decided_on: date
