"""`demo`: realistic data through the real services, deterministic per seed, never twice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import SITE_CODE, SiteFixture

from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.nik import check_kk, check_nik
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.auth import create_user
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.passwords import verify_password
from puskesos_desk.services.registration import register_household
from tests.cli._helpers import query, scalar, table_digest

DEMO_SITE = "33.22.01.2007"


def _db_counts(path: Path) -> dict[str, int]:
    return {
        "households": scalar(path, "SELECT COUNT(*) FROM household WHERE deleted_at IS NULL"),
        "persons": scalar(path, "SELECT COUNT(*) FROM person WHERE deleted_at IS NULL"),
        "visits": scalar(path, "SELECT COUNT(*) FROM visit WHERE deleted_at IS NULL"),
    }


def _people(path: Path) -> list[tuple]:
    return sorted(query(path, "SELECT name, birth_date, sex, nik FROM person"), key=repr)


def _assert_users_can_sign_in_with_printed_passwords(path: Path, users: list[dict[str, str]]) -> None:
    for user in users:
        rows = query(path, "SELECT role, password_hash FROM user_account WHERE username = ?", (user["username"],))
        assert len(rows) == 1, user
        role, password_hash = rows[0]
        assert role == user["role"]
        assert user["password"], user
        assert verify_password(password_hash, user["password"]), user["username"]


def test_demo_on_a_database_without_site_sets_up_the_demo_site(run_cli, seeded_db: SiteFixture) -> None:
    result = run_cli("demo", "--db", seeded_db.path, "--households", 20, "--json")
    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["ok"] is True
    assert payload["already_present"] is False
    assert payload["site"] == DEMO_SITE
    assert query(seeded_db.path, "SELECT code, role FROM site") == [(DEMO_SITE, "desa")]

    counts = payload["counts"]
    assert counts["households"] == 20
    assert {key: counts[key] for key in ("households", "persons", "visits")} == _db_counts(seeded_db.path)
    assert counts["persons"] > counts["households"]
    assert counts["visits"] > 0

    users = payload["users"]
    assert users[0]["username"] == "admin"
    assert users[0]["role"] == "ADMIN"
    names = [u["username"] for u in users]
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(row[0] for row in query(seeded_db.path, "SELECT username FROM user_account"))
    assert {u["role"] for u in users} >= {"ADMIN", "PETUGAS_FO", "PETUGAS_BO"}
    _assert_users_can_sign_in_with_printed_passwords(seeded_db.path, users)


def test_demo_data_is_realistic(run_cli, seeded_db: SiteFixture) -> None:
    started = datetime.now(UTC)
    result = run_cli("demo", "--db", seeded_db.path, "--households", 20, "--seed", 5, "--json")
    assert result.rc == 0, result.err
    path = seeded_db.path

    niks = [row[0] for row in query(path, "SELECT nik FROM person WHERE nik IS NOT NULL")]
    assert niks
    assert [nik for nik in niks if not check_nik(nik).valid] == []
    assert len(niks) == len(set(niks))
    assert scalar(path, "SELECT COUNT(*) FROM person WHERE nik IS NULL AND no_nik_reason IS NULL") == 0
    kks = [row[0] for row in query(path, "SELECT kk_number FROM household WHERE kk_number IS NOT NULL")]
    assert [kk for kk in kks if not check_kk(kk).valid] == []
    # Every household's people live in the household; every visit is about a registered household.
    assert scalar(path, "SELECT COUNT(*) FROM person WHERE household_id NOT IN (SELECT id FROM household)") == 0
    assert scalar(path, "SELECT COUNT(*) FROM visit WHERE household_id NOT IN (SELECT id FROM household)") == 0

    # A year of activity up to now: no visit in the future, none older than a year, none on a weekend.
    moments = [datetime.fromisoformat(row[0]).replace(tzinfo=UTC)
               for row in query(path, "SELECT occurred_at FROM visit")]
    assert moments
    assert max(moments) <= datetime.now(UTC)
    assert min(moments) >= started - timedelta(days=366)
    assert all(moment.astimezone().weekday() < 5 for moment in moments)


def test_demo_again_adds_nothing(run_cli, seeded_db: SiteFixture) -> None:
    first = run_cli("demo", "--db", seeded_db.path, "--households", 20, "--json")
    assert first.rc == 0, first.err
    before = table_digest(seeded_db.path)
    again = run_cli("demo", "--db", seeded_db.path, "--households", 20, "--seed", 99, "--json")
    assert again.rc == 0, again.err
    payload = again.json()
    assert payload["ok"] is True
    assert payload["already_present"] is True
    assert payload["users"] == []
    assert table_digest(seeded_db.path) == before


def test_demo_on_an_initialised_site_keeps_its_admin(run_cli, seeded_db: SiteFixture,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUSKESOS_ADMIN_PASSWORD", "sandi-admin-desa-7")
    code = "33.22.01.2008"
    assert run_cli("init", "--db", seeded_db.path, "--site", code, "--name", "Puskesos Uji").rc == 0
    admin_before = query(seeded_db.path, "SELECT password_hash FROM user_account WHERE username = 'admin'")
    result = run_cli("demo", "--db", seeded_db.path, "--households", 20, "--json")
    assert result.rc == 0, result.err
    payload = result.json()
    assert payload["site"] == code
    assert "admin" not in [u["username"] for u in payload["users"]]
    assert query(seeded_db.path, "SELECT code FROM site") == [(code,)]
    assert query(seeded_db.path, "SELECT password_hash FROM user_account WHERE username = 'admin'") == admin_before
    _assert_users_can_sign_in_with_printed_passwords(seeded_db.path, payload["users"])
    assert payload["counts"]["households"] == _db_counts(seeded_db.path)["households"] == 20


def test_demo_refuses_a_database_with_real_households(run_cli, site_db: SiteFixture) -> None:
    draft = HouseholdDraft(
        members=(MemberDraft(name="Slamet Riyadi", relation="KEPALA_KELUARGA", sex="L",
                             birth_date=date(1980, 5, 15), nik="3322011505800003"),),
        kk_number="3322010101150007", address="Dusun Krajan", rt="1", rw="2", hamlet="Krajan",
    )
    register_household(site_db.cli, draft)
    before = table_digest(site_db.path)
    result = run_cli("demo", "--db", site_db.path, "--households", 20, "--json")
    assert result.rc == 3
    assert "bukan data demo" in result.json()["error"]
    assert table_digest(site_db.path) == before


def test_demo_with_invalid_household_count_changes_nothing(run_cli, seeded_db: SiteFixture) -> None:
    """A refused demo must not leave a half-made site behind whose Admin password nobody ever saw."""
    result = run_cli("demo", "--db", seeded_db.path, "--households", 0, "--json")
    assert result.rc == 3
    assert "antara 1 dan 50.000" in result.json()["error"]
    assert scalar(seeded_db.path, "SELECT COUNT(*) FROM site") == 0
    assert scalar(seeded_db.path, "SELECT COUNT(*) FROM user_account") == 0

    # And the next, correct demo still hands out the Admin's password.
    retry = run_cli("demo", "--db", seeded_db.path, "--households", 20, "--json")
    assert retry.rc == 0, retry.err
    users = retry.json()["users"]
    assert "admin" in [u["username"] for u in users]
    _assert_users_can_sign_in_with_printed_passwords(seeded_db.path, users)


def test_refused_demo_does_not_leave_half_created_accounts(run_cli, seeded_db: SiteFixture,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A demo user name is already taken: the demo is refused, and no demo account is created on the way."""
    monkeypatch.setenv("PUSKESOS_ADMIN_PASSWORD", "sandi-admin-desa-7")
    assert run_cli("init", "--db", seeded_db.path, "--site", SITE_CODE, "--name", "Puskesos Uji").rc == 0
    site_ctx = ServiceContext(seeded_db.db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA))
    create_user(site_ctx, username="petugas.bo", full_name="Dewi Lestari", role=Role.PETUGAS_BO,
                password="petugas-bo-rahasia-1")
    accounts = "SELECT username FROM user_account ORDER BY username"
    accounts_before = query(seeded_db.path, accounts)
    before = table_digest(seeded_db.path)
    result = run_cli("demo", "--db", seeded_db.path, "--households", 20, "--json")
    assert result.rc == 3
    assert '"petugas.bo" sudah dipakai' in result.json()["error"]
    assert query(seeded_db.path, accounts) == accounts_before
    assert table_digest(seeded_db.path) == before


