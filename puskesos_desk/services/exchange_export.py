"""Export: one signed exchange package for the other side (docs/exchange-format.md).

A village sends its kabupaten/kota everything the secretariat has not confirmed yet (a delta) or everything (full);
a district sends one village the answers and reference data that concern it. The workbook is written while the
rows stream from one read snapshot; the ledger entry, the per-record "sent" marks, the export register entry and
the audit event are written together afterwards, and the file is removed if that fails, so a package never
exists without its ledger entry.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from puskesos_desk import __version__
from puskesos_desk.data.audit import append_event
from puskesos_desk.data.repositories import exchange_ledger, exchange_rows, reference, trust
from puskesos_desk.domain.audit_continuity import AUDIT_PRIOR_FIELD
from puskesos_desk.domain.canonical import statement
from puskesos_desk.domain.enums import AuditAction, PackageKind, SiteRole
from puskesos_desk.domain.errors import Cancelled, InputRejected
from puskesos_desk.domain.exchange_package import (
    FORMAT_VERSION,
    MANIFEST_HEADER,
    META_SHEET,
    PackageMeta,
    Scope,
    format_ranges,
)
from puskesos_desk.domain.exchange_records import ExportOutcome, ProgressSink
from puskesos_desk.domain.exchange_sheets import DISTRICT_SHEETS, VILLAGE_SHEETS, SheetSpec
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.stepwise_sort import sorted_in_steps
from puskesos_desk.services import enrolment, exchange_protection, keys
from puskesos_desk.services.audit_continuity import outgoing_heads
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.exchange_columns import ROW_HASH_KEY, SheetPlan, choice_names, resolve_choices
from puskesos_desk.services.return_extract import outgoing_slice
from puskesos_desk.services.site import get_site_info, site_private_seed
from puskesos_desk.spreadsheet.encrypt import plain_then_encrypted
from puskesos_desk.spreadsheet.leftovers import sweep_leftovers
from puskesos_desk.spreadsheet.writer import WorkbookValueError
from puskesos_desk.spreadsheet.writer_process import WorkbookWriterProcess

_CHECK_EVERY = 500  # rows between progress reports and cancel checks


def sheets_for(role: SiteRole) -> tuple[SheetSpec, ...]:
    return VILLAGE_SHEETS if role is SiteRole.DESA else DISTRICT_SHEETS


def default_receiver(code: str, role: SiteRole) -> str | None:
    """A village sends to its own kabupaten/kota; a district must name the village."""
    return code[:5] if role is SiteRole.DESA else None


def plans_for(session: Any, specs: tuple[SheetSpec, ...]) -> list[SheetPlan]:
    code_sets = reference.code_sets(session, choice_names(specs))
    zone = local_zone()
    plans = []
    for spec in specs:
        choices = {c.key: resolve_choices(c.choices, code_sets) for c in spec.columns if c.choices}
        plans.append(SheetPlan(spec, {k: v for k, v in choices.items() if v}, zone))
    return plans


def export_package(ctx: ServiceContext, out: Path, *, full: bool = False, receiver: str | None = None,
                   purpose: str = "", sink: ProgressSink | None = None, password: str | None = None) -> ExportOutcome:
    """password: protect the file with Office encryption (spreadsheet/encrypt.py); required when the site requires
    it (services/exchange_protection.py). It is used for this file only: never stored, never logged."""
    ctx.require(Permission.EXPORT_DATA)
    sink = sink or ProgressSink()
    site = get_site_info(ctx.db)
    receiver = receiver or default_receiver(site.code, site.role)
    if not receiver:
        raise InputRejected("Pilih desa/kelurahan tujuan paket ini.", field="receiver")
    kind = PackageKind.DESA_KE_KABUPATEN if site.role is SiteRole.DESA else PackageKind.KABUPATEN_KE_DESA
    village = receiver if site.role is SiteRole.KABUPATEN else None
    seed = site_private_seed(ctx)
    trust_fields = enrolment.outgoing_fields(ctx, site)  # the sender's card, so a first package can be trusted
    out = Path(out)

    with ctx.db.reading() as session:
        peer = trust.get(session, receiver)
        if site.role is SiteRole.KABUPATEN and peer is None:
            raise InputRejected(f"Desa/kelurahan {receiver} belum terdaftar sebagai situs tepercaya; percayai kartu "
                                "situsnya terlebih dahulu.", field="receiver")
        password = exchange_protection.export_password(session, password)
        protection_fields = exchange_protection.outgoing_fields(session, kind)
        plans = plans_for(session, sheets_for(site.role))
        sequence, previous = exchange_ledger.next_out_sequence(session, receiver)
        acknowledged = format_ranges(exchange_ledger.received_sequences(session, receiver))
        head, prior = outgoing_heads(session, previous, recompute=site.role is SiteRole.DESA)  # from the log
        totals = {plan.name: exchange_rows.count_outgoing(session, plan.spec.table, receiver, full=full,
                                                          village=village) for plan in plans}
        grand_total = sum(totals.values())
        manifest: list[tuple[str, str, str]] = []
        sent: dict[str, list[tuple[str, int]]] = {}
        done = 0

        def rows_of(plan: SheetPlan) -> Iterator[dict[str, object]]:
            nonlocal done
            sent_here = sent.setdefault(plan.spec.table, [])
            for record, peer_version in exchange_rows.outgoing_rows(session, plan.spec.table, receiver, full=full,
                                                                    village=village):
                cells = plan.cells(record, peer_version)
                manifest.append((plan.name, record["id"], str(cells[ROW_HASH_KEY])))
                sent_here.append((record["id"], int(record["row_version"])))
                done += 1
                if done % _CHECK_EVERY == 0:
                    if sink.cancelled():
                        raise Cancelled("Ekspor dibatalkan; tidak ada berkas yang dibuat.")
                    sink.progress(done, grand_total, plan.name)
                yield cells

        created_at = ctx.now().isoformat(timespec="seconds")
        package_id = str(uuid.uuid4())
        sweep_leftovers(out.parent)  # what an earlier interrupted export left there, some of it in clear
        # Written under a hidden name and put in place only once the ledger holds it: a package file never exists
        # without its ledger entry, even if the power fails between the two (then the district sees a gap).
        staged = out.with_name(f".{out.name}.{uuid.uuid4().hex[:12]}.staged")
        with _unwritable_as_bahasa(), plain_then_encrypted(staged, password) as plain, \
                WorkbookWriterProcess(plain) as writer:
            writer.add_instructions(_title(site.name, kind), _paragraphs(kind, sequence, full))
            counts: dict[str, int] = {}
            for plan in plans:
                if sink.cancelled():  # also between sheets, so a small package can be stopped too
                    raise Cancelled("Ekspor dibatalkan; tidak ada berkas yang dibuat.")
                sink.progress(done, grand_total, plan.name)
                counts[plan.name] = writer.add_sheet(plan.name, plan.writer_columns(), rows_of(plan),
                                                     note=plan.spec.note)
            if village is not None:  # the village's slice of the district's extract, signed like the rows above
                extract = outgoing_slice(session, sender=site.code, village=village, full=full)
                sink.progress(done, grand_total + extract.total, extract.plan.name)
                counts[extract.plan.name] = writer.add_sheet(extract.plan.name, extract.plan.writer_columns(),
                                                             extract.rows(session, manifest, sent),
                                                             note=extract.plan.spec.note)
            meta = PackageMeta(
                package_id=package_id, kind=kind, sender_site=site.code, sender_name=site.name,
                sender_key_fingerprint=site.fingerprint, receiver_site=receiver, sequence=sequence,
                previous_package_id=previous, scope=Scope.FULL if full else Scope.DELTA, created_at=created_at,
                app_version=__version__, rows=counts, audit_head=head, acknowledged=acknowledged,
                format_version=FORMAT_VERSION,
                extra=trust_fields | protection_fields | ({AUDIT_PRIOR_FIELD: prior} if prior else {}),
            )
            fields = meta.fields()
            fields["signature"] = keys.b64(keys.sign(seed, statement(FORMAT_VERSION, fields, manifest)))
            writer.add_hidden_sheet(META_SHEET, _meta_rows(fields, manifest))
            writer.set_custom_properties({k: v for k, v in fields.items() if len(k) <= 255 and len(v) <= 255})
        recipient = peer.name if peer else f"Sekretariat SLRT {receiver}"

    sink.progress(grand_total, grand_total, "")
    try:
        digest = file_sha256(staged)
        with ctx.db.transaction(ctx.actor) as session:
            exchange_ledger.add(
                session, package_uuid=package_id, direction=exchange_ledger.OUT, kind=kind.value,
                sender_code=site.code, receiver_code=receiver, sequence=sequence,
                previous_package_uuid=previous or None,
                format_version=str(FORMAT_VERSION), package_created_at=ctx.now(), file_name=out.name, sha256=digest,
                row_counts=counts, audit_head=head.partition(":")[2], status="DIBUAT",
                report={"audit_head": head, "scope": meta.scope.value},
            )
            for table_name, pairs in sent.items():
                exchange_rows.record_sent(session, receiver, table_name, pairs, sequence)
            exchange_ledger.add_export_record(
                session, kind="PAKET", file_name=out.name, sha256=digest, recipient=recipient,
                purpose=purpose or f"Pertukaran data SLRT: paket ke-{sequence} untuk {recipient}",
                row_counts=counts, columns=[plan.name for plan in plans], encrypted=password is not None,
                masked=False,
                notes=f"{'lengkap' if full else 'perubahan'}; paket {package_id}",
            )
            append_event(session, AuditAction.EXPORT, entity="exchange_package", entity_id=package_id,
                         changes={"sequence": sequence, "scope": meta.scope.value, "rows": counts, "sha256": digest,
                                  "file": out.name, "encrypted": password is not None},
                         recipient=recipient, purpose=purpose or "Pertukaran data SLRT")
        os.replace(staged, out)
    finally:
        staged.unlink(missing_ok=True)  # a package without its ledger entry would reuse its sequence number
    return ExportOutcome(path=out, package_id=package_id, receiver=receiver, sequence=sequence,
                         scope=meta.scope.value, rows=counts, sha256=digest)


@contextmanager
def _unwritable_as_bahasa() -> Iterator[None]:
    try:
        yield
    except WorkbookValueError as exc:
        raise InputRejected(
            f"Paket tidak dapat dibuat: ada isian yang tidak muat di sel Excel ({exc}). Excel menampung paling "
            "banyak 32.767 karakter per sel; persingkat isian tersebut di aplikasi, lalu buat paket lagi.",
            detail=str(exc)) from exc


def _meta_rows(fields: dict[str, str], manifest: list[tuple[str, str, str]]) -> Iterator[tuple[str | None, ...]]:
    for key in sorted(fields):
        yield key, fields[key]
    yield (None, None)
    yield MANIFEST_HEADER
    yield from sorted_in_steps(manifest)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _title(site_name: str, kind: PackageKind) -> str:
    direction = "ke Sekretariat SLRT kabupaten/kota" if kind is PackageKind.DESA_KE_KABUPATEN else "ke Puskesos desa"
    return f"Paket pertukaran data {site_name} {direction}"


def _paragraphs(kind: PackageKind, sequence: int, full: bool) -> list[str]:
    scope = ("berisi seluruh data" if full else
             "berisi data yang dicatat, diubah atau dihapus sejak paket terakhir yang diterima penerima")
    return [
        f"Ini paket ke-{sequence}; {scope}. Impor berkas ini di Puskesos Desk penerima (menu Pertukaran Data → "
        "Impor). Jangan mengetik ulang data ke aplikasi lain.",
        "Paket ini ditandatangani. Boleh dibuka, diurutkan dan disaring di Excel atau LibreOffice; menyimpannya "
        "tanpa mengubah isi tidak merusak tanda tangan. Setiap isi sel yang diubah akan terlihat sebagai "
        "\"diubah di luar aplikasi\" dan baru diterapkan setelah dikonfirmasi penerima.",
        "Jangan mengubah kolom ID, VERSI, VERSI_DASAR, DIHAPUS, DIBUAT, SITUS ASAL dan HASH_BARIS. NIK, No. KK dan "
        "nomor telepon ditulis sebagai teks: jangan ubah format selnya menjadi angka (Excel membulatkan angka "
        "lebih dari 15 digit).",
        "Berkas ini berisi data pribadi, termasuk data pribadi spesifik (UU PDP No. 27/2022). Simpan dan kirim "
        "hanya kepada penerima yang berhak; hapus salinan di flashdisk atau ponsel setelah diimpor.",
    ]
