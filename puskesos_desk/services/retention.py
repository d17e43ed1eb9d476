"""The retention schedule and the anonymisation job (issue 10; domain/retention.py documents the periods).

`run` is one transaction, all or nothing, and writes one PURGE audit event: counts per table, the ids of the
households and persons anonymised, the extract batches purged, and the settings used — never a removed value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import retention as repo
from puskesos_desk.data.repositories import sites
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import FieldErrors, InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.retention import (
    SETTINGS_KEY,
    RecordType,
    RetentionSettings,
    cut_off_moment,
    due_households,
    settings_from_json,
    validate_period,
)
from puskesos_desk.services.context import ServiceContext, local_zone

PURGE_ENTITY = "retensi"
MIN_REASON_CHARS = 5


@dataclass(frozen=True)
class RetentionPreview:
    """How many records a run would touch now."""

    households: int
    persons: int
    extract_rows: int
    parked_rows: int

    @property
    def is_empty(self) -> bool:
        return not (self.households or self.extract_rows or self.parked_rows)


@dataclass(frozen=True)
class RetentionSummary:
    preview: RetentionPreview
    counts: dict[str, int] = field(default_factory=dict)
    audit_event_id: str | None = None


def retention_settings(ctx: ServiceContext) -> RetentionSettings:
    """The periods in force: the Admin sets them; whoever runs the job must see the periods it will use."""
    if not ctx.actor.can(Permission.APPLY_RETENTION):
        ctx.require(Permission.MANAGE_SETTINGS)
    with ctx.db.reading() as session:
        return _settings(session)


def _settings(session: DbSession) -> RetentionSettings:
    return settings_from_json(sites.get_setting(session, SETTINGS_KEY))


def save_retention_settings(ctx: ServiceContext, periods: Mapping[RecordType, int]) -> RetentionSettings:
    ctx.require(Permission.MANAGE_SETTINGS)
    errors = {record_type.value: message for record_type, value in periods.items()
              if (message := validate_period(record_type, int(value))) is not None}
    if errors:
        raise FieldErrors(errors)
    with ctx.db.transaction(ctx.actor) as session:
        merged = {**_settings(session).periods, **{k: int(v) for k, v in periods.items()}}
        settings = RetentionSettings(merged)
        sites.set_setting(session, SETTINGS_KEY, settings.to_json())
    return settings


@dataclass(frozen=True)
class _Due:
    households: list[str]
    persons: int
    extract_batches: dict[str, int]
    parked_rows: list[str]

    def preview(self) -> RetentionPreview:
        return RetentionPreview(len(self.households), self.persons, sum(self.extract_batches.values()),
                                len(self.parked_rows))


def _due(session: DbSession, settings: RetentionSettings, ctx: ServiceContext) -> _Due:
    today, zone = ctx.today(), local_zone()

    def cut(record_type: RecordType) -> datetime:
        return cut_off_moment(record_type, settings, today, zone)

    households = due_households(repo.household_activity(session), cut(RecordType.CASE_RECORDS))
    return _Due(households, repo.count_members(session, households),
                repo.superseded_extract_rows(session, cut(RecordType.EXTRACT_ROWS)),
                repo.parked_rows_due(session, cut(RecordType.PARKED_ROWS)))


def preview(ctx: ServiceContext) -> RetentionPreview:
    ctx.require(Permission.APPLY_RETENTION)
    with ctx.db.reading() as session:
        return _due(session, _settings(session), ctx).preview()


def check_reason(reason: str) -> str:
    text = " ".join(reason.split())
    if len(text) < MIN_REASON_CHARS:
        raise InputRejected("Tuliskan alasan anonimisasi (paling sedikit 5 huruf), misalnya nomor berita acara "
                            "pemusnahan arsip.", field="alasan")
    return text


def run(ctx: ServiceContext, *, reason: str) -> RetentionSummary:
    """Anonymise everything due now, in one transaction; nothing due writes nothing (not even an event)."""
    ctx.require(Permission.APPLY_RETENTION)
    why = check_reason(reason)
    with ctx.db.transaction(ctx.actor) as session:
        settings = _settings(session)
        due = _due(session, settings, ctx)
        summary_preview = due.preview()
        if summary_preview.is_empty:
            return RetentionSummary(summary_preview)
        when, removed = ctx.now(), repo.Removed()
        repo.anonymise_households(session, due.households, when, ctx.actor.id, removed)
        if due.extract_batches:
            repo.purge_extract_rows(session, list(due.extract_batches))
            removed.add("register_record", sum(due.extract_batches.values()))
        removed.add("exchange_parked_row", repo.clear_parked_rows(session, due.parked_rows, when, ctx.actor.id))
        event = append_event(session, AuditAction.PURGE, entity=PURGE_ENTITY, reason=why, changes={
            "counts": dict(sorted(removed.counts.items())), "household_ids": sorted(removed.household_ids),
            "person_ids": sorted(removed.person_ids), "extract_batch_ids": sorted(due.extract_batches),
            "parked_row_ids": sorted(due.parked_rows), "settings": settings.to_json(),
            "cut_off_day": {t.value: cut_off_moment(t, settings, ctx.today(), local_zone()).date().isoformat()
                            for t in RecordType},
        })
        return RetentionSummary(summary_preview, dict(removed.counts), event.id)
