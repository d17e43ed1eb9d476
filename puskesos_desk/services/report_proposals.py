"""DTSEN proposals on paper: the list the SIKS-NG operator types in (USULAN), and the sheet printed for the
musdes/muskel that decides on them (MUSDES).

The USULAN list carries full NIK and KK numbers, because the operator enters them into SIKS-NG; only a user who
may prepare proposals (PROPOSE_DTSEN) gets it. The MUSDES sheet is read aloud in a public meeting, so it names the
head of each household with a masked NIK only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import reference
from puskesos_desk.data.repositories.report_rows_proposals import ProposalRow, birth_places, proposals_for_musdes
from puskesos_desk.domain.casework import HEAD_RELATION
from puskesos_desk.domain.enums import ProposalKind, ProposalStatus
from puskesos_desk.domain.errors import PermissionDenied
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.reports import (
    CellKind,
    ReportColumn,
    ReportDocument,
    ReportRequest,
    ReportSection,
    ReportTable,
    SignatureLine,
)
from puskesos_desk.printing.dates import long_date
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.proposals import STATUS_LABELS
from puskesos_desk.services.report_bnba import check_cancelled
from puskesos_desk.services.report_common import make_document, report_frame

KIND_LABELS = {ProposalKind.BARU: "Baru", ProposalKind.PERBAIKAN_DATA: "Perbaikan data",
               ProposalKind.SANGGAH: "Sanggah"}
PROGRAM_LABELS = {"PKH": "PKH", "SEMBAKO": "Sembako", "PBI": "PBI-JK", "TIDAK_ADA": "Tidak ada"}
SEX_FALLBACK = {"L": "Laki-laki", "P": "Perempuan"}
ATTENDANCE_ROWS = 20


def _col(title: str, kind: CellKind = CellKind.TEXT, width: float = 12.0) -> ReportColumn:
    return ReportColumn(title, kind, width)


MEMBER_COLUMNS = (
    _col("NO", CellKind.INTEGER, 5), _col("NOMOR USULAN", width=22), _col("JENIS USULAN", width=14),
    _col("NO KK", CellKind.ID, 18), _col("NIK", CellKind.ID, 18), _col("NAMA", width=24),
    _col("HUBUNGAN DENGAN KK", width=16), _col("JENIS KELAMIN", width=12), _col("TEMPAT LAHIR", width=16),
    _col("TANGGAL LAHIR", CellKind.DATE, 12), _col("PEKERJAAN", width=18), _col("ALAMAT", width=22),
    _col("RT", width=5), _col("RW", width=5), _col("KODE DESA", width=14), _col("DESA/KELURAHAN", width=16),
    _col("USULAN PROGRAM", width=18), _col("TANGGAL MUSDES", CellKind.DATE, 12),
    _col("NOMOR BA MUSDES", width=22), _col("STATUS", width=14),
)
FAMILY_COLUMNS = (
    _col("NO", CellKind.INTEGER, 5), _col("NOMOR USULAN", width=22), _col("JENIS USULAN", width=14),
    _col("NO KK", CellKind.ID, 18), _col("NIK KEPALA KELUARGA", CellKind.ID, 18),
    _col("NAMA KEPALA KELUARGA", width=24), _col("ALAMAT", width=22), _col("RT", width=5), _col("RW", width=5),
    _col("KODE DESA", width=14), _col("DESA/KELURAHAN", width=16), _col("JUMLAH ANGGOTA", CellKind.INTEGER, 9),
    _col("USULAN PROGRAM", width=18), _col("TANGGAL MUSDES", CellKind.DATE, 12),
    _col("NOMOR BA MUSDES", width=22), _col("STATUS", width=14),
)
ATTENDANCE_COLUMNS = (_col("NO", CellKind.INTEGER, 5), _col("NAMA", width=30), _col("UNSUR / JABATAN", width=30),
                      _col("TANDA TANGAN", width=24))
DECISION_COLUMNS = (
    _col("NO", CellKind.INTEGER, 5), _col("NOMOR USULAN", width=22), _col("NAMA KEPALA KELUARGA", width=24),
    _col("NIK KEPALA KELUARGA", CellKind.ID, 18), _col("ALAMAT", width=26), _col("JUMLAH ANGGOTA", CellKind.INTEGER, 9),
    _col("USULAN", width=22), _col("DISETUJUI", width=10), _col("TIDAK DISETUJUI", width=10),
    _col("CATATAN", width=24),
)
USULAN_REFUSED = ("Akun {name} tidak berwenang membuat daftar usulan DTSEN (berisi NIK dan No. KK lengkap untuk "
                  "operator SIKS-NG). Minta Koordinator, Petugas BO atau Operator SIKS-NG membuatnya.")


class _Labels:
    """Code → words for the columns the operator reads: relation, sex, occupation, programme, kind, status."""

    def __init__(self, session: DbSession) -> None:
        def names(list_name: str) -> dict[str, str]:
            return {item.code: item.name for item in reference.code_list(session, list_name)}

        self.relation = names("hubungan_kk")
        self.sex = {**SEX_FALLBACK, **names("jenis_kelamin")}
        self.occupation = names("pekerjaan")

    @staticmethod
    def kind(code: str) -> str:
        return KIND_LABELS.get(ProposalKind(code), code) if code in ProposalKind.__members__ else code

    @staticmethod
    def status(code: str) -> str:
        return STATUS_LABELS[ProposalStatus(code)] if code in ProposalStatus.__members__ else code

    @staticmethod
    def programs(codes: Sequence[str]) -> str:
        return ", ".join(PROGRAM_LABELS.get(code, code) for code in codes)


def _ordered_members(row: ProposalRow) -> list[dict[str, Any]]:
    """The head of the household first, then the others in the snapshot's order (as SIKS-NG lists a family)."""
    return sorted(row.members, key=lambda member: member.get("relation") != HEAD_RELATION)


