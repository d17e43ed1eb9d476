"""Importing the district's DTSEN/DTKS extract as the file really comes.

    guard (and decrypt) → the layout (services/extract_preview.py: sheet, header row, mapping, dataset, as-of) →
    one transaction: a new batch, the rows streamed in batches (this desa only; damaged NIKs and duplicates left
    out and reported), the previous extract of the dataset purged → audit

Nothing is written for a refused file except an audit event saying so; the previous extract stays untouched. The
reader process streams the sheet in batches of BATCH_ROWS; each batch is converted and inserted with one
executemany, no ORM object per row (benchmarks/extract_import.py).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.bulk import bulk_load
from puskesos_desk.data.repositories import regions, register
from puskesos_desk.domain.enums import AuditAction, SiteRole
from puskesos_desk.domain.errors import Cancelled
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.extract_layout import (
    FIELD_LABELS,
    PROGRAM_PREFIX,
    normalise_header,
    program_names,
)
from puskesos_desk.domain.extract_records import (
    ExtractMessage,
    ExtractOutcome,
    Severity,
)
from puskesos_desk.domain.extract_rows import RowReader
from puskesos_desk.domain.extract_values import display_value, read_text, read_village_code
from puskesos_desk.domain.extract_village import Belongs, VillageScope, belongs
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.extract_preview import (
    ExtractRefused,
    Layout,
    check_mapping,
    file_digest,
    find_layout,
    opened_extract,
    preview_extract,
    refusal_without_layout,
    remember_mapping,
    reworded,
    saved_mapping,
)
from puskesos_desk.services.site import get_site_info
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook
from puskesos_desk.spreadsheet.guard import WorkbookShape
from puskesos_desk.spreadsheet.reader import Row, SheetBatch

__all__ = ["import_extract", "preview_extract", "remember_mapping", "saved_mapping"]  # the dialog's one module

BATCH_ROWS = 5000
# Messages listed in an outcome per code; the batch's issue table keeps every one.
MESSAGE_LIMITS: dict[str, int] = {"error": 1000, "warning": 100, "info": 100}
_PURPOSE = "Impor ekstrak DTSEN/DTKS dari Dinas Sosial kabupaten/kota"


# --- the public API ---------------------------------------------------------------------------------------------


def import_extract(ctx: ServiceContext, path: Path, *, as_of: date | None = None,
                   mapping: Mapping[str, str | None] | None = None, password: str | None = None,
                   dataset: str | None = None, sink: ProgressSink | None = None) -> ExtractOutcome:
    """Import the whole file in one transaction, replacing the previous extract of the same dataset. A refused file
    (no NIK column, ambiguous NIK/name columns, empty sheet, no row of this desa, unsafe file, no as-of date)
    changes nothing and comes back with status "rejected". Raises Cancelled when the sink asks to stop."""
    ctx.require(Permission.IMPORT_DATA)
    check_mapping(mapping)
    chosen = register.dataset_code(dataset) if dataset else None
    sink = sink or ProgressSink()
    path = Path(path)
    digest = ""
    try:
        digest = file_digest(path)
        with opened_extract(path, password) as (readable, shape):
            layout, stream = find_layout(ctx, readable, shape, mapping, batch_rows=BATCH_ROWS, keep_stream=True)
            try:
                if layout is None:
                    raise refusal_without_layout(shape)
                run = _Run(ctx, path, digest, layout, as_of=as_of, dataset=chosen, shape=shape)
                run.check_layout()
                assert stream is not None  # a layout with a NIK column keeps its stream
                with _collector_paused():
                    return run.execute(stream, sink)
            finally:
                if stream is not None:
                    stream.close()
    except UnsafeWorkbook as unsafe:
        refusal = ExtractRefused(unsafe.code.lower(), reworded(unsafe.message))
        return _refused(ctx, path, digest, refusal)
    except ExtractRefused as refusal:
        return _refused(ctx, path, digest, refusal)


# --- the import run ---------------------------------------------------------------------------------------------


class _Messages:
    """Outcome messages, at most MESSAGE_LIMITS per code and severity, plus a line for the rest."""

    def __init__(self) -> None:
        self.listed: list[ExtractMessage] = []
        self._counts: Counter[tuple[str, Severity]] = Counter()

    def add(self, message: ExtractMessage) -> None:
        key = (message.code, message.severity)
        self._counts[key] += 1
        if self._counts[key] <= MESSAGE_LIMITS[message.severity]:
            self.listed.append(message)

    def finished(self) -> list[ExtractMessage]:
        listed = sorted(self.listed, key=lambda message: message.row or 0)
        for (code, severity), count in self._counts.items():
            hidden = count - MESSAGE_LIMITS[severity]
            if hidden > 0:
                listed.append(ExtractMessage(None, None, code, f"… dan {hidden} baris lain dengan temuan yang sama "
                                             f"({code}); daftar lengkapnya tersimpan bersama impor ini.", severity))
        return listed


class _Run:
    def __init__(self, ctx: ServiceContext, path: Path, digest: str, layout: Layout, *, as_of: date | None,
                 dataset: str | None, shape: WorkbookShape) -> None:
        self.ctx = ctx
        self.path = path
        self.digest = digest
        self.layout = layout
        self.mapping = layout.mapping
        self.dataset = dataset or layout.dataset
        self.as_of = as_of or layout.as_of
        self.today = ctx.today()
        sheet = shape.sheet(layout.sheet)
        self.total_estimate = max(1, (sheet.max_row if sheet else 0) - layout.data_row + 1)
        self.scope, self.place = _scope(ctx)
        self.place.has_columns = bool(self.mapping.fields & {"village_code", "village_name"})
        self.messages = _Messages()
        self.labels = {key: header for header, key in self.mapping.headers.items()}
        self.counts: Counter[str] = Counter()
        self.seen: dict[str, int] = {}  # NIK → first row
        self.duplicated: dict[str, list[int]] = {}  # NIK → the rows after the first
        self.warned: set[str] = set()  # NIKs of imported rows with a warning
        self.name_only: int = 0  # rows of another desa code whose desa name is ours
        self._names: dict[str, str] = {}

    # -- before any row --

    def check_layout(self) -> None:
        errors = [message for message in self.layout.messages if message.severity == "error"]
        if errors:
            raise ExtractRefused(errors[0].code, " ".join(message.message for message in errors), layout=self.layout,
                           dataset=self.dataset, as_of=self.as_of)
        if self.as_of is None:
            raise ExtractRefused("no_as_of", "Tanggal keadaan data tidak ditemukan di judul berkas (misalnya "
                                             "\"Keadaan per tanggal: 01 Oktober 2026\"). Isi tanggalnya (--as-of "
                                             "YYYY-MM-DD) lalu impor lagi.", layout=self.layout, dataset=self.dataset)
        for message in self.layout.messages:
            self.messages.add(message)
        if self.layout.other_sheets:
            self.messages.add(ExtractMessage(None, None, "other_sheets", f"Hanya lembar '{self.layout.sheet}' yang "
                                             f"diimpor; lembar lain ({', '.join(self.layout.other_sheets)}) tidak "
                                             "dibaca.", "info"))
        if self.layout.as_of and self.as_of != self.layout.as_of:
            self.messages.add(ExtractMessage(None, None, "as_of_differs", f"Judul berkas menyebut tanggal "
                                             f"{self.layout.as_of:%d-%m-%Y}; dipakai tanggal yang diberikan "
                                             f"{self.as_of:%d-%m-%Y}.", "info"))
        if self.as_of > self.today:
            self.messages.add(ExtractMessage(None, None, "as_of_future", f"Tanggal keadaan data {self.as_of:%d-%m-%Y}"
                                             " ada di masa depan; periksa kembali.", "warning"))

    # -- the rows --

    def execute(self, stream: Iterator[SheetBatch], sink: ProgressSink) -> ExtractOutcome:
        assert self.as_of is not None
        columns = {key: index for index, key in self.mapping.columns.items() if not key.startswith(PROGRAM_PREFIX)}
        programs = [(index, key[len(PROGRAM_PREFIX):], program_names(key[len(PROGRAM_PREFIX):]))
                    for index, key in self.mapping.columns.items() if key.startswith(PROGRAM_PREFIX)]
        reader = RowReader(columns, programs, today=self.today, name_key=self._name_key)
        with self.ctx.db.transaction(self.ctx.actor) as session:
            batch_id = register.start_batch(
                session, dataset=self.dataset, as_of=self.as_of, file_name=self.path.name, sha256=self.digest,
                source_label=f"Lembar {self.layout.sheet}", column_mapping=dict(self.mapping.headers),
                imported_at=self.ctx.now(),
            )
            rows = self.layout.rows[self.layout.data_index:]
            first = self.layout.data_row
            done = 0
            with bulk_load(session):
                register.insert_issues(session, [self._issue(batch_id, message, None)
                                                 for message in self.messages.listed])
                while True:
                    records, issues = self._convert(batch_id, reader, rows, first)
                    register.insert_records(session, records)
                    register.insert_issues(session, issues)
                    done += len(rows)
                    sink.progress(min(done, self.total_estimate), self.total_estimate, "Membaca dan menyimpan baris")
                    if sink.cancelled():
                        raise Cancelled("Impor dibatalkan; data DTSEN/DTKS tidak berubah.")
                    following = next(stream, None)
                    if following is None:
                        break
                    rows, first = following.rows, following.first_row
            self._settle_duplicates(session, batch_id)
            self._refuse_when_nothing_imported()
            counts = self.rows()
            replaced = register.finish_batch(
                session, batch_id, rows_total=counts["total"], rows_imported=counts["imported"],
                rows_other_village=counts["other_desa"], rows_rejected=counts["rejected"],
                rows_nik_damaged=counts["nik_damaged"], rows_with_warnings=counts["warnings"],
            )
            append_event(session, AuditAction.IMPORT, entity="register_batch", entity_id=batch_id,
                         changes={"file": self.path.name, "sha256": self.digest, "dataset": self.dataset,
                                  "as_of": self.as_of.isoformat(), "sheet": self.layout.sheet, "rows": counts,
                                  "mapping": dict(self.mapping.headers), "replaced": replaced},
                         purpose=_PURPOSE)
        return ExtractOutcome(status="imported", batch_id=batch_id, dataset=self.dataset, as_of=self.as_of,
                              file_name=self.path.name, sha256=self.digest, rows=counts,
                              mapping=dict(self.mapping.headers), messages=self.messages.finished(),
                              sheet=self.layout.sheet)

    def rows(self) -> dict[str, int]:
        counts = {key: self.counts[key] for key in ("imported", "other_desa", "nik_damaged", "rejected")}
        counts["warnings"] = self.counts["warnings"]
        counts["total"] = sum(counts[key] for key in ("imported", "other_desa", "nik_damaged", "rejected"))
        return counts

    def _convert(self, batch_id: str, reader: RowReader, rows: list[Row],
                 first: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        records: list[dict[str, Any]] = []
        issues: list[dict[str, Any]] = []
        nik_index = self.mapping.column_of("nik")
        name_index = self.mapping.column_of("name")
        assert nik_index is not None
        assert name_index is not None
        nik_header = normalise_header(self.mapping.header_of("nik"))
        counts = self.counts
        for offset, row in enumerate(rows):
            width = len(row)
            nik_cell = row[nik_index] if nik_index < width else None
            name_cell = row[name_index] if name_index < width else None
            if nik_cell is None and name_cell is None:
                continue  # a blank row, a total or a signature line under the table
            if nik_cell.__class__ is str and not nik_cell[:1].isdigit() and normalise_header(nik_cell) == nik_header:
                continue  # the header repeated on every printed page
            number = first + offset
            place = self._belongs(reader, row)
            if place is not Belongs.YES:
                counts["other_desa"] += 1
                continue
            result = reader.read(row)
            if result.status != "ok":
                key, problem, cell = result.problems[0]
                counts["nik_damaged" if result.status == "damaged" else "rejected"] += 1
                message = ExtractMessage(number, self.labels.get(key), problem.code,
                                         f"Baris {number}: {problem.message} Baris tidak diimpor.")
                self.messages.add(message)
                issues.append(self._issue(batch_id, message, cell))
                continue
            values = result.values
            if self.place.filled:  # the desa written once for a block of rows (merged cells) is every row's desa
                values["village_code"] = values["village_code"] or read_village_code(self.place.last.get("code"))
                values["village_name"] = values["village_name"] or read_text(self.place.last.get("name"))
            nik = values["nik"]
            assert isinstance(nik, str)
            if nik in self.seen:
                counts["rejected"] += 1
                self.duplicated.setdefault(nik, []).append(number)
                message = ExtractMessage(number, self.labels.get("nik"), "duplicate",
                                         f"Baris {number}: NIK {mask_id(nik)} sudah ada di baris {self.seen[nik]}; "
                                         "kedua baris tidak diimpor. Minta Dinas Sosial memeriksanya.")
                self.messages.add(message)
                issues.append(self._issue(batch_id, message, nik))
                continue
            self.seen[nik] = number
            counts["imported"] += 1
            warnings: list[str] = []
            if result.problems:
                counts["warnings"] += 1
                self.warned.add(nik)
                source = values["raw"]
                assert isinstance(source, dict)
                originals: dict[str, object] = {}
                for key, problem, cell in result.problems:
                    label = self.labels.get(key) or FIELD_LABELS.get(key, key)
                    warnings.append(f"{label}: {problem.message}")
                    originals[label] = display_value(cell)
                    message = ExtractMessage(number, label, problem.code, f"Baris {number}: {problem.message}",
                                             "warning")
                    self.messages.add(message)
                    issues.append(self._issue(batch_id, message, cell))
                source["asli"] = originals
            values["warnings"] = warnings
            values["batch_id"] = batch_id
            values["dataset"] = self.dataset
            records.append(values)
        return records, issues

    def _belongs(self, reader: RowReader, row: Row) -> Belongs:
        place = self.place
        if not place.has_columns:
            return Belongs.YES
        code_cell, name_cell, district_cell = (reader.cell(row, "village_code"), reader.cell(row, "village_name"),
                                               reader.cell(row, "district_name"))
        # Merged cells: a desa written once for a block of rows reads as empty below its first row.
        place.filled = code_cell is None or name_cell is None
        code_cell = place.fill("code", code_cell)
        name_cell = place.fill("name", name_cell)
        district_cell = place.fill("district", district_cell)
        key = (code_cell, name_cell, district_cell)
        verdict = place.verdicts.get(key)
        if verdict is None:
            code = read_village_code(code_cell)
            name, district = read_text(name_cell), read_text(district_cell)
            verdict = belongs(self.scope, code, name, district)
            place.verdicts[key] = verdict
            place.name_only[key] = (code is not None and verdict is Belongs.OTHER_VILLAGE and bool(name)
                                    and belongs(self.scope, None, name, district) is Belongs.YES)
        if place.name_only.get(key):
            self.name_only += 1
        return verdict

    def _name_key(self, name: str) -> str:
        key = self._names.get(name)
        if key is None:
            key = self._names[name] = normalize_name(name)
        return key

    @staticmethod
    def _issue(batch_id: str, message: ExtractMessage, cell: object) -> dict[str, Any]:
        return {"batch_id": batch_id, "row_number": message.row or 0, "column": (message.column or "")[:120],
                "masked_value": display_value(cell)[:120], "severity": message.severity, "code": message.code,
                "message": message.message}

    # -- after the rows --

    def _settle_duplicates(self, session: Any, batch_id: str) -> None:
        """The first row of a duplicated NIK was stored before its twin appeared: take it out again."""
        if not self.duplicated:
            return
        register.drop_records(session, batch_id, list(self.duplicated))
        issues = []
        for nik, later in self.duplicated.items():
            self.counts["imported"] -= 1
            self.counts["rejected"] += 1
            if nik in self.warned:
                self.counts["warnings"] -= 1
            row = self.seen[nik]
            others = ", ".join(str(number) for number in later)
            message = ExtractMessage(row, self.labels.get("nik"), "duplicate",
                                     f"Baris {row}: NIK {mask_id(nik)} muncul lagi di baris {others}; kedua baris "
                                     "tidak diimpor. Minta Dinas Sosial memeriksanya.")
            self.messages.add(message)
            issues.append(self._issue(batch_id, message, nik))
        register.insert_issues(session, issues)

    def _refuse_when_nothing_imported(self) -> None:
        counts = self.rows()
        if counts["imported"]:
            return
        if not counts["total"]:
            code, message = "empty_sheet", (f"Lembar '{self.layout.sheet}' tidak berisi baris data di bawah baris "
                                            f"kepala (baris {self.mapping.header_row}).")
        elif counts["other_desa"] == counts["total"]:
            code = "no_rows_of_village"
            message = (f"Tidak ada satu pun baris dari {self.place.label}: semua {counts['total']} baris berasal dari "
                       "desa/kelurahan lain. Periksa apakah berkas ini memang untuk wilayah Puskesos ini.")
            if self.name_only:
                message += (f" {self.name_only} baris bernama desa ini tetapi kodenya berbeda: mungkin kolom kode "
                            "desa berisi kode BPS atau SIKS, bukan kode Kemendagri. Abaikan kolom kode desa di "
                            "pemetaan kolom lalu impor lagi.")
        else:
            code = "nothing_importable"
            message = (f"Tidak ada baris yang dapat diimpor: {counts['nik_damaged']} baris NIK-nya rusak (tersimpan "
                       f"sebagai angka di Excel) dan {counts['rejected']} baris ditolak. Minta Dinas Sosial mengirim "
                       "ulang berkas dengan kolom NIK berformat Teks.")
        raise ExtractRefused(code, message, layout=self.layout, rows=counts, messages=self.messages.finished(),
                       dataset=self.dataset, as_of=self.as_of)


@dataclass
class _Place:
    """This site's area, and what the rows said about theirs (cached: an extract repeats a few desa)."""

    label: str
    has_columns: bool = True
    filled: bool = False  # the current row's desa came from the rows above
    last: dict[str, object] = field(default_factory=dict)
    verdicts: dict[tuple[object, object, object], Belongs] = field(default_factory=dict)
    name_only: dict[tuple[object, object, object], bool] = field(default_factory=dict)

    def fill(self, kind: str, cell: object) -> object:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return self.last.get(kind)
        self.last[kind] = cell
        return cell


