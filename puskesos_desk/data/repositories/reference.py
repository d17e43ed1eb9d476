"""Editable reference lists: code lists, programmes, PPKS, complaint categories, need domains, services."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.reference import (
    CodeListEntry,
    ComplaintCategory,
    NeedDomain,
    PpksCategory,
    Program,
    ServiceDirectoryEntry,
)
from puskesos_desk.domain.reference import CodeItem, ServiceItem


def code_list(session: Session, list_name: str) -> list[CodeItem]:
    rows = session.scalars(
        select(CodeListEntry)
        .where(CodeListEntry.list_name == list_name, CodeListEntry.active.is_(True),
               CodeListEntry.deleted_at.is_(None))
        .order_by(CodeListEntry.position)
    )
    return [CodeItem(r.code, r.name, r.name_en, dict(r.extra or {})) for r in rows]


def programs(session: Session, *, include_inactive: bool = False) -> list[CodeItem]:
    query = select(Program).where(Program.deleted_at.is_(None)).order_by(Program.name)
    if not include_inactive:
        query = query.where(Program.active.is_(True))
    return [CodeItem(r.code, r.name, r.name_en, {"max_desil": r.max_desil, "card_name": r.card_name,
                                                  "organiser": r.organiser}) for r in session.scalars(query)]


def ppks_categories(session: Session) -> list[CodeItem]:
    rows = session.scalars(select(PpksCategory).where(PpksCategory.active.is_(True), PpksCategory.deleted_at.is_(None))
                           .order_by(PpksCategory.number))
    return [CodeItem(r.code, r.name, r.name_en, {"criteria": r.criteria, "specific_data": r.specific_data,
                                                  "number": r.number}) for r in rows]


def complaint_categories(session: Session) -> list[CodeItem]:
    rows = session.scalars(select(ComplaintCategory).where(ComplaintCategory.active.is_(True),
                                                           ComplaintCategory.deleted_at.is_(None)))
    return [CodeItem(r.code, r.name, r.name_en, {"related_programs": list(r.related_programs),
                                                  "default_urgency": r.default_urgency}) for r in rows]


def need_domains(session: Session) -> list[CodeItem]:
    rows = session.scalars(select(NeedDomain).where(NeedDomain.active.is_(True), NeedDomain.deleted_at.is_(None)))
    return [CodeItem(r.code, r.name, r.name_en, {"related_programs": list(r.related_programs)}) for r in rows]


def services(session: Session) -> list[ServiceItem]:
    rows = session.scalars(select(ServiceDirectoryEntry).where(ServiceDirectoryEntry.active.is_(True),
                                                              ServiceDirectoryEntry.deleted_at.is_(None))
                           .order_by(ServiceDirectoryEntry.organization, ServiceDirectoryEntry.service_name))
    return [ServiceItem(id=r.id, code=r.code, name=r.service_name, organization=r.organization,
                        organization_kind=r.organization_kind, program_code=r.program_code,
                        need_domains=tuple(r.need_domains), required_documents=tuple(r.required_documents),
                        response_days=r.response_days, needs_explicit_consent=r.needs_explicit_consent,
                        address=r.address, hours=r.hours, is_example=r.is_example, needs_full_ids=r.needs_full_ids,
                        eligibility=r.eligibility, contact_name=r.contact_name) for r in rows]


#: Exchange columns name their value list; these lists live in their own tables rather than in code_list_entry.
_CODE_TABLES = {"program": Program, "ppks": PpksCategory, "complaint_category": ComplaintCategory,
                "need_domain": NeedDomain}
_LIST_ALIASES = {"disabilitas": "disabilitas_jenis"}


def code_sets(session: Session, names: set[str]) -> dict[str, tuple[str, ...]]:
    """Every code of each named list, inactive ones included (an old record may carry a retired code)."""
    found: dict[str, tuple[str, ...]] = {}
    for name in names:
        model = _CODE_TABLES.get(name)
        if model is not None:
            codes = session.scalars(select(model.code).where(model.deleted_at.is_(None)).order_by(model.code))
        else:
            codes = session.scalars(select(CodeListEntry.code).where(
                CodeListEntry.list_name == _LIST_ALIASES.get(name, name), CodeListEntry.deleted_at.is_(None))
                .order_by(CodeListEntry.position))
        values = tuple(dict.fromkeys(codes))
        if values:
            found[name] = values
    return found
