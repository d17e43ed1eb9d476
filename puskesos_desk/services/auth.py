"""Signing in and out, and changing one's own password. Accounts are personal; repeated failures lock the account
for a while (logged). Managing other people's accounts is services/accounts.py; the idle lock is
services/session_lock.py."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import Database, DbSession
from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.data.repositories import sites, users
from puskesos_desk.domain.enums import AuditAction, Role, SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import UserInfo
from puskesos_desk.services import passwords
from puskesos_desk.services.accounts import create_user, create_user_in  # noqa: F401  (their historical home)
from puskesos_desk.services.context import _now

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
_WRONG = "Nama pengguna atau kata sandi salah."
LOCKED_NOW = (f"Kata sandi salah {MAX_FAILED_LOGINS} kali berturut-turut. Demi keamanan, akun ini dikunci "
              f"{LOCK_MINUTES} menit. Coba lagi setelah itu, atau minta Admin membuka kuncinya.")

# The idle lock (services/session_lock.py) is a site setting, read at sign-in.
IDLE_LOCK_KEY = "security.idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
IDLE_LOCK_RANGE = (1, 120)


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    user: UserInfo
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES

    @property
    def must_change_password(self) -> bool:
        return self.actor.password_change_required


def idle_lock_minutes_in(session: DbSession) -> int:
    value = sites.get_setting(session, IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
    low, high = IDLE_LOCK_RANGE
    return value if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high \
        else DEFAULT_IDLE_LOCK_MINUTES


def locked_message(locked_until: datetime, now: datetime) -> str:
    minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
    return (f"Akun terkunci karena terlalu banyak percobaan kata sandi yang salah. Coba lagi dalam {minutes} menit, "
            "atau minta Admin membuka kuncinya.")


def is_locked(account: UserAccount, now: datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


def count_failure(session: DbSession, account: UserAccount, *, now: datetime, during: str,
                  actor: Actor | None = None) -> bool:
    """One more wrong password for this account (at sign-in, or unlocking a locked screen); True when this one
    locked the account. The lock is its own fact in the audit log: the event says locked, until when, and why."""
    if account.locked_until is not None and account.locked_until <= now:
        users.clear_lock(session, account)  # an expired lock starts a fresh count
    locks = account.failed_logins + 1 >= MAX_FAILED_LOGINS
    lock_until = now + timedelta(minutes=LOCK_MINUTES) if locks else None
    users.record_login(session, account, at=now, success=False, lock_until=lock_until)
    changes: dict[str, object] = {"failed_logins": account.failed_logins, "locked": locks, "during": during}
    if lock_until is not None:
        changes["locked_until"] = lock_until.isoformat()
    append_event(session, AuditAction.LOGIN_FAILED, entity="user_account", entity_id=account.id, changes=changes,
                 reason=(f"akun dikunci {LOCK_MINUTES} menit setelah {MAX_FAILED_LOGINS} kali kata sandi salah"
                         if locks else None), actor=actor)
    return locks


def actor_for(account: UserAccount, site_code: str | None, site_role: SiteRole | None) -> Actor:
    info = users.user_info(account)
    return Actor(id=account.id, name=account.username, role=Role(account.role), site_code=site_code,
                 site_role=site_role, extra_roles=info.extra_roles,
                 password_change_required=account.must_change_password)


def sign_in(db: Database, *, username: str, password: str, clock=_now) -> SignedIn:
    """Check the password; on success return the actor for every later service call."""
    now = clock()
    failure: str | None = None
    signed: SignedIn | None = None
    with db.transaction(None) as session:  # committed before a failure is raised: the count must stay
        site = sites.get_site_row(session)
        account = users.get_account(session, username.strip())
        site_code = site.code if site else None
        site_role = SiteRole(site.role) if site else None
        if account is None:
            append_event(session, AuditAction.LOGIN_FAILED, entity="user_account",
                         changes={"username": username.strip()[:60], "reason": "unknown"})
            failure = _WRONG
        elif not account.active:
            append_event(session, AuditAction.LOGIN_FAILED, entity="user_account", entity_id=account.id,
                         changes={"reason": "inactive"})
            failure = "Akun ini dinonaktifkan. Hubungi Admin."
        elif is_locked(account, now):
            append_event(session, AuditAction.LOGIN_FAILED, entity="user_account", entity_id=account.id,
                         changes={"reason": "locked"})
            failure = locked_message(account.locked_until, now)  # type: ignore[arg-type]
        elif not passwords.verify_password(account.password_hash, password):
            failure = LOCKED_NOW if count_failure(session, account, now=now, during="sign_in") else _WRONG
        else:
            actor = actor_for(account, site_code, site_role)
            users.record_login(session, account, at=now, success=True)
            append_event(session, AuditAction.LOGIN, entity="user_account", entity_id=account.id, actor=actor,
                         changes={"must_change_password": True} if account.must_change_password else None)
            signed = SignedIn(actor=actor, user=users.user_info(account),
                              idle_lock_minutes=idle_lock_minutes_in(session))
    if failure is not None or signed is None:
        raise InputRejected(failure or _WRONG, field="password")
    return signed


def change_own_password(db: Database, signed_in: SignedIn, *, old_password: str, new_password: str,
                        clock=_now) -> SignedIn:
    """Any signed-in user, for their own account: the current password, then a new one that meets the policy.
    Returns the session's new state (the must-change restriction lifted). The event never holds a password.

    A wrong current password counts toward the lockout like one at sign-in: otherwise an unlocked, unattended
    session would let anyone guess the password here without limit."""
    actor = signed_in.actor
    if new_password == old_password:
        raise InputRejected("Kata sandi baru harus berbeda dari kata sandi sekarang.", field="new_password")
    now = clock()
    failure: str | None = None
    info = None
    with db.transaction(actor) as session:  # committed before a failure is raised: the count must stay
        account = users.get_account_by_id(session, actor.id)
        if account is None or not account.active:
            raise InputRejected("Akun ini tidak aktif lagi. Hubungi Admin.", field="old_password")
        if is_locked(account, now):
            failure = locked_message(account.locked_until, now)  # type: ignore[arg-type]
        elif not passwords.verify_password(account.password_hash, old_password):
            locked = count_failure(session, account, now=now, during="change_password", actor=actor)
            failure = LOCKED_NOW if locked else "Kata sandi sekarang salah."
        else:
            passwords.check_password_policy(new_password, username=account.username)
            was_required = account.must_change_password
            users.set_password(session, account, password_hash=passwords.hash_password(new_password),
                               must_change=False)
            append_event(session, AuditAction.PASSWORD_CHANGE, entity="user_account", entity_id=account.id,
                         changes={"by": "self", "was_required": was_required}, actor=actor)
            info = users.user_info(account)
    if failure is not None or info is None:
        raise InputRejected(failure or "Kata sandi sekarang salah.", field="old_password")
    return replace(signed_in, actor=replace(actor, password_change_required=False), user=info)


def sign_out(db: Database, actor: Actor) -> None:
    """Record the end of a session (the audit log shows who used the shared PC when)."""
    with db.transaction(actor) as session:
        append_event(session, AuditAction.LOGOUT, entity="user_account", entity_id=actor.id, actor=actor)