def _scope(ctx: ServiceContext) -> tuple[VillageScope, _Place]:
    site = get_site_info(ctx.db)
    with ctx.db.reading() as session:
        own = regions.get_region(session, site.code)
        parent = regions.get_region(session, own.parent_code) if own and own.parent_code else None
    name = own.name if own else ""
    if site.role is SiteRole.DESA:
        scope = VillageScope.for_site(site.code, name, parent.name if parent else "")
        label = f"{own.kind.capitalize() if own else 'Desa'} {name} ({site.code})".strip()
    else:
        scope = VillageScope.for_site(site.code)
        label = f"{name or site.name} ({site.code})"
    return scope, _Place(label=label)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hundreds of thousands of short-lived acyclic objects: the cyclic collector's passes over them cost time and
    stall the GUI thread (as in the exchange import)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# --- refusals ---------------------------------------------------------------------------------------------------


def _refused(ctx: ServiceContext, path: Path, digest: str, refusal: ExtractRefused) -> ExtractOutcome:
    layout = refusal.layout
    with suppress(Exception), ctx.db.transaction(ctx.actor) as session:  # the refusal stands even if this fails
        append_event(session, AuditAction.IMPORT, entity="register_extract", entity_id=None,
                     changes={"refused": refusal.code, "file": path.name, "sha256": digest,
                              "rows": dict(refusal.rows)}, reason=refusal.message, purpose=_PURPOSE)
    counts = {key: int(refusal.rows.get(key, 0)) for key in
              ("imported", "other_desa", "nik_damaged", "rejected", "warnings", "total")}
    counts["imported"] = 0
    message = ExtractMessage(None, None, refusal.code, refusal.message)
    return ExtractOutcome(
        status="rejected", batch_id=None, dataset=refusal.dataset or (layout.dataset if layout else ""),
        as_of=refusal.as_of or (layout.as_of if layout else None), file_name=path.name, sha256=digest, rows=counts,
        mapping=dict(layout.mapping.headers) if layout else {},
        messages=[message, *(m for m in (refusal.messages or (layout.messages if layout else [])) if m != message)],
        sheet=layout.sheet if layout else "",
    )
