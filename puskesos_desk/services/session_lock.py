"""The idle lock: after some minutes without input the desk hides its content until the same user types their
password again. The minutes are a site setting (MANAGE_SETTINGS), read at sign-in.

Wrong passwords at the lock screen count toward the account lockout exactly like wrong sign-ins: a locked screen is
not a way around it. When the account locks, the session is over (SessionEnded) and the sign-in dialog returns.
"""

from __future__ import annotations

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import Database
from puskesos_desk.data.repositories import sites, users
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Actor, Permission
from puskesos_desk.services import passwords
from puskesos_desk.services.auth import (
    IDLE_LOCK_KEY,
    IDLE_LOCK_RANGE,
    LOCKED_NOW,
    count_failure,
    idle_lock_minutes_in,
    is_locked,
    locked_message,
)
from puskesos_desk.services.context import ServiceContext, _now


class SessionEnded(InputRejected):
    """The screen cannot be unlocked any more (the account locked, or was deactivated): sign in again."""


def idle_lock_minutes(ctx: ServiceContext) -> int:
    """The site's idle minutes (any signed-in user may read them: the UI needs them)."""
    with ctx.db.reading() as session:
        return idle_lock_minutes_in(session)


def set_idle_lock_minutes(ctx: ServiceContext, minutes: int) -> int:
    ctx.require(Permission.MANAGE_SETTINGS)
    low, high = IDLE_LOCK_RANGE
    if not low <= minutes <= high:
        raise InputRejected(f"Waktu kunci layar harus {low}–{high} menit.", field="idle_lock_minutes")
    with ctx.db.transaction(ctx.actor) as session:
        sites.set_setting(session, IDLE_LOCK_KEY, int(minutes))
    return minutes


def lock_session(db: Database, actor: Actor, *, idle: bool) -> None:
    """Record that the screen was locked (idle: by the timer; otherwise by the user, Ctrl+Shift+L)."""
    with db.transaction(actor) as session:
        append_event(session, AuditAction.SESSION_LOCK, entity="user_account", entity_id=actor.id,
                     changes={"trigger": "idle" if idle else "manual"}, actor=actor)


def unlock_session(db: Database, actor: Actor, password: str, *, clock=_now) -> None:
    """The signed-in user's own password opens the locked screen. Raises InputRejected for a wrong password and
    SessionEnded when the account can no longer be used (it just locked, or was locked or deactivated meanwhile)."""
    now = clock()
    failure: InputRejected | None = None
    with db.transaction(actor) as session:  # committed before a failure is raised: the count must stay
        account = users.get_account_by_id(session, actor.id)
        if account is None or not account.active:
            failure = SessionEnded("Akun ini dinonaktifkan. Sesi ditutup.", field="password")
        elif is_locked(account, now):
            failure = SessionEnded(locked_message(account.locked_until, now), field="password")  # type: ignore[arg-type]
        elif not passwords.verify_password(account.password_hash, password):
            if count_failure(session, account, now=now, during="unlock", actor=actor):
                failure = SessionEnded(LOCKED_NOW, field="password")
            else:
                failure = InputRejected("Kata sandi salah.", field="password")
        else:
            users.clear_lock(session, account)
            append_event(session, AuditAction.SESSION_UNLOCK, entity="user_account", entity_id=actor.id, actor=actor)
    if failure is not None:
        raise failure