def test_demo_is_deterministic_per_seed(run_cli, fresh_db) -> None:
    first, second, other = fresh_db("a.db"), fresh_db("b.db"), fresh_db("c.db")
    results = {}
    for path, seed in ((first, 4242), (second, 4242), (other, 4243)):
        result = run_cli("demo", "--db", path, "--households", 30, "--seed", seed, "--json")
        assert result.rc == 0, result.err
        results[path] = result.json()

    assert results[first]["counts"] == results[second]["counts"]
    assert _db_counts(first) == _db_counts(second)
    people = _people(first)
    assert len(people) == results[first]["counts"]["persons"]
    assert people == _people(second)
    assert set(people) != set(_people(other))


def test_demo_text_output(run_cli, seeded_db: SiteFixture) -> None:
    result = run_cli("demo", "--db", seeded_db.path, "--households", 20)
    assert result.rc == 0, result.err
    lines = result.out.splitlines()
    households = _db_counts(seeded_db.path)["households"]
    assert lines[0].startswith(f"Data demo dibuat untuk {SITE_CODE}: households {households}")
    usernames = [row[0] for row in query(seeded_db.path, "SELECT username FROM user_account")]
    for username in usernames:
        assert any(line.split()[:1] == [username] for line in lines[2:]), username
    again = run_cli("demo", "--db", seeded_db.path)
    assert again.rc == 0
    assert "tidak ada yang diubah" in again.out


def test_demo_has_referrals_in_every_state_with_gap_free_numbers(run_cli, seeded_db: SiteFixture) -> None:
    result = run_cli("demo", "--db", seeded_db.path, "--households", 150, "--seed", 7, "--json")
    assert result.rc == 0, result.err
    path = seeded_db.path
    statuses = {row[0] for row in query(path, "SELECT DISTINCT status FROM referral")}
    assert statuses == {"DRAFT", "DISETUJUI", "DIKIRIM", "DITERIMA", "DIPROSES", "SELESAI", "DITOLAK", "DIBATALKAN",
                        "TIDAK_ADA_KABAR"}
    for year, count, top in query(path, "SELECT letter_year, COUNT(*), MAX(letter_seq) FROM referral "
                                        "GROUP BY letter_year"):
        assert count == top, year  # numbered 1…n within each year, no gaps
    # Approved slips wait for the batch print; everything sent has a response date and a print record.
    assert scalar(path, "SELECT COUNT(*) FROM referral WHERE status = 'DISETUJUI' AND print_count = 0") >= 1
    assert scalar(path, "SELECT COUNT(*) FROM referral WHERE status NOT IN ('DRAFT', 'DISETUJUI', 'DIBATALKAN') "
                        "AND (response_due IS NULL OR print_count = 0)") == 0
    assert scalar(path, "SELECT COUNT(*) FROM referral WHERE status = 'TIDAK_ADA_KABAR' "
                        "AND response_due >= date('now', 'localtime')") == 0
