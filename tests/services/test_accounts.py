"""Accounts (Admin), the password policy, own password change, must-change enforcement, lockout, the idle lock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import ADMIN_PASSWORD, FO_PASSWORD, KOORDINATOR_PASSWORD
from sqlalchemy import select

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.domain.enums import AuditAction, Role
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import accounts, passwords
from puskesos_desk.services.auth import MAX_FAILED_LOGINS, change_own_password, sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.session_lock import (
    SessionEnded,
    idle_lock_minutes,
    lock_session,
    set_idle_lock_minutes,
    unlock_session,
)


def _admin(site_db) -> ServiceContext:
    return ServiceContext(site_db.db, sign_in(site_db.db, username="admin", password=ADMIN_PASSWORD).actor)


def _by_name(ctx: ServiceContext, username: str):
    return next(user for user in accounts.list_accounts(ctx) if user.username == username)


def _events(site_db, action: AuditAction) -> list[AuditEvent]:
    with site_db.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action.value)
                                    .order_by(AuditEvent.seq)))


@pytest.mark.parametrize(("password", "fragment"), [
    ("abc", "minimal 8"),
    ("budi.santoso", "sama dengan nama pengguna"),
    ("budi.santoso1", "sedikit tambahan"),
    ("aaaaaaaaaa", "diulang"),
    ("12345678", "terlalu umum"),
    ("Rahasia123!", "terlalu umum"),
    ("puskesos2024", "terlalu umum"),
])
def test_password_policy_refuses_weak_passwords(password: str, fragment: str) -> None:
    with pytest.raises(InputRejected, match=fragment):
        passwords.check_password_policy(password, username="budi.santoso")


def test_password_policy_accepts_a_real_one() -> None:
    passwords.check_password_policy("kebun-jati-di-lereng", username="budi.santoso")
    passwords.check_password_policy("budi.santoso-kebun-jati", username="budi.santoso")
    assert passwords.hash_password("kebun-jati-di-lereng").startswith("$argon2id$")


def test_admin_creates_lists_and_changes_roles(site_db) -> None:
    admin = _admin(site_db)
    info, secret = accounts.create_user(admin, username="petugas.bo", full_name="Dewi Lestari", role=Role.PETUGAS_BO)
    assert secret and info.must_change_password
    listed = _by_name(admin, "petugas.bo")
    assert (listed.full_name, listed.role, listed.extra_roles, listed.active) == (
        "Dewi Lestari", Role.PETUGAS_BO, (), True)
    changed = accounts.set_roles(admin, info.id, role=Role.PETUGAS_BO, extra_roles=[Role.OPERATOR_SIKS],
                                 reason="merangkap operator")
    assert changed.extra_roles == (Role.OPERATOR_SIKS,)
    with pytest.raises(InputRejected, match="tidak tersedia"):  # a district role at a village
        accounts.set_roles(admin, info.id, role=Role.PETUGAS_BO, extra_roles=[Role.AUDITOR])
    # The extra role reaches the actor at sign-in.
    new_secret = "dewi-kebun-jati-7"
    signed = change_own_password(site_db.db, sign_in(site_db.db, username="petugas.bo", password=secret),
                                 old_password=secret, new_password=new_secret)
    actor = sign_in(site_db.db, username="petugas.bo", password=new_secret).actor
    assert actor.extra_roles == (Role.OPERATOR_SIKS,) and actor.can(Permission.IMPORT_DATA)
    assert not signed.actor.password_change_required


def test_only_admins_manage_accounts(site_db) -> None:
    koordinator = ServiceContext(site_db.db, sign_in(site_db.db, username="koordinator",
                                                     password=KOORDINATOR_PASSWORD).actor)
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(koordinator)
    with pytest.raises(PermissionDenied):
        accounts.create_user(koordinator, username="baru1", full_name="B", role=Role.PETUGAS_FO)


def test_admin_cannot_remove_themself_and_the_last_admin_stays(site_db) -> None:
    admin = _admin(site_db)
    me = _by_name(admin, "admin")
    with pytest.raises(InputRejected, match="akun Anda sendiri"):
        accounts.set_active(admin, me.id, active=False)
    with pytest.raises(InputRejected, match="akun Anda sendiri"):
        accounts.set_roles(admin, me.id, role=Role.KOORDINATOR)
    # Through the CLI actor (every permission) the last Admin still cannot go.
    with pytest.raises(InputRejected, match="satu-satunya Admin"):
        accounts.set_active(site_db.cli, me.id, active=False)
    with pytest.raises(InputRejected, match="satu-satunya Admin"):
        accounts.set_roles(site_db.cli, me.id, role=Role.KOORDINATOR)
    # Admin as an extra role keeps the site managed; then the first one may give the role up.
    koordinator = _by_name(admin, "koordinator")
    accounts.set_roles(admin, koordinator.id, role=Role.KOORDINATOR, extra_roles=[Role.ADMIN])
    assert accounts.set_roles(site_db.cli, me.id, role=Role.KOORDINATOR).role is Role.KOORDINATOR


def test_deactivated_account_cannot_sign_in_until_reactivated(site_db) -> None:
    admin = _admin(site_db)
    fo = _by_name(admin, "petugas.fo")
    assert not accounts.set_active(admin, fo.id, active=False, reason="pindah tugas").active
    with pytest.raises(InputRejected, match="dinonaktifkan"):
        sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD)
    accounts.set_active(admin, fo.id, active=True)
    assert sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD)
    notes = [event for event in _events(site_db, AuditAction.UPDATE) if event.reason == "pindah tugas"]
    assert notes and notes[0].changes["account_action"] == "deactivate"


def test_lockout_is_its_own_audit_fact_and_the_admin_can_lift_it(site_db) -> None:
    now = datetime.now(UTC)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(InputRejected) as caught:
            sign_in(site_db.db, username="petugas.fo", password="salah-terus-1", clock=lambda: now)
    assert "dikunci 15 menit" in caught.value.message
    failed = _events(site_db, AuditAction.LOGIN_FAILED)
    assert [event.changes["locked"] for event in failed] == [False] * (MAX_FAILED_LOGINS - 1) + [True]
    assert failed[-1].changes["locked_until"] and "dikunci" in failed[-1].reason
    with pytest.raises(InputRejected, match="terkunci"):
        sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD)
    admin = _admin(site_db)
    assert _by_name(admin, "petugas.fo").locked_until is not None
    assert accounts.unlock_account(admin, _by_name(admin, "petugas.fo").id).locked_until is None
    assert sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD)


def test_reset_password_forces_a_change_and_nothing_else_works_until_then(site_db) -> None:
    admin = _admin(site_db)
    fo = _by_name(admin, "petugas.fo")
    info, secret = accounts.reset_password(admin, fo.id, reason="lupa kata sandi")
    assert info.must_change_password
    with pytest.raises(InputRejected):
        sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD)
    signed = sign_in(site_db.db, username="petugas.fo", password=secret)
    assert signed.must_change_password and not signed.actor.can(Permission.VIEW_CASES)
    with pytest.raises(PermissionDenied, match="mengganti kata sandi"):
        signed.actor.require(Permission.VIEW_CASES)
    with pytest.raises(InputRejected, match="sekarang salah"):
        change_own_password(site_db.db, signed, old_password="bukan-itu-123", new_password="sawah-hijau-pagi")
    with pytest.raises(InputRejected, match="terlalu umum"):
        change_own_password(site_db.db, signed, old_password=secret, new_password="password")
    changed = change_own_password(site_db.db, signed, old_password=secret, new_password="sawah-hijau-pagi")
    assert changed.actor.can(Permission.VIEW_CASES) and not changed.user.must_change_password
    assert not sign_in(site_db.db, username="petugas.fo", password="sawah-hijau-pagi").must_change_password
    events = _events(site_db, AuditAction.PASSWORD_CHANGE)
    assert [event.changes["by"] for event in events] == ["admin", "self"]
    for event in events:
        assert secret not in str(event.changes) and "sawah" not in str(event.changes)


def test_idle_minutes_setting(site_db) -> None:
    admin = _admin(site_db)
    assert idle_lock_minutes(admin) == 10
    assert sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD).idle_lock_minutes == 10
    set_idle_lock_minutes(admin, 3)
    assert sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD).idle_lock_minutes == 3
    for wrong in (0, 121):
        with pytest.raises(InputRejected, match="1–120"):
            set_idle_lock_minutes(admin, wrong)
    fo = ServiceContext(site_db.db, sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD).actor)
    with pytest.raises(PermissionDenied):
        set_idle_lock_minutes(fo, 5)


def test_unlock_session_counts_wrong_passwords_toward_the_lockout(site_db) -> None:
    actor = sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD).actor
    lock_session(site_db.db, actor, idle=True)
    unlock_session(site_db.db, actor, KOORDINATOR_PASSWORD)
    assert [e.changes["trigger"] for e in _events(site_db, AuditAction.SESSION_LOCK)] == ["idle"]
    assert len(_events(site_db, AuditAction.SESSION_UNLOCK)) == 1
    now = datetime.now(UTC)
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(InputRejected, match="Kata sandi salah") as caught:
            unlock_session(site_db.db, actor, "salah-lagi-99", clock=lambda: now)
        assert not isinstance(caught.value, SessionEnded)
    with pytest.raises(SessionEnded, match="dikunci"):
        unlock_session(site_db.db, actor, "salah-lagi-99", clock=lambda: now)
    with pytest.raises(SessionEnded, match="terkunci"):  # the right password no longer helps
        unlock_session(site_db.db, actor, KOORDINATOR_PASSWORD, clock=lambda: now + timedelta(minutes=1))
    with pytest.raises(InputRejected, match="terkunci"):
        sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD, clock=lambda: now)
    locking = [event for event in _events(site_db, AuditAction.LOGIN_FAILED) if event.changes.get("locked")]
    assert [event.changes["during"] for event in locking] == ["unlock"]


def test_wrong_current_passwords_in_change_password_count_toward_the_lockout(site_db) -> None:
    """An unattended session must not let anyone guess the password in "Ubah kata sandi" without limit."""
    signed = sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    now = datetime.now(UTC)
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(InputRejected, match="Kata sandi sekarang salah"):
            change_own_password(site_db.db, signed, old_password="tebak-tebakan-1", new_password="sawah-hijau-pagi",
                                clock=lambda: now)
    with pytest.raises(InputRejected, match="dikunci"):
        change_own_password(site_db.db, signed, old_password="tebak-tebakan-1", new_password="sawah-hijau-pagi",
                            clock=lambda: now)
    with pytest.raises(InputRejected, match="terkunci"):  # locked: not even the right password changes it now
        change_own_password(site_db.db, signed, old_password=KOORDINATOR_PASSWORD, new_password="sawah-hijau-pagi",
                            clock=lambda: now + timedelta(minutes=1))
    with pytest.raises(InputRejected, match="terkunci"):
        sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD, clock=lambda: now)
    failed = [event for event in _events(site_db, AuditAction.LOGIN_FAILED) if "during" in event.changes]
    assert [event.changes["during"] for event in failed] == ["change_password"] * MAX_FAILED_LOGINS
    assert [event.changes["locked"] for event in failed] == [False] * (MAX_FAILED_LOGINS - 1) + [True]
    assert _events(site_db, AuditAction.PASSWORD_CHANGE) == []
    # After the lock expires the right password works again, and the count starts afresh.
    later = now + timedelta(minutes=16)
    change_own_password(site_db.db, signed, old_password=KOORDINATOR_PASSWORD, new_password="sawah-hijau-pagi",
                        clock=lambda: later)
    assert sign_in(site_db.db, username="koordinator", password="sawah-hijau-pagi",
                   clock=lambda: later).actor.name == "koordinator"
