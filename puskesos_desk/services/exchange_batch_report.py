"""The combined report of a batch import as a workbook: Ringkasan (one row per file) and Pesan (every message, with
the file it belongs to)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from puskesos_desk.domain.exchange_batch import NOT_RUN, BatchEntry, BatchImportOutcome
from puskesos_desk.domain.exchange_package import ROW_CLASS_LABELS, ImportStatus, RowClass
from puskesos_desk.services.exchange_report import STATUS_LABELS
from puskesos_desk.spreadsheet import columns as xl
from puskesos_desk.spreadsheet.writer import ExchangeWorkbookWriter

T, N = xl.ColumnKind.TEXT, xl.ColumnKind.INT
NOT_RUN_LABEL = "tidak diproses (dibatalkan)"
_SEVERITY = {"error": "galat", "warning": "peringatan", "info": "info"}
_SUMMARY_COLUMNS = (
    xl.Column("file", "BERKAS", T, width=36.0), xl.Column("sender", "PENGIRIM", T, width=36.0),
    xl.Column("sequence", "URUTAN", N, width=8.0), xl.Column("status", "HASIL", T, width=30.0),
    *(xl.Column(c.value, f"BARIS {ROW_CLASS_LABELS[c].upper()}", N, width=12.0) for c in RowClass),
    xl.Column("messages", "PESAN", N, width=8.0),
)
_MESSAGE_COLUMNS = (
    xl.Column("file", "BERKAS", T, width=36.0), xl.Column("sheet", "LEMBAR", T, width=20.0),
    xl.Column("row", "BARIS", N, width=8.0), xl.Column("column", "KOLOM", T, width=24.0),
    xl.Column("severity", "TINGKAT", T, width=10.0), xl.Column("code", "KODE", T, width=26.0),
    xl.Column("message", "PESAN", T, width=90.0),
)


def status_label(entry: BatchEntry) -> str:
    return STATUS_LABELS[entry.outcome.status] if entry.outcome is not None else NOT_RUN_LABEL


def write_batch_report(path: Path, outcome: BatchImportOutcome) -> None:
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_instructions("Laporan impor beberapa paket pertukaran data", _paragraphs(outcome), column_docs=[])
        writer.add_sheet("Ringkasan", _SUMMARY_COLUMNS, _summary_rows(outcome))
        writer.add_sheet("Pesan", _MESSAGE_COLUMNS, (
            {"file": file or "(semua berkas)", "sheet": m.sheet, "row": m.row, "column": m.column,
             "severity": _SEVERITY.get(m.severity, m.severity), "code": m.code, "message": m.message}
            for file, m in outcome.all_messages()))


def _summary_rows(outcome: BatchImportOutcome) -> Iterator[dict[str, object]]:
    for entry in outcome.entries:
        result = entry.outcome
        row: dict[str, object] = {"file": entry.path.name, "status": status_label(entry)}
        if result is not None:
            row["sender"] = f"{result.sender_name} ({result.sender})" if result.sender_name else result.sender
            row["sequence"] = result.sequence or None
            row.update({c.value: result.rows.get(c, 0) for c in RowClass})
            row["messages"] = len(result.messages)
        yield row


def _paragraphs(outcome: BatchImportOutcome) -> list[str]:
    totals = outcome.totals()
    lines = [f"{totals['files']} berkas: {totals['applied']} diterapkan, {totals['would_apply']} dapat diterapkan "
             f"(pemeriksaan saja), {totals['already_applied']} sudah diimpor sebelumnya, {totals['rejected']} "
             f"ditolak" + (f", {totals['not_run']} tidak diproses" if outcome.count(NOT_RUN) else "") + "."]
    if outcome.count(ImportStatus.REJECTED):
        lines.append("Berkas yang ditolak tidak diimpor sama sekali; alasannya ada di lembar Pesan.")
    if outcome.gaps:
        lines.append("Paket yang belum diterima: " + "; ".join(
            f"{g.sender_name or g.sender}: ke-{', '.join(map(str, g.missing[:20]))}" for g in outcome.gaps) + ".")
    lines.append("Lembar Ringkasan memuat satu baris per berkas; lembar Pesan memuat setiap temuan beserta berkasnya.")
    return lines
