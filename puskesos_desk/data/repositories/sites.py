"""This site, its key pair and settings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.site import Setting, Site, SiteKey
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.records import SiteInfo


def get_site_row(session: Session) -> Site | None:
    return session.scalar(select(Site).where(Site.deleted_at.is_(None)).limit(1))


def get_site(session: Session, *, public_key_b64: str = "", fingerprint: str = "") -> SiteInfo | None:
    site = get_site_row(session)
    if site is None:
        return None
    return SiteInfo(
        id=site.id, code=site.code, name=site.name, role=SiteRole(site.role), region_path=site.region_path,
        address=site.address, public_key_b64=public_key_b64, fingerprint=fingerprint, created_at=site.created_at,
    )


def create_site(session: Session, *, code: str, name: str, role: SiteRole, region_path: str, address: str,
                parent_code: str | None) -> Site:
    site = Site(code=code, name=name, role=role.value, region_path=region_path, address=address,
                parent_code=parent_code, origin_site=code)
    session.add(site)
    session.flush()
    return site


def store_key(session: Session, *, site_code: str, public_key: bytes, private_key: bytes, audit_secret: bytes) -> None:
    session.add(SiteKey(site_code=site_code, public_key=public_key, private_key=private_key, audit_secret=audit_secret))
    session.flush()
    session.info.pop("audit_secret", None)


def get_key(session: Session) -> SiteKey | None:
    return session.scalar(select(SiteKey).limit(1))


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.scalar(select(Setting).where(Setting.key == key))
    return default if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.scalar(select(Setting).where(Setting.key == key))
    if row is None:
        session.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value
