"""Import: a package from a trusted site, verified before any row is read, applied whole or not at all.

    guard the file → read _meta → addressed to us? → sender trusted? → signature over meta + manifest verifies?
    → already applied? → one pass over the rows (check, classify, apply) in one transaction → ledger + audit

A refused package writes only an audit event. A dry run makes the same pass in a read-only session. Re-importing
an applied package changes nothing and says when and by whom it was applied; with accept_edits it applies the
rows of that package still parked as edited outside the application.

Two staff importing the same package at once (several PCs on one PostgreSQL database): the write transaction first
takes a lock named after the package and only then looks at the ledger again, so the second import waits for the
first one and ends as "already imported" instead of applying the package twice.
"""

from __future__ import annotations

import base64
import gc
import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from puskesos_desk.data import locks
from puskesos_desk.data.audit import append_event
from puskesos_desk.data.bulk import bulk_load, indexes_deferred
from puskesos_desk.data.repositories import exchange_ledger, exchange_rows, trust
from puskesos_desk.domain.canonical import statement
from puskesos_desk.domain.enums import AuditAction, PackageKind, SiteRole
from puskesos_desk.domain.errors import Cancelled
from puskesos_desk.domain.exchange_package import (
    ImportStatus,
    PackageMeta,
    PackageRefused,
    missing_sequences,
    parse_ranges,
)
from puskesos_desk.domain.exchange_records import ImportMessage, ImportOutcome, LedgerEntry, ProgressSink
from puskesos_desk.domain.exchange_sheets import SheetSpec
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteInfo, TrustedSiteInfo
from puskesos_desk.services import enrolment, exchange_protection, keys
from puskesos_desk.services.audit_continuity import check_incoming
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.exchange_conflicts import apply_decisions, is_conflict_workbook
from puskesos_desk.services.exchange_decisions import apply_district_decisions
from puskesos_desk.services.exchange_export import file_sha256, plans_for, sheets_for
from puskesos_desk.services.exchange_read import OpenedPackage, RowsAhead, opened, sheet_rows
from puskesos_desk.services.exchange_report import write_report
from puskesos_desk.services.exchange_rows_pass import PERSON_SHEET, RowsPass
from puskesos_desk.services.site import get_site_info
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook

log = logging.getLogger(__name__)
_SENDER_ROLE = {PackageKind.DESA_KE_KABUPATEN: SiteRole.DESA, PackageKind.KABUPATEN_KE_DESA: SiteRole.KABUPATEN}


class _AppliedMeanwhile(Exception):
    """Another officer applied the package between our first look at the ledger and our write transaction."""

    def __init__(self, entry: LedgerEntry) -> None:
        super().__init__(entry.package_id)
        self.entry = entry


def import_package(ctx: ServiceContext, path: Path, *, dry_run: bool = False, accept_edits: bool = False,
                   report_path: Path | None = None, password: str | None = None,
                   sink: ProgressSink | None = None, trust_new_sender: bool = False) -> ImportOutcome:
    """trust_new_sender: the user confirmed the fingerprint of a district this village does not trust yet; its card
    in the package is trusted when the package applies (services/enrolment.py)."""
    ctx.require(Permission.IMPORT_DATA)
    sink = sink or ProgressSink()
    site = get_site_info(ctx.db)
    path = Path(path)
    run: RowsPass | None = None
    ahead = _rows_ahead(ctx, site)
    try:
        with opened(path, password=password, ahead=ahead) as package:
            if is_conflict_workbook(package):
                return _with_report(apply_decisions(ctx, package, dry_run=dry_run), report_path, None)
            meta = PackageMeta.parse(package.meta)
            sender = _check_addressing_and_trust(ctx, site, meta, package, trust_new_sender=trust_new_sender)
            with ctx.db.reading() as session:  # a district that requires protection refuses a plain package
                exchange_protection.check_incoming(session, site.role, meta,
                                                   encrypted=exchange_protection.is_protected_file(path))
            with ctx.db.reading() as session:
                applied = exchange_ledger.find(session, meta.package_id)
            if applied is not None:
                parked_edits = _parked_edit_ids(ctx, meta.package_id) if accept_edits and not dry_run else set()
                if not parked_edits:
                    outcome = _already_applied(meta, applied)
                    return _with_report(outcome, report_path, None)
                run = _run(ctx, package, meta, sender, path, dry_run=False, accept_edits=True, sink=sink,
                           only_ids=parked_edits, ahead=ahead)
            else:
                run = _run(ctx, package, meta, sender, path, dry_run=dry_run, accept_edits=accept_edits,
                           sink=sink, ahead=ahead)
            outcome = _outcome(meta, run, dry_run=dry_run, ctx=ctx)
    except (UnsafeWorkbook, PackageRefused) as refusal:
        outcome = _refused(ctx, path, refusal)
    except _AppliedMeanwhile as meanwhile:
        return _with_report(_already_applied(meta, meanwhile.entry), report_path, None)
    return _with_report(outcome, report_path, run)


