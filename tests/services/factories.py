"""Small builders for service tests (never shared mutable state)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from puskesos_desk.domain.records import HouseholdDraft, MemberDraft

HEAD_NIK = "3322011505800003"  # man, 15-05-1980, Kec. Getasan
WIFE_NIK = "3322016007850004"  # woman (day 20 + 40), 20-07-1985
CHILD_NIK = "3322014102120001"  # girl, 01-02-2012
KK_NUMBER = "3322010101150007"


def family(**changes: object) -> HouseholdDraft:
    draft = HouseholdDraft(
        members=(
            MemberDraft(name="Slamet Riyadi", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                        nik=HEAD_NIK, birth_place="Kab. Semarang"),
            MemberDraft(name="Siti Aminah", relation="ISTRI", sex="P", birth_date=date(1985, 7, 20), nik=WIFE_NIK),
            MemberDraft(name="Dwi Lestari", relation="ANAK", sex="P", birth_date=date(2012, 2, 1), nik=CHILD_NIK),
        ),
        kk_number=KK_NUMBER, address="Dusun Krajan", rt="1", rw="2", hamlet="Krajan",
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def member(index: int, draft: HouseholdDraft, **changes: object) -> HouseholdDraft:
    members = list(draft.members)
    members[index] = replace(members[index], **changes)  # type: ignore[arg-type]
    return replace(draft, members=tuple(members))
