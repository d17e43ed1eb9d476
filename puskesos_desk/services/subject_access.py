"""A resident's own data (UU PDP Ps. 7): the list of their notices and consents, and a copy of everything held
about them, on paper (PDF) or as a workbook.

Only a role that handles data requests (HANDLE_DATA_REQUESTS) makes the copy; it holds the full NIK/KK and the
specific data, because it is the resident's own. Every copy that leaves the application is a SUBJECT_ACCESS audit
event naming who asked (the resident or their guardian) and why, in the same transaction that writes the file;
a preview records nothing, as for every other document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import subject_access as repository
from puskesos_desk.data.repositories.referrals import staff
from puskesos_desk.data.repositories.sites import get_site_row
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.subject_access import (
    CONFIDENTIAL,
    LEGAL_BASIS,
    ConsentLine,
    Dossier,
    SubjectAccessDocument,
    build_dossier,
)
from puskesos_desk.printing import render_subject_access
from puskesos_desk.services.casework import reference_codes
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.letterhead import letterhead_in
from puskesos_desk.spreadsheet.table_workbook import write_table_workbook

REFERENCE_LISTS = ("ppks", "complaint_category", "need_domain")
DEFAULT_PURPOSE = "Permintaan akses data pribadi oleh subjek data (UU 27/2022 Ps. 7)"


def consent_list(ctx: ServiceContext, person_id: str) -> list[ConsentLine]:
    """Every notice and consent recorded for the person, oldest first (what, when, who gave it, who recorded it)."""
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        return repository.consent_lines(session, person_id)


def _local(rows: Sequence[Sequence[object]]) -> list[tuple[object, ...]]:
    """Times as the resident reads them: the PC's local time, not UTC."""
    zone = local_zone()
    return [tuple(v.astimezone(zone) if isinstance(v, datetime) and v.tzinfo else v for v in row) for row in rows]


def _dossier_in(session: DbSession, person_id: str) -> Dossier:
    names = {name: {code: item.name for code, item in reference_codes(session, name).items()}
             for name in REFERENCE_LISTS}
    person_name, rows = repository.dossier_rows(session, person_id, names)
    return build_dossier(person_id, person_name, {key: _local(value) for key, value in rows.items()})


def person_dossier(ctx: ServiceContext, person_id: str) -> Dossier:
    """Everything held about one person, section by section. Reading it records nothing; a copy does."""
    ctx.require(Permission.HANDLE_DATA_REQUESTS)
    with ctx.db.reading() as session:
        return _dossier_in(session, person_id)


def _checked(requested_by: str, purpose: str) -> tuple[str, str]:
    who = " ".join(requested_by.split())
    if not who:
        raise InputRejected("Tuliskan siapa yang meminta salinan data: warga yang bersangkutan atau nama orang "
                            "tua/wali/kuasanya.", field="requested_by")
    return who, " ".join(purpose.split()) or DEFAULT_PURPOSE


def _record(session: DbSession, dossier: Dossier, *, fmt: str, channel: str, file_name: str, digest: str,
            requested_by: str, purpose: str) -> None:
    append_event(session, AuditAction.SUBJECT_ACCESS, entity="person", entity_id=dossier.person_id,
                 changes={"document": "SALINAN_DATA_PRIBADI", "format": fmt, "channel": channel, "file": file_name,
                          "sha256": digest, "sections": [k for k, n in dossier.counts().items() if n],
                          "rows": dossier.counts()},
                 recipient=requested_by, purpose=purpose)


def _document(session: DbSession, ctx: ServiceContext, dossier: Dossier, requested_by: str,
              purpose: str) -> SubjectAccessDocument:
    site = get_site_row(session)
    officer, _ = staff(session, ctx.actor.id)
    return SubjectAccessDocument(letterhead=letterhead_in(session), dossier=dossier, requested_by=requested_by,
                                 purpose=purpose, printed_on=ctx.today(), officer_name=officer,
                                 site_name=site.name if site else "")


def dossier_pdf(ctx: ServiceContext, person_id: str, *, requested_by: str, purpose: str = "",
                paper: Paper = Paper.A4, channel: OutputChannel | None = OutputChannel.CETAK) -> bytes:
    """The copy as PDF bytes; `channel=None` is a preview and records nothing, otherwise the copy is recorded."""
    ctx.require(Permission.HANDLE_DATA_REQUESTS)
    who, why = _checked(requested_by, purpose)
    if channel is None:
        with ctx.db.reading() as session:
            return render_subject_access(_document(session, ctx, _dossier_in(session, person_id), who, why), paper)
    with ctx.db.transaction(ctx.actor) as session:
        dossier = _dossier_in(session, person_id)
        pdf = render_subject_access(_document(session, ctx, dossier, who, why), paper)
        _record(session, dossier, fmt="pdf", channel=channel.value, file_name="",
                digest=hashlib.sha256(pdf).hexdigest(), requested_by=who, purpose=why)
        return pdf


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputRejected(f"Berkas tidak dapat disimpan di {path}: {exc.strerror or exc}.") from exc


def write_dossier_pdf(ctx: ServiceContext, person_id: str, path: Path, *, requested_by: str, purpose: str = "",
                      paper: Paper = Paper.A4) -> Path:
    """Save the copy as PDF at `path`. The record and the file go together: if either fails, neither remains."""
    ctx.require(Permission.HANDLE_DATA_REQUESTS)
    who, why = _checked(requested_by, purpose)
    target = Path(path)
    with ctx.db.transaction(ctx.actor) as session:
        dossier = _dossier_in(session, person_id)
        pdf = render_subject_access(_document(session, ctx, dossier, who, why), paper)
        _record(session, dossier, fmt="pdf", channel=OutputChannel.SIMPAN_PDF.value, file_name=target.name,
                digest=hashlib.sha256(pdf).hexdigest(), requested_by=who, purpose=why)
        _write_atomically(target, pdf)
    return target


def write_dossier_xlsx(ctx: ServiceContext, person_id: str, path: Path, *, requested_by: str,
                       purpose: str = "") -> Path:
    """Save the copy as a workbook: a cover, then one sheet per section."""
    ctx.require(Permission.HANDLE_DATA_REQUESTS)
    who, why = _checked(requested_by, purpose)
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    with ctx.db.transaction(ctx.actor) as session:
        dossier = _dossier_in(session, person_id)
        site = get_site_row(session)
        facts = [("Nama warga", dossier.person_name), ("Diminta oleh", who), ("Keperluan", why),
                 ("Dibuat oleh", staff(session, ctx.actor.id)[0]), ("Lokasi", site.name if site else ""),
                 ("Tanggal", ctx.today().strftime("%d-%m-%Y")), ("Sifat", CONFIDENTIAL), ("Dasar", LEGAL_BASIS)]
        try:
            write_table_workbook(partial, title="Salinan Data Pribadi", facts=facts,
                                 sheets=[(s.sheet_name, s.title, s.table) for s in dossier.sections],
                                 made_at=ctx.now())
            digest = hashlib.sha256(partial.read_bytes()).hexdigest()
            _record(session, dossier, fmt="xlsx", channel="SIMPAN_XLSX", file_name=target.name, digest=digest,
                    requested_by=who, purpose=why)
            partial.replace(target)
        except OSError as exc:
            raise InputRejected(f"Berkas tidak dapat disimpan di {target}: {exc.strerror or exc}.") from exc
        finally:
            partial.unlink(missing_ok=True)
    return target
