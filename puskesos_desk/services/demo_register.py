"""A realistic DTSEN extract for the demo village: most registered households appear with a desil and programme
flags consistent with it; some names are spelled the way an older register spelled them; some families are only
in the extract (never came to the Puskesos). Deterministic per seed.

So that the extract check (issue 6) always has something to show, the first households in the extract carry one
difference each, on purpose: a member missing from the extract, a birth date typed differently at the district, a
name in the pre-1972 spelling, and a desil 1–5 family flagged for no programme (so no participation is recorded
for it). They are applied after the random draws, so the rest of the demo stays as it was for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from puskesos_desk.domain.records import HouseholdRecord

# Programme cut-offs used to make plausible flags (configuration in the programme table; demo only).
_PROGRAM_DESIL = {"PKH": 4, "SEMBAKO": 5, "PBI_JK": 5}
_OLD_SPELLINGS = {"U": "OE", "J": "DJ", "C": "TJ", "Y": "J"}
# The old spellings the name key folds back (domain.names): the extract check sees the same name written differently.
_FOLDED_OLD_SPELLINGS = {"U": "OE", "J": "DJ", "C": "TJ"}


class Deliberate:
    """The differences put into the demo extract on purpose, in the order they are handed out."""

    MISSING_MEMBER = "missing_member"
    BIRTH_DATE = "birth_date"
    OLD_SPELLING = "old_spelling"
    LOW_DESIL_NO_AID = "low_desil_no_aid"
    ORDER = (MISSING_MEMBER, BIRTH_DATE, OLD_SPELLING, LOW_DESIL_NO_AID)


@dataclass(frozen=True)
class ExtractRow:
    family_id: str
    nik: str | None
    kk_number: str | None
    name: str
    birth_date: date | None
    sex: str
    relation: str
    address: str
    rt: str
    rw: str
    village_code: str
    village_name: str
    desil: int
    programs: dict[str, bool]
    household_id: str | None = None  # the registered household it came from (demo bookkeeping, not stored)

    def as_dict(self) -> dict[str, object]:
        return {
            "family_id": self.family_id, "nik": self.nik, "kk_number": self.kk_number, "name": self.name,
            "birth_date": self.birth_date, "sex": self.sex, "relation": self.relation, "address": self.address,
            "rt": self.rt, "rw": self.rw, "village_code": self.village_code, "village_name": self.village_name,
            "desil_national": self.desil, "programs": self.programs,
        }


def _old_spelling(rng: random.Random, name: str) -> str:
    for new, old in _OLD_SPELLINGS.items():
        if new in name and rng.random() < 0.5:
            return name.replace(new, old, 1)
    return name


def _folded_old_spelling(name: str) -> str | None:
    for new, old in _FOLDED_OLD_SPELLINGS.items():
        if new in name:
            return name.replace(new, old, 1)
    return None


def _deliberate(kind: str, rows: list[ExtractRow], desil: int) -> tuple[list[ExtractRow], int] | None:
    """The household's rows and desil with the difference `kind` made, or None when it does not fit them."""
    if kind == Deliberate.MISSING_MEMBER:
        if len(rows) < 3:
            return None
        return rows[:-1], desil  # the youngest-listed member never reached the register
    if kind == Deliberate.BIRTH_DATE:
        dated = [i for i, row in enumerate(rows) if row.birth_date is not None and row.nik]
        if len(rows) < 2 or not dated:
            return None
        index = dated[-1]  # a member with a NIK: the extract check ties them by it and shows the other date
        wrong = rows[index].birth_date - timedelta(days=31)  # type: ignore[operator]  # a month typed wrong
        return [*rows[:index], replace(rows[index], birth_date=wrong), *rows[index + 1:]], desil
    if kind == Deliberate.OLD_SPELLING:
        spelled = _folded_old_spelling(rows[0].name)
        return ([replace(rows[0], name=spelled), *rows[1:]], desil) if spelled else None
    if kind == Deliberate.LOW_DESIL_NO_AID:
        low = min(desil, 3)
        flags = dict.fromkeys(_PROGRAM_DESIL, False)
        return [replace(row, desil=low, programs=flags) for row in rows], low
    raise ValueError(kind)


def _programs(rng: random.Random, desil: int) -> dict[str, bool]:
    # Not everyone eligible receives (quota), and a few above the cut-off still do (stale data): as in the field.
    return {code: (desil <= cut and rng.random() < 0.75) or rng.random() < 0.03 for code, cut in _PROGRAM_DESIL.items()}


def extract_rows(rng: random.Random, households: list[HouseholdRecord], *, village_code: str,
                 village_name: str, today: date, make_name: Callable[[str], str], share: float = 0.65,
                 extra_families: int = 40) -> list[ExtractRow]:
    """Rows for `share` of the households plus `extra_families` families known only to the register."""
    rows: list[ExtractRow] = []
    pending = list(Deliberate.ORDER)
    for index, household in enumerate(households):
        if rng.random() >= share:
            continue
        desil = rng.choices(range(1, 11), [16, 15, 14, 12, 10, 9, 8, 7, 5, 4])[0]
        flags = _programs(rng, desil)
        family_id = f"DTSEN-{village_code.replace('.', '')}-{index:06d}"
        family: list[ExtractRow] = []
        for member in household.members:
            if member.residence_status != "ADA":
                continue
            name = _old_spelling(rng, member.name) if rng.random() < 0.08 else member.name
            family.append(ExtractRow(
                family_id=family_id, nik=member.nik, kk_number=household.kk_number, name=name,
                birth_date=member.birth_date, sex=member.sex, relation=member.relation, address=household.address,
                rt=household.rt, rw=household.rw, village_code=village_code, village_name=village_name,
                desil=desil, programs=flags, household_id=household.id,
            ))
        for kind in pending:
            changed = _deliberate(kind, family, desil) if family else None
            if changed is not None:
                family, desil = changed
                pending.remove(kind)
                break
        rows.extend(family)
    for extra in range(extra_families):
        desil = rng.randint(1, 10)
        sex = rng.choice("LP")
        birth = today - timedelta(days=rng.randint(25 * 365, 70 * 365))
        digits = village_code.replace(".", "")[:6]
        day = birth.day + (40 if sex == "P" else 0)
        nik = f"{digits}{day:02d}{birth.month:02d}{birth.year % 100:02d}{rng.randint(5000, 9999):04d}"
        rows.append(ExtractRow(
            family_id=f"DTSEN-{village_code.replace('.', '')}-X{extra:05d}", nik=nik,
            kk_number=f"{digits}{rng.randint(10, 28):02d}{rng.randint(1, 12):02d}{rng.randint(10, 24):02d}"
                      f"{rng.randint(5000, 9999):04d}",
            name=make_name(sex).upper(), birth_date=birth, sex=sex, relation="KEPALA_KELUARGA",
            address="Dusun (data DTSEN)", rt=f"{rng.randint(1, 8):03d}", rw=f"{rng.randint(1, 4):03d}",
            village_code=village_code, village_name=village_name, desil=desil, programs=_programs(rng, desil),
        ))
    return rows
