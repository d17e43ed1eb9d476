"""The audit integrity check: rows changed, deleted or slipped in behind the application's back are named; a chain
rewritten with fresh hashes, or cut short, is caught by the heads committed earlier; every check is itself logged."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from backends import ON_POSTGRES, rows, scalar
from conftest import FO_PASSWORD

from puskesos_desk.data.audit import chain_head
from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.exchange import ExchangePackage
from puskesos_desk.domain.audit_chain import HASHED_FIELDS, event_hash
from puskesos_desk.domain.audit_log import AuditFilter, BreakKind, FindingKind, describe_check
from puskesos_desk.domain.errors import PermissionDenied
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.audit_log import count_events, list_events, verify_audit
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household


def _activity(site_db, name: str = "Slamet Riyadi", number: int = 3) -> None:
    register_household(site_db.cli, HouseholdDraft(
        members=(MemberDraft(name=name, relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                             nik=f"332201150580000{number}"),),
        kk_number=f"332201010115000{number}", address="Dusun Krajan", rt="1", rw="2",
    ))


def _unguard(site_db) -> None:
    """Someone with direct access to the database drops the append-only guard (migration 0002)."""
    site_db.db.dispose()
    if ON_POSTGRES:
        rows(site_db, "DROP TRIGGER audit_event_append_only ON audit_event")
    else:
        rows(site_db, "DROP TRIGGER audit_event_no_update")
        rows(site_db, "DROP TRIGGER audit_event_no_delete")


def _last_seq(site_db) -> int:
    return int(scalar(site_db, "SELECT MAX(seq) FROM audit_event"))


def test_an_intact_log_passes_and_the_check_is_logged_with_its_head(site_db) -> None:
    _activity(site_db)
    last = _last_seq(site_db)
    check = verify_audit(site_db.cli)
    assert check.ok and check.broken is None and not check.findings
    assert check.checked == last and check.last_seq == last
    seq, action, changes = rows(site_db, "SELECT seq, action, changes FROM audit_event ORDER BY seq DESC LIMIT 1")[0]
    assert (seq, action) == (last + 1, "AUDIT_VERIFY")
    assert json.loads(changes) == {"ok": True, "checked": last, "last_seq": last, "head": check.head}
    assert verify_audit(site_db.cli).ok  # the check's own event is part of a whole chain


def test_a_changed_event_is_named(site_db) -> None:
    _activity(site_db)
    target = _last_seq(site_db) - 4
    _unguard(site_db)
    rows(site_db, "UPDATE audit_event SET reason = 'dihapus oleh operator' WHERE seq = ?", target)
    check = verify_audit(site_db.cli)
    assert not check.ok and check.broken is not None
    assert (check.broken.seq, check.broken.kind, check.checked) == (target, BreakKind.CHANGED, target - 1)
    assert f"Peristiwa nomor {target}" in "\n".join(describe_check(check)) and "diubah" in describe_check(check)[1]
    logged = json.loads(scalar(site_db, "SELECT changes FROM audit_event ORDER BY seq DESC LIMIT 1"))
    assert logged["ok"] is False and logged["first_broken_seq"] == target and logged["kind"] == "DIUBAH"


def test_a_deleted_event_is_named_as_a_gap(site_db) -> None:
    _activity(site_db)
    target = _last_seq(site_db) - 6
    _unguard(site_db)
    rows(site_db, "DELETE FROM audit_event WHERE seq IN (?, ?)", target, target + 1)
    check = verify_audit(site_db.cli)
    assert check.broken is not None
    assert (check.broken.seq, check.broken.kind, check.broken.missing) == (target, BreakKind.DELETED, 2)
    assert f"nomor {target}–{target + 1} hilang" in describe_check(check)[1]


def test_an_inserted_event_is_named(site_db) -> None:
    _activity(site_db)
    target = _last_seq(site_db) - 3
    _unguard(site_db)
    # Make room at `target` (two steps: the primary key must stay unique), then slip a copy of the event before it in.
    rows(site_db, "UPDATE audit_event SET seq = seq + 1000000 WHERE seq >= ?", target)
    rows(site_db, "UPDATE audit_event SET seq = seq - 999999 WHERE seq >= 1000000")
    columns = ", ".join(c for c in (*HASHED_FIELDS, "prev_hash", "hash") if c not in ("seq", "id", "hash"))
    rows(site_db, f"INSERT INTO audit_event (seq, id, hash, {columns}) SELECT ?, 'sisipan', ?, {columns} "
                  "FROM audit_event WHERE seq = ?", target, "f" * 64, target - 1)
    check = verify_audit(site_db.cli)
    assert check.broken is not None and (check.broken.seq, check.broken.kind) == (target, BreakKind.INSERTED)


def _rewrite_from(site_db, seq: int) -> None:
    """A careful forger: change one event, then recompute every hash after it so the chain is whole again."""
    site_db.db.dispose()
    with site_db.db.transaction(site_db.cli.actor) as session:
        events = session.query(AuditEvent).order_by(AuditEvent.seq).all()
        previous = events[seq - 2].hash
        for event in events[seq - 1:]:
            fields = {name: getattr(event, name) for name in HASHED_FIELDS}
            fields["occurred_at"] = event.occurred_at.isoformat()
            if event.seq == seq:
                fields["actor_name"] = "orang lain"
            digest = event_hash(previous, fields)
            session.execute(AuditEvent.__table__.update().where(AuditEvent.__table__.c.seq == event.seq).values(
                actor_name=fields["actor_name"], prev_hash=previous, hash=digest))
            previous = digest
        session.expunge_all()


def test_a_rewritten_chain_is_caught_by_an_earlier_check(site_db) -> None:
    _activity(site_db)
    assert verify_audit(site_db.cli).ok  # records the head it saw
    _activity(site_db, "Budi Santoso", 4)
    _unguard(site_db)
    _rewrite_from(site_db, 5)
    check = verify_audit(site_db.cli)
    assert check.broken is None  # the hashes alone are consistent again …
    assert not check.ok and [f.kind for f in check.findings] == [FindingKind.DIFFERENT]  # … the recorded head is not
    assert "tidak sama" in describe_check(check)[-1]


def test_a_log_cut_short_is_shorter_than_the_head_sent_in_a_package(site_db) -> None:
    _activity(site_db)
    with site_db.db.transaction(site_db.cli.actor) as session:
        head = chain_head(session)
        session.add(ExchangePackage(
            package_uuid="11111111-1111-1111-1111-111111111111", direction="KELUAR", kind="DESA_KE_KABUPATEN",
            sender_code="33.22.01.2007", receiver_code="33.22", sequence=1, format_version="1",
            package_created_at=datetime(2026, 5, 4, 9, 0, tzinfo=UTC), file_name="desa-1.xlsx", sha256="0" * 64,
            status="DIBUAT", report={"audit_head": head}))
    sent_seq = int(head.partition(":")[0])
    _unguard(site_db)
    rows(site_db, "DELETE FROM audit_event WHERE seq >= ?", sent_seq - 2)  # the newest events, and the package's
    check = verify_audit(site_db.cli)
    assert check.broken is None and not check.ok
    [finding] = check.findings
    assert finding.kind is FindingKind.SHORTER and finding.head.seq == sent_seq
    assert "desa-1.xlsx" in describe_check(check)[-1] and "lebih pendek" in describe_check(check)[-1]


def test_browsing_filters_and_pages_the_log(site_db) -> None:
    _activity(site_db)
    total = count_events(site_db.cli, AuditFilter())
    first = list_events(site_db.cli, AuditFilter(), offset=0, limit=5)
    second = list_events(site_db.cli, AuditFilter(), offset=5, limit=5)
    assert [r.seq for r in first + second] == list(range(total, total - 10, -1))  # newest first, no overlap
    persons = list_events(site_db.cli, AuditFilter(action="CREATE", record_text="person"))
    assert persons and {(r.action, r.entity) for r in persons} == {("CREATE", "person")}
    assert [r.seq for r in list_events(site_db.cli, AuditFilter(record_text="#7"), limit=3)] == [7, 6, 5]
    today = site_db.cli.today()
    assert count_events(site_db.cli, AuditFilter(period_from=today, period_to=today)) == total


def test_only_roles_that_may_see_the_audit_can_check_it(site_db) -> None:
    officer = ServiceContext(site_db.db, sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD).actor)
    with pytest.raises(PermissionDenied):
        verify_audit(officer)
    with pytest.raises(PermissionDenied):
        list_events(officer, AuditFilter())
