"""Specific personal data (UU PDP Ps. 4) on the household page: who is a child, what a viewer without access to
specific data may see of a child, and which kinds of specific data a read returned about a person (design/domain.md
§7.2 point 2).

Health, disability, pregnancy, the sensitive PPKS categories (`specific_data` in the PPKS reference) and all data of
a person under 18 are specific. They reach only viewers holding VIEW_SPECIFIC_DATA, and each read that returns them
is audited (VIEW_SENSITIVE, one event per person, naming the kinds listed here).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from puskesos_desk.domain.casework import MemberRow, NeedRecord

#: UU Perlindungan Anak: a child is a person under 18.
ADULT_AGE = 18
#: Need domains whose records describe health or disability: health care, and social rehabilitation (ATENSI:
#: assistive devices, disability and psychosocial care).
SPECIFIC_NEED_DOMAINS: frozenset[str] = frozenset({"KESEHATAN", "REHSOS"})

# The kinds of specific data named in a VIEW_SENSITIVE event.
KIND_DISABILITY = "disabilitas"
KIND_ILLNESS = "penyakit_kronis"
KIND_PREGNANCY = "kehamilan"
KIND_PPKS = "ppks_spesifik"
KIND_NEED = "kebutuhan_spesifik"
KIND_CHILD = "data_anak"


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_minor(row: MemberRow, day: date) -> bool:
    """Under 18 on `day`. An unknown birth date is not treated as a minor's: there is nothing to go on."""
    age = row.age_on(day)
    return age is not None and age < ADULT_AGE


def withhold_minor(row: MemberRow, day: date, masked_nik: str) -> MemberRow:
    """A minor's row for a viewer without specific-data access: name, age, relation and residence, the NIK as
    `masked_nik` (fully masked), no birth date or place, no specific data, no school, work or marital fields.
    The household's DTSEN standing stays: it belongs to the family. Adults come back unchanged."""
    if not is_minor(row, day):
        return row
    return MemberRow(
        id=row.id, nik=masked_nik or None, name=row.name, sex=row.sex, birth_date=None, birth_place="",
        relation=row.relation, residence_status=row.residence_status, occupation=None, education=None,
        school_status=None, marital_status=None, disability=(), ppks=(), register=row.register,
        known_age=row.age_on(day), withheld=True,
    )


def specific_data_kinds(row: MemberRow, needs: Iterable[NeedRecord], specific_ppks: set[str],
                        day: date) -> tuple[str, ...]:
    """The kinds of specific data a read returned about this member; empty when nothing specific was shown.
    Call it on the rows as the viewer receives them: what was withheld was not viewed."""
    kinds: list[str] = []
    if row.disability:
        kinds.append(KIND_DISABILITY)
    if row.chronic_illness:
        kinds.append(KIND_ILLNESS)
    if row.pregnant:
        kinds.append(KIND_PREGNANCY)
    if any(code in specific_ppks for code in row.ppks):
        kinds.append(KIND_PPKS)
    if any(need.person_id == row.id and (need.domain_code in SPECIFIC_NEED_DOMAINS
                                         or any(code in specific_ppks for code in need.ppks_codes))
           for need in needs):
        kinds.append(KIND_NEED)
    if not row.withheld and is_minor(row, day):
        kinds.append(KIND_CHILD)
    return tuple(kinds)
