"""What every report builder shares: the frame of a report (site, scope, period, who makes it, who signs it).

At a desa site every record is the village's own, so a report covers the whole database and `--village` may only
name the site itself. At a kabupaten/kota site a report covers every village, or one village of the district
(`village_code`); the builders then filter on the household's `village_code`, which is indexed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import regions, sites, users
from puskesos_desk.domain.documents import Letterhead
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, SiteNotInitialised
from puskesos_desk.domain.reports import (
    KIND_TITLES,
    NO_DATA,
    ReportDocument,
    ReportMonth,
    ReportRequest,
    ReportSection,
    SignatureLine,
)
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.letterhead import letterhead_in, region_name

COVER_SHEET = "Sampul"  # reserved: the Excel writer's first sheet
_VILLAGE_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")


@dataclass(frozen=True)
class ReportFrame:
    site_code: str
    site_name: str
    site_role: SiteRole
    letterhead: Letterhead
    village_code: str  # '' = every village of the site; else the one village the report covers
    scope_label: str
    made_by: str
    made_at: datetime
    zone: tzinfo
    coordinator_name: str  # the active Koordinator (desa) or Manajer SLRT (kabupaten), '' when there is none

    @property
    def is_district(self) -> bool:
        return self.site_role is SiteRole.KABUPATEN


def month_window(month: ReportMonth, zone: tzinfo) -> tuple[datetime, datetime]:
    """The month as [start, end) in local time, for comparing with stored moments (visits, created_at)."""
    start = datetime.combine(month.first_day, time.min, tzinfo=zone)
    end = datetime.combine(month.shifted(1).first_day, time.min, tzinfo=zone)
    return start, end


def day_window(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(date.fromordinal(day.toordinal() + 1), time.min, tzinfo=zone)
    return start, end


def _maker(session: DbSession, ctx: ServiceContext) -> str:
    """The signed-in user's full name (the actor carries the username); the CLI actor as it is."""
    found = [user.full_name for user in users.list_users(session) if user.id == ctx.actor.id]
    return found[0] if found and found[0] else ctx.actor.name


def _signer(session: DbSession, role: Role) -> str:
    active = [user for user in users.list_users(session) if user.role is role and user.active]
    return active[0].full_name if active else ""


def _scope(session: DbSession, site_code: str, site_role: SiteRole, village_code: str) -> str:
    if site_role is SiteRole.KABUPATEN and not village_code:
        chain = regions.region_chain(session, site_code)
        return "Seluruh " + (region_name(*chain[0]) if chain else site_code)
    chain = regions.region_chain(session, village_code or site_code)
    return ", ".join(region_name(kind, name) for kind, name in chain[:2]) or (village_code or site_code)


def _village_for(session: DbSession, site_code: str, site_role: SiteRole, requested: str) -> str:
    code = requested.strip()
    if not code:
        return ""
    if site_role is SiteRole.DESA:
        if code != site_code:
            raise InputRejected(f"Puskesos desa hanya membuat laporan untuk desanya sendiri ({site_code}).",
                                field="village")
        return ""
    if not _VILLAGE_CODE.match(code) or not code.startswith(site_code + "."):
        raise InputRejected(f"Kode desa {code} tidak termasuk wilayah {site_code}. Tulis kode desa lengkap, "
                            "misalnya 33.22.01.2007.", field="village")
    if regions.get_region(session, code) is None:
        raise InputRejected(f"Kode desa {code} tidak dikenal.", field="village")
    return code


def report_frame(ctx: ServiceContext, session: DbSession, request: ReportRequest) -> ReportFrame:
    site = sites.get_site_row(session)
    if site is None:
        raise SiteNotInitialised("Situs belum disiapkan; laporan belum dapat dibuat.")
    site_role = SiteRole(site.role)
    village_code = _village_for(session, site.code, site_role, request.village_code)
    signer_role = Role.MANAJER_SLRT if site_role is SiteRole.KABUPATEN else Role.KOORDINATOR
    return ReportFrame(
        site_code=site.code, site_name=site.name, site_role=site_role, letterhead=letterhead_in(session),
        village_code=village_code, scope_label=_scope(session, site.code, site_role, village_code),
        made_by=_maker(session, ctx), made_at=ctx.now(), zone=local_zone(),
        coordinator_name=_signer(session, signer_role),
    )


def standard_signatures(frame: ReportFrame) -> tuple[SignatureLine, ...]:
    """Desa: the officer who made it, and the Koordinator who knows it. Kabupaten: the Manajer SLRT, and the
    Kepala Dinas Sosial who knows it (name written by hand)."""
    # The one who knows it signs on the left, the maker on the right under the place and date, as letters do.
    if frame.is_district:
        return (
            SignatureLine(caption="Mengetahui,", role="Kepala Dinas Sosial", id_line="NIP."),
            SignatureLine(caption="Dibuat oleh,", role="Manajer SLRT", name=frame.coordinator_name),
        )
    return (
        SignatureLine(caption="Mengetahui,", role=f"Koordinator {frame.site_name}", name=frame.coordinator_name),
        SignatureLine(caption="Dibuat oleh,", role="Petugas Puskesos", name=frame.made_by),
    )


def make_document(frame: ReportFrame, request: ReportRequest, *, title: str, period_label: str,
                  sections: Sequence[ReportSection], is_empty: bool, empty_text: str = NO_DATA,
                  cover_facts: Sequence[tuple[str, str]] = (),
                  signatures: Sequence[SignatureLine] | None = None) -> ReportDocument:
    return ReportDocument(
        kind=request.kind, title=title, period_label=period_label, scope_label=frame.scope_label,
        site_name=frame.site_name, site_code=frame.site_code, made_by=frame.made_by, made_at=frame.made_at,
        letterhead=frame.letterhead, place=frame.letterhead.place, sections=tuple(sections),
        signatures=tuple(standard_signatures(frame) if signatures is None else signatures), is_empty=is_empty,
        empty_text=empty_text, cover_facts=(("Jenis laporan", KIND_TITLES[request.kind]), *cover_facts),
        file_stem=request.file_stem(frame.site_code),
    )
