"""The complaint list and complaint handling: Baru → Ditangani → Dirujuk → Selesai / Tidak dapat ditangani.

Every status change appends a follow-up row (status before and after, who, when, how); closing needs the answer
or outcome and records who closed it. A change based on a stale copy of the complaint is refused (Conflict).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import complaints, followup, holidays
from puskesos_desk.domain.enums import ComplaintStatus
from puskesos_desk.domain.errors import Conflict, FieldErrors
from puskesos_desk.domain.followup import (
    COMPLAINT_STATUS_NAMES,
    ComplaintItem,
    FollowUpEntry,
    FollowUpMethod,
    TaskState,
    is_closing,
    next_complaint_statuses,
)
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.workdays import WorkCalendar
from puskesos_desk.services.casework import cached
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.followup import place_against_today

COMPLAINT_LIST_LIMIT = 500
MAX_ANSWER_LENGTH = 4000
ENTITY = "complaint"


def _with_lateness(item: ComplaintItem, calendar: WorkCalendar, today: date) -> ComplaintItem:
    if not item.is_open or item.due_date is None:
        return item
    state, late, _uncovered = place_against_today(calendar, today, item.due_date)
    return replace(item, working_days_late=late if state is TaskState.TERLAMBAT else 0)


def list_complaints(ctx: ServiceContext, *, status: ComplaintStatus | None = None, open_only: bool = False,
                    text: str | None = None, limit: int = COMPLAINT_LIST_LIMIT) -> list[ComplaintItem]:
    """Newest first, at most `limit` rows. `status` picks one status; `open_only` the three open ones."""
    ctx.require(Permission.VIEW_CASES)
    if status is not None:
        statuses: tuple[ComplaintStatus, ...] | None = (ComplaintStatus(status),)
    elif open_only:
        statuses = (ComplaintStatus.BARU, ComplaintStatus.DITANGANI, ComplaintStatus.DIRUJUK)
    else:
        statuses = None
    today = ctx.today()
    with ctx.db.reading() as session:
        calendar = holidays.work_calendar(session)
        rows = complaints.list_complaints(session, statuses=statuses, text=(text or "").strip(), limit=limit)
    return [_with_lateness(row, calendar, today) for row in rows]


def get_complaint(ctx: ServiceContext, complaint_id: str) -> ComplaintItem:
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        calendar = holidays.work_calendar(session)
        item = complaints.get_complaint(session, complaint_id)
    return _with_lateness(item, calendar, ctx.today())


def complaint_history(ctx: ServiceContext, complaint_id: str) -> list[FollowUpEntry]:
    """The complaint's follow-up rows, oldest first."""
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        return followup.follow_up_history(session, ENTITY, complaint_id)


def update_complaint_status(ctx: ServiceContext, complaint_id: str, *, status: ComplaintStatus, answer: str = "",
                            expected_version: int,
                            method: FollowUpMethod = FollowUpMethod.WARGA_DATANG) -> ComplaintItem:
    ctx.require(Permission.HANDLE_CASE)
    with ctx.db.transaction(ctx.actor) as session:
        return update_complaint_status_in(session, ctx, complaint_id, status=status, answer=answer,
                                          expected_version=expected_version, method=method)


def update_complaint_status_in(session: DbSession, ctx: ServiceContext, complaint_id: str, *,
                               status: ComplaintStatus, answer: str = "", expected_version: int,
                               method: FollowUpMethod = FollowUpMethod.WARGA_DATANG) -> ComplaintItem:
    ctx.require(Permission.HANDLE_CASE)
    current = complaints.get_complaint(session, complaint_id)
    if current.row_version != expected_version:
        raise Conflict(
            f"Keluhan {current.number} baru saja diubah oleh petugas lain (sekarang berstatus "
            f"{COMPLAINT_STATUS_NAMES[current.status]}). Tidak ada yang disimpan. Muat ulang daftar keluhan, "
            "periksa statusnya, lalu ubah lagi bila masih perlu."
        )
    target = ComplaintStatus(status)
    text = answer.strip()
    errors: dict[str, str] = {}
    allowed = next_complaint_statuses(current.status)
    if target is current.status:
        errors["status"] = f"Keluhan ini sudah berstatus {COMPLAINT_STATUS_NAMES[target]}. Pilih status yang lain."
    elif not allowed:
        errors["status"] = (
            f"Keluhan ini sudah ditutup ({COMPLAINT_STATUS_NAMES[current.status]}) dan tidak dapat diubah lagi. "
            "Bila masalahnya muncul lagi, catat sebagai keluhan baru."
        )
    elif target not in allowed:
        names = ", ".join(COMPLAINT_STATUS_NAMES[s] for s in allowed)
        errors["status"] = (
            f"Keluhan berstatus {COMPLAINT_STATUS_NAMES[current.status]} tidak dapat dikembalikan menjadi "
            f"{COMPLAINT_STATUS_NAMES[target]}. Pilih salah satu: {names}."
        )
    if is_closing(target) and not text:
        errors["answer"] = (
            "Tuliskan alasan keluhan tidak dapat ditangani." if target is ComplaintStatus.TIDAK_DAPAT_DITANGANI
            else "Tuliskan jawaban atau hasil penanganan sebelum menutup keluhan."
        )
    elif len(text) > MAX_ANSWER_LENGTH:
        errors["answer"] = f"Jawaban terlalu panjang ({len(text)} huruf); paling banyak {MAX_ANSWER_LENGTH} huruf."
    try:
        chosen_method = FollowUpMethod(method)
    except ValueError:
        errors["method"] = "Pilih cara tindak lanjut (warga datang, telepon, kunjungan rumah…)."
        chosen_method = FollowUpMethod.WARGA_DATANG
    if errors:
        raise FieldErrors(errors)
    now = ctx.now()
    closing = is_closing(target)
    complaints.set_status(
        session, complaint_id, expected_version=expected_version, status=target,
        answer=text if closing else None, closed_at=now if closing else None,
        closed_by=ctx.actor.id if closing else None,
    )
    followup.insert_follow_up(
        session, entity=ENTITY, entity_id=complaint_id, occurred_at=now, method=chosen_method.value,
        officer_id=ctx.actor.id, status_before=current.status.value, status_after=target.value, notes=text,
    )
    calendar = cached(session, "casework.calendar", lambda: holidays.work_calendar(session))
    return _with_lateness(complaints.get_complaint(session, complaint_id), calendar, ctx.today())
