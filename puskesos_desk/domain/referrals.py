"""Referrals (rujukan): the state machine, letter numbers, and the records screens and slips are built from.

A referral goes to an agency or person who acts (a directory service), never "into a programme": programme entry
is decided by the DTSEN desil. The flow follows SLRT "penanganan → penetapan layanan → cetak surat": the officer
drafts, the Koordinator decides and signs, the first print hands the slip over, and feedback from the receiving
office (the return stub, a phone call, the resident, the district secretariat) moves it on until it is closed.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from puskesos_desk.domain.enums import ReferralOutcome, ReferralStatus

S = ReferralStatus

#: Allowed status changes. DISETUJUI → DIKIRIM happens only by printing or saving the slip (`OUTPUT_STATUSES`);
#: TIDAK_ADA_KABAR is set when the response time passes, and late news may still move such a referral on.
REFERRAL_TRANSITIONS: dict[ReferralStatus, tuple[ReferralStatus, ...]] = {
    S.DRAFT: (S.DISETUJUI, S.DIBATALKAN),
    S.DISETUJUI: (S.DIKIRIM, S.DRAFT, S.DIBATALKAN),
    S.DIKIRIM: (S.DITERIMA, S.DIPROSES, S.SELESAI, S.DITOLAK, S.TIDAK_ADA_KABAR, S.DIBATALKAN),
    S.DITERIMA: (S.DIPROSES, S.SELESAI, S.DITOLAK),
    S.DIPROSES: (S.SELESAI, S.DITOLAK),
    S.TIDAK_ADA_KABAR: (S.DITERIMA, S.DIPROSES, S.SELESAI, S.DITOLAK, S.DIBATALKAN),
    S.SELESAI: (),
    S.DITOLAK: (),
    S.DIBATALKAN: (),
}
#: Changes that report what the receiving office did: they need a feedback source and may carry its date.
FEEDBACK_STATUSES: tuple[ReferralStatus, ...] = (S.DITERIMA, S.DIPROSES, S.SELESAI, S.DITOLAK)
#: Statuses from which the slip may be printed (and after which a print is a reprint).
PRINTABLE_STATUSES: tuple[ReferralStatus, ...] = (
    S.DISETUJUI, S.DIKIRIM, S.DITERIMA, S.DIPROSES, S.TIDAK_ADA_KABAR, S.SELESAI, S.DITOLAK,
)
#: Waiting for the receiving office: these count towards the response time.
AWAITING_ANSWER: tuple[ReferralStatus, ...] = (S.DIKIRIM,)
OPEN_STATUSES: tuple[ReferralStatus, ...] = (S.DRAFT, S.DISETUJUI, S.DIKIRIM, S.DITERIMA, S.DIPROSES, S.TIDAK_ADA_KABAR)
CLOSED_STATUSES: tuple[ReferralStatus, ...] = (S.SELESAI, S.DITOLAK, S.DIBATALKAN)

#: How long a slip's QR token is honoured after the letter date (the return stub may come back late).
TOKEN_VALID_DAYS = 365
#: Fields a slip discloses to the receiving office (the PDP record of what was shared).
SLIP_DATA_FIELDS: tuple[str, ...] = (
    "nama", "nik_disamarkan", "no_kk_disamarkan", "tanggal_lahir", "jenis_kelamin", "alamat",
    "status_dtsen", "ringkasan_masalah",
)
FULL_ID_FIELDS: tuple[str, ...] = ("nik_lengkap", "no_kk_lengkap")

STATUS_LABELS: dict[ReferralStatus, str] = {
    S.DRAFT: "Draf", S.DISETUJUI: "Disetujui", S.DIKIRIM: "Dikirim", S.DITERIMA: "Diterima",
    S.DIPROSES: "Diproses", S.SELESAI: "Selesai", S.DITOLAK: "Ditolak", S.DIBATALKAN: "Dibatalkan",
    S.TIDAK_ADA_KABAR: "Tidak ada kabar",
}
OUTCOME_LABELS: dict[ReferralOutcome, str] = {
    ReferralOutcome.TERLAYANI_PENUH: "Terlayani penuh",
    ReferralOutcome.TERLAYANI_SEBAGIAN: "Terlayani sebagian",
    ReferralOutcome.TIDAK_TERLAYANI: "Tidak terlayani",
}


def next_statuses(current: ReferralStatus) -> tuple[ReferralStatus, ...]:
    return REFERRAL_TRANSITIONS[current]


def transition_error(current: ReferralStatus, target: ReferralStatus) -> str | None:
    """Why `current → target` is not allowed, in Bahasa; None when it is."""
    if target in REFERRAL_TRANSITIONS[current]:
        return None
    if current in CLOSED_STATUSES:
        return f"Rujukan sudah {STATUS_LABELS[current].lower()}; statusnya tidak dapat diubah lagi."
    if target is S.DIKIRIM:
        return "Rujukan berstatus dikirim setelah suratnya dicetak; setujui dan cetak surat rujukan terlebih dahulu."
    if target is S.DISETUJUI and current is not S.DRAFT:
        return "Hanya rujukan berstatus draf yang dapat disetujui."
    if current in (S.DRAFT, S.DISETUJUI):
        return "Surat rujukan belum dicetak dan diserahkan; tanggapan lembaga tujuan belum dapat dicatat."
    return (f"Status rujukan tidak dapat diubah dari {STATUS_LABELS[current].lower()} "
            f"menjadi {STATUS_LABELS[target].lower()}.")


# --- Letter numbers --------------------------------------------------------------------------------------------------

#: Python format fields a letter-number pattern may use.
NUMBER_FIELDS = ("seq", "site", "month_roman", "month", "year")
DEFAULT_NUMBER_PATTERN = "{seq:03d}/RJK/PUSKESOS-{site}/{month_roman}/{year}"
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_letter_number(pattern: str, *, seq: int, day: date, site_code: str) -> str:
    """`001/RJK/PUSKESOS-3322012007/XI/2026` for the default pattern. The site code is written without dots."""
    return pattern.format(seq=seq, site=site_code.replace(".", ""), month_roman=ROMAN_MONTHS[day.month - 1],
                          month=day.month, year=day.year)


def number_pattern_error(pattern: str) -> str | None:
    """Why a letter-number pattern cannot be used, in Bahasa; None when it can.

    The sequence restarts every year, so a pattern without both `{seq}` and `{year}` would repeat numbers.
    """
    message = ("Pola nomor surat harus memuat {seq} (nomor urut) dan {year} (tahun), dan hanya boleh memakai "
               "{seq}, {site}, {month_roman}, {month} dan {year}.")
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
        sample = format_letter_number(pattern, seq=1, day=date(2026, 1, 1), site_code="33.22.01.2007")
    except (ValueError, KeyError, IndexError, TypeError):
        return message
    if "seq" not in fields or "year" not in fields or set(fields) - set(NUMBER_FIELDS):
        return message
    if not sample.strip() or len(sample) > 70:
        return "Nomor surat dari pola ini terlalu panjang (paling banyak 70 karakter)."
    return None


# --- Drafts and records ----------------------------------------------------------------------------------------------


class RegisterKnowledge(StrEnum):
    """What the Puskesos knows of the resident's DTSEN/DTKS status when the referral is written."""

    TERDAFTAR = "TERDAFTAR"  # found in the active extract
    TIDAK_TERDAFTAR = "TIDAK_TERDAFTAR"  # an extract is loaded and the NIK is not in it
    TIDAK_DIKETAHUI = "TIDAK_DIKETAHUI"  # no extract loaded, or the resident has no NIK


