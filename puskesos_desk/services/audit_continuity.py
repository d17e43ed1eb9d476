"""Audit-chain continuity across packages (issue 7): what an export says about its sender's history, and what an
import concludes from it. See domain/audit_continuity.py for the rule."""

from __future__ import annotations

from typing import Any

from puskesos_desk.data.audit import chain_head
from puskesos_desk.data.audit_heads import recomputed_heads
from puskesos_desk.data.repositories import audit_continuity as ledger
from puskesos_desk.domain.audit_continuity import (
    AUDIT_PRIOR_FIELD,
    BROKEN,
    REPORT_KEY,
    continuity,
    head_sequence,
)
from puskesos_desk.domain.exchange_package import PackageMeta
from puskesos_desk.domain.exchange_records import ImportMessage


def outgoing_heads(session: Any, previous_package_id: str, *, recompute: bool = True) -> tuple[str, str]:
    """(the head now, the head sent in the previous package to the same receiver) — both recomputed from the log.
    The second is "" for a first package, or when the previous one predates the check.

    `recompute` False (a district's return packages): the stored head and no prior. Walking a district's log of
    millions of events once per village of an `--all-villages` run would cost minutes, and the check is about the
    villages' history."""
    if not recompute:
        return chain_head(session), ""
    sent_before = str(ledger.sent_report(session, previous_package_id).get("audit_head") or "") \
        if previous_package_id else ""
    prior_seq = head_sequence(sent_before)
    head, found = recomputed_heads(session, [prior_seq] if prior_seq else [])
    if prior_seq is None:
        return head, ""
    # A sequence no longer in the log (events removed) cannot be recomputed: say so with a head that cannot match.
    return head, found.get(prior_seq, f"{prior_seq}:hilang")


def check_incoming(session: Any, meta: PackageMeta, messages: list[ImportMessage]) -> dict[str, str]:
    """The continuity of the sender's history, for the ledger entry's report; a warning when it is broken."""
    previous = ledger.received_report(session, meta.sender_site, meta.sequence - 1) if meta.sequence > 1 else None
    previous_head = str(previous.get("sender_audit_head") or "") if previous else None
    state = continuity(previous_head=previous_head, prior=meta.extra.get(AUDIT_PRIOR_FIELD, ""),
                       new_head=meta.audit_head)
    if state == BROKEN:
        messages.append(ImportMessage(None, None, None, "AUDIT_TERPUTUS", (
            f"Riwayat audit {meta.sender_name or meta.sender_site} tidak melanjutkan riwayat yang dikirim sebelumnya "
            f"(paket ke-{meta.sequence - 1}): catatan audit lama di situs pengirim mungkin diubah atau dihapus. "
            "Data paket tetap diterapkan; hubungi pengirim dan periksa komputer mereka."), "warning"))
    return {REPORT_KEY: state}
