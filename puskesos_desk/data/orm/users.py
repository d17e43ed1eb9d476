"""Personal user accounts. There is never a shared default account."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, SensitiveColumns, UTCDateTime


class UserAccount(SensitiveColumns, RecordMixin, Base):
    __tablename__ = "user_account"
    __sensitive__ = ("password_hash", "staff_id")

    username: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(30), nullable=False)
    staff_id: Mapped[str | None] = mapped_column(String(30), nullable=True)  # NIP/NIK, optional
    password_hash: Mapped[str] = mapped_column(String(300), nullable=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    region_scope: Mapped[str | None] = mapped_column(String(13), nullable=True)
    # Roles held besides `role` (an Admin who is also the Koordinator sees case data as the Koordinator).
    extra_roles: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list, server_default="[]")