@dataclass(frozen=True, slots=True)
class RegisterSnapshot:
    """The register status printed on the letter: never a made-up value, never a desil without its date."""

    knowledge: RegisterKnowledge
    dataset: str | None = None  # DTSEN / DTKS
    as_of: date | None = None
    desil: int | None = None
    programs: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"knowledge": self.knowledge.value, "dataset": self.dataset,
                "as_of": self.as_of.isoformat() if self.as_of else None, "desil": self.desil,
                "programs": list(self.programs)}

    @classmethod
    def from_json(cls, value: dict[str, object] | None) -> RegisterSnapshot:
        if not value or value.get("knowledge") not in RegisterKnowledge.__members__:
            return cls(RegisterKnowledge.TIDAK_DIKETAHUI)
        as_of = value.get("as_of")
        desil = value.get("desil")
        return cls(RegisterKnowledge(str(value["knowledge"])), dataset=str(value.get("dataset") or "") or None,
                   as_of=date.fromisoformat(as_of) if isinstance(as_of, str) else None,
                   desil=desil if isinstance(desil, int) else None,
                   programs=tuple(str(p) for p in value.get("programs") or ()))  # type: ignore[union-attr]

    def describe(self) -> str:
        """One line in Bahasa, as the slip and the screens print it."""
        if self.knowledge is RegisterKnowledge.TIDAK_DIKETAHUI:
            return "Tidak diketahui"
        when = f"per {self.as_of.strftime('%d-%m-%Y')}" if self.as_of else ""
        if self.knowledge is RegisterKnowledge.TIDAK_TERDAFTAR:
            return f"Tidak ditemukan dalam ekstrak {self.dataset or 'DTSEN'} {when}".strip()
        parts = [f"Terdaftar di {self.dataset or 'DTSEN'}"]
        if self.desil is not None:
            parts.append(f"desil {self.desil}")
        if self.programs:
            parts.append("program: " + ", ".join(self.programs))
        return f"{'; '.join(parts)} ({when})" if when else "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ReferralDraft:
    household_id: str
    person_id: str
    service_id: str
    requested_service: str
    problem_summary: str
    documents_attached: tuple[str, ...] = ()
    visit_id: str | None = None
    need_id: str | None = None
    complaint_id: str | None = None
    #: Print NIK and No. KK in full: None takes the service's own rule (needs_full_ids).
    full_ids_on_slip: bool | None = None


