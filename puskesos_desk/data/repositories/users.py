"""User accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.records import UserInfo


def _info(row: UserAccount) -> UserInfo:
    return UserInfo(
        id=row.id, username=row.username, full_name=row.full_name, role=Role(row.role), active=row.active,
        must_change_password=row.must_change_password, last_login_at=row.last_login_at,
    )


def create_user(session: Session, *, username: str, full_name: str, role: Role, password_hash: str,
                must_change_password: bool = False) -> UserInfo:
    row = UserAccount(username=username, full_name=full_name, role=role.value, password_hash=password_hash,
                      must_change_password=must_change_password)
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


def list_users(session: Session) -> list[UserInfo]:
    rows = session.scalars(select(UserAccount).where(UserAccount.deleted_at.is_(None)).order_by(UserAccount.username))
    return [_info(row) for row in rows]


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