def _with_report(outcome: ImportOutcome, report_path: Path | None, run: RowsPass | None) -> ImportOutcome:
    """Write the report workbook. The import has already been committed or refused: a report that cannot be
    written (full disk, folder gone) must not hide that, so the failure becomes a message of the outcome."""
    if report_path is None:
        return outcome
    try:
        write_report(Path(report_path), outcome, run.problems if run else [])
    except (OSError, ValueError) as exc:
        log.exception("import report not written")
        message = ImportMessage(None, None, None, "LAPORAN_GAGAL", f"Laporan tidak dapat disimpan ke {report_path} "
                                f"({getattr(exc, 'strerror', None) or 'galat'}); hasil impor di atas tetap berlaku.",
                                "warning")
        return replace(outcome, messages=[*outcome.messages, message])
    return replace(outcome, report=Path(report_path))


# --- before any row ---------------------------------------------------------------------------------------------


def _check_addressing_and_trust(ctx: ServiceContext, site: SiteInfo, meta: PackageMeta,
                                package: OpenedPackage, *, trust_new_sender: bool = False) -> TrustedSiteInfo:
    if meta.sender_site == site.code:
        raise PackageRefused("OWN_PACKAGE")
    if meta.receiver_site != site.code:
        raise PackageRefused("WRONG_RECEIVER", receiver=meta.receiver_site, own=site.code)
    if _SENDER_ROLE[meta.kind] is site.role:
        raise PackageRefused("WRONG_KIND", kind=meta.kind.value, role=site.role.value)
    with ctx.db.reading() as session:
        sender = trust.get(session, meta.sender_site)
    if sender is None:  # admitted only by an enrolment proof or a confirmed fingerprint; else UNKNOWN_SENDER
        sender = enrolment.admit_unknown_sender(ctx, site, meta, trust_new_sender=trust_new_sender)
    if meta.sender_key_fingerprint and meta.sender_key_fingerprint != sender.fingerprint:
        raise PackageRefused("KEY_MISMATCH", sender=sender.name, fingerprint=meta.sender_key_fingerprint,
                             trusted=sender.fingerprint)
    try:
        signature = base64.b64decode(meta.signature, validate=True)
    except ValueError:
        raise PackageRefused("BAD_SIGNATURE", detail="signature is not base64") from None
    signed = statement(meta.format_version, package.meta, package.manifest)
    if not keys.verify(sender.public_key, signed, signature):
        raise PackageRefused("BAD_SIGNATURE")
    counted = Counter(sheet for sheet, _, _ in package.manifest)
    for sheet, count in meta.rows.items():
        if counted.get(sheet, 0) != count:
            raise PackageRefused("MANIFEST_MISMATCH", detail=f"lembar {sheet}: {count} baris tercatat, "
                                                             f"{counted.get(sheet, 0)} di daftar")
    return sender


# --- the pass over the rows -------------------------------------------------------------------------------------


def _rows_ahead(ctx: ServiceContext, site: SiteInfo) -> RowsAhead:
    """The sheets a package for this site carries (a district receives the villages' sheets and the other way
    round; any other kind is refused before a row is used), so their read can start before `_meta` is checked."""
    sender_role = SiteRole.DESA if site.role is SiteRole.KABUPATEN else SiteRole.KABUPATEN
    now = ctx.now()
    with ctx.db.reading() as session:
        plans = {plan.name: plan for plan in plans_for(session, sheets_for(sender_role))}
    return RowsAhead(plans=plans, today=now.astimezone(local_zone()).date(), now=now)


