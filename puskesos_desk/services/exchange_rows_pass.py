"""One pass over a verified package's rows: check, classify against the receiver's copy, and (unless a dry run)
apply, batch by batch, inside the caller's single transaction.

Rows come parent sheets first, so a reference is satisfied by a record the receiver has or by a row accepted
earlier in the same package. A row that names a record still waiting for a decision (an edited new row) waits
with it. Inserts and updates go through SQLAlchemy Core in executemany batches; each update of an existing record
gets its own audit event with the fields it changed, the package one event for everything else.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from puskesos_desk.data.audit import append_event, record_changes
from puskesos_desk.data.repositories import exchange_ledger, exchange_rows
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.exchange_intake import written_fields
from puskesos_desk.domain.exchange_package import ReceiverCopy, RowClass, classify
from puskesos_desk.domain.exchange_records import ImportMessage
from puskesos_desk.domain.exchange_sheets import SYSTEM_COLUMNS
from puskesos_desk.domain.exchange_validation import Finding
from puskesos_desk.services.exchange_columns import SheetPlan
from puskesos_desk.services.exchange_read import IncomingRows, OpenedPackage

PERSON_SHEET = "Anggota Keluarga"
_SYSTEM_FIELDS = {c.key for c in SYSTEM_COLUMNS} - {"number"}
MAX_KEPT_ROWS = 20_000  # problem rows kept for the report workbook; messages are kept for all


@dataclass
class ProblemRow:
    """A row the sender has to look at, with its cells as read, for the report workbook."""

    sheet: str
    row_number: int
    cells: dict[str, object]
    row_class: RowClass
    messages: list[ImportMessage]


@dataclass
class RowsPass:
    sender: str
    package_id: str
    manifest: dict[str, dict[str, str]]  # sheet → record id → signed row hash (OpenedPackage.hashes)
    person_ids_in_package: set[str]
    today: date
    now: datetime
    actor_id: str
    apply: bool
    accept_edits: bool
    only_ids: set[str] | None = None  # re-applying parked rows of a package: the only rows to consider
    package: OpenedPackage | None = None  # the opened file, for sheets read outside the pass (the DTSEN slice)
    counts: dict[str, Counter[RowClass]] = field(default_factory=dict)
    messages: list[ImportMessage] = field(default_factory=list)
    problems: list[ProblemRow] = field(default_factory=list)
    seen: dict[str, set[str]] = field(default_factory=dict)  # sheet → ids read
    present: dict[str, set[str]] = field(default_factory=dict)  # table → ids that exist or will, after apply
    waiting: dict[str, set[str]] = field(default_factory=dict)  # table → ids parked as new rows
    # table → ids of every row this pass wrote, in order. Lists of text, not (table, id) tuples: the collector never
    # visits these, and 236,000 tuples cost a 120 ms pause at its first pass after the import.
    applied_ids: dict[str, list[str]] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)  # household → its head, as the row names it
    head_rows: dict[str, int] = field(default_factory=dict)  # household → its row number (text and ints only)
    household_plan: SheetPlan | None = None

    @property
    def by_class(self) -> Counter[RowClass]:
        total: Counter[RowClass] = Counter()
        for counts in self.counts.values():
            total.update(counts)
        return total

    # --- one batch ------------------------------------------------------------------------------------------------

    def batch(self, session: Any, plan: SheetPlan, rows: IncomingRows, formula_rows: frozenset[int]) -> None:
        table = plan.spec.table
        counts = self.counts.setdefault(plan.name, Counter())
        seen = self.seen.setdefault(plan.name, set())
        signed_hashes = self.manifest.get(plan.name, {})
        prepared = []
        for row_number, digest, values, row_findings, derived in rows:
            record_id = str(values.get("id") or "")
            if self.only_ids is not None and record_id not in self.only_ids:
                continue
            duplicate = record_id in seen
            seen.add(record_id)
            prepared.append((row_number, digest, values, row_findings, derived, record_id, duplicate))
        ids = [p[5] for p in prepared if p[5]]
        before = exchange_rows.rows_by_id(session, table, ids)
        # What the receiver knows of the sender's version matters only for records the receiver holds (ReceiverCopy
        # below); a first import of a whole village holds none, and asking for 236,000 ids took a second.
        peer = exchange_rows.peer_state(session, self.sender, table, list(before))
        refs = self._reference_lookup(session, table, [p[2] for p in prepared])
        if table == "household":  # the head is named without a foreign key (it is written after its household)
            heads = {str(p[2]["head_person_id"]) for p in prepared if p[2].get("head_person_id")}
            heads -= self.person_ids_in_package | self.present.get("person", set())
            refs["person"] = refs.get("person", set()) | exchange_rows.existing_ids(session, "person", sorted(heads))
        taken = self._numbers_taken(session, plan, [p[2] for p in prepared])
        inserts: list[dict[str, Any]] = []
        updates: list[tuple[dict[str, Any], dict[str, Any]]] = []
        synced: list[tuple[str, int]] = []
        parked: list[dict[str, Any]] = []
        for row_number, digest, values, row_findings, derived, record_id, duplicate in prepared:
            findings = list(row_findings)
            if duplicate:
                findings.append(Finding("id", "ID_GANDA", "ID ini muncul lebih dari sekali di lembar ini; baris "
                                                         "yang sama disalin?"))
            findings += self._database_checks(plan, values, refs, taken, record_id)
            waits_for_parent = not findings and self._waits_for_parent(table, values)
            signed = signed_hashes.get(record_id)
            edited = signed is None or signed != digest or row_number in formula_rows
            if findings:
                if row_number in formula_rows:
                    findings.append(Finding(None, "RUMUS", _FORMULA_MESSAGE))
                self._problem(plan, rows, row_number, RowClass.REJECTED, findings)
                counts[RowClass.REJECTED] += 1
                continue
            existing = before.get(record_id)
            copy = None if existing is None else ReceiverCopy(
                version=int(existing["row_version"]),
                same_content=plan.content_key(existing) == plan.content_key(values),
                peer_version=peer.get(record_id, (None, None))[0])
            row_class = classify(copy, row_version=values["row_version"], base_version=values["base_version"])
            if row_class in (RowClass.NEW, RowClass.CHANGED, RowClass.CONFLICT) and (
                    (edited and not self.accept_edits) or waits_for_parent):
                if row_class is RowClass.NEW:
                    self.waiting.setdefault(table, set()).add(record_id)
                parked.append(self._parked(plan, row_number, values, "DIUBAH"))
                if row_number in formula_rows:
                    finding = Finding(None, "RUMUS", _FORMULA_MESSAGE)
                elif edited:
                    finding = Finding(None, "DIUBAH_DI_LUAR_APLIKASI", _edited_message(True))
                else:
                    finding = Finding(None, "MENUNGGU_INDUK", _edited_message(False))
                self._problem(plan, rows, row_number, RowClass.EDITED, [finding])
                counts[RowClass.EDITED] += 1
                continue
            counts[row_class] += 1
            if edited and row_class in (RowClass.NEW, RowClass.CHANGED, RowClass.CONFLICT):
                self.messages.append(self._message(plan, row_number, None, "DIUBAH_DITERIMA",
                                                   "Baris diubah di luar aplikasi; diterapkan atas konfirmasi.",
                                                   "info"))
            if table == "household" and row_class in (RowClass.NEW, RowClass.CHANGED) and values.get("head_person_id"):
                self.heads[record_id] = str(values["head_person_id"])
                self.head_rows[record_id] = row_number
                self.household_plan = plan
            if row_class is RowClass.NEW:
                inserts.append(self._record(table, values, derived, None))
                synced.append((record_id, values["row_version"]))
            elif row_class is RowClass.CHANGED:
                assert existing is not None
                updates.append((existing, self._record(table, values, derived, existing)))
                synced.append((record_id, values["row_version"]))
            elif row_class is RowClass.IDENTICAL:
                synced.append((record_id, values["row_version"]))
            elif row_class is RowClass.CONFLICT:
                parked.append(self._parked(plan, row_number, values, "KONFLIK"))
                self._problem(plan, rows, row_number, RowClass.CONFLICT, [Finding(None, "KONFLIK", _CONFLICT_MESSAGE)])
            if row_class is not RowClass.CONFLICT or existing is not None:
                self.present.setdefault(table, set()).add(record_id)
        if self.apply:
            self._write(session, table, inserts, updates, synced, parked)

    def finish(self, session: Any) -> None:
        """After every sheet: a household applied with a head whose own row was rejected keeps no dangling head
        (households come before persons, so this is only known at the end). A head still waiting for a decision
        keeps its reference: accepting it completes the household."""
        known = self.present.get("person", set()) | self.waiting.get("person", set())
        unresolved = {household: head for household, head in self.heads.items() if head not in known}
        if not unresolved:
            return
        stored = exchange_rows.existing_ids(session, "person", sorted(set(unresolved.values())))
        for household, head in unresolved.items():
            if head in stored:
                continue
            plan, row_number = self.household_plan, self.head_rows[household]
            assert plan is not None  # set with every entry of heads
            self.messages.append(self._message(plan, row_number, "head_person_id", "KK_TANPA_KEPALA", (
                "Kepala keluarga ini ditolak (lihat barisnya di lembar Anggota Keluarga); keluarga disimpan tanpa "
                "kepala keluarga sampai datanya dikirim ulang dengan benar."), "warning"))
            if self.apply:
                exchange_rows.update_rows(session, "household", [{"id": household, "head_person_id": None}])

    # --- checks that need the receiver's data -------------------------------------------------------------------

    def _reference_lookup(self, session: Any, table: str, rows: list[dict[str, Any]]) -> dict[str, set[str]]:
        """target table → ids that exist at the receiver, among those the batch names."""
        wanted: dict[str, set[str]] = {}
        for column, target in exchange_rows.reference_targets(table).items():
            for values in rows:
                value = values.get(column)
                if value and value not in self.present.get(target, ()):
                    wanted.setdefault(target, set()).add(str(value))
        return {target: exchange_rows.existing_ids(session, target, sorted(ids)) for target, ids in wanted.items()}

    def _numbers_taken(self, session: Any, plan: SheetPlan, rows: list[dict[str, Any]]) -> dict[str, str]:
        field_name = plan.number_field
        if field_name is None or field_name not in exchange_rows.unique_columns(plan.spec.table):
            return {}
        return exchange_rows.values_taken(session, plan.spec.table, field_name,
                                          [str(v[field_name]) for v in rows if v.get(field_name)])

    def _database_checks(self, plan: SheetPlan, values: dict[str, Any], refs: dict[str, set[str]],
                         taken: dict[str, str], record_id: str) -> list[Finding]:
        findings = []
        headers = plan.headers
        for column, target in exchange_rows.reference_targets(plan.spec.table).items():
            value = values.get(column)
            if not value or value in self.present.get(target, ()) or value in refs.get(target, ()):
                continue
            if value in self.waiting.get(target, ()):
                continue  # its parent waits for a decision; the row waits with it (_waits_for_parent)
            findings.append(Finding(column, "REF_TIDAK_ADA", f"{headers.get(column, column)} menunjuk data yang tidak "
                                    "ada di paket ini maupun di situs penerima (mungkin ditolak di atas)."))
        number_field = plan.number_field
        number = values.get(number_field) if number_field else None
        if number and taken.get(str(number), record_id) != record_id:
            findings.append(Finding(number_field, "NOMOR_SUDAH_DIPAKAI", f"Nomor {number} sudah dipakai data lain di "
                                    "situs penerima."))
        if plan.spec.table == "household" and values.get("deleted_at") is None:
            head = values.get("head_person_id")
            if not head or (head not in self.person_ids_in_package and head not in refs.get("person", ())
                            and head not in self.present.get("person", ())):
                findings.append(Finding("head_person_id", "KK_TANPA_KEPALA", "Keluarga ini tidak punya kepala "
                                        "keluarga di paket maupun di situs penerima; lengkapi anggotanya lalu kirim "
                                        "ulang."))
        return findings

    def _waits_for_parent(self, table: str, values: dict[str, Any]) -> bool:
        return any(values.get(column) in self.waiting.get(target, ())
                   for column, target in exchange_rows.reference_targets(table).items() if values.get(column))

    # --- results ---------------------------------------------------------------------------------------------------

    def _message(self, plan: SheetPlan, row: int | None, key: str | None, code: str, text: str,
                 severity: str = "error") -> ImportMessage:
        header = next((c.header for c in plan.all_columns if c.key == key), key) if key else None
        return ImportMessage(plan.name, row, header, code, text, severity)

    def _problem(self, plan: SheetPlan, rows: IncomingRows, row_number: int, row_class: RowClass,
                 findings: list[Finding]) -> None:
        severity = "error" if row_class is RowClass.REJECTED else "warning"
        messages = [self._message(plan, row_number, f.key, f.code, f.message, severity) for f in findings]
        self.messages.extend(messages)
        if len(self.problems) < MAX_KEPT_ROWS:
            self.problems.append(ProblemRow(plan.name, row_number, rows.cells(row_number), row_class, messages))

    def _parked(self, plan: SheetPlan, row_number: int, values: dict[str, Any], reason: str) -> dict[str, Any]:
        return {"package_uuid": self.package_id, "sender_code": self.sender, "sheet": plan.name,
                "table_name": plan.spec.table, "record_id": values["id"], "row_number": row_number,
                "reason": reason, "values": json.loads(json.dumps(values, default=_json_default)),
                "sender_version": values["row_version"], "base_version": values["base_version"],
                "status": "MENUNGGU"}

    def _record(self, table: str, values: dict[str, Any], derived: dict[str, Any],
                existing: dict[str, Any] | None) -> dict[str, Any]:
        """The database row for an incoming row: its fields, its version, and who/when in the receiver's terms."""
        by = f"paket:{self.sender}"
        record = values.copy()  # and drop the system fields: a third of the time of a comprehension over the row
        for key in _SYSTEM_FIELDS:
            record.pop(key, None)
        record.update(derived)
        record.update(written_fields(table, values))
        for key, empty in exchange_rows.empty_defaults(table).items():
            if key in record and record[key] is None:
                record[key] = copy.copy(empty)
        record.update(id=values["id"], row_version=values["row_version"], deleted_at=values.get("deleted_at"),
                      updated_at=self.now, updated_by=by)
        if values.get("deleted_at") is not None and (existing is None or existing.get("deleted_at") is None):
            record.update(deleted_by=by, deleted_reason="dihapus di situs pengirim")
        elif values.get("deleted_at") is None:
            record.update(deleted_by=None, deleted_reason=None)
        if existing is None:
            record.update(created_at=values["created_at"], created_by=by,
                          origin_site=values.get("origin_site") or self.sender)
        return record

    def _write(self, session: Any, table: str, inserts: list[dict[str, Any]],
               updates: list[tuple[dict[str, Any], dict[str, Any]]], synced: list[tuple[str, int]],
               parked: list[dict[str, Any]]) -> None:
        exchange_rows.insert_rows(session, table, inserts)
        for existing, record in updates:
            exchange_rows.update_rows(session, table, [record])
            append_event(session, AuditAction.UPDATE, entity=table, entity_id=record["id"],
                         changes=record_changes(session, table, existing, record),
                         reason=f"paket {self.package_id} dari {self.sender}")
        exchange_rows.record_peer_versions(session, self.sender, table, synced, self.now)
        if parked:
            exchange_ledger.park(session, parked)
        self.applied_ids.setdefault(table, []).extend(record_id for record_id, _ in synced)


_FORMULA_MESSAGE = ("Baris ini berisi rumus Excel; rumus tidak pernah diterapkan. Ketik nilainya sebagai teks di "
                    "aplikasi pengirim, atau terima baris ini bila nilainya benar.")
_CONFLICT_MESSAGE = ("Data ini diubah di kedua situs sejak pertukaran terakhir; tidak ditimpa. Putuskan nilai yang "
                     "dipakai lewat lembar konflik (Pertukaran Data → Konflik).")


def _edited_message(edited: bool) -> str:
    if edited:
        return ("Baris ini diubah di luar aplikasi (isinya tidak sama dengan yang ditandatangani pengirim); "
                "diterapkan hanya setelah dikonfirmasi.")
    return "Baris ini menunggu keputusan atas data induknya, yang diubah di luar aplikasi."


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)
