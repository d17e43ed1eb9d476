"""Moving an office's data to another database: `puskesos-desk db-copy --to postgresql://…` when a secretariat
outgrows one PC (docs/postgresql.md §11), or back into a file.

The target is migrated to this version's schema first, must hold no site or case data (a first start may have
loaded reference data; the source's copy replaces it), receives everything in one transaction, and is then checked:
the same number of rows in every table, and an audit hash chain that verifies. The source is only read.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from puskesos_desk.data import transfer
from puskesos_desk.data.audit import verify_chain
from puskesos_desk.data.db import Database, resolve_database_url
from puskesos_desk.data.migrate import current_revision, head_revision, upgrade_database
from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CopyResult:
    target: str  # where, for display (password hidden)
    rows: dict[str, int]
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class CopyCheckFailed(PuskesosError):
    """The copy was written but does not match the source; the target must not be used."""


def copy_database(ctx: ServiceContext, target: str, *, sink: ProgressSink | None = None) -> CopyResult:
    ctx.require(Permission.MANAGE_SETTINGS)
    sink = sink or ProgressSink()
    target_url = resolve_database_url(target)
    if target_url == ctx.db.url:
        raise InputRejected("Basis data tujuan sama dengan basis data yang sedang dipakai.")
    if current_revision(ctx.db) != head_revision():
        raise InputRejected("Buka basis data asal dengan versi aplikasi ini dulu (skemanya belum diperbarui).")
    started = time.perf_counter()
    destination = Database(target_url)  # no connection yet: nothing is created before the checks below
    if ctx.db.key is not None and destination.is_sqlite:
        # The copy would be a plain file anyone can read: the protection the site chose would end silently.
        destination.dispose()
        raise InputRejected("Basis data ini terenkripsi; salinan ke berkas SQLite akan tidak terenkripsi. Salin ke "
                            "server PostgreSQL, atau buat cadangan (Pengaturan → Cadangan) bila perlu salinan berkas.")
    try:
        upgrade_database(destination, backup=False)
        try:
            copied = transfer.copy_all(ctx.db, destination,
                                       lambda table, done, total: sink.progress(done, total, table))
        except transfer.TargetNotEmpty as exc:
            raise InputRejected(
                f"Basis data tujuan ({destination.display_location}) sudah berisi data situs ({exc.table}: "
                f"{exc.rows} baris). Salin hanya ke basis data baru yang kosong; tidak ada yang diubah.") from exc
        _check(ctx.db, destination, copied)
        where = destination.display_location
    finally:
        destination.dispose()
    seconds = time.perf_counter() - started
    log.info("database copied to %s: %d rows in %.1f s", where, copied.total, seconds)
    return CopyResult(target=where, rows=dict(copied.rows), seconds=seconds)


def _check(source: Database, destination: Database, copied: transfer.CopyCounts) -> None:
    with source.engine.connect() as reader:
        expected = transfer.count_rows(reader)
    with destination.engine.connect() as reader:
        found = transfer.count_rows(reader)
    different = [name for name, rows in expected.rows.items()
                 if found.rows.get(name) != rows or copied.rows.get(name) != rows]
    if different:
        raise CopyCheckFailed(
            "Salinan tidak sama dengan basis data asal (tabel " + ", ".join(different) + "). Jangan pakai basis "
            "data tujuan; ulangi penyalinan ke basis data baru yang kosong.")
    with destination.reading() as session:
        chain = verify_chain(session)
    if not chain.ok:
        raise CopyCheckFailed(
            f"Rantai jejak audit di basis data tujuan tidak cocok mulai peristiwa {chain.first_broken_seq}. "
            "Jangan pakai basis data tujuan; ulangi penyalinan ke basis data baru yang kosong.")
