"""Checking residents against the district's DTSEN/DTKS extract, offline (issue 6).

- `extract_status`: which extract the checks use and how old it is (stale after four months: DTSEN is quarterly).
- `household_check`: one household on its page — per member the extract row (by NIK, else No. KK + name, else
  name + birth date), desil, programme flags and differences; the family's extract members missing here and the
  members missing from the extract.
- `bulk_check`: every registered household → a workbook of who is not in the extract, whose data differs, and
  which desil 1–5 households have no recorded PKH/Sembako/PBI participation (leads for proposals and follow-up).
  NIK and No. KK are masked unless an officer allowed to see them asks otherwise; the file is recorded as a
  disclosure of personal data like every export.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.repositories import exchange_ledger, extract_match, reference
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import Cancelled, InputRejected, NotFound
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.extract_check import (
    CORE_PROGRAMS,
    LINK_LABELS,
    LOW_DESIL_MAX,
    BulkCheckOutcome,
    DiffField,
    ExtractAge,
    ExtractIndex,
    HouseholdExtractCheck,
    RegisteredHousehold,
    check_household,
    needs_aid_follow_up,
)
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.search import RegisterStatus
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.desk_search import relation_from_register
from puskesos_desk.spreadsheet.columns import Column, ColumnKind

SHEET_SUMMARY = "Ringkasan"
SHEET_MISSING = "Tidak di DTSEN"
SHEET_DIFFERENT = "Data berbeda"
SHEET_LOW_DESIL = f"Desil 1-{LOW_DESIL_MAX} tanpa bansos"
EXPORT_KIND = "CEK_DTSEN"
_CHECK_EVERY = 200  # households between progress reports and cancel checks


Masker = Callable[[str | None], str]


def _unmasked(value: str | None) -> str:
    return value or ""


def extract_status(ctx: ServiceContext) -> ExtractAge | None:
    """The extract the checks use (DTSEN before DTKS), with its age; None when none has been imported."""
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        return extract_match.primary_extract(session, ctx.today())


def _with_relation_codes(rows: Iterable[RegisterStatus]) -> Iterator[RegisterStatus]:
    """The extract's relation (DTKS code or words) as a hubungan_kk code, so it compares with ours."""
    for row in rows:
        yield replace(row, relation=relation_from_register(row.relation, row.sex))


def household_check(ctx: ServiceContext, household_id: str) -> HouseholdExtractCheck:
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        found = extract_match.registered_households(session, [household_id])
        if not found:
            raise NotFound("Keluarga tidak ditemukan; mungkin sudah dihapus.")
        household = found[0]
        extract = extract_match.primary_extract(session, ctx.today())
        if extract is None:
            return check_household(household, ExtractIndex(()), None)
        rows = extract_match.rows_around(
            session, extract.batch_id,
            niks={m.nik for m in household.members if m.nik},
            kk_numbers={household.kk_number} if household.kk_number else set(),
            name_keys={normalize_name(m.name) for m in household.members},
        )
    return check_household(household, ExtractIndex(_with_relation_codes(rows)), extract)


# --- the bulk check ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Labels:
    relations: Mapping[str, str]
    residence: Mapping[str, str]

    def relation(self, code: str | None) -> str:
        return self.relations.get(code or "", (code or "").replace("_", " ").title())

    def field_value(self, field: DiffField, value: str) -> str:
        if field is DiffField.RELATION:
            return self.relation(value)
        if field is DiffField.PRESENCE:
            return self.residence.get(value, value).split(" (")[0]
        if field is DiffField.SEX:
            return {"L": "Laki-laki", "P": "Perempuan"}.get(value, value)
        return value


def _columns(*specs: tuple[str, str, ColumnKind, float | None]) -> list[Column]:
    return [Column(key, header, kind, width=width) for key, header, kind, width in specs]


