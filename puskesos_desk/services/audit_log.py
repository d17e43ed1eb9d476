"""The audit log for the people who oversee it (VIEW_AUDIT): browse it a page at a time, and check that it is whole.

The check walks the whole log and recomputes every hash from the events' fields, so a row changed, deleted or slipped
in with the sqlite3 tool (or psql) is named. Deleting the newest events leaves a shorter chain that is whole in
itself; the heads this site sent in packages, and those recorded by earlier checks, show that it was longer.
"""

from __future__ import annotations

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.audit_heads import scan_chain
from puskesos_desk.data.repositories import audit_events as repo
from puskesos_desk.domain.audit_log import (
    AuditActor,
    AuditCheck,
    AuditFilter,
    AuditRow,
    Finding,
    FindingKind,
    SentHead,
    describe_break,
)
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext, local_zone

PAGE_SIZE = 200


def _findings(scan_last: int, broken_seq: int | None, recomputed: dict[int, str],
              committed: list[SentHead], earlier_breaks: list[SentHead]) -> list[Finding]:
    findings: list[Finding] = []
    for head in committed:
        if head.seq > scan_last:
            findings.append(Finding(FindingKind.SHORTER, head))
        elif (broken_seq is None or head.seq < broken_seq) and recomputed.get(head.seq) != f"{head.seq}:{head.hash}":
            findings.append(Finding(FindingKind.DIFFERENT, head))
    if broken_seq is None:
        findings.extend(Finding(FindingKind.EARLIER_BREAK, head) for head in earlier_breaks)
    return findings


def verify_audit(ctx: ServiceContext) -> AuditCheck:
    """Walk the whole log, then record the check (its result and the head it saw) as an AUDIT_VERIFY event."""
    ctx.require(Permission.VIEW_AUDIT)
    with ctx.db.reading() as session:
        packages = repo.sent_heads(session)
        checks = repo.earlier_checks(session)
        committed = packages + [head for head, chain_broken in checks if not chain_broken]
        scan = scan_chain(session, at={head.seq for head in committed})
    broken_seq = scan.broken.seq if scan.broken else None
    earlier_breaks = [head for head, chain_broken in checks if chain_broken]
    findings = _findings(scan.last_seq, broken_seq, scan.heads, committed, earlier_breaks)
    check = AuditCheck(ok=scan.broken is None and not findings, checked=scan.checked, last_seq=scan.last_seq,
                       head=scan.head, broken=scan.broken, findings=tuple(findings), checked_at=ctx.now())
    changes: dict[str, object] = {"ok": check.ok, "checked": check.checked, "last_seq": check.last_seq}
    if scan.broken is None:
        changes["head"] = scan.head  # a later check compares the history up to here with this head
    else:
        changes.update(first_broken_seq=scan.broken.seq, kind=scan.broken.kind.value,
                       description=describe_break(scan.broken))
    if findings:
        changes["findings"] = [f"{f.kind.value}:{f.head.source}:{f.head.label}" for f in findings]
    with ctx.db.transaction(ctx.actor) as session:
        append_event(session, AuditAction.AUDIT_VERIFY, entity="audit_event", changes=changes)
    return check


def list_events(ctx: ServiceContext, filt: AuditFilter, offset: int = 0, limit: int = PAGE_SIZE) -> list[AuditRow]:
    ctx.require(Permission.VIEW_AUDIT)
    with ctx.db.reading() as session:
        return repo.list_events(session, filt, local_zone(), offset=max(0, offset), limit=max(1, limit))


def count_events(ctx: ServiceContext, filt: AuditFilter) -> int:
    ctx.require(Permission.VIEW_AUDIT)
    with ctx.db.reading() as session:
        return repo.count_events(session, filt, local_zone())


def actors(ctx: ServiceContext) -> list[AuditActor]:
    ctx.require(Permission.VIEW_AUDIT)
    with ctx.db.reading() as session:
        return repo.actors(session)


def record_history(ctx: ServiceContext, entity_id: str) -> list[AuditRow]:
    """Every event about one record, newest first (the trail of a person, a referral…)."""
    ctx.require(Permission.VIEW_AUDIT)
    with ctx.db.reading() as session:
        return repo.events_for_record(session, entity_id)
