"""The village's slice of the district's DTSEN/DTKS extract, as a district → village package carries it.

Extract rows are not records (no UUID, no version: a batch is replaced as a whole), so they do not go through the
record sheets of `exchange_sheets`. The slice has its own sheet, written after the record sheets and signed like
them: each row gets an ID derived from the district's batch and row, so the manifest names it, and the row hash
covers every cell. A village applies a slice whole or not at all (docs/exchange-format.md §2, "Data DTSEN").
"""

from __future__ import annotations

import uuid

from puskesos_desk.domain.exchange_sheets import Column, ColumnKind, SheetSpec

K = ColumnKind

# Never change the namespace: the IDs of slice rows already sent are derived from it.
_SLICE_NAMESPACE = uuid.UUID("0b6f2f4e-93a1-4c47-8d0e-5a3c1f7e9b21")


def _c(key: str, header: str, kind: ColumnKind = K.TEXT, required: bool = False, help: str = "") -> Column:
    return Column(key, header, kind, required, help)


#: Column keys are RegisterRecord fields (plus the batch's as-of date), so a row maps onto a record without a table.
REGISTER_SLICE = SheetSpec("Data DTSEN Desa", "register_record", (
    _c("batch_id", "ID IMPOR DATA", K.REF, True, "Impor data DTSEN/DTKS di kabupaten/kota asal baris ini."),
    _c("dataset", "DATASET", required=True), _c("as_of", "KEADAAN PER", K.DATE, True),
    _c("family_id", "ID KELUARGA DTSEN"), _c("register_person_id", "ID INDIVIDU DTSEN"),
    _c("kk_number", "NO KK", K.ID_TEXT), _c("nik", "NIK", K.ID_TEXT), _c("name", "NAMA", required=True),
    _c("birth_date", "TANGGAL LAHIR", K.DATE), _c("sex", "JENIS KELAMIN"), _c("relation", "HUBUNGAN KELUARGA"),
    _c("address", "ALAMAT"), _c("rt", "RT", K.ID_TEXT), _c("rw", "RW", K.ID_TEXT),
    _c("village_code", "KODE DESA", K.ID_TEXT, True), _c("village_name", "DESA/KELURAHAN"),
    _c("desil_national", "DESIL NASIONAL", K.INT), _c("desil_province", "DESIL PROVINSI", K.INT),
    _c("desil_regency", "DESIL KABUPATEN/KOTA", K.INT), _c("programs", "PROGRAM BANSOS", K.JSON),
    _c("remarks", "KETERANGAN"), _c("warnings", "CATATAN IMPOR", K.JSON),
), "Data DTSEN/DTKS desa ini dari impor terakhir kabupaten/kota; menggantikan data DTSEN desa. Jangan diubah.")

#: The fields of a slice row that are the extract row's own (not the batch's).
RECORD_FIELDS = tuple(c.key for c in REGISTER_SLICE.columns if c.key not in ("batch_id", "dataset", "as_of"))


def slice_row_id(batch_id: str, record_id: int) -> str:
    """The same extract row always gets the same ID, so a package sent again names the same rows."""
    return str(uuid.uuid5(_SLICE_NAMESPACE, f"register_record/{batch_id}/{record_id}"))


def source_label(district: str, as_of_text: str) -> str:
    return f"Paket kabupaten/kota {district} (data per {as_of_text})"