TEXT, ID, INT, DATE, BOOL = ColumnKind.TEXT, ColumnKind.ID_TEXT, ColumnKind.INT, ColumnKind.DATE, ColumnKind.BOOL
SUMMARY_COLUMNS = _columns(("item", "Keterangan", TEXT, 46.0), ("value", "Nilai", TEXT, 60.0))
MISSING_COLUMNS = _columns(
    ("number", "No. Keluarga", TEXT, 16.0), ("kk", "No. KK", ID, 20.0), ("name", "Nama", TEXT, 28.0),
    ("nik", "NIK", ID, 20.0), ("birth_date", "Tanggal lahir", DATE, None), ("sex", "JK", TEXT, 5.0),
    ("relation", "Hubungan", TEXT, 18.0), ("rt", "RT", TEXT, 5.0), ("rw", "RW", TEXT, 5.0),
    ("address", "Alamat", TEXT, 28.0), ("whole_family", "Seluruh keluarga tidak ada", BOOL, None),
    ("suggestion", "Saran tindak lanjut", TEXT, 48.0),
)
DIFFERENT_COLUMNS = _columns(
    ("number", "No. Keluarga", TEXT, 16.0), ("name", "Nama di Puskesos", TEXT, 28.0), ("nik", "NIK", ID, 20.0),
    ("linked_by", "Dicocokkan lewat", TEXT, 20.0), ("field", "Isian", TEXT, 20.0),
    ("here", "Di Puskesos", TEXT, 28.0), ("extract", "Di data DTSEN/DTKS", TEXT, 28.0),
)
LOW_DESIL_COLUMNS = _columns(
    ("number", "No. Keluarga", TEXT, 16.0), ("kk", "No. KK", ID, 20.0), ("head", "Kepala keluarga", TEXT, 28.0),
    ("rt", "RT", TEXT, 5.0), ("rw", "RW", TEXT, 5.0), ("address", "Alamat", TEXT, 28.0),
    ("desil", "Desil", INT, 7.0), ("programs", "Program di data DTSEN", TEXT, 24.0),
    ("members", "Anggota", INT, 9.0),
)


def bulk_check(ctx: ServiceContext, out: Path, *, unmask: bool = False, purpose: str = "",
               sink: ProgressSink | None = None) -> BulkCheckOutcome:
    """Check every registered household and write the workbook to `out`; nothing is written when cancelled."""
    ctx.require(Permission.EXPORT_DATA)
    if unmask:
        ctx.require(Permission.UNMASK_ID)
    sink = sink or ProgressSink()
    out = Path(out)
    with ctx.db.reading() as session:
        extract = extract_match.primary_extract(session, ctx.today())
        if extract is None:
            raise InputRejected("Belum ada data DTSEN/DTKS yang diimpor. Impor dulu ekstrak dari Dinas Sosial "
                                "(Pertukaran Data → Data DTSEN), lalu periksa lagi.")
        sink.progress(0, 0, "membaca data")
        index = ExtractIndex(_with_relation_codes(extract_match.batch_rows(session, extract.batch_id)))
        households = extract_match.registered_households(session)
        recorded = extract_match.recorded_programs(session, CORE_PROGRAMS)
        labels = _Labels(
            relations={item.code: item.name for item in reference.code_list(session, "hubungan_kk")},
            residence={item.code: item.name for item in reference.code_list(session, "status_keberadaan")},
        )
    checks: list[HouseholdExtractCheck] = []
    for done, household in enumerate(households):
        if done % _CHECK_EVERY == 0:
            if sink.cancelled():
                raise Cancelled("Pemeriksaan dibatalkan; tidak ada berkas yang dibuat.")
            sink.progress(done, len(households), "memeriksa keluarga")
        checks.append(check_household(household, index, extract))
    sink.progress(len(households), len(households), "menulis berkas")
    by_id = {h.id: h for h in households}
    mask: Masker = _unmasked if unmask else mask_id
    missing = list(_missing_rows(checks, by_id, labels, mask))
    different = list(_different_rows(checks, labels, mask))
    low_desil = list(_low_desil_rows(checks, by_id, recorded, mask))
    outcome = BulkCheckOutcome(
        path=out, extract=extract, households=len(households),
        persons=sum(1 for h in households for m in h.members if m.present), not_in_extract=len(missing),
        households_not_in_extract=sum(1 for c in checks if c.members and not c.found),
        differences=len(different), low_desil_without_aid=len(low_desil), masked=not unmask, sha256="",
    )
    if sink.cancelled():
        raise Cancelled("Pemeriksaan dibatalkan; tidak ada berkas yang dibuat.")
    _write_workbook(ctx, out, outcome, missing, different, low_desil)
    outcome = replace(outcome, sha256=_file_sha256(out))
    _record_disclosure(ctx, outcome, purpose)
    return outcome