def _run(ctx: ServiceContext, package: OpenedPackage, meta: PackageMeta, sender: TrustedSiteInfo, source: Path, *,
         dry_run: bool, accept_edits: bool, sink: ProgressSink, ahead: RowsAhead,
         only_ids: set[str] | None = None) -> RowsPass:
    now = ahead.now
    run = RowsPass(
        sender=meta.sender_site, package_id=meta.package_id, manifest=package.hashes(),
        person_ids_in_package={record_id for sheet, record_id, _ in package.manifest if sheet == PERSON_SHEET},
        today=ahead.today, now=now, actor_id=ctx.actor.id, apply=not dry_run,
        accept_edits=accept_edits, only_ids=only_ids, package=package,
    )
    specs = sheets_for(_SENDER_ROLE[meta.kind])
    total = sum(meta.rows.values()) or 1
    scope: AbstractContextManager[Any] = ctx.db.reading() if dry_run else ctx.db.transaction(ctx.actor)
    with _collector_paused(), scope as session, bulk_load(session):
        if not dry_run:
            _claim(session, meta.package_id, run)
        expected: Counter[str] = Counter()  # rows each table may receive (a dry run writes none)
        for spec in specs if not dry_run else ():
            expected[spec.table] += meta.rows.get(spec.name, 0)
        with indexes_deferred(session, expected):
            _pass_over_sheets(session, package, run, specs, ahead, sink, total)
        received = exchange_ledger.received_sequences(session, meta.sender_site)
        run.finish(session)
        if not dry_run and meta.kind is PackageKind.KABUPATEN_KE_DESA:
            apply_district_decisions(session, ctx, run)
        _package_messages(run, meta, package, received)
        if not dry_run and only_ids is None:
            _record_package(session, run, meta, source, sender)
        elif not dry_run:
            append_event(session, AuditAction.IMPORT, entity="exchange_package", entity_id=meta.package_id,
                         changes={"accepted_edits": dict(run.by_class)}, reason="baris diubah diterima")
            _close_parked(session, meta.package_id, run, ctx)
    return run


def _pass_over_sheets(session: Any, package: OpenedPackage, run: RowsPass, specs: tuple[SheetSpec, ...],
                      ahead: RowsAhead, sink: ProgressSink, total: int) -> None:
    if list(ahead.plans) == [spec.name for spec in specs]:
        plans = dict(ahead.plans)  # the same plans the rows are being read with
    else:
        plans = {plan.name: plan for plan in plans_for(session, specs)}
    done = 0
    for plan, rows in sheet_rows(package, plans, today=run.today, now=run.now):
        run.batch(session, plan, rows, package.formula_rows(plan.name))
        done += len(rows)
        sink.progress(min(done, total), total, plan.name)
        if sink.cancelled():
            raise Cancelled("Impor dibatalkan; tidak ada data yang berubah.")


def _claim(session: Any, package_id: str, run: RowsPass) -> None:
    """The first statements of the write transaction: hold the package's lock until COMMIT, then look at the
    ledger again, now that nobody else can be applying this package. The earlier look was in a read transaction,
    and another officer may have applied the package since; this one then stops before any row is written."""
    locks.exclusive(session, f"exchange-package:{package_id}")
    applied = exchange_ledger.find(session, package_id)
    if applied is None:
        return
    if run.only_ids is None:
        raise _AppliedMeanwhile(applied)
    still_parked = {row.record_id for row in exchange_ledger.pending(session, package_id=package_id,
                                                                     reason="DIUBAH")}
    run.only_ids &= still_parked  # the rows another officer accepted meanwhile are not applied twice
    if not run.only_ids:
        raise _AppliedMeanwhile(applied)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A pass creates millions of short-lived, acyclic objects; the cyclic collector's full passes over them took a
    tenth of the time and stalled the GUI thread for up to a quarter second each (benchmarks/exchange_import.py)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _package_messages(run: RowsPass, meta: PackageMeta, package: OpenedPackage, received: set[int]) -> None:
    for number in missing_sequences(received | {meta.sequence}, meta.sequence)[-20:]:
        run.messages.append(ImportMessage(None, None, None, "PAKET_BELUM_DITERIMA",
                                          f"Paket ke-{number} dari {meta.sender_name or meta.sender_site} belum "
                                          "diterima; data di dalamnya akan tetap diterapkan saat paket itu diimpor.",
                                          "warning"))
    if run.only_ids is None:
        for sheet, record_id, _ in package.manifest:
            if record_id not in run.seen.get(sheet, ()):
                run.messages.append(ImportMessage(sheet, None, "ID", "BARIS_HILANG",
                                                  f"Baris dengan ID {record_id} tercatat di paket tetapi tidak ada di "
                                                  "lembar (terhapus di luar aplikasi?); minta pengirim mengirim ulang.",
                                                  "warning"))


