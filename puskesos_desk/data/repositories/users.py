"""User accounts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.records import UserInfo


def _extra_roles(row: UserAccount) -> tuple[Role, ...]:
    known = {role.value for role in Role}
    return tuple(Role(value) for value in (row.extra_roles or []) if value in known and value != row.role)


def _info(row: UserAccount) -> UserInfo:
    return UserInfo(
        id=row.id, username=row.username, full_name=row.full_name, role=Role(row.role), active=row.active,
        must_change_password=row.must_change_password, last_login_at=row.last_login_at,
        extra_roles=_extra_roles(row), locked_until=row.locked_until,
    )


def create_user(session: Session, *, username: str, full_name: str, role: Role, password_hash: str,
                must_change_password: bool = False, extra_roles: Sequence[Role] = ()) -> UserInfo:
    row = UserAccount(username=username, full_name=full_name, role=role.value, password_hash=password_hash,
                      must_change_password=must_change_password, extra_roles=[extra.value for extra in extra_roles])
    session.add(row)
    session.flush()
    return _info(row)


def username_taken(session: Session, username: str) -> bool:
    return bool(session.scalar(select(func.count()).select_from(UserAccount)
                               .where(func.lower(UserAccount.username) == username.lower())))


def get_account(session: Session, username: str) -> UserAccount | None:
    return session.scalar(
        select(UserAccount).where(
            func.lower(UserAccount.username) == username.lower(), UserAccount.deleted_at.is_(None)
        )
    )


def get_account_by_id(session: Session, user_id: str) -> UserAccount | None:
    return session.scalar(select(UserAccount).where(UserAccount.id == user_id, UserAccount.deleted_at.is_(None)))


def list_users(session: Session) -> list[UserInfo]:
    rows = session.scalars(select(UserAccount).where(UserAccount.deleted_at.is_(None)).order_by(UserAccount.username))
    return [_info(row) for row in rows]


def active_holders_of(session: Session, role: Role) -> list[str]:
    """Ids of the active accounts holding `role`, as their main role or as an extra one."""
    rows = session.scalars(select(UserAccount).where(UserAccount.deleted_at.is_(None), UserAccount.active.is_(True)))
    return [row.id for row in rows if row.role == role.value or role.value in (row.extra_roles or [])]


def set_roles(session: Session, account: UserAccount, *, role: Role, extra_roles: Sequence[Role]) -> None:
    account.role = role.value
    account.extra_roles = [extra.value for extra in extra_roles if extra is not role]


def set_password(session: Session, account: UserAccount, *, password_hash: str, must_change: bool) -> None:
    account.password_hash = password_hash
    account.must_change_password = must_change


def clear_lock(session: Session, account: UserAccount) -> None:
    account.failed_logins = 0
    account.locked_until = None


def record_login(session: Session, account: UserAccount, *, at: datetime, success: bool,
                 lock_until: datetime | None = None) -> None:
    if success:
        account.failed_logins = 0
        account.locked_until = None
        account.last_login_at = at
    else:
        account.failed_logins += 1
        if lock_until is not None:
            account.locked_until = lock_until


def user_info(account: UserAccount) -> UserInfo:
    return _info(account)
