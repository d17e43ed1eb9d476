"""Finding a person: a 16-digit NIK or KK number (separators allowed), or a name."""

from __future__ import annotations

from puskesos_desk.data.repositories import search
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import strip_separators
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import PersonHit
from puskesos_desk.services.context import ServiceContext


def search_persons(ctx: ServiceContext, text: str, *, rt: str | None = None, rw: str | None = None,
                   limit: int = 50) -> list[PersonHit]:
    ctx.require(Permission.VIEW_CASES)
    query = text.strip()
    if not query:
        return []
    digits = strip_separators(query)
    with ctx.db.reading() as session:
        if digits.isdigit():
            if len(digits) != 16:
                return []
            hits = search.by_nik(session, digits, limit)
            return hits or search.by_kk(session, digits, limit)
        return search.by_name(session, normalize_name(query), limit=limit, rt=rt and rt.zfill(3),
                              rw=rw and rw.zfill(3))
