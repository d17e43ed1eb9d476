"""A village applies the household changes its district approved, when the return package carrying the decision
is imported (called from services/exchange_decisions.py, inside the import's transaction).

The rows pass has already stored the district's version of each request (status DISETUJUI, decided_where
"kabupaten"). Here each such request not yet acted on is applied with the same code as a local approval, so
persons, memberships and the head change in the same transaction as the import. The request's payload keeps a
marker of what happened (`applied_at_village`, or `village_apply_problem` when the household changed in between),
so a re-import or a later package carrying the same decision never applies it twice.

A change that can no longer be applied (the member already left, the head changed…) does not fail the import:
the import reports a warning, and the request keeps the problem in its payload for the household page and, with
the village's next package, for the district, which can ask for a new request.
"""

from __future__ import annotations

from typing import Any

from puskesos_desk.data.repositories import changes
from puskesos_desk.domain.district_changes import APPLIED_AT_VILLAGE, DECIDED_AT_DISTRICT, VILLAGE_APPLY_PROBLEM
from puskesos_desk.domain.enums import ChangeKind, ChangeStatus
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.exchange_records import ImportMessage
from puskesos_desk.services.change_application import APPLY
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_rows_pass import RowsPass

TABLE = "household_change_request"
SHEET = "Usulan Perubahan"


def apply_received_change_decisions(session: Any, ctx: ServiceContext, run: RowsPass) -> None:
    """Apply every district approval this run stored that the village has not acted on yet."""
    request_ids = list(dict.fromkeys(run.applied_ids.get(TABLE, ())))
    for request_id in request_ids:
        row = changes.get_change_request(session, request_id)
        payload = dict(row.payload or {})
        if (row.status != ChangeStatus.DISETUJUI or row.decided_where != DECIDED_AT_DISTRICT
                or payload.get(APPLIED_AT_VILLAGE) or payload.get(VILLAGE_APPLY_PROBLEM)):
            continue
        head = session.info.get("audit_head")
        try:
            with session.begin_nested():  # a change that fails leaves nothing half-applied
                applied = APPLY[ChangeKind(row.kind)](session, ctx, row)
                session.flush()
        except PuskesosError as exc:
            # The savepoint rolled back any audit events it wrote: the chain continues from the head before it.
            session.info["audit_head"] = head
            if head is None:
                session.info.pop("audit_head", None)
            session.refresh(row)
            row.payload = {**dict(row.payload or {}), VILLAGE_APPLY_PROBLEM: exc.message}
            run.messages.append(ImportMessage(
                SHEET, None, None, "PERUBAHAN_TIDAK_DITERAPKAN",
                f"Permintaan {row.number} disetujui kabupaten tetapi tidak dapat diterapkan: {exc.message} "
                "Periksa keluarga ini di halaman Keluarga dan ajukan permintaan baru bila masih diperlukan.",
                "warning"))
        else:
            row.payload = {**applied, APPLIED_AT_VILLAGE: run.now.isoformat(timespec="seconds")}
        session.flush()
