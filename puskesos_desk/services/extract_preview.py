"""Reading an extract file's layout before importing it: the first worksheet with a NIK-like column, its header
row under any title rows, the proposed mapping (or the one remembered for this layout), the dataset and the as-of
date; and the preview the import dialog shows. Never writes, except remember_mapping.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from puskesos_desk.data.repositories import sites
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.extract_layout import (
    FIELD_LABELS,
    HEADER_SCAN_ROWS,
    REQUIRED_FIELDS,
    detect_dataset,
    find_as_of,
    find_header_row,
    invalid_mapping_keys,
    is_numbering_row,
    merge_header_rows,
    propose_mapping,
    source_key,
)
from puskesos_desk.domain.extract_records import ExtractMapping, ExtractMessage, ExtractPreview
from puskesos_desk.domain.extract_values import display_value, read_text
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.spreadsheet.guard import WorkbookShape, decrypt_to, inspect_xlsx
from puskesos_desk.spreadsheet.reader import Row, SheetBatch, read_sheets

PREVIEW_ROWS = 60
SAMPLE_ROWS = 10
SETTING_PREFIX = "extract_mapping:"
# The reader's messages speak of exchange packages; an extract comes from the district's social affairs office.
_WORDING = (("minta pengirim mengirim ulang paket dari aplikasi", "minta Dinas Sosial mengirim ulang berkasnya"),
            ("Paket pertukaran biasanya jauh lebih kecil; minta pengirim membagi datanya, atau ",
             "Minta Dinas Sosial membagi datanya per kecamatan, atau "))


def preview_extract(ctx: ServiceContext, path: Path, *, password: str | None = None,
                    mapping: Mapping[str, str | None] | None = None) -> ExtractPreview:
    """The layout of the file as the import would read it, from its first rows; never writes. Raises
    InputRejected for an unsafe or unreadable file; layout problems come back as error messages."""
    ctx.require(Permission.IMPORT_DATA)
    check_mapping(mapping)
    path = Path(path)
    with opened_extract(path, password) as (readable, shape):
        layout, _ = find_layout(ctx, readable, shape, mapping, batch_rows=PREVIEW_ROWS, keep_stream=False)
        if layout is None:
            return _empty_preview(path, shape)
        messages = list(layout.messages)
        if layout.as_of is None:
            messages.append(ExtractMessage(None, None, "no_as_of", "Tanggal keadaan data tidak ditemukan di judul "
                                           "berkas; isi tanggalnya sebelum mengimpor.", "warning"))
        sheet = shape.sheet(layout.sheet)
        return ExtractPreview(
            path=path, sheet=layout.sheet, dataset=layout.dataset, as_of=layout.as_of, mapping=layout.mapping,
            sample=_sample(layout), source_key=layout.source_key, messages=messages,
            rows_estimate=max(0, (sheet.max_row if sheet else 0) - layout.data_row + 1),
        )


def saved_mapping(ctx: ServiceContext, key: str) -> dict[str, str] | None:
    """The mapping remembered for a layout (ExtractPreview.source_key), or None."""
    with ctx.db.reading() as session:
        found = sites.get_setting(session, SETTING_PREFIX + key)
    return {str(header): str(field_key or "") for header, field_key in found.items()} if isinstance(found, dict) \
        else None


def remember_mapping(ctx: ServiceContext, key: str, mapping: Mapping[str, str | None]) -> None:
    """Remember a confirmed mapping for this layout, so next quarter's file from the same district gets it."""
    ctx.require(Permission.IMPORT_DATA)
    check_mapping(mapping)
    with ctx.db.transaction(ctx.actor) as session:
        sites.set_setting(session, SETTING_PREFIX + key, {str(h): (k or "") for h, k in mapping.items()})


# --- opening the file -------------------------------------------------------------------------------------------


@contextmanager
def opened_extract(path: Path, password: str | None) -> Iterator[tuple[Path, WorkbookShape]]:
    """The guarded file to read (a decrypted copy aside when a password is given, removed on leaving)."""
    workdir: Path | None = None
    try:
        readable = path
        if password:
            workdir = Path(tempfile.mkdtemp(prefix="puskesos-ekstrak-"))
            readable = decrypt_to(path, password, workdir / "ekstrak.xlsx")
        yield readable, inspect_xlsx(readable)
    finally:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""  # the guard says why the file cannot be read
    return digest.hexdigest()