@dataclass(frozen=True, slots=True)
class ReferralChange:
    """A status change with the news it is based on."""

    referral_id: str
    status: ReferralStatus
    source: str | None = None  # FeedbackSource; required for FEEDBACK_STATUSES
    occurred_on: date | None = None  # when the office acted (the date on the return stub); None: today
    notes: str = ""
    outcome: ReferralOutcome | None = None  # required for SELESAI
    rejection_reason: str = ""  # required for DITOLAK
    expected_version: int | None = None  # the row version the user looked at (optimistic locking)


@dataclass(frozen=True, slots=True)
class ReferralEventRecord:
    occurred_at: datetime
    actor_name: str
    status_before: str | None
    status_after: str
    source: str | None
    notes: str


@dataclass(frozen=True, slots=True)
class ReferralRecord:
    id: str
    number: str
    letter_date: date
    status: ReferralStatus
    household_id: str
    household_number: str
    person_id: str
    person_name: str
    service_id: str
    service_code: str
    service_name: str
    organization: str
    organization_kind: str
    requested_service: str
    problem_summary: str
    documents_attached: tuple[str, ...]
    data_shared: tuple[str, ...]
    register: RegisterSnapshot
    full_ids_on_slip: bool
    drafted_by: str  # display name
    approved_by: str | None  # display name of the signer
    approved_at: datetime | None
    response_due: date | None
    received_on: date | None
    completed_on: date | None
    outcome: ReferralOutcome | None
    outcome_notes: str
    rejection_reason: str
    print_count: int
    visit_id: str | None
    need_id: str | None
    complaint_id: str | None
    created_at: datetime
    row_version: int
    #: Working days past the response date while waiting for an answer (> 0 late); None when not waiting.
    working_days_late: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def can_print(self) -> bool:
        return self.status in PRINTABLE_STATUSES


@dataclass(frozen=True, slots=True)
class ReferralDetail:
    referral: ReferralRecord
    events: tuple[ReferralEventRecord, ...]
    next_statuses: tuple[ReferralStatus, ...]


@dataclass(frozen=True, slots=True)
class ServiceStats:
    """How a directory service answers referrals (the per-service statistics)."""

    service_id: str
    service_code: str
    service_name: str
    organization: str
    sent: int  # slips handed over (DIKIRIM or later, cancellations after sending included)
    answered: int  # any feedback recorded
    served: int  # SELESAI, fully or partly served
    waiting: int  # sent and still without an answer
    median_working_days_to_answer: float | None
