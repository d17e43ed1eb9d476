"""Disclosure records: every printed or saved document that carries personal data (UU PDP accountability).

A disclosure is an audit event (action PRINT) naming the document, the channel, the recipient and the data it
carries, so the audit log's hash chain protects it like any other event and one query lists them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.domain.documents import DocumentKind, OutputChannel, Paper
from puskesos_desk.domain.enums import AuditAction


def record_output(session: DbSession, *, document: DocumentKind, entity: str, entity_id: str, number: str,
                  channel: OutputChannel, paper: Paper, recipient: str, purpose: str,
                  data_shared: Sequence[str], copy: int = 1) -> None:
    append_event(
        session, AuditAction.PRINT, entity=entity, entity_id=entity_id,
        changes={"document": document.value, "number": number, "channel": channel.value, "paper": paper.value,
                 "data_shared": list(data_shared), "copy": copy},
        recipient=recipient, purpose=purpose,
    )
