"""A district merge as a village stores it from a return package, written straight into person_merge, and the rows
pass that brought it (for calling apply_received_merges without building a package)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from conftest import SiteFixture
from sqlalchemy import text

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.services.exchange_rows_pass import RowsPass

DECIDED_AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def store_merge(site: SiteFixture, *, duplicate_id: str, survivor_id: str, duplicate_name: str, survivor_name: str,
                duplicate_village: str = "Sumogawe", survivor_village: str = "Samirono") -> str:
    merge_id = new_uuid()
    snapshot = json.dumps({"duplicate": {"name": duplicate_name, "village_name": duplicate_village},
                           "survivor": {"name": survivor_name, "village_name": survivor_village}})
    with site.db.transaction(site.cli.actor) as session:
        session.execute(text(
            "INSERT INTO person_merge (id, duplicate_person_id, survivor_person_id, decision, match_kind, reason, "
            "decided_by, decided_at, snapshot, created_at, created_by, updated_at, updated_by, row_version, "
            "origin_site) VALUES (:id, :dup, :surv, 'DIGABUNG', 'NIK', '', 'manajer', :at, :snap, :at, 'paket', :at, "
            "'paket', 1, '33.22')"), {"id": merge_id, "dup": duplicate_id, "surv": survivor_id,
                                      "at": DECIDED_AT.replace(tzinfo=None), "snap": snapshot})
    return merge_id


def rows_pass_with(merge_id: str, today: date) -> RowsPass:
    return RowsPass(sender="33.22", package_id=new_uuid(), manifest={}, person_ids_in_package=set(), today=today,
                    now=datetime.now(UTC), actor_id="pytest", apply=True, accept_edits=False,
                    present={"person_merge": {merge_id}})