def _missing_rows(checks: list[HouseholdExtractCheck], by_id: Mapping[str, RegisteredHousehold], labels: _Labels,
                  mask: Masker) -> Iterator[dict[str, object]]:
    for check in checks:
        household = by_id[check.household_id]
        whole = not check.found
        suggestion = ("Usulkan keluarga ke DTSEN (usulan baru) lewat musyawarah desa" if whole else
                      "Usulkan perbaikan data DTSEN: tambahkan anggota ini ke keluarganya")
        for member_check in check.missing:
            member = member_check.member
            yield {
                "number": household.number, "kk": mask(household.kk_number) or None, "name": member.name,
                "nik": mask(member.nik) or None, "birth_date": member.birth_date, "sex": member.sex,
                "relation": labels.relation(member.relation), "rt": household.rt, "rw": household.rw,
                "address": household.address, "whole_family": whole, "suggestion": suggestion,
            }


def _different_rows(checks: list[HouseholdExtractCheck], labels: _Labels,
                    mask: Masker) -> Iterator[dict[str, object]]:
    for check in checks:
        for member_check in check.differing:
            member = member_check.member
            linked = LINK_LABELS[member_check.linked_by] if member_check.linked_by else ""
            for difference in member_check.differences:
                yield {
                    "number": check.household_number, "name": member.name, "nik": mask(member.nik) or None,
                    "linked_by": linked, "field": difference.label,
                    "here": labels.field_value(difference.field, difference.here),
                    "extract": labels.field_value(difference.field, difference.extract),
                }
        for row in check.extract_only:
            yield {
                "number": check.household_number, "name": None, "nik": None, "linked_by": "No. KK / ID keluarga",
                "field": "Anggota hanya di data DTSEN/DTKS", "here": "tidak tercatat di Puskesos",
                "extract": " ".join(part for part in (row.name, mask(row.nik)) if part),
            }


def _low_desil_rows(checks: list[HouseholdExtractCheck], by_id: Mapping[str, RegisteredHousehold],
                    recorded: Mapping[str, set[str]], mask: Masker) -> Iterator[dict[str, object]]:
    for check in checks:
        if not needs_aid_follow_up(check, sorted(recorded.get(check.household_id, ()))):
            continue
        household = by_id[check.household_id]
        yield {
            "number": household.number, "kk": mask(household.kk_number) or None, "head": household.head_name,
            "rt": household.rt, "rw": household.rw, "address": household.address, "desil": check.desil,
            "programs": ", ".join(check.programs) or "tidak ada", "members": sum(1 for m in household.members
                                                                                if m.present),
        }


