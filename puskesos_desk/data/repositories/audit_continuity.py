"""The ledger facts the audit-continuity check needs: what a package sent or received earlier said."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.exchange import ExchangePackage
from puskesos_desk.data.repositories.exchange_ledger import IN, OUT


def received_report(session: Session, sender: str, sequence: int) -> dict[str, Any] | None:
    """The report of the package `sequence` applied here from `sender`; None when it was not received."""
    report = session.scalar(select(ExchangePackage.report).where(
        ExchangePackage.direction == IN, ExchangePackage.sender_code == sender, ExchangePackage.sequence == sequence))
    return None if report is None else dict(report)


def sent_report(session: Session, package_id: str) -> dict[str, Any]:
    """The report of a package this site made ({} when unknown)."""
    report = session.scalar(select(ExchangePackage.report).where(
        ExchangePackage.direction == OUT, ExchangePackage.package_uuid == package_id))
    return dict(report or {})
