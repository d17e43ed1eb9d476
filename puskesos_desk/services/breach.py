"""The breach-notice helper (UU PDP Ps. 46): from what the officer knows of a breach, the list of affected residents
(masked NIK, household, village, what of theirs was exposed) as a workbook, and a drafted written notice to the
residents and the supervising agency with the 3×24-hour deadline printed prominently.

Needs BREACH_RESPONSE (Koordinator, Manajer SLRT). Producing the files appends one BREACH_NOTICE audit event with
the period, the categories and the number affected, and no names: the audit log must not become a second copy of
the list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import breach as repository
from puskesos_desk.data.repositories.referrals import staff
from puskesos_desk.data.repositories.sites import get_site_row
from puskesos_desk.domain.breach import (
    CATEGORY_LABELS,
    EXPOSURE_LABELS,
    AffectedPerson,
    BreachNoticeDocument,
    BreachReport,
    DataCategory,
    ExposureKind,
    affected_table,
)
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.printing import render_breach_notice
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.letterhead import letterhead_in
from puskesos_desk.services.visits import is_child
from puskesos_desk.spreadsheet.table_workbook import write_table_workbook

NOTICE_RECIPIENT = "Subjek data terdampak dan lembaga pelindungan data pribadi"
NOTICE_PURPOSE = "Pemberitahuan kegagalan pelindungan data pribadi (UU 27/2022 Ps. 46)"


@dataclass(frozen=True, slots=True)
class BreachFindings:
    persons: tuple[AffectedPerson, ...]
    documents: tuple[str, ...]  # the documents traced to residents
    unresolved_documents: int  # documents naming residents without saying which

    @property
    def households(self) -> int:
        return len({p.household_number for p in self.persons if p.household_number})


@dataclass(frozen=True, slots=True)
class BreachOutcome:
    findings: BreachFindings
    list_path: Path
    notice_path: Path
    deadline: datetime


def _categories(report: BreachReport, facts: repository.PersonFacts) -> list[str]:
    day = report.discovered_at.astimezone(local_zone()).date()
    applies = {
        DataCategory.IDENTITAS: bool(facts.nik) or facts.has_kk,
        DataCategory.KONTAK: facts.has_phone,
        DataCategory.ALAMAT: bool(facts.household_number),
        DataCategory.KESEHATAN_DISABILITAS: facts.has_health_data,
        DataCategory.DATA_ANAK: is_child(facts.birth_date, day),
        DataCategory.BANTUAN_SOSIAL: facts.receives_aid,
    }
    return [CATEGORY_LABELS[c] for c in report.categories if applies[c]]


def _findings_in(session: DbSession, report: BreachReport) -> BreachFindings:
    if report.kind is ExposureKind.SELURUH_BASIS_DATA:
        exposure = repository.Exposure()
        person_ids = repository.living_person_ids(session)
    else:
        exposure = (repository.package_exposure(session, report.package) if report.kind is
                    ExposureKind.PAKET_PERTUKARAN else
                    repository.documents_exposure(session, report.period_start, report.period_end))
        person_ids = list(exposure.documents)
    persons = []
    for facts in repository.person_facts(session, person_ids):
        documents = [f"Dokumen: {label}" for label in exposure.documents.get(facts.person_id, ())]
        persons.append(AffectedPerson(person_id=facts.person_id, name=facts.name, nik_masked=mask_id(facts.nik) or "-",
                                      household_number=facts.household_number, village=facts.village,
                                      exposed=(*_categories(report, facts), *documents)))
    persons.sort(key=lambda p: (p.village, p.household_number, p.name))
    return BreachFindings(persons=tuple(persons), documents=tuple(dict.fromkeys(exposure.document_labels)),
                          unresolved_documents=exposure.unresolved)


def affected_persons(ctx: ServiceContext, report: BreachReport) -> BreachFindings:
    """The residents the breach touched, for a look before the files are made (records nothing)."""
    ctx.require(Permission.BREACH_RESPONSE)
    report.check()
    with ctx.db.reading() as session:
        return _findings_in(session, report)


def _facts(report: BreachReport, findings: BreachFindings) -> list[tuple[str, str]]:
    zone = local_zone()

    def moment(value: datetime) -> str:
        return value.astimezone(zone).strftime("%d-%m-%Y %H.%M")

    return [("Diketahui pada", moment(report.discovered_at)),
            ("Batas pemberitahuan (3×24 jam)", moment(report.deadline)),
            ("Periode terungkap", f"{moment(report.period_start)} s.d. {moment(report.period_end)}"),
            ("Yang terungkap", EXPOSURE_LABELS[report.kind] + (f": {report.package}" if report.package else "")),
            ("Jenis data", ", ".join(CATEGORY_LABELS[c] for c in report.categories)),
            ("Jumlah warga terdampak", str(len(findings.persons))),
            ("Jumlah keluarga", str(findings.households)),
            ("Dokumen tanpa daftar nama", str(findings.unresolved_documents)),
            ("Sifat", "RAHASIA – data pribadi, UU 27/2022")]


def prepare_breach_notice(ctx: ServiceContext, report: BreachReport, *, list_path: Path, notice_path: Path,
                          paper: Paper = Paper.A4) -> BreachOutcome:
    """Write the list of affected residents (.xlsx) and the drafted notice (PDF), and record that it was done."""
    ctx.require(Permission.BREACH_RESPONSE)
    report.check()
    list_target, notice_target = Path(list_path), Path(notice_path)
    partials = [target.with_name(target.name + ".part") for target in (list_target, notice_target)]
    with ctx.db.transaction(ctx.actor) as session:
        findings = _findings_in(session, report)
        site = get_site_row(session)
        zone = local_zone()
        local = replace(report, discovered_at=report.discovered_at.astimezone(zone),
                        period_start=report.period_start.astimezone(zone),
                        period_end=report.period_end.astimezone(zone))
        document = BreachNoticeDocument(
            letterhead=letterhead_in(session), report=local, affected=len(findings.persons),
            households=findings.households,
            children=sum(1 for p in findings.persons if CATEGORY_LABELS[DataCategory.DATA_ANAK] in p.exposed),
            unresolved_documents=findings.unresolved_documents, documents=findings.documents,
            made_on=ctx.today(), officer_name=staff(session, ctx.actor.id)[0], site_name=site.name if site else "")
        try:
            write_table_workbook(partials[0], title="Daftar warga terdampak kebocoran data",
                                 facts=_facts(report, findings),
                                 sheets=[("Warga terdampak", "Warga yang datanya terungkap",
                                          affected_table(findings.persons))], made_at=ctx.now())
            partials[1].write_bytes(render_breach_notice(document, paper))
            append_event(session, AuditAction.BREACH_NOTICE, entity="site", entity_id=site.code if site else None,
                         changes={"kind": report.kind.value, "discovered_at": report.discovered_at.isoformat(),
                                  "deadline": report.deadline.isoformat(),
                                  "period_start": report.period_start.isoformat(),
                                  "period_end": report.period_end.isoformat(),
                                  "categories": [c.value for c in report.categories], "package": report.package,
                                  "affected": len(findings.persons), "households": findings.households,
                                  "unresolved_documents": findings.unresolved_documents},
                         recipient=NOTICE_RECIPIENT, purpose=NOTICE_PURPOSE)
            partials[0].replace(list_target)
            partials[1].replace(notice_target)
        except OSError as exc:
            raise InputRejected(f"Berkas tidak dapat disimpan: {exc.strerror or exc}.") from exc
        finally:
            for partial in partials:
                partial.unlink(missing_ok=True)
    return BreachOutcome(findings=findings, list_path=list_target, notice_path=notice_target,
                         deadline=report.deadline)