def reworded(message: str) -> str:
    for old, new in _WORDING:
        message = message.replace(old, new)
    return message


def check_mapping(mapping: Mapping[str, str | None] | None) -> None:
    if not mapping:
        return
    bad = invalid_mapping_keys(mapping)
    if bad:
        raise InputRejected(f"Pemetaan kolom memakai isian yang tidak dikenal: {', '.join(bad)}. Isian yang dikenal: "
                            f"{', '.join(sorted(FIELD_LABELS))}.", field="mapping")


# --- the layout -------------------------------------------------------------------------------------------------


@dataclass
class Layout:
    sheet: str
    rows: list[Row]  # the first batch of the sheet
    first_row: int  # row number of rows[0]
    data_index: int  # index in `rows` of the first row below the header
    header: list[object]
    mapping: ExtractMapping
    title_rows: list[Row]
    as_of: date | None
    dataset: str
    source_key: str
    messages: list[ExtractMessage]
    other_sheets: list[str] = field(default_factory=list)

    @property
    def data_row(self) -> int:
        return self.first_row + self.data_index


@dataclass(eq=False)
class ExtractRefused(Exception):
    code: str
    message: str
    layout: Layout | None = None
    rows: dict[str, int] = field(default_factory=dict)
    messages: list[ExtractMessage] = field(default_factory=list)
    dataset: str = ""
    as_of: date | None = None


def worksheets(shape: WorkbookShape) -> list[str]:
    sheets = [sheet for sheet in shape.sheets if sheet.kind == "worksheet"]
    return [sheet.name for sheet in sheets if not sheet.hidden] + [sheet.name for sheet in sheets if sheet.hidden]


def find_layout(ctx: ServiceContext, readable: Path, shape: WorkbookShape,
                 mapping: Mapping[str, str | None] | None, *, batch_rows: int,
                 keep_stream: bool) -> tuple[Layout | None, Iterator[SheetBatch] | None]:
    """The first worksheet with a NIK-like column, its layout, and (keep_stream) the rest of its rows."""
    names = worksheets(shape)
    fallback: Layout | None = None
    for position, name in enumerate(names):
        stream = read_sheets(readable, [name], shape=shape, batch_rows=batch_rows)
        first = _head(stream)
        layout = _layout_of(ctx, name, first, mapping) if first is not None else None
        if layout is not None and layout.mapping.column_of("nik") is not None:
            layout.other_sheets = list(names[position + 1:])
            if keep_stream:
                return layout, stream
            stream.close()
            return layout, None
        stream.close()
        fallback = fallback or layout
    return fallback, None


def _head(stream: Iterator[SheetBatch]) -> SheetBatch | None:
    """The first batches of a sheet joined until they hold the rows the header is looked for in."""
    first = next(stream, None)
    if first is None:
        return None
    rows = list(first.rows)
    while len(rows) < HEADER_SCAN_ROWS + 2:  # the header row, a second header row, a row of column numbers
        following = next(stream, None)
        if following is None:
            break
        rows += following.rows
    return SheetBatch(first.sheet, first.first_row, rows)


def _layout_of(ctx: ServiceContext, sheet: str, batch: SheetBatch,
               override: Mapping[str, str | None] | None) -> Layout | None:
    rows = batch.rows
    found = find_header_row(rows)
    if found is None:
        return None
    index, _ = found
    header: list[object] = list(rows[index])
    data_index = index + 1
    merged = merge_header_rows(header, rows[index + 1] if index + 1 < len(rows) else None)
    if merged is not None:
        header, data_index = merged, index + 2
    if data_index < len(rows) and is_numbering_row(rows[data_index]):
        data_index += 1
    key = source_key(header)
    messages: list[ExtractMessage] = []
    if override is None:
        override = saved_mapping(ctx, key)
        if override:
            messages.append(ExtractMessage(None, None, "mapping_saved", "Pemetaan kolom yang tersimpan untuk susunan "
                                           "berkas ini dipakai.", "info"))
    mapping = propose_mapping(header, batch.first_row + data_index - 1, override)
    title_rows = list(rows[:index])
    messages += _mapping_messages(mapping)
    return Layout(sheet=sheet, rows=rows, first_row=batch.first_row, data_index=data_index, header=header,
                   mapping=mapping, title_rows=title_rows, as_of=find_as_of(title_rows),
                   dataset=detect_dataset(mapping, title_rows), source_key=key, messages=messages)


