"""Reference lists for forms: code lists, programmes, PPKS, complaint categories, need domains, regions, services.

Read-only and small; any signed-in role may read them (they hold no personal data).
"""

from __future__ import annotations

from puskesos_desk.data.repositories import reference, regions
from puskesos_desk.domain.reference import CodeItem, RegionItem, ServiceItem
from puskesos_desk.services.context import ServiceContext


def code_list(ctx: ServiceContext, list_name: str) -> list[CodeItem]:
    """One list of enums.json by name, e.g. "hubungan_kk", "urgensi", "kanal_kunjungan"."""
    with ctx.db.reading() as session:
        return reference.code_list(session, list_name)


def code_lists(ctx: ServiceContext, *names: str) -> dict[str, list[CodeItem]]:
    """Several lists in one read (a form loads all its dropdowns at once)."""
    with ctx.db.reading() as session:
        return {name: reference.code_list(session, name) for name in names}


def programs(ctx: ServiceContext, *, include_inactive: bool = False) -> list[CodeItem]:
    with ctx.db.reading() as session:
        return reference.programs(session, include_inactive=include_inactive)


def ppks_categories(ctx: ServiceContext) -> list[CodeItem]:
    with ctx.db.reading() as session:
        return reference.ppks_categories(session)


def complaint_categories(ctx: ServiceContext) -> list[CodeItem]:
    with ctx.db.reading() as session:
        return reference.complaint_categories(session)


def need_domains(ctx: ServiceContext) -> list[CodeItem]:
    with ctx.db.reading() as session:
        return reference.need_domains(session)


def directory_services(ctx: ServiceContext) -> list[ServiceItem]:
    with ctx.db.reading() as session:
        return reference.services(session)


def regions_under(ctx: ServiceContext, parent_code: str | None) -> list[RegionItem]:
    """Children of a region for a cascading picker (None: the 38 provinces)."""
    with ctx.db.reading() as session:
        return [RegionItem(r.code, r.name, r.level, r.kind, r.postal_code)
                for r in regions.children(session, parent_code)]


def region_path(ctx: ServiceContext, code: str) -> str:
    with ctx.db.reading() as session:
        return regions.region_path(session, code)