def _head(row: ProposalRow) -> dict[str, Any]:
    members = _ordered_members(row)
    return members[0] if members and members[0].get("relation") == HEAD_RELATION else {}


def _birth_date(member: dict[str, Any]) -> date | None:
    text = member.get("birth_date")
    return date.fromisoformat(str(text)) if text else None


def _member_rows(rows: Sequence[ProposalRow], labels: _Labels, places: dict[str, str]) -> list[tuple[object, ...]]:
    lines: list[tuple[object, ...]] = []
    for row in rows:
        household = (row.number, labels.kind(row.kind), row.kk_number or "")
        place = (row.address, row.rt, row.rw, row.village_code, row.village_name,
                 labels.programs(row.requested_programs), row.musdes_date, row.musdes_minutes_number or "",
                 labels.status(row.status))
        for member in _ordered_members(row):
            occupation = str(member.get("occupation") or "")
            lines.append((
                len(lines) + 1, *household, str(member.get("nik") or ""), str(member.get("name") or ""),
                labels.relation.get(str(member.get("relation") or ""), str(member.get("relation") or "")),
                labels.sex.get(str(member.get("sex") or ""), str(member.get("sex") or "")),
                places.get(str(member.get("person_id") or ""), ""), _birth_date(member),
                labels.occupation.get(occupation, occupation), *place,
            ))
    return lines


def _family_rows(rows: Sequence[ProposalRow], labels: _Labels) -> list[tuple[object, ...]]:
    return [
        (index, row.number, labels.kind(row.kind), row.kk_number or "", str(_head(row).get("nik") or ""),
         str(_head(row).get("name") or row.head_name), row.address, row.rt, row.rw, row.village_code,
         row.village_name, len(row.members), labels.programs(row.requested_programs), row.musdes_date,
         row.musdes_minutes_number or "", labels.status(row.status))
        for index, row in enumerate(rows, start=1)
    ]


def _meetings(rows: Sequence[ProposalRow]) -> str:
    """'Musdes 12 November 2026 (BA nomor 05/BA-MUSDES/2026); …' — what minutes this list is attached to."""
    seen = dict.fromkeys((row.musdes_date, row.musdes_minutes_number or "") for row in rows if row.musdes_date)
    parts = [f"{long_date(day)} (berita acara nomor {minutes or 'belum dicatat'})" for day, minutes in seen]
    return "Musdes/muskel yang dicakup: " + "; ".join(parts) + "."


