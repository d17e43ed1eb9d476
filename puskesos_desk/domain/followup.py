"""Follow-up records: the "Tugas hari ini" worklist and the complaint list, with the rules for complaint status.

Working days come from the holiday table (domain.workdays); the records carry how late an item is in working
days so that screens and reports never count weekends or Idulfitri as days the office was open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from puskesos_desk.domain.enums import ComplaintStatus, ComplaintType, Urgency


class TaskKind(StrEnum):
    KELUHAN = "KELUHAN"
    KEBUTUHAN = "KEBUTUHAN"
    USULAN = "USULAN"  # DTSEN proposal
    PERUBAHAN = "PERUBAHAN"  # household change request awaiting a decision
    RUJUKAN = "RUJUKAN"  # a referral sent and waiting for the receiving office's answer


class TaskState(StrEnum):
    """Where an open item stands against its due date, counted in working days."""

    TERLAMBAT = "TERLAMBAT"  # past its due date
    HARI_INI = "HARI_INI"  # due today
    MENDATANG = "MENDATANG"  # due later (shown for emergencies, or when the user asks to look ahead)


class FollowUpMethod(StrEnum):
    """How the officer followed a case up (domain.md §9.2, FollowUp.metode)."""

    WARGA_DATANG = "WARGA_DATANG"
    TELEPON = "TELEPON"
    KUNJUNGAN_RUMAH = "KUNJUNGAN_RUMAH"
    SURAT_BALASAN = "SURAT_BALASAN"
    INFO_SEKRETARIAT = "INFO_SEKRETARIAT"


OPEN_COMPLAINT_STATUSES: tuple[ComplaintStatus, ...] = (
    ComplaintStatus.BARU, ComplaintStatus.DITANGANI, ComplaintStatus.DIRUJUK,
)
CLOSED_COMPLAINT_STATUSES: tuple[ComplaintStatus, ...] = (
    ComplaintStatus.SELESAI, ComplaintStatus.TIDAK_DAPAT_DITANGANI,
)

# Baru → Ditangani → Dirujuk → Selesai / Tidak dapat ditangani. Steps may be skipped forwards (a question answered
# at the desk goes straight from Baru to Selesai) but never backwards, and a closed complaint stays closed.
COMPLAINT_TRANSITIONS: dict[ComplaintStatus, tuple[ComplaintStatus, ...]] = {
    ComplaintStatus.BARU: (
        ComplaintStatus.DITANGANI, ComplaintStatus.DIRUJUK, ComplaintStatus.SELESAI,
        ComplaintStatus.TIDAK_DAPAT_DITANGANI,
    ),
    ComplaintStatus.DITANGANI: (
        ComplaintStatus.DIRUJUK, ComplaintStatus.SELESAI, ComplaintStatus.TIDAK_DAPAT_DITANGANI,
    ),
    ComplaintStatus.DIRUJUK: (ComplaintStatus.SELESAI, ComplaintStatus.TIDAK_DAPAT_DITANGANI),
    ComplaintStatus.SELESAI: (),
    ComplaintStatus.TIDAK_DAPAT_DITANGANI: (),
}

# Bahasa Indonesia names for messages from the services (the UI has its own translated labels).
COMPLAINT_STATUS_NAMES: dict[ComplaintStatus, str] = {
    ComplaintStatus.BARU: "Baru",
    ComplaintStatus.DITANGANI: "Ditangani",
    ComplaintStatus.DIRUJUK: "Dirujuk",
    ComplaintStatus.SELESAI: "Selesai",
    ComplaintStatus.TIDAK_DAPAT_DITANGANI: "Tidak dapat ditangani",
}

URGENCY_RANK: dict[Urgency, int] = {Urgency.DARURAT: 0, Urgency.SEGERA: 1, Urgency.BIASA: 2}


def next_complaint_statuses(current: ComplaintStatus) -> tuple[ComplaintStatus, ...]:
    return COMPLAINT_TRANSITIONS.get(current, ())


def is_closing(status: ComplaintStatus) -> bool:
    return status in CLOSED_COMPLAINT_STATUSES


@dataclass(frozen=True, slots=True)
class TaskItem:
    """One open item on the worklist."""

    kind: TaskKind
    id: str
    number: str
    #: What it is about: the complaint category, the need domain, the proposal kind or the change kind.
    topic_code: str
    topic_name: str  # Bahasa Indonesia name from the reference tables ("" for proposal and change kinds)
    topic_name_en: str
    summary: str  # the description as written, shortened
    status: str  # the item's own status code (BARU, TERIDENTIFIKASI, DRAFT, MENUNGGU…)
    urgency: Urgency
    household_id: str
    household_number: str
    household_name: str  # head of the household
    due_date: date | None
    state: TaskState
    #: Working days past the due date (> 0 late, 0 due today, < 0 working days still left).
    working_days_late: int
    row_version: int
    #: Years counted that have no holiday data (only weekends were skipped there).
    uncovered_years: tuple[int, ...] = ()

    @property
    def calendar_exact(self) -> bool:
        return not self.uncovered_years

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """DARURAT first, then the latest overdue items, then those due today, then the rest by due date."""
        group = 0 if self.urgency is Urgency.DARURAT else {
            TaskState.TERLAMBAT: 1, TaskState.HARI_INI: 2, TaskState.MENDATANG: 3}[self.state]
        return (group, -self.working_days_late, URGENCY_RANK[self.urgency], self.number)

    def topic_label(self, language: str) -> str:
        return self.topic_name_en if language == "en" and self.topic_name_en else self.topic_name


@dataclass(frozen=True, slots=True)
class ComplaintItem:
    """A complaint as the list and the status dialog show it."""

    id: str
    number: str
    household_id: str
    household_number: str
    household_name: str
    person_id: str | None
    person_name: str
    kind: ComplaintType
    category_code: str
    category_name: str
    category_name_en: str
    program_code: str | None
    description: str
    urgency: Urgency
    status: ComplaintStatus
    answer: str
    due_date: date | None
    created_at: datetime
    closed_at: datetime | None
    closed_by: str | None  # actor id
    closed_by_name: str  # the officer's full name, or the actor id for the CLI
    row_version: int
    #: Working days past the due date while the complaint is open (0 when closed, on time or without a date).
    working_days_late: int = 0

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_COMPLAINT_STATUSES

    def category_label(self, language: str) -> str:
        return self.category_name_en if language == "en" and self.category_name_en else self.category_name


@dataclass(frozen=True, slots=True)
class OpenItem:
    """An open complaint, need, proposal or change request as read from the database, before it is placed
    against today's date (the service turns it into a TaskItem)."""

    kind: TaskKind
    id: str
    number: str
    topic_code: str
    topic_name: str
    topic_name_en: str
    summary: str
    status: str
    urgency: Urgency
    household_id: str
    household_number: str
    household_name: str
    due_date: date | None
    created_at: datetime
    row_version: int


@dataclass(frozen=True, slots=True)
class FollowUpEntry:
    """One row of a case's follow-up history (append-only): a status change or a note."""

    id: str
    entity: str  # complaint | need | proposal
    entity_id: str
    occurred_at: datetime
    method: str
    officer_id: str
    status_before: str | None
    status_after: str | None
    notes: str
