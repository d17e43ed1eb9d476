"""Agency outcome workbooks: closing referral loops in bulk (issue 7, "Closing referral loops at the district").

- `write_agency_template`: one row per referral waiting for a receiving office (optionally only some services or one
  organisation), with outcome columns the office fills from dropdowns. The resident is named, the NIK masked: the
  office holds the paper slip. The file is a disclosure of personal data, so it is entered in the export register
  and the audit log like every export; without those entries the file is removed.
- `import_agency_outcomes`: the answered file, guarded and read in the reader process. Every filled row is checked
  first (unknown or repeated letter numbers, a status the lifecycle forbids, SELESAI without HASIL, DITOLAK without
  a reason, an action date in the future or before the slip was sent); a single problem and nothing is applied.
  Otherwise all answers are recorded in one transaction as feedback from the secretariat, with the agency's date.
  At a district the changed referrals travel back to their villages in the next return package.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import exchange_ledger, households, referrals, sites, trust
from puskesos_desk.domain import agency_workbook as aw
from puskesos_desk.domain.agency_workbook import (
    AgencyAnswer,
    AgencyImportOutcome,
    AgencyImportStatus,
    AgencyMessage,
    AgencyTemplateOutcome,
    MessageCode,
)
from puskesos_desk.domain.enums import AuditAction, FeedbackSource, ReferralStatus
from puskesos_desk.domain.errors import InputRejected, PuskesosError, SiteNotInitialised
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import STATUS_LABELS, ReferralChange, ReferralRecord, transition_error
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referrals import change_status_in
from puskesos_desk.spreadsheet.columns import Column, ColumnKind
from puskesos_desk.spreadsheet.guard import inspect_xlsx
from puskesos_desk.spreadsheet.reader import Row, read_sheets

_MAX_REFERRALS = 1_000_000
_TEXT, _DATE, _ENUM = ColumnKind.TEXT, ColumnKind.DATE, ColumnKind.ENUM
COLUMNS: tuple[Column, ...] = (
    Column("number", aw.H_NUMBER, _TEXT, width=36.0, help="Nomor surat rujukan. Jangan diubah."),
    Column("sent", aw.H_SENT, _DATE, help="Tanggal surat diserahkan kepada warga."),
    Column("service", aw.H_SERVICE, _TEXT, width=34.0, help="Layanan yang dimohon dari instansi ini."),
    Column("village", aw.H_VILLAGE, _TEXT, width=30.0, help="Puskesos desa/kelurahan yang merujuk."),
    Column("name", aw.H_NAME, _TEXT, width=28.0, help="Nama warga yang dirujuk."),
    Column("nik", aw.H_NIK, ColumnKind.ID_TEXT, width=20.0,
           help="NIK disamarkan; NIK lengkap ada pada surat rujukan yang dibawa warga."),
    Column("status", aw.H_STATUS, _ENUM, width=14.0, choices=tuple(s.value for s in aw.AGENCY_STATUSES),
           help="Isi oleh instansi: DITERIMA, DIPROSES, SELESAI, atau DITOLAK. Biarkan kosong bila belum ada "
                "tindakan."),
    Column("outcome", aw.H_OUTCOME, _ENUM, width=22.0, choices=tuple(o.value for o in aw.AGENCY_OUTCOMES),
           help="Wajib bila STATUS SELESAI: TERLAYANI_PENUH, TERLAYANI_SEBAGIAN, atau TIDAK_TERLAYANI."),
    Column("acted_on", aw.H_ACTED_ON, _DATE, help="Wajib bila STATUS diisi: tanggal instansi bertindak "
                                                   "(dd-mm-yyyy), tidak sebelum tanggal kirim."),
    Column("notes", aw.H_NOTES, _TEXT, width=36.0, help="Catatan instansi (boleh kosong)."),
    Column("reason", aw.H_REASON, _TEXT, width=36.0, help="Wajib bila STATUS DITOLAK: alasan penolakan."),
)
_PARAGRAPHS = (
    "Lembar ini berisi rujukan dari Puskesos desa/kelurahan kepada instansi Anda yang belum selesai ditindaklanjuti. "
    "Satu baris untuk satu surat rujukan.",
    "Untuk setiap rujukan yang sudah ditindaklanjuti, isi STATUS (pilih dari daftar), TANGGAL TINDAKAN, dan bila "
    "SELESAI juga HASIL, bila DITOLAK juga ALASAN DITOLAK. Biarkan STATUS kosong untuk rujukan yang belum ada "
    "tindakan. Jangan mengubah NOMOR SURAT dan jangan menghapus lembar tersembunyi.",
    "Kirim kembali berkas ini kepada Sekretariat SLRT. Bila ada satu baris yang salah, tidak ada hasil yang dicatat "
    "sampai berkasnya diperbaiki; pesan kesalahan menyebut baris dan kolomnya.",
    "Berkas ini berisi data pribadi warga (UU PDP No. 27/2022): gunakan hanya untuk menindaklanjuti rujukan dan "
    "jangan dibagikan kepada pihak lain.",
)


# --- the template -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TemplateRow:
    record: ReferralRecord
    village: str
    nik: str
    sent_on: object

    def cells(self) -> dict[str, object]:
        record = self.record
        return {"number": record.number, "sent": self.sent_on, "service": f"{record.service_name} "
                f"({record.organization})", "village": self.village, "name": record.person_name,
                "nik": mask_id(self.nik) or None}


def write_agency_template(ctx: ServiceContext, out: Path, *, service_codes: Sequence[str] | None = None,
                          organization: str | None = None,
                          statuses: Sequence[ReferralStatus] = aw.WAITING_STATUSES) -> AgencyTemplateOutcome:
    """Write the workbook an agency fills in; raises InputRejected when no referral is waiting for it."""
    ctx.require(Permission.EXPORT_DATA)
    out = Path(out)
    wanted = {code.strip() for code in service_codes or () if code.strip()}
    with ctx.db.reading() as session:
        site = sites.get_site_row(session)
        if site is None:
            raise SiteNotInitialised("Situs belum disiapkan; jalankan init terlebih dahulu.")
        site_code = site.code
        records = [r for r in referrals.list_records(session, statuses=[s.value for s in statuses],
                                                     limit=_MAX_REFERRALS)
                   if (not wanted or r.service_code in wanted)
                   and (not organization or r.organization.casefold() == organization.strip().casefold())]
        if not records:
            raise InputRejected("Tidak ada rujukan yang menunggu jawaban untuk layanan yang dipilih; lembar untuk "
                                "instansi tidak dibuat.")
        rows = sorted(_template_rows(session, records, site_code, site.name),
                      key=lambda r: (r.village, r.record.letter_date, r.record.number))
    template_id = str(uuid.uuid4())
    marker = [("format", aw.FORMAT), ("format_version", aw.FORMAT_VERSION), ("template_id", template_id),
              ("site", site_code), ("created_at", ctx.now().isoformat(timespec="seconds")),
              ("rows", str(len(rows)))]
    _write_workbook(out, rows, marker)
    outcome = AgencyTemplateOutcome(path=out, template_id=template_id, rows=len(rows),
                                    services=tuple(sorted(wanted)), organization=organization, sha256=_sha256(out))
    _record_disclosure(ctx, outcome)
    return outcome


def _template_rows(session: DbSession, records: Iterable[ReferralRecord], own_code: str,
                   own_name: str) -> Iterator[_TemplateRow]:
    villages = {site.code: site.name for site in trust.all_trusted(session)}
    villages[own_code] = own_name
    for record in records:
        origin = referrals.get_referral(session, record.id).origin_site or own_code
        name = villages.get(origin)
        nik = households.get_person(session, record.person_id).nik or ""
        yield _TemplateRow(record=record, village=f"{name} ({origin})" if name else origin, nik=nik,
                           sent_on=referrals.sent_on(session, record.id) or record.letter_date)


def _write_workbook(out: Path, rows: list[_TemplateRow], marker: list[tuple[str, str]]) -> None:
    # Imported here, as extract_check does: starting the application needs no workbook writer.
    from puskesos_desk.spreadsheet.writer import ExchangeWorkbookWriter, WorkbookValueError

    try:
        with ExchangeWorkbookWriter(out) as writer:
            writer.add_instructions("Lembar hasil tindak lanjut rujukan untuk instansi", _PARAGRAPHS,
                                    column_docs=None)
            writer.add_sheet(aw.DATA_SHEET, COLUMNS, (row.cells() for row in rows),
                             note="Satu baris per surat rujukan; isi STATUS dan kolom di kanannya.")
            writer.add_hidden_sheet(aw.MARKER_SHEET, marker)
    except WorkbookValueError as exc:
        raise InputRejected(f"Lembar untuk instansi tidak dapat dibuat: {exc}", detail=str(exc)) from exc


def _record_disclosure(ctx: ServiceContext, outcome: AgencyTemplateOutcome) -> None:
    """The export register entry and the audit event; without them the file must not exist."""
    recipient = outcome.organization or "Instansi penerima rujukan"
    purpose = "Tindak lanjut rujukan: instansi mengisi hasil layanan"
    counts = {aw.DATA_SHEET: outcome.rows}
    try:
        with ctx.db.transaction(ctx.actor) as session:
            exchange_ledger.add_export_record(
                session, kind=aw.EXPORT_KIND, file_name=outcome.path.name, sha256=outcome.sha256,
                recipient=recipient, purpose=purpose, row_counts=counts, columns=[c.header for c in COLUMNS],
                encrypted=False, masked=True, notes=f"lembar {outcome.template_id}; layanan: "
                f"{', '.join(outcome.services) or 'semua'}",
            )
            append_event(session, AuditAction.EXPORT, entity="referral", entity_id=outcome.template_id,
                         changes={"kind": aw.EXPORT_KIND, "rows": counts, "masked": True, "sha256": outcome.sha256,
                                  "file": outcome.path.name, "services": list(outcome.services)},
                         recipient=recipient, purpose=purpose)
    except BaseException:
        outcome.path.unlink(missing_ok=True)
        raise


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- importing the answers --------------------------------------------------------------------------------------


class _RolledBack(Exception):
    """Raised inside the transaction to undo every answer when one could not be recorded after all."""


def import_agency_outcomes(ctx: ServiceContext, path: Path, *, dry_run: bool = False) -> AgencyImportOutcome:
    """Record the answers of a filled agency workbook, all or none. Raises InputRejected for a file that is not an
    agency workbook of this site (or is unsafe to read); row problems come back as messages."""
    ctx.require(Permission.HANDLE_CASE)
    path = Path(path)
    with ctx.db.reading() as session:
        site = sites.get_site_row(session)
        if site is None:
            raise SiteNotInitialised("Situs belum disiapkan; jalankan init terlebih dahulu.")
        site_code = site.code
    template_id, answers, problems, skipped = _read_answers(path, site_code)
    if problems:
        return AgencyImportOutcome(path=path, status=AgencyImportStatus.REJECTED, template_id=template_id,
                                   skipped=skipped, messages=tuple(problems))
    scope = ctx.db.reading() if dry_run else ctx.db.transaction(ctx.actor)
    try:
        with scope as session:
            changes, notes, problems = _check_answers(ctx, session, answers)
            if problems or dry_run:
                status = AgencyImportStatus.REJECTED if problems else AgencyImportStatus.WOULD_APPLY
                return AgencyImportOutcome(path=path, status=status, template_id=template_id,
                                           applied=0 if problems else len(changes), unchanged=len(notes),
                                           skipped=skipped, messages=tuple(problems + notes),
                                           numbers=() if problems else tuple(a.number for a, _ in changes))
            _apply(ctx, session, changes, problems)
            append_event(session, AuditAction.IMPORT, entity="referral", entity_id=template_id or None,
                         changes={"kind": aw.EXPORT_KIND, "file": path.name, "applied": len(changes),
                                  "numbers": [a.number for a, _ in changes]},
                         reason="hasil tindak lanjut dari instansi")
    except _RolledBack:
        return AgencyImportOutcome(path=path, status=AgencyImportStatus.REJECTED, template_id=template_id,
                                   skipped=skipped, messages=tuple(problems))
    return AgencyImportOutcome(path=path, status=AgencyImportStatus.APPLIED, template_id=template_id,
                               applied=len(changes), unchanged=len(notes), skipped=skipped, messages=tuple(notes),
                               numbers=tuple(a.number for a, _ in changes))


def _read_answers(path: Path, site_code: str) -> tuple[str, list[AgencyAnswer], list[AgencyMessage], int]:
    """(template id, answers, row problems, rows left empty) of the file; InputRejected for a file-level refusal."""
    shape = inspect_xlsx(path)
    if shape.sheet(aw.MARKER_SHEET) is None or shape.sheet(aw.DATA_SHEET) is None:
        raise InputRejected(f"Berkas {path.name} bukan lembar hasil untuk instansi dari Puskesos Desk (lembar "
                            f"\"{aw.DATA_SHEET}\" atau penandanya tidak ada). Buat lembar dengan \"Lembar untuk "
                            "instansi…\" lalu minta instansi mengisinya.", field="file")
    marker: dict[str, str] = {}
    header: dict[str, int] | None = None
    answers: list[AgencyAnswer] = []
    problems: list[AgencyMessage] = []
    skipped = 0
    for batch in read_sheets(path, [aw.MARKER_SHEET, aw.DATA_SHEET], shape=shape):
        if batch.sheet == aw.MARKER_SHEET:
            marker.update({str(row[0]).strip(): str(row[1] or "").strip() for row in batch.rows
                           if len(row) >= 2 and row[0] is not None})
            continue
        rows: list[Row] = batch.rows
        first = batch.first_row
        if header is None:
            header = _header(rows[0], path)
            rows, first = rows[1:], first + 1
        for number, row in enumerate(rows, start=first):
            cells = {name: row[index] for name, index in header.items() if index < len(row)}
            read = aw.read_answer(number, cells)
            if read is None:
                skipped += 1 if str(cells.get(aw.H_NUMBER) or "").strip() else 0
            elif isinstance(read, list):
                problems.extend(read)
            else:
                answers.append(read)
    _check_marker(marker, path, site_code)
    if header is None:
        raise InputRejected(f"Lembar \"{aw.DATA_SHEET}\" pada berkas {path.name} kosong.", field="file")
    return marker.get("template_id", ""), answers, problems, skipped


def _header(row: Row, path: Path) -> dict[str, int]:
    found = {aw.header_key(value): index for index, value in reversed(list(enumerate(row))) if value is not None}
    missing = [name for name in aw.REQUIRED_HEADERS if name not in found]
    if missing:
        raise InputRejected(f"Lembar \"{aw.DATA_SHEET}\" pada berkas {path.name} tidak memiliki kolom "
                            f"{', '.join(missing)}. Jangan menghapus atau mengganti judul kolom; buat lembar baru "
                            "bila perlu.", field="file")
    return {name: found[name] for name in (*aw.REQUIRED_HEADERS, aw.H_SENT) if name in found}


def _check_marker(marker: dict[str, str], path: Path, site_code: str) -> None:
    if marker.get("format") != aw.FORMAT:
        raise InputRejected(f"Berkas {path.name} bukan lembar hasil untuk instansi dari Puskesos Desk.", field="file")
    if marker.get("site") != site_code:
        raise InputRejected(f"Lembar ini dibuat oleh situs {marker.get('site') or '?'}, bukan situs ini "
                            f"({site_code}). Impor di situs yang membuatnya.", field="file")


def _check_answers(ctx: ServiceContext, session: DbSession, answers: list[AgencyAnswer]
                   ) -> tuple[list[tuple[AgencyAnswer, ReferralChange]], list[AgencyMessage], list[AgencyMessage]]:
    """(changes to make, notes on answers already recorded, problems): every answer against its referral."""
    changes: list[tuple[AgencyAnswer, ReferralChange]] = []
    notes: list[AgencyMessage] = []
    problems: list[AgencyMessage] = []
    first_row: dict[str, int] = {}
    today = ctx.today()
    for answer in answers:
        where = f"Baris {answer.row}, kolom {aw.H_NUMBER}: "
        key = aw.number_key(answer.number)
        if key in first_row:
            problems.append(AgencyMessage(MessageCode.DUPLICATE_NUMBER, where + f"nomor surat {answer.number} sudah "
                                          f"diisi pada baris {first_row[key]}; satu surat cukup satu baris.",
                                          row=answer.row, column=aw.H_NUMBER))
            continue
        first_row[key] = answer.row
        row = referrals.find_by_number(session, answer.number)
        if row is None:
            problems.append(AgencyMessage(MessageCode.UNKNOWN_NUMBER, where + f"tidak ada surat rujukan bernomor "
                                          f"\"{answer.number}\" di situs ini.", row=answer.row, column=aw.H_NUMBER))
            continue
        current = ReferralStatus(row.status)
        if current is answer.status:
            notes.append(AgencyMessage(MessageCode.ALREADY_RECORDED, f"Baris {answer.row}: rujukan {row.letter_number}"
                                       f" sudah tercatat {STATUS_LABELS[current].lower()}; baris ini dilewati.",
                                       row=answer.row, column=aw.H_STATUS, severity="info"))
            continue
        refused = transition_error(current, answer.status)
        if refused:
            problems.append(AgencyMessage(MessageCode.FORBIDDEN_CHANGE, f"Baris {answer.row}, kolom {aw.H_STATUS}: "
                                          f"rujukan {row.letter_number}: {refused}", row=answer.row,
                                          column=aw.H_STATUS))
            continue
        late = aw.date_problem(answer, today, referrals.sent_on(session, row.id))
        if late is not None:
            problems.append(late)
            continue
        changes.append((answer, ReferralChange(
            referral_id=row.id, status=answer.status, source=FeedbackSource.SEKRETARIAT.value,
            occurred_on=answer.acted_on, notes=answer.notes, outcome=answer.outcome,
            rejection_reason=answer.rejection_reason, expected_version=row.row_version)))
    return changes, notes, problems


def _apply(ctx: ServiceContext, session: DbSession, changes: list[tuple[AgencyAnswer, ReferralChange]],
           problems: list[AgencyMessage]) -> None:
    """Every change in the caller's transaction; the first that the lifecycle refuses undoes them all."""
    for answer, change in changes:
        try:
            change_status_in(session, ctx, change)
        except PuskesosError as exc:
            text = exc.message
            errors = getattr(exc, "errors", None)
            if isinstance(errors, dict) and errors:
                text = " ".join(str(v) for v in errors.values())
            problems.append(AgencyMessage(MessageCode.FORBIDDEN_CHANGE, f"Baris {answer.row}: rujukan "
                                          f"{answer.number}: {text}", row=answer.row, column=aw.H_STATUS))
            raise _RolledBack from exc
