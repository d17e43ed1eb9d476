"""Signing in. Accounts are personal; repeated failures lock the account for a while (logged)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import Database, DbSession
from puskesos_desk.data.repositories import sites, users
from puskesos_desk.domain.enums import SITE_ROLES, AuditAction, Role, SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Actor, Permission
from puskesos_desk.domain.records import UserInfo
from puskesos_desk.services import passwords
from puskesos_desk.services.context import ServiceContext, _now
from puskesos_desk.services.site import validate_username

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
_WRONG = "Nama pengguna atau kata sandi salah."


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    user: UserInfo


def sign_in(db: Database, *, username: str, password: str, clock=_now) -> SignedIn:
    """Check the password; on success return the actor for every later service call."""
    now = clock()
    failure: str | None = None
    signed: SignedIn | None = None
    with db.transaction(None) as session:
        site = sites.get_site_row(session)
        account = users.get_account(session, username.strip())
        site_code = site.code if site else None
        site_role = SiteRole(site.role) if site else None
        if account is None:
            append_event(session, AuditAction.LOGIN_FAILED, entity="user_account",
                         changes={"username": username.strip()[:60], "reason": "unknown"})
            failure = _WRONG
        elif not account.active:
            failure = "Akun ini dinonaktifkan. Hubungi Admin."
        elif account.locked_until is not None and account.locked_until > now:
            minutes = max(1, int((account.locked_until - now).total_seconds() // 60) + 1)
            failure = f"Akun terkunci karena terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit."
        elif not passwords.verify_password(account.password_hash, password):
            lock = now + timedelta(minutes=LOCK_MINUTES) if account.failed_logins + 1 >= MAX_FAILED_LOGINS else None
            users.record_login(session, account, at=now, success=False, lock_until=lock)
            append_event(session, AuditAction.LOGIN_FAILED, entity="user_account", entity_id=account.id,
                         changes={"failed_logins": account.failed_logins, "locked": lock is not None})
            failure = _WRONG if lock is None else (
                f"Kata sandi salah {MAX_FAILED_LOGINS} kali. Akun dikunci {LOCK_MINUTES} menit."
            )
        else:
            actor = Actor(id=account.id, name=account.username, role=Role(account.role), site_code=site_code,
                          site_role=site_role)
            users.record_login(session, account, at=now, success=True)
            append_event(session, AuditAction.LOGIN, entity="user_account", entity_id=account.id, actor=actor)
            signed = SignedIn(actor=actor, user=users.user_info(account))
    if failure is not None or signed is None:
        raise InputRejected(failure or _WRONG, field="password")
    return signed


def create_user(ctx: ServiceContext, *, username: str, full_name: str, role: Role,
                password: str | None = None) -> tuple[UserInfo, str | None]:
    """A personal account. Returns the generated password once when none was given."""
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.transaction(ctx.actor) as session:
        return create_user_in(session, username=username, full_name=full_name, role=role, password=password)


def create_user_in(session: DbSession, *, username: str, full_name: str, role: Role,
                   password: str | None = None) -> tuple[UserInfo, str | None]:
    """The account creation itself, inside the caller's transaction (the demo creates all its accounts at once)."""
    name = validate_username(username)
    generated = password is None
    secret = passwords.generate_password() if password is None else password
    passwords.check_password_policy(secret, username=name)
    site = sites.get_site_row(session)
    if site is not None and role not in SITE_ROLES[SiteRole(site.role)]:
        raise InputRejected(f"Peran {role.value} tidak tersedia untuk situs {site.role}.", field="role")
    if users.username_taken(session, name):
        raise InputRejected(f"Nama pengguna \"{name}\" sudah dipakai.", field="username")
    info = users.create_user(session, username=name, full_name=full_name.strip() or name, role=role,
                             password_hash=passwords.hash_password(secret), must_change_password=generated)
    return info, (secret if generated else None)


def sign_out(db: Database, actor: Actor) -> None:
    """Record the end of a session (the audit log shows who used the shared PC when)."""
    with db.transaction(actor) as session:
        append_event(session, AuditAction.LOGOUT, entity="user_account", entity_id=actor.id, actor=actor)
