"""Site set-up, sign-in with lockout, accounts, keys."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from conftest import ADMIN_PASSWORD, KOORDINATOR_PASSWORD, SITE_CODE

from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services import keys
from puskesos_desk.services.auth import MAX_FAILED_LOGINS, create_user, sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info, initialise_site, site_card


def test_init_creates_site_key_and_admin(site_db) -> None:
    info = get_site_info(site_db.db)
    assert (info.code, info.role) == (SITE_CODE, SiteRole.DESA)
    assert info.region_path == "Sumogawe, Getasan, Kabupaten Semarang, Jawa Tengah"
    assert info.fingerprint == keys.fingerprint(__import__("base64").b64decode(info.public_key_b64))
    with sqlite3.connect(site_db.path) as conn:
        assert conn.execute("SELECT username, role FROM user_account ORDER BY username").fetchall() == [
            ("admin", "ADMIN"), ("koordinator", "KOORDINATOR"), ("petugas.fo", "PETUGAS_FO")]
        hashed = conn.execute("SELECT password_hash FROM user_account WHERE username='admin'").fetchone()[0]
        assert hashed.startswith("$argon2id$") and ADMIN_PASSWORD not in hashed
        assert conn.execute("SELECT parent_code FROM site").fetchone()[0] == "33.22"


def test_second_init_is_refused(site_db) -> None:
    with pytest.raises(InputRejected, match="sudah disiapkan"):
        initialise_site(site_db.cli, code="33.22.01.2008", name="Lain", role=SiteRole.DESA, admin_username="x1y")


@pytest.mark.parametrize(("code", "role", "fragment"), [
    ("33.22", SiteRole.DESA, "PP.KK.CC.DDDD"),
    ("33.22.01.2007", SiteRole.KABUPATEN, "PP.KK"),
    ("33.22.01.9999", SiteRole.DESA, "tidak ada dalam daftar Kemendagri"),
])
def test_wrong_site_codes_are_refused(seeded_db, code: str, role: SiteRole, fragment: str) -> None:
    with pytest.raises(InputRejected, match=fragment.replace(".", r"\.")):
        initialise_site(seeded_db.cli, code=code, name="X", role=role, admin_username="admin")


def test_kabupaten_site(seeded_db) -> None:
    result = initialise_site(seeded_db.cli, code="3322", name="Sekretariat SLRT Kabupaten Semarang",
                             role=SiteRole.KABUPATEN, admin_username="admin")
    assert result.site.code == "33.22" and result.site.role is SiteRole.KABUPATEN
    assert result.admin_password and len(result.admin_password) == 14


def test_sign_in_and_lockout_after_repeated_failures(site_db) -> None:
    signed = sign_in(site_db.db, username="Koordinator", password=KOORDINATOR_PASSWORD)
    assert signed.actor.role is Role.KOORDINATOR and signed.actor.site_code == SITE_CODE
    now = datetime.now(UTC)
    for attempt in range(MAX_FAILED_LOGINS):
        with pytest.raises(InputRejected) as caught:
            sign_in(site_db.db, username="koordinator", password="salah", clock=lambda: now)
        if attempt < MAX_FAILED_LOGINS - 1:
            assert caught.value.message == "Nama pengguna atau kata sandi salah."
    assert "dikunci" in caught.value.message
    with pytest.raises(InputRejected, match="terkunci"):  # even the right password, while locked
        sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD, clock=lambda: now)
    later = now + timedelta(minutes=16)
    assert sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD, clock=lambda: later)
    with sqlite3.connect(site_db.path) as conn:
        actions = [a for (a,) in conn.execute("SELECT action FROM audit_event WHERE action LIKE 'LOGIN%'")]
    # Five wrong passwords, then one attempt while locked: each is a failed sign-in in the log.
    assert actions.count("LOGIN_FAILED") == MAX_FAILED_LOGINS + 1 and actions.count("LOGIN") == 2


def test_unknown_user_gets_the_same_message(site_db) -> None:
    with pytest.raises(InputRejected, match="Nama pengguna atau kata sandi salah"):
        sign_in(site_db.db, username="tidakada", password="apa-saja-123")


def test_accounts_are_personal_and_checked(site_db) -> None:
    info, password = create_user(site_db.cli, username="Petugas.BO", full_name="Dewi", role=Role.PETUGAS_BO)
    assert info.username == "petugas.bo" and info.must_change_password and password
    assert sign_in(site_db.db, username="petugas.bo", password=password).user.role is Role.PETUGAS_BO
    with pytest.raises(InputRejected, match="sudah dipakai"):
        create_user(site_db.cli, username="petugas.bo", full_name="Lain", role=Role.PETUGAS_BO)
    with pytest.raises(InputRejected, match="tidak tersedia"):
        create_user(site_db.cli, username="manajer", full_name="M", role=Role.MANAJER_SLRT)
    with pytest.raises(InputRejected, match="minimal"):
        create_user(site_db.cli, username="pendek", full_name="P", role=Role.PETUGAS_FO, password="abc")
    fo = ServiceContext(site_db.db, Actor(id="x", name="fo", role=Role.PETUGAS_FO, site_code=SITE_CODE))
    with pytest.raises(PermissionDenied):
        create_user(fo, username="baru1", full_name="B", role=Role.PETUGAS_FO)


def test_site_card_verifies_and_signatures_check(site_db) -> None:
    card, text = site_card(site_db.cli)
    assert keys.card_from_json(text) == card
    with pytest.raises(InputRejected):
        keys.card_from_json(text.replace("Sumogawe", "Samigaluh"))
    public, seed = keys.generate_key_pair()
    signature = keys.sign(seed, b"paket")
    assert keys.verify(public, b"paket", signature) and not keys.verify(public, b"paket!", signature)


def test_sign_out_is_audited(site_db) -> None:
    from puskesos_desk.services.auth import sign_out

    signed = sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    sign_out(site_db.db, signed.actor)
    with sqlite3.connect(site_db.path) as conn:
        last = conn.execute("SELECT action, actor_id FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    assert last == ("LOGOUT", signed.user.id)