def _summary_rows(ctx: ServiceContext, outcome: BulkCheckOutcome) -> list[dict[str, object]]:
    extract = outcome.extract
    imported = extract.imported_at.astimezone(local_zone())
    age = f"{extract.months_old} bulan" + (" — sudah lebih dari 4 bulan: minta ekstrak terbaru ke Dinas Sosial"
                                           if extract.is_stale else "")
    items = (
        ("Data yang dipakai", extract.dataset),
        ("Keadaan data per tanggal", _day(extract.as_of)),
        ("Umur data", age),
        ("Berkas ekstrak", extract.file_name),
        ("Diimpor", f"{_day(imported.date())} oleh {extract.imported_by}"),
        ("Keluarga terdaftar di Puskesos yang diperiksa", str(outcome.households)),
        ("Anggota yang tinggal di rumah (status ADA)", str(outcome.persons)),
        (f"Anggota tidak ada di data (lembar \"{SHEET_MISSING}\")", str(outcome.not_in_extract)),
        ("Keluarga yang tidak satu pun anggotanya ada di data", str(outcome.households_not_in_extract)),
        (f"Isian berbeda dan anggota hanya di data (lembar \"{SHEET_DIFFERENT}\")", str(outcome.differences)),
        (f"Keluarga desil 1–{LOW_DESIL_MAX} tanpa PKH/Sembako/PBI tercatat (lembar \"{SHEET_LOW_DESIL}\")",
         str(outcome.low_desil_without_aid)),
        ("NIK dan No. KK", "disamarkan" if outcome.masked else "ditulis lengkap (data pribadi)"),
        ("Dibuat", f"{_day(ctx.today())} oleh {ctx.actor.name}"),
    )
    return [{"item": item, "value": value} for item, value in items]


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_workbook(ctx: ServiceContext, out: Path, outcome: BulkCheckOutcome, missing: list[dict[str, object]],
                    different: list[dict[str, object]], low_desil: list[dict[str, object]]) -> None:
    # Imported here: the household page uses this module, and starting the application needs no workbook writer.
    from puskesos_desk.spreadsheet.writer import ExchangeWorkbookWriter, WorkbookValueError

    extract = outcome.extract
    try:
        with ExchangeWorkbookWriter(out) as writer:
            writer.add_instructions(
                f"Pemeriksaan warga terhadap data {extract.dataset} per {_day(extract.as_of)}",
                [
                    "Setiap keluarga yang terdaftar di Puskesos dicocokkan dengan ekstrak dari Dinas Sosial: "
                    "lewat NIK, lalu No. KK dan nama, lalu nama dan tanggal lahir. Hasilnya titik awal untuk "
                    "usulan DTSEN dan tindak lanjut, bukan keputusan: periksa dulu dengan warga dan dokumennya.",
                    f"\"{SHEET_MISSING}\": anggota yang tinggal di rumah tetapi tidak ada di data. "
                    f"\"{SHEET_DIFFERENT}\": isian yang berbeda, dan anggota yang hanya ada di data. "
                    f"\"{SHEET_LOW_DESIL}\": keluarga desil 1–{LOW_DESIL_MAX} yang belum tercatat menerima PKH, "
                    "Sembako, atau PBI di Puskesos.",
                    "Berkas ini berisi data pribadi (UU PDP No. 27/2022). Simpan hanya selama diperlukan dan jangan "
                    "dibagikan kepada pihak yang tidak berhak.",
                ],
                column_docs=(),
            )
            writer.add_sheet(SHEET_SUMMARY, SUMMARY_COLUMNS, _summary_rows(ctx, outcome))
            writer.add_sheet(SHEET_MISSING, MISSING_COLUMNS, missing,
                             note="Anggota yang tinggal di rumah tetapi tidak ada di data.")
            writer.add_sheet(SHEET_DIFFERENT, DIFFERENT_COLUMNS, different,
                             note="Isian yang berbeda antara Puskesos dan data; anggota yang hanya ada di data.")
            writer.add_sheet(SHEET_LOW_DESIL, LOW_DESIL_COLUMNS, low_desil,
                             note="Desil 1–5 tanpa kepesertaan PKH, Sembako, atau PBI yang tercatat.")
    except WorkbookValueError as exc:
        raise InputRejected(f"Berkas hasil pemeriksaan tidak dapat dibuat: {exc}", detail=str(exc)) from exc


def _record_disclosure(ctx: ServiceContext, outcome: BulkCheckOutcome, purpose: str) -> None:
    """The export register entry and the audit event; without them the file must not exist."""
    extract = outcome.extract
    counts = {SHEET_MISSING: outcome.not_in_extract, SHEET_DIFFERENT: outcome.differences,
              SHEET_LOW_DESIL: outcome.low_desil_without_aid}
    why = purpose or f"Pemeriksaan warga terhadap data {extract.dataset} per {_day(extract.as_of)}"
    recipient = "Puskesos (penggunaan internal)"
    try:
        with ctx.db.transaction(ctx.actor) as session:
            exchange_ledger.add_export_record(
                session, kind=EXPORT_KIND, file_name=outcome.path.name, sha256=outcome.sha256, recipient=recipient,
                purpose=why, row_counts=counts, columns=[SHEET_SUMMARY, *counts], encrypted=False,
                masked=outcome.masked, notes=f"data {extract.dataset} per {extract.as_of.isoformat()}",
            )
            append_event(session, AuditAction.EXPORT, entity="register_batch", entity_id=extract.batch_id,
                         changes={"kind": EXPORT_KIND, "rows": counts, "masked": outcome.masked,
                                  "sha256": outcome.sha256, "file": outcome.path.name},
                         recipient=recipient, purpose=why)
    except BaseException:
        outcome.path.unlink(missing_ok=True)
        raise
