"""The agency outcome workbook: a list of referrals sent to one receiving office, which the office fills in.

The Sekretariat (or a Puskesos) sends an agency one row per referral still waiting for its answer; the agency writes
what it did in the outcome columns and returns the file, and importing it records each answer as feedback from the
secretariat. This module is the pure part: the column headers, the marker that recognises an answered file, reading
one filled row into an answer (or the problems with it), and the outcome of writing and importing. Finding the
referrals and applying the answers is the service's work (services/agency_workbook.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from puskesos_desk.domain.enums import ReferralOutcome, ReferralStatus

FORMAT = "puskesos-desk/lembar-instansi"
FORMAT_VERSION = "1"
MARKER_SHEET = "_lembar_instansi"  # hidden: format, template id, site code
DATA_SHEET = "Rujukan"
EXPORT_KIND = "LEMBAR_INSTANSI"

# Headers as written; an answered file is read by these names (case and spacing forgiven), never by position.
H_NUMBER = "NOMOR SURAT"
H_SENT = "TANGGAL KIRIM"
H_SERVICE = "LAYANAN"
H_VILLAGE = "DESA"
H_NAME = "NAMA WARGA"
H_NIK = "NIK (DISAMARKAN)"
H_STATUS = "STATUS"
H_OUTCOME = "HASIL"
H_ACTED_ON = "TANGGAL TINDAKAN"
H_NOTES = "KETERANGAN"
H_REASON = "ALASAN DITOLAK"
#: The columns an answered file must still have for its answers to be read.
REQUIRED_HEADERS: tuple[str, ...] = (H_NUMBER, H_STATUS, H_OUTCOME, H_ACTED_ON, H_NOTES, H_REASON)

#: What an agency may report; DIKIRIM and TIDAK_ADA_KABAR are set by the application, never by an agency.
AGENCY_STATUSES: tuple[ReferralStatus, ...] = (
    ReferralStatus.DITERIMA, ReferralStatus.DIPROSES, ReferralStatus.SELESAI, ReferralStatus.DITOLAK,
)
AGENCY_OUTCOMES: tuple[ReferralOutcome, ...] = tuple(ReferralOutcome)
#: Referrals put in a template by default: sent and not answered to the end yet.
WAITING_STATUSES: tuple[ReferralStatus, ...] = (
    ReferralStatus.DIKIRIM, ReferralStatus.DITERIMA, ReferralStatus.DIPROSES, ReferralStatus.TIDAK_ADA_KABAR,
)
_EXCEL_EPOCH = date(1899, 12, 30)  # serial day 0 of spreadsheet dates (the 1900 date system)


def header_key(text: object) -> str:
    """A header cell compared forgivingly: "Nomor  surat " is NOMOR SURAT."""
    return " ".join(str(text or "").split()).upper()


def number_key(text: str) -> str:
    """A letter number compared as the repository finds it: spaces and letter case typed by hand are forgiven."""
    return "".join(text.split()).upper()


def code_of(text: object) -> str:
    """A dropdown cell as a code: "Terlayani penuh" and "TERLAYANI_PENUH" are the same choice."""
    return "_".join(str(text or "").split()).upper()


class MessageCode(StrEnum):
    NOT_AGENCY_WORKBOOK = "BUKAN_LEMBAR_INSTANSI"
    OTHER_SITE = "LEMBAR_SITUS_LAIN"
    MISSING_COLUMN = "KOLOM_HILANG"
    NO_NUMBER = "NOMOR_KOSONG"
    UNKNOWN_NUMBER = "NOMOR_TIDAK_DIKENAL"
    DUPLICATE_NUMBER = "NOMOR_GANDA"
    BAD_STATUS = "STATUS_TIDAK_DIKENAL"
    FORBIDDEN_CHANGE = "STATUS_TIDAK_DIIZINKAN"
    NO_OUTCOME = "HASIL_KOSONG"
    BAD_OUTCOME = "HASIL_TIDAK_DIKENAL"
    NO_REASON = "ALASAN_KOSONG"
    NO_DATE = "TANGGAL_KOSONG"
    BAD_DATE = "TANGGAL_TIDAK_SAH"
    FUTURE_DATE = "TANGGAL_MASA_DEPAN"
    BEFORE_SENDING = "TANGGAL_SEBELUM_KIRIM"
    ALREADY_RECORDED = "SUDAH_TERCATAT"


@dataclass(frozen=True, slots=True)
class AgencyMessage:
    code: MessageCode
    message: str  # Bahasa, names the row and the column
    row: int | None = None  # spreadsheet row number (2 = the first data row)
    column: str | None = None  # header of the column at fault
    severity: str = "error"  # "error" stops the import; "info" does not

    def as_json(self) -> dict[str, object]:
        return {"code": self.code.value, "message": self.message, "row": self.row, "column": self.column,
                "severity": self.severity}


@dataclass(frozen=True, slots=True)
class AgencyAnswer:
    """One filled row, read and checked on its own (the referral's state is checked by the service)."""

    row: int
    number: str
    status: ReferralStatus
    acted_on: date
    outcome: ReferralOutcome | None = None
    notes: str = ""
    rejection_reason: str = ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number cell typed into a text column
    return str(value).strip()


def parse_date(value: object) -> date | None:
    """A date cell as the reader hands it (date, datetime, a serial number, or text dd-mm-yyyy / yyyy-mm-dd)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if 1 <= value < 2958466:  # up to 31-12-9999
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    text = _text(value)
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def read_answer(row: int, cells: dict[str, object]) -> AgencyAnswer | list[AgencyMessage] | None:
    """The answer of one row, the problems with it, or None when its STATUS is empty (the agency left it)."""
    status_text = code_of(cells.get(H_STATUS))
    if not status_text:
        return None
    problems: list[AgencyMessage] = []

    def problem(code: MessageCode, column: str, text: str) -> None:
        problems.append(AgencyMessage(code, f"Baris {row}, kolom {column}: {text}", row=row, column=column))

    number = _text(cells.get(H_NUMBER))
    if not number:
        problem(MessageCode.NO_NUMBER, H_NUMBER, "nomor surat kosong; salin nomor dari surat rujukan.")
    allowed = ", ".join(s.value for s in AGENCY_STATUSES)
    status = ReferralStatus(status_text) if status_text in {s.value for s in AGENCY_STATUSES} else None
    if status is None:
        problem(MessageCode.BAD_STATUS, H_STATUS, f"\"{_text(cells.get(H_STATUS))}\" bukan status yang dikenal; "
                                                  f"pilih {allowed}.")
    outcome_text = code_of(cells.get(H_OUTCOME))
    outcome = ReferralOutcome(outcome_text) if outcome_text in {o.value for o in AGENCY_OUTCOMES} else None
    if outcome_text and outcome is None:
        problem(MessageCode.BAD_OUTCOME, H_OUTCOME, f"\"{_text(cells.get(H_OUTCOME))}\" bukan hasil yang dikenal; "
                                                    f"pilih {', '.join(o.value for o in AGENCY_OUTCOMES)}.")
    elif status is ReferralStatus.SELESAI and outcome is None:
        problem(MessageCode.NO_OUTCOME, H_OUTCOME, "status SELESAI memerlukan HASIL (TERLAYANI_PENUH, "
                                                   "TERLAYANI_SEBAGIAN, atau TIDAK_TERLAYANI).")
    reason = _text(cells.get(H_REASON))
    if status is ReferralStatus.DITOLAK and not reason:
        problem(MessageCode.NO_REASON, H_REASON, "status DITOLAK memerlukan alasan penolakan dari instansi.")
    raw_date = cells.get(H_ACTED_ON)
    acted_on = parse_date(raw_date)
    if raw_date is None or _text(raw_date) == "":
        problem(MessageCode.NO_DATE, H_ACTED_ON, "isi tanggal instansi menindaklanjuti rujukan (dd-mm-yyyy).")
    elif acted_on is None:
        problem(MessageCode.BAD_DATE, H_ACTED_ON, f"\"{_text(raw_date)}\" bukan tanggal; tulis sebagai dd-mm-yyyy.")
    if problems or status is None or acted_on is None:
        return problems
    return AgencyAnswer(row=row, number=number, status=status, acted_on=acted_on,
                        outcome=outcome if status is ReferralStatus.SELESAI else None,
                        notes=_text(cells.get(H_NOTES)),
                        rejection_reason=reason if status is ReferralStatus.DITOLAK else "")


def date_problem(answer: AgencyAnswer, today: date, sent_on: date | None) -> AgencyMessage | None:
    """The action date against the calendar: never in the future, never before the slip was handed over."""
    where = f"Baris {answer.row}, kolom {H_ACTED_ON}: "
    if answer.acted_on > today:
        return AgencyMessage(MessageCode.FUTURE_DATE, where + f"tanggal {answer.acted_on:%d-%m-%Y} ada di masa depan.",
                             row=answer.row, column=H_ACTED_ON)
    if sent_on is not None and answer.acted_on < sent_on:
        return AgencyMessage(MessageCode.BEFORE_SENDING, where + f"tanggal {answer.acted_on:%d-%m-%Y} sebelum surat "
                             f"{answer.number} dikirim ({sent_on:%d-%m-%Y}).", row=answer.row, column=H_ACTED_ON)
    return None


# --- outcomes -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgencyTemplateOutcome:
    path: Path
    template_id: str
    rows: int
    services: tuple[str, ...]  # service codes asked for; empty: every service
    organization: str | None
    sha256: str

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "template_id": self.template_id, "rows": self.rows,
                "services": list(self.services), "organization": self.organization, "sha256": self.sha256}


class AgencyImportStatus(StrEnum):
    APPLIED = "DITERAPKAN"
    WOULD_APPLY = "AKAN_DITERAPKAN"  # a dry run without errors
    REJECTED = "DITOLAK"  # nothing applied


@dataclass(frozen=True, slots=True)
class AgencyImportOutcome:
    path: Path
    status: AgencyImportStatus
    template_id: str = ""
    applied: int = 0  # answers recorded (or that would be, in a dry run)
    unchanged: int = 0  # answers already recorded with this very status
    skipped: int = 0  # rows whose STATUS was left empty
    messages: tuple[AgencyMessage, ...] = ()
    numbers: tuple[str, ...] = field(default=())  # letter numbers answered (or that would be)

    @property
    def errors(self) -> int:
        return sum(1 for m in self.messages if m.severity == "error")

    @property
    def exit_code(self) -> int:
        return 3 if self.status is AgencyImportStatus.REJECTED else 0

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.path), "status": self.status.value, "template_id": self.template_id,
                "counts": {"applied": self.applied, "unchanged": self.unchanged, "skipped": self.skipped,
                           "errors": self.errors},
                "numbers": list(self.numbers), "messages": [m.as_json() for m in self.messages]}
