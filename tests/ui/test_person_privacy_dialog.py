"""The resident's data dialog: the consent list and the summary load from the database; the copy is previewed and
saved through the PDF preview (one SUBJECT_ACCESS event naming who asked); the workbook is saved; erasure goes
through services.erasure (real module: a head with family is refused, a member without open cases is anonymised);
the front office sees the consents but none of the request buttons."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt

from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import HouseholdRecord, VisitDraft
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.visits import record_visit
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.dialogs.person_privacy_dialog import PersonPrivacyDialog
from tests.services.factories import family


def signed_in(desk: Any, username: str = "koordinator", password: str = KOORDINATOR_PASSWORD) -> ServiceContext:
    return ServiceContext(desk.db, sign_in(desk.db, username=username, password=password).actor)


def subject_access_events(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT entity_id, recipient, changes FROM audit_event WHERE action = 'SUBJECT_ACCESS' "
                            "ORDER BY seq").fetchall()
    return [(entity_id, recipient, json.loads(changes)) for entity_id, recipient, changes in rows]


@pytest.fixture
def household(desk: Any) -> HouseholdRecord:
    home = register_household(desk.cli, family()).household
    head, _wife, child = home.members
    record_visit(signed_in(desk), VisitDraft(household_id=home.id, applicant_person_id=head.id,
                                             applicant_relation="KELUARGA", purpose="Anak butuh PIP",
                                             subject_person_ids=(child.id,), consent_purposes=("FOTO_DOKUMEN",)))
    return home


def opened(qtbot: Any, ctx: ServiceContext, person_id: str) -> PersonPrivacyDialog:
    dialog = PersonPrivacyDialog(ctx, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.consents is not None, timeout=10_000)
    if ctx.actor.can(Permission.HANDLE_DATA_REQUESTS):
        qtbot.waitUntil(lambda: dialog.dossier is not None, timeout=10_000)
    return dialog


def test_consents_and_summary_of_a_child_and_the_saved_copy(qtbot: Any, desk: Any, household: HouseholdRecord,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    child = household.members[2]
    dialog = opened(qtbot, signed_in(desk), child.id)
    assert dialog.tbl_consents.rowCount() == 2
    assert dialog.tbl_consents.item(0, 3).text() == "SLAMET RIYADI (Orang tua wali)"  # the guardian, for a minor
    assert dialog.tbl_consents.item(1, 2).text() == "Foto dokumen"
    summary = {dialog.tbl_summary.item(r, 0).text(): dialog.tbl_summary.item(r, 1).text()
               for r in range(dialog.tbl_summary.rowCount())}
    assert summary["Kunjungan"] == "1" and summary["Pemberitahuan dan persetujuan"] == "2"
    assert summary["Rujukan dan hasilnya"] == "0"
    dialog.grab().save(os.environ.get("H5_SHOT", str(tmp_path / "privacy.png")))

    monkeypatch.setattr(dialog, "ask_requester", lambda: ("Slamet Riyadi (ayah)", "Memeriksa data anak"))
    target = tmp_path / "salinan.pdf"
    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", lambda _self: str(target))
    previews: list[PdfPreviewDialog] = []
    monkeypatch.setattr(dialog, "open_preview", previews.append)
    qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    (preview,) = previews
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.pages is not None and not preview.is_busy(), timeout=20_000)
    assert subject_access_events(desk.path) == []  # the preview records nothing
    with qtbot.waitSignal(preview.output_finished, timeout=20_000):
        qtbot.mouseClick(preview.btn_save, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    ((person_id, recipient, changes),) = subject_access_events(desk.path)
    assert (person_id, recipient, changes["format"]) == (child.id, "Slamet Riyadi (ayah)", "pdf")
    preview.reject()


def test_workbook_export_and_erasure_through_the_real_service(qtbot: Any, desk: Any, household: HouseholdRecord,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = signed_in(desk)
    head, wife, _child = household.members
    dialog = opened(qtbot, ctx, wife.id)
    monkeypatch.setattr(dialog, "ask_requester", lambda: ("Siti Aminah (yang bersangkutan)", ""))
    monkeypatch.setattr(dialog, "choose_save_path", lambda _suggested: tmp_path / "salinan")
    with qtbot.waitSignal(dialog.output_saved, timeout=20_000) as saved:
        qtbot.mouseClick(dialog.btn_export, Qt.MouseButton.LeftButton)
    assert saved.args == [str(tmp_path / "salinan.xlsx")] and (tmp_path / "salinan.xlsx").exists()
    assert [e[2]["format"] for e in subject_access_events(desk.path)] == ["xlsx"]

    monkeypatch.setattr(dialog, "ask_erase_reason", lambda: "Permintaan warga tanggal 2 Maret 2026")
    with qtbot.waitSignal(dialog.erased, timeout=20_000):
        qtbot.mouseClick(dialog.btn_erase, Qt.MouseButton.LeftButton)
    with sqlite3.connect(desk.path) as conn:
        (anonymised,) = conn.execute("SELECT anonymised_at FROM person WHERE id = ?", (wife.id,)).fetchone()
    assert anonymised is not None and not dialog.btn_erase.isEnabled()

    head_dialog = opened(qtbot, ctx, head.id)  # the head still has a child living with him: refused, with why
    monkeypatch.setattr(head_dialog, "ask_erase_reason", lambda: "Permintaan warga tanggal 2 Maret 2026")
    qtbot.mouseClick(head_dialog.btn_erase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kepala keluarga" in head_dialog.lbl_status.text(), timeout=20_000)
    assert head_dialog.btn_erase.isEnabled()


def test_the_front_office_sees_consents_but_no_request_buttons(qtbot: Any, desk: Any,
                                                               household: HouseholdRecord) -> None:
    dialog = opened(qtbot, signed_in(desk, "petugas.fo", FO_PASSWORD), household.members[2].id)
    assert dialog.tbl_consents.rowCount() == 2
    assert not any(b.isVisible() for b in (dialog.btn_print, dialog.btn_export, dialog.btn_erase))
    assert dialog.tbl_summary.rowCount() == 0 and dialog.dossier is None


def test_an_explicit_consent_is_withdrawn_from_the_dialog_and_the_notice_cannot_be(
        qtbot: Any, desk: Any, household: HouseholdRecord, monkeypatch: pytest.MonkeyPatch) -> None:
    child = household.members[2]
    dialog = opened(qtbot, signed_in(desk), child.id)
    dialog.tbl_consents.selectRow(0)  # the notice (public service): not a consent
    assert not dialog.btn_withdraw.isEnabled()
    dialog.tbl_consents.selectRow(1)  # the explicit consent for photos of documents
    assert dialog.btn_withdraw.isEnabled()
    monkeypatch.setattr(dialog, "ask_withdraw_reason", lambda: "Orang tua menarik persetujuan di loket")
    qtbot.mouseClick(dialog.btn_withdraw, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.tbl_consents.item(1, 8) is not None
                    and dialog.tbl_consents.item(1, 8).text() not in ("", "-"), timeout=10_000)
    with sqlite3.connect(desk.path) as conn:
        withdrawn = conn.execute("SELECT withdrawn_at FROM consent WHERE legal_basis = 'PS20A_PERSETUJUAN' AND "
                                 "person_id = ?", (child.id,)).fetchone()[0]
        reason = conn.execute("SELECT reason FROM audit_event WHERE action = 'STATUS_CHANGE' AND entity = 'consent' "
                              "ORDER BY seq DESC").fetchone()[0]
    assert withdrawn is not None and reason == "Orang tua menarik persetujuan di loket"
    dialog.tbl_consents.selectRow(1)
    assert not dialog.btn_withdraw.isEnabled()  # already withdrawn
