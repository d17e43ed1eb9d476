"""Managing the site's accounts (Admin, MANAGE_USERS): list, create, roles, deactivate, reset a password, unlock.

Accounts are personal and never shared. A password set here (generated or typed by the Admin) must be changed by
its owner at the first sign-in (services/auth.py enforces that through the Actor). Every change is a write through
the ORM and so audited; the events never hold a password or its hash (user_account marks them sensitive).
"""

from __future__ import annotations

from collections.abc import Sequence

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.data.repositories import sites, users
from puskesos_desk.domain.enums import ROLE_LABELS, SITE_ROLES, AuditAction, Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, NotFound
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import UserInfo
from puskesos_desk.services import passwords
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import validate_username


def list_accounts(ctx: ServiceContext) -> list[UserInfo]:
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.reading() as session:
        return users.list_users(session)


def create_user(ctx: ServiceContext, *, username: str, full_name: str, role: Role,
                password: str | None = None, extra_roles: Sequence[Role] = ()) -> tuple[UserInfo, str | None]:
    """A personal account. Returns the generated password once when none was given."""
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.transaction(ctx.actor) as session:
        return create_user_in(session, username=username, full_name=full_name, role=role, password=password,
                              extra_roles=extra_roles)


def create_user_in(session: DbSession, *, username: str, full_name: str, role: Role, password: str | None = None,
                   extra_roles: Sequence[Role] = ()) -> tuple[UserInfo, str | None]:
    """The account creation itself, inside the caller's transaction (the demo creates all its accounts at once).
    The owner changes the password at the first sign-in, whether it was generated or typed by the Admin."""
    name = validate_username(username)
    generated = password is None
    secret = passwords.generate_password() if password is None else password
    passwords.check_password_policy(secret, username=name)
    extras = _checked_roles(session, role, extra_roles)
    if users.username_taken(session, name):
        raise InputRejected(f"Nama pengguna \"{name}\" sudah dipakai.", field="username")
    info = users.create_user(session, username=name, full_name=full_name.strip() or name, role=role,
                             password_hash=passwords.hash_password(secret), must_change_password=generated,
                             extra_roles=extras)
    return info, (secret if generated else None)


def set_roles(ctx: ServiceContext, user_id: str, *, role: Role, extra_roles: Sequence[Role] = (),
              reason: str = "") -> UserInfo:
    """The account's main role and the roles it holds besides (an Admin who is also the Koordinator)."""
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.transaction(ctx.actor) as session:
        account = _account(session, user_id)
        extras = _checked_roles(session, role, extra_roles)
        if Role.ADMIN not in (role, *extras):
            if account.id == ctx.actor.id:
                raise InputRejected("Anda tidak dapat melepas peran Admin dari akun Anda sendiri. Minta Admin lain "
                                    "melakukannya.", field="role")
            _keep_an_admin(session, account)
        users.set_roles(session, account, role=role, extra_roles=extras)
        _note(session, ctx, account, "set_roles", reason)
        return users.user_info(account)


def set_active(ctx: ServiceContext, user_id: str, *, active: bool, reason: str = "") -> UserInfo:
    """Deactivate (the account can no longer sign in; its history stays) or reactivate."""
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.transaction(ctx.actor) as session:
        account = _account(session, user_id)
        if not active:
            if account.id == ctx.actor.id:
                raise InputRejected("Anda tidak dapat menonaktifkan akun Anda sendiri.", field="active")
            _keep_an_admin(session, account)
        account.active = active
        _note(session, ctx, account, "activate" if active else "deactivate", reason)
        return users.user_info(account)


def reset_password(ctx: ServiceContext, user_id: str, *, reason: str = "") -> tuple[UserInfo, str]:
    """A new generated password, shown once to the Admin and handed to the owner, who must change it at the next
    sign-in. Also lifts a lock: the owner who forgot the password is the usual reason for both."""
    ctx.require(Permission.MANAGE_USERS)
    secret = passwords.generate_password()
    hashed = passwords.hash_password(secret)  # slow on purpose: outside the write transaction
    with ctx.db.transaction(ctx.actor) as session:
        account = _account(session, user_id)
        users.set_password(session, account, password_hash=hashed, must_change=True)
        users.clear_lock(session, account)
        append_event(session, AuditAction.PASSWORD_CHANGE, entity="user_account", entity_id=account.id,
                     changes={"by": "admin", "reset": True}, reason=reason.strip() or None, actor=ctx.actor)
        return users.user_info(account), secret


def unlock_account(ctx: ServiceContext, user_id: str, *, reason: str = "") -> UserInfo:
    """Lift the lock of repeated failed sign-ins before the 15 minutes are over (the owner is at the desk)."""
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.transaction(ctx.actor) as session:
        account = _account(session, user_id)
        users.clear_lock(session, account)
        _note(session, ctx, account, "unlock", reason)
        return users.user_info(account)


def _account(session: DbSession, user_id: str) -> UserAccount:
    account = users.get_account_by_id(session, user_id)
    if account is None:
        raise NotFound("Akun tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar akun.")
    return account


def _checked_roles(session: DbSession, role: Role, extra_roles: Sequence[Role]) -> list[Role]:
    """The extra roles without repeats or the main role; every role must exist at this kind of site."""
    site = sites.get_site_row(session)
    allowed = SITE_ROLES[SiteRole(site.role)] if site is not None else tuple(Role)
    extras = list(dict.fromkeys(extra for extra in extra_roles if extra is not role))
    for wanted in (role, *extras):
        if wanted not in allowed:
            raise InputRejected(f"Peran {ROLE_LABELS.get(wanted, wanted.value)} tidak tersedia untuk situs "
                                f"{site.role if site else ''}.".replace(" .", "."), field="role")
    return extras


def _keep_an_admin(session: DbSession, account: UserAccount) -> None:
    """Someone must always be able to manage accounts: the last active Admin is never removed."""
    others = [holder for holder in users.active_holders_of(session, Role.ADMIN) if holder != account.id]
    holds_admin = account.role == Role.ADMIN.value or Role.ADMIN.value in (account.extra_roles or [])
    if holds_admin and account.active and not others:
        raise InputRejected("Ini satu-satunya Admin yang aktif. Jadikan akun lain Admin lebih dulu.", field="role")


def _note(session: DbSession, ctx: ServiceContext, account: UserAccount, what: str, reason: str) -> None:
    """The ORM audits the changed columns; when the Admin gave a reason, this event records it with what was meant."""
    if not reason.strip():
        return
    append_event(session, AuditAction.UPDATE, entity="user_account", entity_id=account.id,
                 changes={"account_action": what, "username": account.username}, reason=reason.strip(),
                 actor=ctx.actor)
