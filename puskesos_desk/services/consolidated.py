"""The district's consolidated views: persons, households, visits, complaints, needs, DTSEN proposals and
referrals of every village, one page at a time, with the choices the filter bar offers.

Only a kabupaten/kota site holds many villages; at a village the same view would only repeat its own lists, so it
is refused there with a plain message.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from puskesos_desk.data.repositories import consolidated, reference, trust
from puskesos_desk.domain.consolidated import (
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    STATUSES,
    Choice,
    FilterChoices,
    FilterField,
    RecordFilter,
    RecordKind,
    RecordPage,
    TimeWindow,
    kecamatan_of,
)
from puskesos_desk.domain.enums import SiteRole, Urgency
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.site import get_site_info

_VILLAGE_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")
_KECAMATAN_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}")


def _require_district(ctx: ServiceContext) -> None:
    ctx.require(Permission.VIEW_CASES)
    if get_site_info(ctx.db).role is not SiteRole.KABUPATEN:
        raise InputRejected("Data gabungan semua desa hanya tersedia di Sekretariat SLRT kabupaten/kota. Di desa, "
                            "gunakan halaman Keluarga, Keluhan dan Rujukan.")


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=local_zone()).astimezone(UTC)


def time_window(flt: RecordFilter) -> TimeWindow:
    """The filter's local dates as UTC instants: from the start of `period_from` to the end of `period_to`."""
    start = _local_midnight(flt.period_from) if flt.period_from else None
    end = _local_midnight(flt.period_to + timedelta(days=1)) if flt.period_to else None
    return TimeWindow(start=start, end=end)


def _checked(flt: RecordFilter) -> RecordFilter:
    """Refuse what cannot be meant; drop filters this kind has no meaning for (they would silently match all)."""
    if flt.village_code and not _VILLAGE_CODE.fullmatch(flt.village_code):
        raise InputRejected(f"Kode desa \"{flt.village_code}\" tidak sah; tulis seperti 33.22.01.2007.",
                            field="village")
    if flt.kecamatan_code and not _KECAMATAN_CODE.fullmatch(flt.kecamatan_code):
        raise InputRejected(f"Kode kecamatan \"{flt.kecamatan_code}\" tidak sah; tulis seperti 33.22.01.",
                            field="kecamatan")
    if flt.period_from and flt.period_to and flt.period_from > flt.period_to:
        raise InputRejected("Tanggal awal periode lebih lambat dari tanggal akhirnya.", field="period")
    if flt.uses(FilterField.STATUS) and flt.status and flt.status not in STATUSES[flt.kind]:
        raise InputRejected(f"Status \"{flt.status}\" tidak dikenal untuk data ini. Pilih salah satu: "
                            f"{', '.join(STATUSES[flt.kind])}.", field="status")
    if flt.uses(FilterField.URGENCY) and flt.urgency and flt.urgency not in {u.value for u in Urgency}:
        raise InputRejected(f"Tingkat urgensi \"{flt.urgency}\" tidak dikenal. Pilih DARURAT, SEGERA atau BIASA.",
                            field="urgency")
    applies = flt.uses
    return RecordFilter(
        kind=flt.kind, village_code=flt.village_code, kecamatan_code=flt.kecamatan_code,
        program_code=flt.program_code if applies(FilterField.PROGRAM) else "",
        category_code=flt.category_code if applies(FilterField.CATEGORY) else "",
        urgency=flt.urgency if applies(FilterField.URGENCY) else "",
        status=flt.status if applies(FilterField.STATUS) else "",
        period_from=flt.period_from if applies(FilterField.PERIOD) else None,
        period_to=flt.period_to if applies(FilterField.PERIOD) else None,
        text=flt.text if applies(FilterField.TEXT) else "",
    )


def record_page(ctx: ServiceContext, flt: RecordFilter, *, offset: int = 0, limit: int = PAGE_SIZE,
                with_total: bool = True) -> RecordPage:
    """One page of the kind's records across every village; `with_total` adds the separate count query."""
    _require_district(ctx)
    if offset < 0 or not 1 <= limit <= MAX_PAGE_SIZE:
        raise InputRejected(f"Halaman tidak sah: mulai dari 0 dan paling banyak {MAX_PAGE_SIZE} baris per halaman.",
                            field="limit")
    flt = _checked(flt)
    window = time_window(flt)
    with ctx.db.reading() as session:
        rows = consolidated.page(session, flt, window, offset, limit)
        total = consolidated.count_records(session, flt, window) if with_total else None
    return RecordPage(kind=flt.kind, rows=tuple(rows), offset=offset, limit=limit, total=total)


def count_records(ctx: ServiceContext, flt: RecordFilter) -> int:
    _require_district(ctx)
    flt = _checked(flt)
    with ctx.db.reading() as session:
        return consolidated.count_records(session, flt, time_window(flt))


def filter_choices(ctx: ServiceContext) -> FilterChoices:
    """Villages that hold data here or are trusted (named from the Kemendagri list), their kecamatan, programmes,
    the categories each kind filters on, and the statuses of each kind."""
    _require_district(ctx)
    with ctx.db.reading() as session:
        trusted = {s.code: s.name for s in trust.all_trusted(session) if s.role == SiteRole.DESA.value}
        codes = sorted(set(consolidated.villages_with_households(session)) | set(trusted))
        kecamatan_codes = sorted({k for k in (kecamatan_of(c) for c in codes) if k})
        names = consolidated.region_names(session, codes + kecamatan_codes)
        programs = tuple(Choice(p.code, p.name) for p in reference.programs(session, include_inactive=True))
        ppks = tuple(Choice(p.code, p.name) for p in reference.ppks_categories(session))
        complaint_categories = tuple(Choice(c.code, c.name) for c in reference.complaint_categories(session))
        need_domains = tuple(Choice(d.code, d.name) for d in reference.need_domains(session))
    villages = tuple(Choice(c, names.get(c) or trusted.get(c) or c) for c in codes)
    return FilterChoices(
        villages=villages,
        kecamatan=tuple(Choice(k, names.get(k, k)) for k in kecamatan_codes),
        programs=programs,
        categories={RecordKind.PERSONS: ppks, RecordKind.COMPLAINTS: complaint_categories,
                    RecordKind.NEEDS: need_domains + ppks},
        statuses={kind: STATUSES[kind] for kind in RecordKind if STATUSES[kind]},
        urgencies=tuple(u.value for u in Urgency),
    )
