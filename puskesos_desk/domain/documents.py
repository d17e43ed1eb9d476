"""What a printed document shows, assembled by the services and laid out by `puskesos_desk.printing`.

The printing layer never reads the database and never decides what may be disclosed: identity numbers arrive here
already masked (or in full, when the receiving service needs them and the officer chose so), and every text is
final Bahasa Indonesia. That keeps the rule "no unmasked NIK/KK unless decided" in one place, the services.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from puskesos_desk.domain.referrals import RegisterSnapshot


class Paper(StrEnum):
    F4 = "f4"  # Folio, 215 × 330 mm: the usual office paper in Indonesia
    A4 = "a4"
    A5 = "a5"


PAPER_MM: dict[Paper, tuple[float, float]] = {Paper.F4: (215.0, 330.0), Paper.A4: (210.0, 297.0),
                                              Paper.A5: (148.0, 210.0)}
PAPER_LABELS: dict[Paper, str] = {Paper.F4: "F4 / Folio (215 × 330 mm)", Paper.A4: "A4 (210 × 297 mm)",
                                  Paper.A5: "A5 (148 × 210 mm)"}


class DocumentKind(StrEnum):
    """Documents the desk prints; each print or save is a disclosure record."""

    SURAT_RUJUKAN = "SURAT_RUJUKAN"
    BUKTI_PENDAFTARAN = "BUKTI_PENDAFTARAN"
    KETERANGAN_DTSEN = "KETERANGAN_DTSEN"
    TUGAS_HARI_INI = "TUGAS_HARI_INI"


class OutputChannel(StrEnum):
    CETAK = "CETAK"  # sent to a printer
    SIMPAN_PDF = "SIMPAN_PDF"  # written to a PDF file (to hand over by other means)


@dataclass(frozen=True, slots=True)
class Letterhead:
    organisation: str  # "PUSKESOS DESA SUMOGAWE"
    region_lines: tuple[str, ...]  # ("Kecamatan Getasan, Kabupaten Semarang", "Provinsi Jawa Tengah")
    address: str = ""
    contact: str = ""  # telephone / e-mail line, may be empty
    place: str = ""  # the place written before the date: "Sumogawe"
    logo_png: bytes | None = None


@dataclass(frozen=True, slots=True)
class ResidentIdentity:
    name: str
    nik: str  # masked ("3322••••••••0001") or full, decided by the service; "Belum punya NIK" when absent
    kk_number: str
    birth_place: str
    birth_date: date | None
    sex: str  # "Laki-laki" / "Perempuan"
    address: str  # street, RT/RW, hamlet, village


@dataclass(frozen=True, slots=True)
class Recipient:
    organisation: str
    service_name: str
    address: str  # "" when the directory has none: the slip then says so
    contact: str = ""
    hours: str = ""


@dataclass(frozen=True, slots=True)
class SlipDocument:
    letterhead: Letterhead
    number: str
    letter_date: date
    recipient: Recipient
    resident: ResidentIdentity
    register: RegisterSnapshot
    problem_summary: str
    requested_service: str
    #: Every document the service asks for, and whether the resident brings it: (name, attached).
    documents: tuple[tuple[str, bool], ...]
    officer_name: str
    officer_title: str  # "Petugas Back Office"
    signer_name: str | None  # the Koordinator who approved; None while a draft
    signer_title: str  # "Koordinator Puskesos"
    token: str  # the signed QR token; never personal data
    response_days: int
    response_due: date | None = None
    approved: bool = True  # False: a draft preview, printed with "DRAF" across the page
    reprint: int = 0  # 0 for the first print, n for the n-th reprint


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    number: str
    text: str  # "Pengaduan — Bantuan sosial tidak cair"
    due: date | None = None


@dataclass(frozen=True, slots=True)
class ReceiptDocument:
    """Bukti pendaftaran: given to the resident at the end of a visit."""

    letterhead: Letterhead
    registration_number: str
    occurred_at: datetime  # local time
    channel: str  # label: "Datang langsung"
    applicant_name: str
    subjects: tuple[tuple[str, str], ...]  # (name, masked NIK)
    purpose: str
    officer_name: str
    items: tuple[ReceiptLine, ...] = ()  # complaints and needs recorded in the visit
    notice: str = ""  # the privacy notice statement given at intake


@dataclass(frozen=True, slots=True)
class RegisterNoteDocument:
    """Keterangan status DTSEN: what the district's extract says about one resident, with its date."""

    letterhead: Letterhead
    resident: ResidentIdentity
    register: RegisterSnapshot
    printed_on: date
    officer_name: str
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class TaskLine:
    state: str  # "Terlambat 3 hari kerja" / "Hari ini" / "2 hari kerja lagi"
    kind: str  # "Keluhan", "Kebutuhan", "Rujukan"…
    number: str
    household: str
    summary: str
    due: date | None
    urgent: bool = False


@dataclass(frozen=True, slots=True)
class TaskListDocument:
    letterhead: Letterhead
    day: date
    officer_name: str
    lines: tuple[TaskLine, ...] = field(default_factory=tuple)
