"""Sites whose keys this site trusts: villages trust their district, a district its villages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.site import TrustedSite
from puskesos_desk.domain.records import TrustedSiteInfo


def _info(row: TrustedSite) -> TrustedSiteInfo:
    return TrustedSiteInfo(code=row.code, name=row.name, role=row.role, fingerprint=row.fingerprint,
                           public_key=row.public_key, trusted_at=row.trusted_at)


def get(session: Session, code: str) -> TrustedSiteInfo | None:
    row = session.scalar(select(TrustedSite).where(TrustedSite.code == code, TrustedSite.deleted_at.is_(None)))
    return _info(row) if row is not None else None


def add(session: Session, *, code: str, name: str, role: str, public_key: bytes, fingerprint: str) -> TrustedSiteInfo:
    row = TrustedSite(code=code, name=name, role=role, public_key=public_key, fingerprint=fingerprint)
    session.add(row)
    session.flush()
    return _info(row)


def all_trusted(session: Session) -> list[TrustedSiteInfo]:
    rows = session.scalars(select(TrustedSite).where(TrustedSite.deleted_at.is_(None)).order_by(TrustedSite.code))
    return [_info(r) for r in rows]
