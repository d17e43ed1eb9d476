"""The audit log: every write is an event, sensitive values never appear in clear, tampering is found."""

from __future__ import annotations

import json
from datetime import date

import pytest
from backends import ON_POSTGRES, rows

from puskesos_desk.data.audit import AuditTamperingError, verify_chain
from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.registration import register_household

NIK = "3322011505800003"
KK = "3322010101150007"


def _register(site_db) -> str:
    result = register_household(site_db.cli, HouseholdDraft(
        members=(MemberDraft(name="Slamet Riyadi", relation="KEPALA_KELUARGA", sex="L",
                             birth_date=date(1980, 5, 15), nik=NIK),),
        kk_number=KK, address="Dusun Krajan", rt="1", rw="2", phone="081234567890",
    ))
    return result.household.id


def _events(site, where: str = "") -> list[tuple]:
    return rows(site, f"SELECT seq, action, entity, entity_id, changes, actor_id FROM audit_event {where} ORDER BY seq")


def _unguard(site, verb: str) -> None:
    """Someone with direct access to the database drops the append-only guard (migration 0002)."""
    if ON_POSTGRES:
        rows(site, "DROP TRIGGER audit_event_append_only ON audit_event")
    else:
        rows(site, f"DROP TRIGGER audit_event_no_{verb}")


def test_every_created_record_is_an_audit_event_by_the_actor(site_db) -> None:
    before = len(_events(site_db))
    household_id = _register(site_db)
    new = _events(site_db)[before:]
    created = {(entity, action) for _, action, entity, _, _, _ in new}
    assert ("household", "CREATE") in created and ("person", "CREATE") in created
    assert ("membership", "CREATE") in created and ("kk_history", "CREATE") in created
    assert {actor for *_, actor in new} == {"cli:pytest"}
    assert any(entity_id == household_id for _, _, _, entity_id, _, _ in new)


def test_sensitive_values_are_logged_as_keyed_hashes(site_db) -> None:
    before = len(_events(site_db))
    _register(site_db)
    text = " ".join(changes for *_, changes, _ in _events(site_db)[before:])
    assert NIK not in text and KK not in text and "081234567890" not in text and "1980-05-15" not in text
    person_event = next(json.loads(c) for _, a, e, _, c, _ in _events(site_db)[before:] if e == "person")
    assert person_event["nik"].startswith("hmac:")
    # Names and addresses too: the log is never anonymised, so it must not keep what retention removes.
    assert person_event["name"].startswith("hmac:") and "SLAMET" not in text.upper()
    assert person_event["sex"] == "L"  # codes stay readable for the audit trail


def test_updates_record_before_and_after(site_db) -> None:
    from puskesos_desk.data.orm.household import Household

    household_id = _register(site_db)
    with site_db.db.transaction(site_db.cli.actor) as session:
        household = session.get(Household, household_id)
        household.address, household.rt = "Dusun Ngablak", "7"
    last = _events(site_db)[-1]
    assert last[1] == "UPDATE" and last[3] == household_id
    changes = json.loads(last[4])
    assert changes["rt"]["after"] == "7" and changes["rt"]["before"] in ("1", "001")
    address = changes["address"]  # an address is hashed: the change is visible, the words are not
    assert address["before"].startswith("hmac:") and address["after"].startswith("hmac:")
    assert address["before"] != address["after"] and "Ngablak" not in last[4]


def test_chain_verifies_and_names_the_first_changed_event(site_db) -> None:
    _register(site_db)
    with site_db.db.reading() as session:
        assert verify_chain(session).ok
    target = _events(site_db)[-3][0]
    site_db.db.dispose()
    _unguard(site_db, "update")  # someone edits the database outside the app
    rows(site_db, "UPDATE audit_event SET actor_name = 'orang lain' WHERE seq = ?", target)
    with site_db.db.reading() as session:
        result = verify_chain(session)
    assert not result.ok and result.first_broken_seq == target


def test_deleted_event_breaks_the_chain(site_db) -> None:
    _register(site_db)
    target = _events(site_db)[5][0]
    site_db.db.dispose()
    _unguard(site_db, "delete")
    rows(site_db, "DELETE FROM audit_event WHERE seq = ?", target)
    with site_db.db.reading() as session:
        result = verify_chain(session)
    assert not result.ok and result.first_broken_seq == target


def test_the_application_refuses_to_change_an_event(site_db) -> None:
    with pytest.raises(AuditTamperingError), site_db.db.transaction(site_db.cli.actor) as session:
        event = session.get(AuditEvent, 1)
        event.actor_name = "x"
        session.flush()


def test_a_session_clock_dates_records_but_never_the_audit_log(site_db) -> None:
    from datetime import UTC, datetime

    from puskesos_desk.data.orm.household import Household

    household_id = _register(site_db)
    back_then = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
    with site_db.db.transaction(site_db.cli.actor) as session:
        session.info["clock"] = lambda: back_then
        session.get(Household, household_id).hamlet = "Ngablak"
    updated = rows(site_db, "SELECT updated_at FROM household WHERE id = ?", household_id)[0][0]
    logged = rows(site_db, "SELECT occurred_at FROM audit_event ORDER BY seq DESC LIMIT 1")[0][0]
    assert updated.startswith("2026-03-02 08:30")
    assert not logged.startswith("2026-03-02")
