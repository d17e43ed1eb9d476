"""Audit-chain continuity across packages: each package repeats the head its sender sent in the previous package,
recomputed from the log at export; the district flags a village whose history no longer continues it (an old event
altered behind the application's back, with the append-only trigger dropped as an attacker would), still applies
the package, and shows the state in `village list` and the Desa tab."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from backends import ON_POSTGRES, rows
from conftest import SiteFixture
from openpyxl import load_workbook

from puskesos_desk.cli.village_commands import lines
from puskesos_desk.data.audit import verify_chain
from puskesos_desk.data.audit_heads import recomputed_heads
from puskesos_desk.domain.exchange_package import META_SHEET, ImportStatus
from puskesos_desk.domain.exchange_records import ImportOutcome
from puskesos_desk.services import exchange_export
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.villages import village_list
from tests.exchange.conftest import Linked


def _send(linked: Linked, path: Path) -> ImportOutcome:
    return import_package(linked.district.cli, export_package(linked.village.cli, path).path)


def _meta(path: Path) -> dict[str, str]:
    book = load_workbook(path, read_only=True)
    try:
        return {str(k): str(v) for k, v, *_ in book[META_SHEET].iter_rows(values_only=True) if k and v is not None}
    finally:
        book.close()


def _reports(district: SiteFixture) -> list[dict[str, object]]:
    found = rows(district, "SELECT report FROM exchange_package WHERE direction = 'MASUK' ORDER BY sequence")
    return [json.loads(r[0]) for r in found]


def _tamper_with_an_old_event(village: SiteFixture) -> None:
    """Change what an early event says, keeping its stored hash: the trigger stands in the way, so drop it
    (migration 0002 names it per backend)."""
    if ON_POSTGRES:
        rows(village, "DROP TRIGGER audit_event_append_only ON audit_event")
    else:
        rows(village, "DROP TRIGGER audit_event_no_update")
    rows(village, "UPDATE audit_event SET actor_name = 'orang lain' WHERE seq = 5")


def test_continuous_history_then_a_rewritten_event_is_flagged(linked: Linked, tmp_path: Path) -> None:
    first = export_package(linked.village.cli, tmp_path / "desa-1.xlsx")
    assert "audit_prior" not in _meta(first.path)  # nothing sent before
    import_package(linked.district.cli, first.path)
    second = export_package(linked.village.cli, tmp_path / "desa-2.xlsx")
    meta = _meta(second.path)
    assert meta["audit_prior"] == _meta(first.path)["audit_head"]
    assert import_package(linked.district.cli, second.path).status is ImportStatus.APPLIED
    assert [r.get("audit_chain") for r in _reports(linked.district)] == ["BELUM_DIKETAHUI", "UTUH"]
    [status] = village_list(linked.district.cli)
    assert (status.audit_chain, status.as_json()["audit_chain"]) == ("UTUH", "utuh")

    _tamper_with_an_old_event(linked.village)
    with linked.village.db.reading() as session:
        assert not verify_chain(session).ok  # the stored hashes no longer match the events
    outcome = _send(linked, tmp_path / "desa-3.xlsx")

    assert outcome.status is ImportStatus.APPLIED  # flagged, never refused
    [warning] = [m for m in outcome.messages if m.code == "AUDIT_TERPUTUS"]
    assert warning.severity == "warning" and "tidak melanjutkan riwayat" in warning.message
    assert _reports(linked.district)[-1]["audit_chain"] == "TERPUTUS"
    [status] = village_list(linked.district.cli)
    assert status.audit_broken and status.audit_breaks == 1
    assert status.as_json()["audit_chain"] == "terputus"
    assert "RIWAYAT AUDIT TERPUTUS" in "\n".join(lines([status]))  # `village list` without --json


def test_a_package_without_the_field_is_unknown_not_an_error(linked: Linked, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Packages from an older version carry no audit_prior: continuity unknown."""
    _send(linked, tmp_path / "desa-1.xlsx")
    monkeypatch.setattr(exchange_export, "outgoing_heads", lambda session, previous, recompute: (
        recomputed_heads(session)[0], ""))
    outcome = _send(linked, tmp_path / "desa-2.xlsx")
    assert outcome.status is ImportStatus.APPLIED
    assert not [m for m in outcome.messages if m.code == "AUDIT_TERPUTUS"]
    assert _reports(linked.district)[-1]["audit_chain"] == "BELUM_DIKETAHUI"
    [status] = village_list(linked.district.cli)
    assert status.audit_chain == "BELUM_DIKETAHUI"


def test_the_recomputed_head_ignores_stored_hashes(linked: Linked) -> None:
    with linked.village.db.reading() as session:
        head, found = recomputed_heads(session, [3])
        assert head == "{}:{}".format(*rows(linked.village, "SELECT seq, hash FROM audit_event "
                                                            "ORDER BY seq DESC LIMIT 1")[0])
    _tamper_with_an_old_event(linked.village)
    with linked.village.db.reading() as session:
        tampered, after = recomputed_heads(session, [3])
    assert after == found  # before the altered event nothing changes
    assert tampered != head  # every head after it does, although the stored hashes were left alone
