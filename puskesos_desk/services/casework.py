"""Complaints (keluhan), needs (kebutuhan) and programme participation (kepesertaan) recorded at the desk.

Each open complaint and need gets a due date in working days (holiday table; a year without holiday data counts
weekends only and the record says so in `due_note`). Numbers are per site and year: KLH-<site>-<yyyy>-<NNNNN>,
KBT-<site>-<yyyy>-<NNNNN>. Status changes after creation belong to case handling, not to this module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import casework, holidays, households, numbering, reference, sites
from puskesos_desk.domain.casework import (
    NEED_WORKING_DAYS,
    URGENCY_WORKING_DAYS_FALLBACK,
    ComplaintDraft,
    ComplaintRecord,
    NeedDraft,
    NeedRecord,
    ParticipationDraft,
    ParticipationRecord,
)
from puskesos_desk.domain.enums import ComplaintStatus, ComplaintType, NeedStatus, ParticipationSource, Urgency
from puskesos_desk.domain.errors import FieldErrors
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.domain.text_input import free_text_problem
from puskesos_desk.domain.workdays import WorkdayResult
from puskesos_desk.services.context import ServiceContext

if TYPE_CHECKING:
    from puskesos_desk.data.orm.household import Person

T = TypeVar("T")
MAX_CARD_NUMBER = 40


# --- helpers shared by the desk's services --------------------------------------------------------------------------


def cached(session: DbSession, key: str, load: Callable[[], T]) -> T:
    """Per-transaction cache: the demo records thousands of cases in one transaction."""
    if key not in session.info:
        session.info[key] = load()
    return session.info[key]  # type: ignore[no-any-return]


def due_in_working_days(session: DbSession, start: date, days: int) -> WorkdayResult:
    calendar = cached(session, "casework.calendar", lambda: holidays.work_calendar(session))
    return calendar.add_working_days(start, days)


def case_number(session: DbSession, prefix: str, counter: str, year: int) -> str:
    """KLH-3322012007-2026-00001: the site's code digits, the year, a counter per year."""
    site = cached(session, "casework.site_digits", lambda: sites.get_site_row(session))
    digits = site.code.replace(".", "") if site is not None else "0"
    serial = numbering.next_number(session, counter, str(year))
    return f"{prefix}-{digits}-{year}-{serial:05d}"


def reference_codes(session: DbSession, name: str) -> dict[str, CodeItem]:
    loaders: dict[str, Callable[[], list[CodeItem]]] = {
        "program": lambda: reference.programs(session, include_inactive=True),
        "ppks": lambda: reference.ppks_categories(session),
        "complaint_category": lambda: reference.complaint_categories(session),
        "need_domain": lambda: reference.need_domains(session),
    }
    load = loaders.get(name) or (lambda: reference.code_list(session, name))
    return cached(session, f"casework.ref.{name}", lambda: {item.code: item for item in load()})


def household_person(session: DbSession, household_id: str, person_id: str | None, errors: dict[str, str],
                     key: str = "person_id") -> Person | None:
    """The person, who must belong to the household (None when no person is given)."""
    if not person_id:
        return None
    person = households.get_person(session, person_id)
    if person.household_id != household_id:
        errors[key] = "Warga ini bukan anggota keluarga yang sedang dibuka."
        return None
    return person


def check_visit(session: DbSession, household_id: str, visit_id: str | None, errors: dict[str, str]) -> None:
    if visit_id and casework.get_visit(session, visit_id).household_id != household_id:
        errors["visit_id"] = "Kunjungan ini milik keluarga lain."


# --- complaints -----------------------------------------------------------------------------------------------------


def urgency_working_days(session: DbSession, urgency: str) -> int:
    item = reference_codes(session, "urgensi").get(urgency)
    days = item.extra.get("hari_kerja") if item is not None else None
    return int(days) if isinstance(days, int) else URGENCY_WORKING_DAYS_FALLBACK[urgency]


def record_complaint(ctx: ServiceContext, draft: ComplaintDraft) -> ComplaintRecord:
    ctx.require(Permission.RECORD_VISIT)
    with ctx.db.transaction(ctx.actor) as session:
        return record_complaint_in(session, ctx, draft)


def record_complaint_in(session: DbSession, ctx: ServiceContext, draft: ComplaintDraft) -> ComplaintRecord:
    errors: dict[str, str] = {}
    households.get_household(session, draft.household_id)
    if draft.kind not in ComplaintType.__members__:
        errors["kind"] = "Pilih jenis keluhan: pertanyaan, saran, atau pengaduan."
    category = reference_codes(session, "complaint_category").get(draft.category_code)
    if category is None:
        errors["category_code"] = "Pilih kategori keluhan dari daftar."
    if draft.program_code and draft.program_code not in reference_codes(session, "program"):
        errors["program_code"] = "Program tidak dikenal; pilih dari daftar."
    if not draft.description.strip():
        errors["description"] = "Tuliskan uraian keluhan dengan kata-kata warga."
    elif problem := free_text_problem(draft.description, "Uraian keluhan"):
        errors["description"] = problem
    urgency = draft.urgency or (str(category.extra.get("default_urgency") or "BIASA") if category else "BIASA")
    if urgency not in Urgency.__members__:
        errors["urgency"] = "Pilih tingkat urgensi: darurat, segera, atau biasa."
    person = household_person(session, draft.household_id, draft.person_id, errors)
    check_visit(session, draft.household_id, draft.visit_id, errors)
    if errors:
        raise FieldErrors(errors)
    today = ctx.today()
    due = due_in_working_days(session, today, urgency_working_days(session, urgency))
    row = casework.insert_complaint(
        session, number=case_number(session, "KLH", "complaint", today.year), visit_id=draft.visit_id,
        person_id=draft.person_id or None, household_id=draft.household_id, kind=draft.kind,
        category_code=draft.category_code, program_code=draft.program_code or None,
        description=draft.description.strip(), urgency=urgency, status=ComplaintStatus.BARU.value,
        due_date=due.value,
    )
    session.flush()
    return casework.complaint_record(row, person.name if person else "", due.note())