def _record_package(session: Any, run: RowsPass, meta: PackageMeta, source: Path, sender: TrustedSiteInfo) -> None:
    enrolment.record_admission(session, meta, sender, run.now)  # a sender admitted above becomes trusted here
    exchange_protection.adopt_district_requirement(session, meta)  # the district's "packages need a password"
    acknowledged = parse_ranges(meta.acknowledged)
    exchange_rows.acknowledge(session, meta.sender_site, acknowledged, run.now)
    exchange_ledger.mark_acknowledged(session, meta.sender_site, acknowledged)
    counts = {c.value: n for c, n in run.by_class.items()}
    chain = check_incoming(session, meta, run.messages)  # flags a sender whose audit history was rewritten
    exchange_ledger.add(
        session, package_uuid=meta.package_id, direction=exchange_ledger.IN, kind=meta.kind.value,
        sender_code=meta.sender_site, receiver_code=meta.receiver_site, sequence=meta.sequence,
        previous_package_uuid=meta.previous_package_id or None, format_version=str(meta.format_version),
        package_created_at=_moment(meta.created_at, run.now), processed_at=run.now, file_name=source.name,
        sha256=file_sha256(source), row_counts=dict(meta.rows),
        audit_head=meta.audit_head.partition(":")[2][:64] or None, status="DITERAPKAN",
        report={"rows": counts, "messages": len(run.messages), "sender_audit_head": meta.audit_head, **chain},
    )
    append_event(session, AuditAction.IMPORT, entity="exchange_package", entity_id=meta.package_id,
                 changes={"sender": meta.sender_site, "sequence": meta.sequence, "rows": counts,
                          "sheets": {s: {c.value: n for c, n in k.items()} for s, k in run.counts.items()}},
                 recipient=sender.name, purpose="Pertukaran data SLRT")


def _close_parked(session: Any, package_id: str, run: RowsPass, ctx: ServiceContext) -> None:
    applied = {record_id for ids in run.applied_ids.values() for record_id in ids}
    for row in exchange_ledger.pending(session, package_id=package_id, reason="DIUBAH"):
        if row.record_id in applied or row.record_id in run.present.get(row.table, set()):
            exchange_ledger.decide(session, row.id, "DITERAPKAN", ctx.actor.id, run.now)


def _parked_edit_ids(ctx: ServiceContext, package_id: str) -> set[str]:
    with ctx.db.reading() as session:
        return {row.record_id for row in exchange_ledger.pending(session, package_id=package_id, reason="DIUBAH")}


# --- outcomes ---------------------------------------------------------------------------------------------------


def _outcome(meta: PackageMeta, run: RowsPass, *, dry_run: bool, ctx: ServiceContext) -> ImportOutcome:
    return ImportOutcome(
        status=ImportStatus.WOULD_APPLY if dry_run else ImportStatus.APPLIED, package_id=meta.package_id,
        sender=meta.sender_site, sender_name=meta.sender_name, sequence=meta.sequence, rows=dict(run.by_class),
        sheets={sheet: dict(counts) for sheet, counts in run.counts.items()}, messages=run.messages,
        applied_at=None if dry_run else run.now, applied_by="" if dry_run else ctx.actor.name,
    )


def _already_applied(meta: PackageMeta, entry: LedgerEntry) -> ImportOutcome:
    when = entry.processed_at or entry.created_at
    stamp = when.astimezone(local_zone()).strftime("%d-%m-%Y %H:%M")
    message = ImportMessage(None, None, None, "SUDAH_DIIMPOR",
                            f"Paket ini sudah diimpor pada {stamp} oleh {entry.processed_by}; tidak ada yang diubah.",
                            "info")
    return ImportOutcome(status=ImportStatus.ALREADY_APPLIED, package_id=meta.package_id, sender=meta.sender_site,
                         sender_name=meta.sender_name, sequence=meta.sequence, rows={}, sheets={},
                         messages=[message], applied_at=when, applied_by=entry.processed_by)


def _refused(ctx: ServiceContext, path: Path, refusal: UnsafeWorkbook | PackageRefused) -> ImportOutcome:
    code = refusal.code
    with ctx.db.transaction(ctx.actor) as session:
        append_event(session, AuditAction.IMPORT, entity="exchange_package", entity_id=None,
                     changes={"refused": code, "file": path.name, "context": {k: str(v) for k, v in
                                                                               refusal.context.items()}},
                     reason=refusal.message)
    return ImportOutcome(status=ImportStatus.REJECTED, package_id="", sender="", sender_name="", sequence=0,
                         rows={}, sheets={}, messages=[ImportMessage(None, None, None, code, refusal.message)])


def _moment(text: str, fallback: datetime) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return fallback
    return moment if moment.tzinfo is not None else fallback

