"""Village enrolments (set-up files), and the reference data a set-up file carries: service directory and holidays."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, inspect, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.reference import Holiday, HolidayYear, ServiceDirectoryEntry
from puskesos_desk.data.orm.site import VillageEnrolment
from puskesos_desk.data.repositories import exchange_rows
from puskesos_desk.domain.exchange_sheets import LOCAL_ONLY
from puskesos_desk.domain.holiday_ids import holiday_id, holiday_year_id

# Who/when columns are the receiver's own; local-only fields never travel (as in an exchange package).
_DIRECTORY_SKIP = {"created_at", "created_by", "updated_at", "updated_by", "deleted_at", "deleted_by",
                   "deleted_reason", *LOCAL_ONLY.get("service_directory_entry", ())}


def add_pending(session: Session, *, site_code: str, name: str, code_hash: str, by: str, at: datetime) -> None:
    """A new invitation; an earlier unused one for the same village (a lost set-up file) stops working."""
    for old in session.scalars(select(VillageEnrolment).where(
            VillageEnrolment.site_code == site_code, VillageEnrolment.used_at.is_(None),
            VillageEnrolment.deleted_at.is_(None))):
        old.deleted_at, old.deleted_by, old.deleted_reason = at, by, "diganti berkas penyiapan baru"
    session.add(VillageEnrolment(site_code=site_code, name=name, code_hash=code_hash))
    session.flush()


def latest(session: Session, site_code: str) -> VillageEnrolment | None:
    """The newest enrolment of the village (used or not), or None."""
    return session.scalar(select(VillageEnrolment).where(
        VillageEnrolment.site_code == site_code, VillageEnrolment.deleted_at.is_(None))
        .order_by(VillageEnrolment.created_at.desc()).limit(1))


def mark_used(session: Session, row: VillageEnrolment, at: datetime) -> None:
    row.used_at = at
    session.flush()


# --- what a set-up file carries ---------------------------------------------------------------------------------


def directory_rows(session: Session) -> list[dict[str, Any]]:
    """The service directory as plain values (id and version kept: a referral names the same record everywhere)."""
    keys = [a.key for a in inspect(ServiceDirectoryEntry).column_attrs if a.key not in _DIRECTORY_SKIP]
    rows = session.scalars(select(ServiceDirectoryEntry).where(ServiceDirectoryEntry.deleted_at.is_(None))
                           .order_by(ServiceDirectoryEntry.code))
    return [{key: _plain(getattr(row, key)) for key in keys} for row in rows]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _dated(values: dict[str, Any]) -> dict[str, Any]:
    """Dates arrive as ISO text (JSON has no date type)."""
    columns = ServiceDirectoryEntry.__table__.columns
    return {k: date.fromisoformat(v) if isinstance(v, str) and isinstance(columns[k].type, Date) else v
            for k, v in values.items()}


def load_directory(session: Session, rows: list[dict[str, Any]], *, district: str, at: datetime) -> int:
    """Insert or update the district's entries (by id) at a new village; entries whose code is taken by another
    record are left out. The district's versions are remembered so its later packages are deltas, not conflicts."""
    known = set(inspect(ServiceDirectoryEntry).column_attrs.keys()) - _DIRECTORY_SKIP
    loaded: list[tuple[str, int]] = []
    for values in rows:
        values = _dated({k: v for k, v in values.items() if k in known})
        row = session.get(ServiceDirectoryEntry, values["id"])
        if row is None:
            taken = session.scalar(select(ServiceDirectoryEntry.id).where(ServiceDirectoryEntry.code == values["code"]))
            if taken is not None:
                continue
            row = ServiceDirectoryEntry(**values)
            session.add(row)
        else:
            for key, value in values.items():
                if key not in ("id", "row_version") and getattr(row, key) != value:
                    setattr(row, key, value)
        session.flush()
        loaded.append((row.id, int(values.get("row_version") or row.row_version)))
    exchange_rows.record_peer_versions(session, district, "service_directory_entry", loaded, at)
    return len(loaded)


def holiday_rows(session: Session) -> dict[str, Any]:
    days = session.execute(select(Holiday.day, Holiday.name, Holiday.kind, Holiday.source)
                           .where(Holiday.deleted_at.is_(None)).order_by(Holiday.day, Holiday.name))
    years = session.execute(select(HolidayYear.year, HolidayYear.decree, HolidayYear.source)
                            .where(HolidayYear.deleted_at.is_(None)).order_by(HolidayYear.year))
    return {"days": [{"day": d.isoformat(), "name": n, "kind": k, "source": s} for d, n, k, s in days],
            "years": [{"year": y, "decree": d, "source": s} for y, d, s in years]}


def load_holidays(session: Session, holidays: dict[str, Any]) -> int:
    """Add the district's holidays the village does not have yet (its own local holidays stay)."""
    have = {(day, name) for day, name in session.execute(select(Holiday.day, Holiday.name))}
    added = 0
    for item in holidays.get("days", []):
        day = date.fromisoformat(item["day"])
        if (day, item["name"]) not in have:
            session.add(Holiday(id=holiday_id(day, item["name"]), day=day, name=item["name"], kind=item["kind"],
                                  source=item.get("source", "")))
            have.add((day, item["name"]))
            added += 1
    years = set(session.scalars(select(HolidayYear.year)))
    for item in holidays.get("years", []):
        if item["year"] not in years:
            session.add(HolidayYear(id=holiday_year_id(item["year"]), year=item["year"], decree=item.get("decree", ""),
                                      source=item.get("source", "")))
    session.flush()
    return added
