"""The import report as a workbook the sender can act on: a summary, every message, and for each data sheet the
rows that were not applied as they are — the sender's own cells, with the problem written beside them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from puskesos_desk.domain.exchange_package import ROW_CLASS_LABELS, ImportStatus, RowClass
from puskesos_desk.domain.exchange_records import ImportOutcome
from puskesos_desk.domain.exchange_sheets import DISTRICT_SHEETS, SYSTEM_COLUMNS, VILLAGE_SHEETS, Column
from puskesos_desk.services.exchange_columns import ROW_HASH_KEY
from puskesos_desk.services.exchange_rows_pass import ProblemRow
from puskesos_desk.spreadsheet import columns as xl
from puskesos_desk.spreadsheet.writer import ExchangeWorkbookWriter

T = xl.ColumnKind.TEXT
STATUS_LABELS = {
    ImportStatus.APPLIED: "diterapkan", ImportStatus.WOULD_APPLY: "dapat diterapkan (pemeriksaan saja)",
    ImportStatus.ALREADY_APPLIED: "sudah diimpor sebelumnya", ImportStatus.REJECTED: "ditolak",
}
_SUMMARY_COLUMNS = (xl.Column("item", "KETERANGAN", T, width=34.0), xl.Column("value", "ISI", T, width=60.0))
_MESSAGE_COLUMNS = (
    xl.Column("sheet", "LEMBAR", T, width=20.0), xl.Column("row", "BARIS", xl.ColumnKind.INT, width=8.0),
    xl.Column("column", "KOLOM", T, width=24.0), xl.Column("severity", "TINGKAT", T, width=10.0),
    xl.Column("code", "KODE", T, width=26.0), xl.Column("message", "PESAN", T, width=90.0),
)
_SEVERITY = {"error": "galat", "warning": "peringatan", "info": "info"}


def _columns_of(sheet: str) -> tuple[Column, ...]:
    for spec in (*VILLAGE_SHEETS, *DISTRICT_SHEETS):
        if spec.name == sheet:
            return SYSTEM_COLUMNS + spec.columns
    return ()


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M") if value.time() != datetime.min.time() else f"{value:%d-%m-%Y}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_report(path: Path, outcome: ImportOutcome, problems: Sequence[ProblemRow]) -> None:
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_instructions("Laporan pemeriksaan paket pertukaran data", _paragraphs(outcome),
                                column_docs=[])
        writer.add_sheet("Ringkasan", _SUMMARY_COLUMNS, _summary(outcome))
        writer.add_sheet("Pesan", _MESSAGE_COLUMNS, (
            {"sheet": m.sheet, "row": m.row, "column": m.column, "severity": _SEVERITY.get(m.severity, m.severity),
             "code": m.code, "message": m.message} for m in outcome.messages))
        by_sheet: dict[str, list[ProblemRow]] = {}
        for problem in problems:
            by_sheet.setdefault(problem.sheet, []).append(problem)
        for sheet, rows in by_sheet.items():
            columns = _columns_of(sheet)
            # Headers no data sheet uses (Rujukan has its own HASIL), so the sender's columns keep theirs.
            written = [xl.Column("_row", "BARIS PAKET", xl.ColumnKind.INT, width=8.0),
                       xl.Column("_class", "HASIL IMPOR", T, width=22.0),
                       xl.Column("_problem", "MASALAH", T, width=70.0)]
            written += [xl.Column(c.key, c.header, xl.ColumnKind.ID_TEXT if c.kind.value == "ID_TEXT" else T)
                        for c in columns]
            written.append(xl.Column(ROW_HASH_KEY, "HASH_BARIS", T))
            writer.add_sheet(sheet[:31], written, _problem_rows(rows))


def _problem_rows(rows: list[ProblemRow]) -> Iterator[dict[str, object]]:
    for row in rows:
        cells: dict[str, object] = {key: _text(value) for key, value in row.cells.items()}
        cells["_row"] = row.row_number
        cells["_class"] = ROW_CLASS_LABELS[row.row_class]
        cells["_problem"] = " | ".join(f"{m.column + ': ' if m.column else ''}{m.message}" for m in row.messages)
        yield cells


def _summary(outcome: ImportOutcome) -> Iterator[dict[str, object]]:
    yield {"item": "Hasil", "value": STATUS_LABELS[outcome.status]}
    if outcome.package_id:
        yield {"item": "Paket", "value": outcome.package_id}
        yield {"item": "Pengirim", "value": f"{outcome.sender_name} ({outcome.sender})"}
        yield {"item": "Urutan paket", "value": str(outcome.sequence)}
    for row_class in RowClass:
        yield {"item": f"Baris {ROW_CLASS_LABELS[row_class]}", "value": str(outcome.rows.get(row_class, 0))}
    for sheet, counts in outcome.sheets.items():
        parts = [f"{ROW_CLASS_LABELS[c]} {n}" for c, n in counts.items() if n]
        yield {"item": f"Lembar {sheet}", "value": ", ".join(parts) or "-"}


def _paragraphs(outcome: ImportOutcome) -> list[str]:
    lines = [f"Hasil: {STATUS_LABELS[outcome.status]}."]
    if outcome.status is ImportStatus.REJECTED:
        lines.append("Paket tidak diimpor sama sekali. Alasannya ada di lembar Pesan.")
    else:
        lines.append("Lembar Pesan memuat setiap temuan. Setiap lembar data berikutnya memuat baris pengirim yang "
                     "tidak diterapkan apa adanya, dengan masalahnya di kolom MASALAH. Perbaiki data tersebut di "
                     "aplikasi pengirim (bukan di berkas ini), lalu kirim paket berikutnya.")
    return lines
