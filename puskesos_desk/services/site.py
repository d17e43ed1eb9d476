"""Setting up a site (`init`) and reading it back."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import regions, sites, users
from puskesos_desk.domain.enums import AuditAction, Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, SiteNotInitialised
from puskesos_desk.domain.permissions import Actor, Permission
from puskesos_desk.domain.records import SiteCard, SiteInfo, UserInfo
from puskesos_desk.domain.site_code import SiteCodeError, parse_site_code
from puskesos_desk.services import keys, passwords
from puskesos_desk.services.context import ServiceContext

DEFAULT_LETTER_FORMAT = "{seq:03d}/RJK/PUSKESOS-{site}/{month_roman}/{year}"


@dataclass(frozen=True)
class InitResult:
    site: SiteInfo
    admin: UserInfo
    admin_password: str | None  # set only when generated here: shown once, never stored


def validate_username(username: str) -> str:
    name = username.strip()
    if not (3 <= len(name) <= 40) or not all(ch.isalnum() or ch in "._-" for ch in name) or not name.isascii():
        raise InputRejected(
            "Nama pengguna harus 3–40 huruf/angka tanpa spasi (boleh titik, garis bawah, tanda hubung).",
            field="username",
        )
    return name.lower()


def initialise_site(ctx: ServiceContext, *, code: str, name: str, role: SiteRole, admin_username: str,
                    admin_full_name: str = "", admin_password: str | None = None, address: str = "",
                    then: Callable[[DbSession, Actor], None] | None = None) -> InitResult:
    """Create the site, its key pair and its first Admin in one transaction. `then` writes whatever else belongs to
    the set-up (the district a set-up file trusts, its directory and holidays) inside that same transaction, with
    the new site's actor, so a failure there leaves no half-made site behind."""
    ctx.require(Permission.INITIALISE_SITE)
    try:
        parsed = parse_site_code(code, role.value)  # type: ignore[arg-type]
    except SiteCodeError as exc:
        raise InputRejected(str(exc), field="site") from exc
    if not name.strip():
        raise InputRejected("Nama situs wajib diisi, misalnya \"Puskesos Desa Sumogawe\".", field="name")
    username = validate_username(admin_username)
    generated = admin_password is None
    password = passwords.generate_password() if admin_password is None else admin_password
    passwords.check_password_policy(password, username=username)
    public, seed = keys.generate_key_pair()
    actor = Actor(id=ctx.actor.id, name=ctx.actor.name, role=ctx.actor.role, site_code=parsed.code,
                  site_role=role)
    with ctx.db.transaction(actor) as session:
        if sites.get_site_row(session) is not None:
            existing = sites.get_site_row(session)
            raise InputRejected(
                f"Basis data ini sudah disiapkan untuk {existing.name} ({existing.code}). "  # type: ignore[union-attr]
                "Gunakan berkas basis data lain (--db) untuk situs baru."
            )
        path = regions.region_path(session, parsed.code)
        sites.store_key(session, site_code=parsed.code, public_key=public, private_key=seed,
                        audit_secret=secrets.token_bytes(32))
        sites.create_site(session, code=parsed.code, name=name.strip(), role=role, region_path=path,
                          address=address.strip(), parent_code=parsed.regency if role is SiteRole.DESA else None)
        admin = users.create_user(session, username=username, full_name=admin_full_name.strip() or "Administrator",
                                  role=Role.ADMIN, password_hash=passwords.hash_password(password),
                                  must_change_password=generated)
        sites.set_setting(session, "letter_number_format", DEFAULT_LETTER_FORMAT)
        sites.set_setting(session, "language", "id")
        sites.set_setting(session, "local_change_approval", False)
        append_event(session, AuditAction.SITE_INIT, entity="site", entity_id=parsed.code,
                     changes={"code": parsed.code, "role": role.value, "fingerprint": keys.fingerprint(public)})
        if then is not None:
            then(session, actor)
    return InitResult(site=get_site_info(ctx.db), admin=admin, admin_password=password if generated else None)


def get_site_info(db: object) -> SiteInfo:
    """The site of this database; SiteNotInitialised when `init` has not been run."""
    with db.reading() as session:  # type: ignore[attr-defined]
        key = sites.get_key(session)
        info = sites.get_site(
            session,
            public_key_b64=keys.b64(key.public_key) if key else "",
            fingerprint=keys.fingerprint(key.public_key) if key else "",
        )
    if info is None:
        raise SiteNotInitialised(
            "Basis data belum disiapkan. Jalankan: puskesos-desk init --site KODE --name \"NAMA\" "
            "(atau puskesos-desk demo untuk data contoh)."
        )
    return info


def site_card(ctx: ServiceContext) -> tuple[SiteCard, str]:
    """The card and its signed JSON text."""
    info = get_site_info(ctx.db)
    with ctx.db.reading() as session:
        key = sites.get_key(session)
        assert key is not None
        seed = key.private_key
    card = SiteCard(format=keys.CARD_FORMAT, code=info.code, name=info.name, role=info.role,
                    public_key_b64=info.public_key_b64, fingerprint=info.fingerprint,
                    created_at=info.created_at.isoformat())
    return card, keys.card_to_json(card, seed)


def site_private_seed(ctx: ServiceContext) -> bytes:
    with ctx.db.reading() as session:
        key = sites.get_key(session)
    if key is None:
        raise SiteNotInitialised("Basis data belum disiapkan (kunci situs tidak ada).")
    return bytes(key.private_key)


def public_key_bytes(info: SiteInfo) -> bytes:
    return base64.b64decode(info.public_key_b64)