def _mapping_messages(mapping: ExtractMapping) -> list[ExtractMessage]:
    messages: list[ExtractMessage] = []
    fields = mapping.fields
    for key, label in (("nik", "NIK"), ("name", "nama")):
        if key not in fields:
            messages.append(ExtractMessage(None, None, f"no_{key}_column", f"Tidak ada kolom {label} di baris kepala "
                                           f"(baris {mapping.header_row}). Tentukan kolom {label} di pemetaan kolom."))
    for key, headers in mapping.ambiguous.items():
        listed = ", ".join(f"'{header}'" for header in headers)
        label = FIELD_LABELS.get(key, key)
        if key in REQUIRED_FIELDS:
            messages.append(ExtractMessage(None, None, "ambiguous_required", f"Kolom {label} tidak dapat dipastikan: "
                                           f"{listed} sama-sama cocok. Pilih salah satu di pemetaan kolom."))
        else:
            messages.append(ExtractMessage(None, headers[0], "ambiguous_column", f"{listed} sama-sama cocok untuk "
                                           f"{label}; dipakai '{headers[0]}'. Ubah di pemetaan kolom bila keliru.",
                                           "warning"))
    for header in mapping.unknown:
        messages.append(ExtractMessage(None, header, "unknown_column", f"Kolom '{header}' tidak dikenal dan "
                                       "diabaikan.", "warning"))
    if not fields & {"village_code", "village_name"}:
        messages.append(ExtractMessage(None, None, "no_village_column", "Berkas tidak punya kolom kode atau nama "
                                       "desa/kelurahan: semua baris dianggap dari desa ini.", "info"))
    return messages


def _sample(layout: Layout) -> list[dict[str, str]]:
    """The first data rows, source header → text, with NIK and KK masked (and any 16-digit number)."""
    labels = {index: header for header, key in layout.mapping.headers.items()
              for index, column_key in layout.mapping.columns.items() if column_key == key}
    for index, cell in enumerate(layout.header):
        if index not in labels and cell is not None and str(cell).strip():
            labels[index] = " ".join(str(cell).split())
    masked = {layout.mapping.column_of("nik"), layout.mapping.column_of("kk_number")}
    sample: list[dict[str, str]] = []
    for row in layout.rows[layout.data_index:]:
        if row.count(None) == len(row):
            continue
        sample.append({label: (mask_id(read_text(row[index])) if index in masked else display_value(row[index]))
                       if index < len(row) else "" for index, label in sorted(labels.items())})
        if len(sample) == SAMPLE_ROWS:
            break
    return sample


def _empty_preview(path: Path, shape: WorkbookShape) -> ExtractPreview:
    refusal = refusal_without_layout(shape)
    names = worksheets(shape)
    return ExtractPreview(path=path, sheet=names[0] if names else "", dataset="DTKS", as_of=None,
                          mapping=ExtractMapping(header_row=0, columns={}, headers={}), sample=[], source_key="",
                          messages=[ExtractMessage(None, None, refusal.code, refusal.message)], rows_estimate=0)


def refusal_without_layout(shape: WorkbookShape) -> ExtractRefused:
    names = worksheets(shape)
    if all(sheet.max_row == 0 for sheet in shape.sheets if sheet.name in names):
        where = f"Lembar '{names[0]}'" if len(names) == 1 else "Semua lembar"
        return ExtractRefused("empty_sheet", f"{where} di berkas ini kosong: tidak ada data untuk diimpor.")
    return ExtractRefused("no_nik_column", "Tidak ditemukan kolom NIK di lembar mana pun (dicari pada 30 baris "
                                           "teratas). Pastikan berkas ini ekstrak DTSEN/DTKS dengan kolom NIK.")