# --- needs ----------------------------------------------------------------------------------------------------------


def record_need(ctx: ServiceContext, draft: NeedDraft) -> NeedRecord:
    ctx.require(Permission.RECORD_VISIT)
    with ctx.db.transaction(ctx.actor) as session:
        return record_need_in(session, ctx, draft)


def record_need_in(session: DbSession, ctx: ServiceContext, draft: NeedDraft) -> NeedRecord:
    errors: dict[str, str] = {}
    households.get_household(session, draft.household_id)
    if draft.domain_code not in reference_codes(session, "need_domain"):
        errors["domain_code"] = "Pilih bidang kebutuhan dari daftar."
    ppks_codes = tuple(dict.fromkeys(draft.ppks_codes))
    known_ppks = reference_codes(session, "ppks")
    if any(code not in known_ppks for code in ppks_codes):
        errors["ppks_codes"] = "Kategori PPKS tidak dikenal; pilih dari daftar."
    elif ppks_codes and not draft.person_id:
        errors["ppks_codes"] = "Kategori PPKS melekat pada seseorang: pilih warga yang bersangkutan."
    if draft.proposed_program and draft.proposed_program not in reference_codes(session, "program"):
        errors["proposed_program"] = "Program tidak dikenal; pilih dari daftar."
    if not draft.description.strip():
        errors["description"] = "Tuliskan kebutuhan warga secara singkat."
    elif problem := free_text_problem(draft.description, "Uraian kebutuhan"):
        errors["description"] = problem
    person = household_person(session, draft.household_id, draft.person_id, errors)
    check_visit(session, draft.household_id, draft.visit_id, errors)
    if draft.complaint_id and casework.get_complaint(session, draft.complaint_id).household_id != draft.household_id:
        errors["complaint_id"] = "Keluhan ini milik keluarga lain."
    if errors:
        raise FieldErrors(errors)
    today = ctx.today()
    due = due_in_working_days(session, today, NEED_WORKING_DAYS)
    number = case_number(session, "KBT", "need", today.year)
    row = casework.insert_need(
        session, number=number, visit_id=draft.visit_id, person_id=draft.person_id or None,
        household_id=draft.household_id, complaint_id=draft.complaint_id, domain_code=draft.domain_code,
        ppks_codes=list(ppks_codes), proposed_program=draft.proposed_program or None,
        description=draft.description.strip(), status=NeedStatus.TERIDENTIFIKASI.value, due_date=due.value,
    )
    added: tuple[str, ...] = ()
    if person is not None and ppks_codes:
        known = casework.person_ppks_codes(session, person.id)
        added = tuple(code for code in ppks_codes if code not in known)
        casework.add_person_ppks(session, person_id=person.id, codes=added, since=today, source=f"Kebutuhan {number}")
    session.flush()
    return casework.need_record(row, person.name if person else "", due.note(), added)


# --- programme participation ----------------------------------------------------------------------------------------


def record_participation(ctx: ServiceContext, draft: ParticipationDraft) -> ParticipationRecord:
    ctx.require(Permission.RECORD_VISIT)
    with ctx.db.transaction(ctx.actor) as session:
        return record_participation_in(session, ctx, draft)


def normalise_card_number(value: str) -> str:
    return "".join(value.split()).replace("-", "").upper()


def record_participation_in(session: DbSession, ctx: ServiceContext,
                            draft: ParticipationDraft) -> ParticipationRecord:
    errors: dict[str, str] = {}
    today = ctx.today()
    households.get_household(session, draft.household_id)
    if draft.program_code not in reference_codes(session, "program"):
        errors["program_code"] = "Pilih program dari daftar."
    if draft.source not in ParticipationSource.__members__:
        errors["source"] = "Pilih sumber keterangan kepesertaan."
    card = normalise_card_number(draft.card_number)
    if card and (len(card) > MAX_CARD_NUMBER or not card.isalnum()):
        errors["card_number"] = "Nomor kartu hanya berisi huruf dan angka, paling banyak 40 karakter."
    as_of = draft.as_of or today
    if as_of > today:
        errors["as_of"] = "Tanggal keadaan tidak boleh di masa depan."
    if draft.since is not None and draft.since > as_of:
        errors["since"] = "Tanggal mulai tidak boleh sesudah tanggal keadaan."
    person = household_person(session, draft.household_id, draft.person_id, errors)
    if errors:
        raise FieldErrors(errors)
    row = casework.insert_participation(
        session, household_id=draft.household_id, person_id=draft.person_id or None,
        program_code=draft.program_code, card_number=card or None, active=draft.active, since=draft.since,
        source=draft.source, as_of=as_of, notes=draft.notes.strip(),
    )
    session.flush()
    return casework.participation_record(row, person.name if person else "")
