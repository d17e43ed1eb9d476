"""Return packages for every trusted village at once (`export --all-villages`, Kirim → "Kirim ke semua desa…").

Each village gets its own signed package from services.exchange_export, with its own ledger entry, so a village
whose package fails (its data cannot be written, its file name is taken, …) is reported and the others still go.
A cancel is honoured between villages and inside the village being written; the packages already made stay
made: they are in the ledger, and the report lists them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from puskesos_desk.data.repositories import exchange_ledger, trust
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import Cancelled, InputRejected, PuskesosError
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.exchange_return import AllVillagesOutcome, VillageFailure, VillagePackage
from puskesos_desk.domain.file_names import file_in_folder, safe_file_stem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import TrustedSiteInfo
from puskesos_desk.services import exchange_protection
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.site import get_site_info

log = logging.getLogger(__name__)


def return_file_name(village: str, sequence: int) -> str:
    """'33.22.01.2007-paket-4.xlsx': the village's code first, so a folder sorts by village."""
    return f"{safe_file_stem(village, 'desa')}-paket-{sequence}.xlsx"


class _VillageSink(ProgressSink):
    """Passes one village's export progress on as progress over villages, and the person's cancel back in."""

    def __init__(self, outer: ProgressSink, index: int, total: int, name: str) -> None:
        self._outer, self._index, self._total, self._name = outer, index, total, name

    def progress(self, done: int, total: int, label: str) -> None:
        self._outer.progress(self._index, self._total, f"{self._name}: {label}" if label else self._name)

    def cancelled(self) -> bool:
        return self._outer.cancelled()


def trusted_villages(ctx: ServiceContext) -> list[TrustedSiteInfo]:
    with ctx.db.reading() as session:
        return [s for s in trust.all_trusted(session) if s.role == SiteRole.DESA.value]


def export_all_villages(ctx: ServiceContext, out_dir: Path, *, full: bool = False,
                        sink: ProgressSink | None = None, password: str | None = None) -> AllVillagesOutcome:
    """One return package per trusted village into `out_dir`, named `<KODE>-paket-<seq>.xlsx`; with `password`,
    every package is protected with it (the district gives it to each village by phone)."""
    ctx.require(Permission.EXPORT_DATA)
    sink = sink or ProgressSink()
    if get_site_info(ctx.db).role is not SiteRole.KABUPATEN:
        raise InputRejected("Paket untuk semua desa hanya dibuat di Sekretariat SLRT kabupaten/kota.")
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise InputRejected(f"Folder {out_dir} tidak ditemukan; pilih folder yang sudah ada.", field="out_dir")
    with ctx.db.reading() as session:  # a missing or weak password stops the run before the first village
        password = exchange_protection.export_password(session, password)
    villages = trusted_villages(ctx)
    if not villages:
        raise InputRejected("Belum ada desa/kelurahan tepercaya. Daftarkan desa terlebih dahulu (village add atau "
                            "trust --card).")
    packages: list[VillagePackage] = []
    failed: list[VillageFailure] = []
    for index, village in enumerate(villages):
        if sink.cancelled():
            return _stopped(packages, failed, villages[index:])
        sink.progress(index, len(villages), village.name)
        try:
            packages.append(_export_one(ctx, village, out_dir, full=full, password=password,
                                        sink=_VillageSink(sink, index, len(villages), village.name)))
        except Cancelled:
            return _stopped(packages, failed, villages[index:])
        except PuskesosError as exc:
            failed.append(VillageFailure(village.code, village.name, exc.message))
        except Exception as exc:  # one village's unexpected failure must not stop the others
            log.exception("return package for %s failed", village.code)
            failed.append(VillageFailure(village.code, village.name,
                                         f"Paket tidak dapat dibuat karena kesalahan sistem ({type(exc).__name__})."))
    sink.progress(len(villages), len(villages), "")
    return AllVillagesOutcome(packages=tuple(packages), failed=tuple(failed))


def _export_one(ctx: ServiceContext, village: TrustedSiteInfo, out_dir: Path, *, full: bool,
                sink: ProgressSink, password: str | None = None) -> VillagePackage:
    # The sequence is read ahead to name the file; exports run one at a time (the write pool, or one CLI process).
    with ctx.db.reading() as session:
        sequence, _previous = exchange_ledger.next_out_sequence(session, village.code)
    out = file_in_folder(out_dir, return_file_name(village.code, sequence).removesuffix(".xlsx"), ".xlsx")
    if out.exists():
        raise InputRejected(f"Berkas {out.name} sudah ada di folder tujuan; pindahkan berkas itu atau pilih folder "
                            "lain.", field="out_dir")
    outcome = export_package(ctx, out, full=full, receiver=village.code, sink=sink, password=password)
    return VillagePackage(village=village.code, name=village.name, outcome=outcome)


def _stopped(packages: list[VillagePackage], failed: list[VillageFailure],
             left: list[TrustedSiteInfo]) -> AllVillagesOutcome:
    return AllVillagesOutcome(packages=tuple(packages), failed=tuple(failed),
                              not_run=tuple(v.code for v in left), cancelled=True)