def build_usulan(ctx: ServiceContext, request: ReportRequest, sink: ProgressSink) -> ReportDocument:
    ctx.require(Permission.VIEW_REPORTS)
    if not ctx.actor.can(Permission.PROPOSE_DTSEN):
        raise PermissionDenied(USULAN_REFUSED.format(name=ctx.actor.name))
    month = request.month
    sink.progress(0, 2, "Membaca usulan DTSEN…")
    with ctx.db.reading() as session:
        frame = report_frame(ctx, session, request)
        rows = proposals_for_musdes(session, month.first_day, month.last_day, village_code=frame.village_code)
        places = birth_places(session, [str(m.get("person_id") or "") for row in rows for m in row.members])
        labels = _Labels(session)
    check_cancelled(sink)
    sink.progress(1, 2, "Menyusun daftar usulan…")
    empty_text = f"Tidak ada usulan DTSEN dengan musdes pada {month.label}."
    members = ReportTable(
        title="Anggota keluarga yang diusulkan", columns=MEMBER_COLUMNS, rows=tuple(_member_rows(rows, labels, places)),
        note="NIK dan No. KK ditulis lengkap untuk operator SIKS-NG: jaga kerahasiaan berkas ini.",
        empty_text=empty_text,
    )
    families = ReportTable(title="Keluarga yang diusulkan", columns=FAMILY_COLUMNS,
                           rows=tuple(_family_rows(rows, labels)), empty_text=empty_text)
    paragraphs = (_meetings(rows),) if rows else ()
    sections = (
        ReportSection(title="Daftar usulan DTSEN (per anggota keluarga)", sheet_name="Usulan", tables=(members,),
                      paragraphs=paragraphs, landscape=True),
        ReportSection(title="Keluarga", sheet_name="Keluarga", tables=(families,), paragraphs=paragraphs,
                      landscape=True),
    )
    sink.progress(2, 2, "Daftar usulan selesai")
    return make_document(
        frame, request, title="DAFTAR USULAN DTSEN UNTUK OPERATOR SIKS-NG", period_label=month.label,
        sections=sections, is_empty=not rows, empty_text=empty_text,
        cover_facts=(("Jumlah keluarga", str(len(rows))), ("Jumlah anggota", str(len(members.rows))),
                     ("NIK / No. KK", "Lengkap (untuk operator SIKS-NG)")),
    )


def _decision_rows(rows: Sequence[ProposalRow], labels: _Labels) -> list[tuple[object, ...]]:
    lines: list[tuple[object, ...]] = []
    for index, row in enumerate(rows, start=1):
        head = _head(row)
        address = ", ".join(part for part in (row.address, f"RT {row.rt}/RW {row.rw}" if row.rt or row.rw else "",
                                              row.village_name) if part)
        proposal = labels.kind(row.kind)
        if row.requested_programs:
            proposal += f" – {labels.programs(row.requested_programs)}"
        lines.append((index, row.number, str(head.get("name") or row.head_name), mask_id(head.get("nik")), address,
                      len(row.members), proposal, "", "", ""))
    return lines


def build_musdes(ctx: ServiceContext, request: ReportRequest, sink: ProgressSink) -> ReportDocument:
    ctx.require(Permission.VIEW_REPORTS)
    month = request.month
    sink.progress(0, 2, "Membaca usulan untuk musdes…")
    with ctx.db.reading() as session:
        frame = report_frame(ctx, session, request)
        rows = proposals_for_musdes(session, month.first_day, month.last_day,
                                    awaiting=(ProposalStatus.SIAP_MUSDES.value,), village_code=frame.village_code)
        labels = _Labels(session)
    check_cancelled(sink)
    sink.progress(1, 2, "Menyusun daftar hadir dan keputusan…")
    empty_text = f"Tidak ada usulan DTSEN yang menunggu musdes atau dibahas pada {month.label}."
    attendance = ReportTable(
        title="Daftar hadir", columns=ATTENDANCE_COLUMNS,
        rows=tuple((number, "", "", "") for number in range(1, ATTENDANCE_ROWS + 1)), write_in=True,
    )
    decisions = ReportTable(
        title="Keputusan atas usulan", columns=DECISION_COLUMNS, rows=tuple(_decision_rows(rows, labels)),
        note="Beri tanda (✓) pada kolom DISETUJUI atau TIDAK DISETUJUI; NIK disamarkan karena dibacakan di forum.",
        empty_text=empty_text,
    )
    sections = (
        ReportSection(
            title="Daftar hadir musyawarah desa/kelurahan (musdes/muskel)", sheet_name="Daftar hadir",
            tables=(attendance,),
            paragraphs=("Hari/tanggal: ............................................",
                        "Tempat: ..................................................",
                        "Waktu: ...................................................",
                        f"Acara: pembahasan usulan DTSEN ({len(rows)} keluarga)."),
        ),
        ReportSection(title="Keputusan musdes/muskel atas usulan DTSEN", sheet_name="Keputusan",
                      tables=(decisions,), landscape=True),
    )
    signatures = (
        SignatureLine(caption="Mengetahui,", role="Kepala Desa/Lurah"),
        SignatureLine(caption="", role="Pimpinan musyawarah"),
        SignatureLine(caption="", role="Notulis"),
    )
    sink.progress(2, 2, "Lembar musdes selesai")
    return make_document(
        frame, request, title="DAFTAR HADIR DAN KEPUTUSAN MUSYAWARAH DESA/KELURAHAN", period_label=month.label,
        sections=sections, is_empty=not rows, empty_text=empty_text, signatures=signatures,
        cover_facts=(("Jumlah keluarga dibahas", str(len(rows))),),
    )
