"""Kemendagri regions (the Wilayah table)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.reference import Wilayah
from puskesos_desk.data.seed import region_name_key


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: int
    kind: str
    parent_code: str | None
    postal_code: str | None


def _region(row: Wilayah) -> Region:
    return Region(row.code, row.name, row.level, row.kind, row.parent_code, row.postal_code)


def get_region(session: Session, code: str) -> Region | None:
    row = session.get(Wilayah, code)
    return _region(row) if row else None


def children(session: Session, parent_code: str | None) -> list[Region]:
    condition = Wilayah.parent_code.is_(None) if parent_code is None else Wilayah.parent_code == parent_code
    return [_region(r) for r in session.scalars(select(Wilayah).where(condition).order_by(Wilayah.name))]


def find_in_district(session: Session, district_code: str, name: str) -> list[Region]:
    """Desa/kelurahan of one kecamatan whose name matches, in any case and with or without 'Desa'/'Kel.'."""
    key = region_name_key(name)
    rows = session.scalars(
        select(Wilayah).where(Wilayah.parent_code == district_code, Wilayah.name_key == key).order_by(Wilayah.code)
    )
    return [_region(r) for r in rows]


def region_path(session: Session, code: str) -> str:
    """'Sumogawe, Getasan, Kabupaten Semarang, Jawa Tengah': the region and its parents, nearest first."""
    names: list[str] = []
    current: str | None = code
    while current:
        row = session.get(Wilayah, current)
        if row is None:
            break
        names.append(row.name)
        current = row.parent_code
    return ", ".join(names)


def region_chain(session: Session, code: str) -> list[tuple[str, str]]:
    """[(kind, name), …] from the region up to its province: [("desa", "Sumogawe"), ("kecamatan", "Getasan"), …]."""
    chain: list[tuple[str, str]] = []
    current: str | None = code
    while current:
        row = session.get(Wilayah, current)
        if row is None:
            break
        chain.append((row.kind, row.name))
        current = row.parent_code
    return chain


def count_by_level(session: Session) -> dict[int, int]:
    rows = session.execute(select(Wilayah.level, func.count()).group_by(Wilayah.level))
    return {int(level): int(count) for level, count in rows}
