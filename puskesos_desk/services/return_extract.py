"""A village's slice of the district's DTSEN/DTKS extract in return packages (issue 7).

District: a package to village V carries V's rows of each AKTIF batch whose slice V has not acknowledged yet (a full
package: always), on the `Data DTSEN Desa` sheet, each row in the signed manifest. Which batches a village holds is
kept in the ordinary per-peer bookkeeping (table `register_batch`, the batch's id and version), so a lost package
costs nothing: the slice travels again until the village acknowledges it.

Village: after the rows pass, in the import's transaction, the slice is read again and every row checked against the
signed manifest. One row changed, added or missing refuses the whole package: an extract row edited by hand must
never look like the district's data, and half a slice would report residents as "not in DTSEN". A verified slice
becomes the village's AKTIF batch of its dataset (keeping the district's batch id, so the same slice sent again is
recognised), replacing the previous one exactly as a local `dtsen import` does; the desk's "Cek DTSEN" then reads it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.orm.register import RegisterBatch
from puskesos_desk.data.repositories import exchange_rows, register, register_slice
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.exchange_intake import RowIntake
from puskesos_desk.domain.exchange_package import PackageRefused, RowClass
from puskesos_desk.domain.exchange_records import ImportMessage
from puskesos_desk.domain.extract_values import read_village_code
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.register_slice import RECORD_FIELDS, REGISTER_SLICE, slice_row_id, source_label
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.exchange_columns import ROW_HASH_KEY, SheetPlan
from puskesos_desk.services.exchange_read import OpenedPackage
from puskesos_desk.services.exchange_rows_pass import RowsPass
from puskesos_desk.spreadsheet.reader import read_sheets

SHEET = REGISTER_SLICE.name
_BATCH_TABLE = "register_batch"  # the peer bookkeeping's name for "the village holds this batch's slice"


# --- district: writing -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Batch:
    id: str
    version: int
    dataset: str
    as_of: date
    imported_at: datetime
    rows: int


@dataclass
class OutgoingSlice:
    """What one package carries of the extract; `rows` also fills the manifest and the "sent" marks."""

    sender: str
    village: str
    batches: list[_Batch] = field(default_factory=list)
    plan: SheetPlan = field(default_factory=lambda: SheetPlan(REGISTER_SLICE, {}, local_zone()))

    @property
    def total(self) -> int:
        return sum(batch.rows for batch in self.batches)

    def rows(self, session: Any, manifest: list[tuple[str, str, str]],
             sent: dict[str, list[tuple[str, int]]]) -> Iterator[dict[str, object]]:
        plan = self.plan
        for batch in self.batches:
            for values in register_slice.village_rows(session, batch.id, _stored_code(self.village)):
                record = {**values, "id": slice_row_id(batch.id, values["id"]), "batch_id": batch.id,
                          "dataset": batch.dataset, "as_of": batch.as_of, "row_version": 1,
                          "created_at": batch.imported_at, "origin_site": self.sender, "deleted_at": None}
                cells = plan.cells(record, 0)
                manifest.append((SHEET, record["id"], str(cells[ROW_HASH_KEY])))
                yield cells
            sent.setdefault(_BATCH_TABLE, []).append((batch.id, batch.version))


def outgoing_slice(session: Any, *, sender: str, village: str, full: bool) -> OutgoingSlice:
    """The batches whose slice goes to `village`: not yet acknowledged by it (all when full), with rows there."""
    outgoing = OutgoingSlice(sender=sender, village=village)
    active = register_slice.active_batches(session)
    held = exchange_rows.peer_state(session, village, _BATCH_TABLE, [batch.id for batch in active])
    for batch in active:
        if not full and held.get(batch.id, (None, None))[0] == batch.row_version:
            continue
        count = register_slice.count_village_rows(session, batch.id, _stored_code(village))
        if count:  # a village with no rows keeps what it has: an empty slice is no news
            outgoing.batches.append(_Batch(batch.id, batch.row_version, batch.dataset, batch.as_of,
                                           batch.imported_at, count))
    return outgoing


def _stored_code(site_code: str) -> str:
    """A desa code as an extract import stores it (10 digits), whatever the spelling of the site code."""
    return read_village_code(site_code) or site_code


# --- village: verifying and storing ------------------------------------------------------------------------------


def apply_extract_slice(session: Any, ctx: ServiceContext, run: RowsPass) -> None:
    """Called from exchange_decisions after the rows of a district package are stored. Raises PackageRefused."""
    signed = dict(run.manifest.get(SHEET, {}))
    if not signed or run.only_ids is not None:  # no slice, or re-applying parked rows: the slice is already in
        return
    package = run.package
    if package is None:  # a pass without its file cannot verify the slice: refuse rather than skip it
        raise PackageRefused("MISSING_SHEET", sheet=SHEET)
    rows = _verified_rows(package, signed, today=run.today, now=run.now)
    run.seen.setdefault(SHEET, set()).update(signed)
    own = _stored_code(package.meta.get("receiver_site", ""))
    by_batch: dict[str, list[dict[str, Any]]] = {}
    for number, values in rows:
        if values.get("village_code") != own:
            raise PackageRefused("MANIFEST_MISMATCH", detail=f"lembar {SHEET} baris {number}: data desa lain")
        by_batch.setdefault(str(values["batch_id"]), []).append(values)
    for batch_id, values in by_batch.items():
        _store(session, run, batch_id, values, signed)


def _verified_rows(package: OpenedPackage, signed: dict[str, str], *, today: date, now: datetime
                   ) -> list[tuple[int, dict[str, Any]]]:
    if package.shape.sheet(SHEET) is None:
        raise PackageRefused("MISSING_SHEET", sheet=SHEET)
    intake = RowIntake(REGISTER_SLICE, {}, number_field=None, today=today, now=now)
    formulas = package.formula_rows(SHEET)
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    for batch in read_sheets(package.path, [SHEET], shape=package.shape, batch_rows=5000):
        for offset, raw in enumerate(batch.rows):
            number = batch.first_row + offset
            taken = intake.take(tuple(raw))
            if taken is None:
                continue
            digest, values, _, _ = taken  # row checks are for records typed at a desk; this row is signed data
            record_id = str(values.get("id") or "")
            if record_id in found or signed.get(record_id) != digest or number in formulas:
                raise PackageRefused("MANIFEST_MISMATCH", detail=f"lembar {SHEET} baris {number} diubah di luar "
                                                                 "aplikasi; data DTSEN hanya diterima utuh")
            found[record_id] = (number, values)
    if len(found) != len(signed):
        raise PackageRefused("MANIFEST_MISMATCH", detail=f"lembar {SHEET}: {len(signed)} baris tercatat, "
                                                         f"{len(found)} di lembar")
    return list(found.values())


def _store(session: Any, run: RowsPass, batch_id: str, rows: list[dict[str, Any]], signed: dict[str, str]) -> None:
    first = rows[0]
    dataset, as_of = str(first["dataset"]), first["as_of"]
    if any(row["dataset"] != dataset or row["as_of"] != as_of for row in rows):
        raise PackageRefused("MANIFEST_MISMATCH", detail=f"lembar {SHEET}: satu impor dengan dua tanggal atau jenis")
    counts = run.counts.setdefault(SHEET, Counter())
    if session.get(RegisterBatch, batch_id) is not None:  # sent again before the district saw our acknowledgement
        counts[RowClass.IDENTICAL] += len(rows)
        return
    digest = hashlib.sha256("\n".join(sorted(signed[str(row["id"])] for row in rows)).encode()).hexdigest()
    label = source_label(run.sender, as_of.strftime("%d-%m-%Y"))
    register.start_batch(session, dataset=dataset, as_of=as_of, file_name=f"paket {run.package_id}"[:300],
                         sha256=digest, source_label=label, imported_at=run.now, batch_id=batch_id)
    records = [_record(batch_id, dataset, row) for row in rows]
    register.insert_records(session, records)
    warned = sum(1 for record in records if record["warnings"])
    replaced = register.finish_batch(session, batch_id, rows_total=len(records), rows_imported=len(records),
                                     rows_other_village=0, rows_rejected=0, rows_nik_damaged=0,
                                     rows_with_warnings=warned)
    append_event(session, AuditAction.IMPORT, entity="register_batch", entity_id=batch_id,
                 changes={"package": run.package_id, "sender": run.sender, "dataset": dataset,
                          "as_of": as_of.isoformat(), "rows": len(records), "replaced": replaced},
                 reason=label, purpose="Pemutakhiran data DTSEN desa dari kabupaten/kota")
    counts[RowClass.NEW] += len(records)
    run.messages.append(ImportMessage(SHEET, None, None, "DTSEN_DIPERBARUI", (
        f"Data {dataset} desa diganti dengan data dari kabupaten/kota per {as_of.strftime('%d-%m-%Y')}: "
        f"{len(records)} baris."), "info"))


def _record(batch_id: str, dataset: str, row: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {key: row.get(key) for key in RECORD_FIELDS}
    record.update(batch_id=batch_id, dataset=dataset, name_key=normalize_name(str(row["name"])),
                  address=row.get("address") or "", rt=row.get("rt") or "", rw=row.get("rw") or "",
                  village_name=row.get("village_name") or "", remarks=row.get("remarks") or "",
                  programs=dict(row.get("programs") or {}), warnings=list(row.get("warnings") or []), raw={})
    return record
