"""Buat rujukan: refer a resident to a service of the directory, from a need, a complaint, or for a member.

The services that fit the case come first (a need's domain, a complaint's programme). The officer checks the
service's card, says what is asked of it, summarises the problem, ticks the documents the resident brings, and
decides whether the letter shows NIK and No. KK in full. The referral is saved as a draft; the letter number is
given on saving and the Koordinator approves it before it is printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.casework import CaseworkChoices, ComplaintRecord, HouseholdDetail, NeedRecord
from puskesos_desk.domain.reference import ServiceItem
from puskesos_desk.domain.referrals import ReferralDraft
from puskesos_desk.services.referrals import MAX_SUMMARY, needs_consent
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.widgets.dialog_fit import resize_within_screen
from puskesos_desk.ui.widgets.household.choice_widgets import checked_codes, combo_code, fill_checklist, select_code
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog
from puskesos_desk.ui.widgets.household.service_picker import ServiceCard, ServicePicker

PREFERRED_WIDTH = 1160


def hint(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName("lbl_hint")
    widget.setWordWrap(True)
    return widget


class ReferralDialog(FormDialog):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, services: Sequence[ServiceItem], *,
                 need: NeedRecord | None = None, complaint: ComplaintRecord | None = None,
                 person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Buat rujukan — {number}").format(number=detail.household.number), parent)
        self.detail = detail
        self.need = need
        self.complaint = complaint
        self._requested_auto = ""  # the text the field was prefilled with, replaced while the officer keeps it
        language = current_language()

        # Widgets
        self.lbl_source = hint(self._source_text(choices, language))
        self.cmb_person = QComboBox()
        for member in detail.present_members():
            self.cmb_person.addItem(member.name, member.id)
        subject = (need.person_id if need else None) or (complaint.person_id if complaint else None) or person_id
        select_code(self.cmb_person, subject or detail.household.head_person_id)
        self.pck_service = ServicePicker()
        self.crd_service = ServiceCard()
        self.edt_requested = QLineEdit()
        self.edt_requested.setPlaceholderText(self.tr("Misalnya: aktivasi kembali kepesertaan PBI-JK"))
        self.edt_summary = QPlainTextEdit()
        self.edt_summary.setTabChangesFocus(True)
        self.edt_summary.setFixedHeight(96)
        self.edt_summary.setPlaceholderText(self.tr("Masalah warga secara singkat, untuk petugas lembaga tujuan"))
        self.edt_summary.setPlainText((need.description if need else "") or (complaint.description if complaint
                                                                             else ""))
        self.lbl_count = hint()
        self.lst_documents = QListWidget()
        self.lst_documents.setAccessibleName(self.tr("Dokumen yang dibawa"))
        self.lst_documents.setFixedHeight(112)
        self.lbl_no_documents = hint(self.tr("Layanan ini tidak mensyaratkan dokumen."))
        self.chk_full_ids = QCheckBox(self.tr("Cantumkan NIK dan No. KK lengkap di surat"))
        self.lbl_full_ids = hint()
        self.lbl_consent = hint(self.tr("Lembaga non-pemerintah: perlu persetujuan warga yang tercatat. Data warga "
                                        "hanya boleh dibagikan bila persetujuan \"rujukan non-pemerintah\" sudah "
                                        "dicatat pada kunjungannya."))
        self.lbl_consent.setProperty("warning", True)
        self.lbl_number = hint(self.tr("Nomor surat diberikan saat disimpan. Rujukan disimpan sebagai draf dan "
                                       "dicetak setelah disetujui Koordinator."))

        # Signals
        self.pck_service.service_changed.connect(self.crd_service.show_service)
        self.pck_service.service_changed.connect(self._on_pck_service_service_changed)
        self.pck_service.service_chosen.connect(self._on_pck_service_service_chosen)
        self.edt_summary.textChanged.connect(self._on_edt_summary_text_changed)
        self.chk_full_ids.toggled.connect(self._on_chk_full_ids_toggled)

        # Assemble: who and where to (the list), what the officer must check (the card), what the letter says.
        who = QVBoxLayout()
        who.addWidget(self.lbl_source)
        self._field(who, self.tr("&Warga yang dirujuk"), self.cmb_person, "person_id")
        self._field(who, self.tr("&Layanan tujuan"), self.pck_service, "service_id", buddy=self.pck_service.edt_filter,
                    stretch=1)
        check = QVBoxLayout()
        check.addWidget(QLabel(self.tr("Tentang layanan ini")))
        check.addWidget(self.crd_service, 1)
        check.addWidget(self.lbl_consent)
        letter = QVBoxLayout()
        self._field(letter, self.tr("Layanan yang &dimohon"), self.edt_requested, "requested_service")
        self._field(letter, self.tr("&Ringkasan masalah"), self.edt_summary, "problem_summary", below=self.lbl_count)
        self._field(letter, self.tr("D&okumen yang dibawa"), self.lst_documents, "documents_attached",
                    below=self.lbl_no_documents)
        letter.addWidget(self.chk_full_ids)
        letter.addWidget(self.lbl_full_ids)
        letter.addStretch(1)
        letter.addWidget(self.lbl_number)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(who, 10)
        columns.addLayout(check, 9)
        columns.addLayout(letter, 12)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_for("consent"))  # a banner: the refusal concerns the whole referral
        layout.addLayout(columns, 1)
        layout.addLayout(self.button_row())
        # Three columns read best at 1160 px; a 1366×768 screen at 125 % has 1093, and the columns still fit there.
        resize_within_screen(self, QSize(PREFERRED_WIDTH, 0))

        preferred, marker = self._preferred(services)
        self.pck_service.set_services(services, preferred, marker)
        self.crd_service.show_service(self.pck_service.current())
        self._on_pck_service_service_changed(self.pck_service.current())
        self._on_edt_summary_text_changed()
        # The resident is usually prefilled from the case, so typing starts in the service search.
        if self.cmb_person.currentIndex() >= 0:
            self.pck_service.edt_filter.setFocus()
        else:
            self.cmb_person.setFocus()

    def _field(self, column: QVBoxLayout, caption: str, widget: QWidget, key: str, *, buddy: QWidget | None = None,
               below: QWidget | None = None, stretch: int = 0) -> None:
        """A caption above the field (with its mnemonic), the field, an optional hint, and its error line."""
        label = QLabel(caption)
        label.setBuddy(buddy or widget)
        column.addWidget(label)
        column.addWidget(widget, stretch)
        if below is not None:
            column.addWidget(below)
        column.addWidget(self.error_for(key))
        column.addSpacing(4)

    def _source_text(self, choices: CaseworkChoices, language: str) -> str:
        if self.need is not None:
            return self.tr("Dari kebutuhan {number}: {domain}").format(
                number=self.need.number, domain=choices.label("need_domain", self.need.domain_code, language))
        if self.complaint is not None:
            return self.tr("Dari keluhan {number}: {category}").format(
                number=self.complaint.number,
                category=choices.label("complaint_category", self.complaint.category_code, language))
        return self.tr("Rujukan tanpa kebutuhan atau keluhan yang tercatat")

    def _preferred(self, services: Sequence[ServiceItem]) -> tuple[list[str], str]:
        """The services that fit the case, best fit first, and the words that mark them in the list. The best fit
        is chosen for the officer, so it should be the one a referral usually goes to: the programme the need
        proposes, then a service that needs no explicit consent (a non-government one is refused until consent is
        recorded), then one whose main field is the need's (the directory lists a service's fields main first)."""
        if self.need is not None:
            domain, program = self.need.domain_code, self.need.proposed_program
            fitting = [s for s in services if domain in s.need_domains]
            fitting.sort(key=lambda s: (bool(program) and s.program_code != program,
                                        needs_consent(s.organization_kind, s.needs_explicit_consent),
                                        s.need_domains.index(domain), s.name.casefold()))
            return [s.id for s in fitting], self.tr("sesuai kebutuhan")
        if self.complaint is not None and self.complaint.program_code:
            fitting = [s for s in services if s.program_code == self.complaint.program_code]
            fitting.sort(key=lambda s: (needs_consent(s.organization_kind, s.needs_explicit_consent),
                                        s.name.casefold()))
            return [s.id for s in fitting], self.tr("sesuai keluhan")
        return [], ""

    # --- reactions ---------------------------------------------------------------------------------------------------

    def _on_pck_service_service_changed(self, service: ServiceItem | None) -> None:
        requested = self.edt_requested.text().strip()
        if service is not None and requested in ("", self._requested_auto):
            self._requested_auto = service.name
            self.edt_requested.setText(service.name)
        documents = service.required_documents if service else ()
        fill_checklist(self.lst_documents, [(name, name) for name in documents])
        self.lst_documents.setVisible(bool(documents))
        self.lbl_no_documents.setVisible(service is not None and not documents)
        self.chk_full_ids.setEnabled(service is not None)
        self.chk_full_ids.setChecked(bool(service and service.needs_full_ids))
        self._on_chk_full_ids_toggled(self.chk_full_ids.isChecked())
        self.lbl_consent.setVisible(service is not None
                                    and needs_consent(service.organization_kind, service.needs_explicit_consent))

    def _on_pck_service_service_chosen(self) -> None:
        self.edt_requested.setFocus()
        self.edt_requested.selectAll()

    def _on_chk_full_ids_toggled(self, checked: bool) -> None:
        service = self.pck_service.current()
        if checked:
            text = self.tr("NIK dan No. KK dicetak lengkap; hanya bila lembaga tujuan memerlukannya.")
        else:
            text = self.tr("Tanpa centang, NIK dan No. KK disamarkan di surat (misalnya 3322••••••••0001).")
        if service is not None and service.needs_full_ids:
            text += " " + self.tr("Lembaga ini memerlukan NIK dan No. KK lengkap.")
        self.lbl_full_ids.setText(text)

    def _on_edt_summary_text_changed(self) -> None:
        length = len(self.edt_summary.toPlainText().strip())
        self.lbl_count.setText(self.tr("{n} / {limit} karakter").format(n=length, limit=MAX_SUMMARY))
        self.lbl_count.setProperty("warning", length > MAX_SUMMARY)
        self.lbl_count.style().unpolish(self.lbl_count)
        self.lbl_count.style().polish(self.lbl_count)

    # --- saving ------------------------------------------------------------------------------------------------------

    def focus_first_error(self) -> None:
        for key, widget in (("person_id", self.cmb_person), ("service_id", self.pck_service.lst_services),
                            ("requested_service", self.edt_requested), ("problem_summary", self.edt_summary),
                            ("documents_attached", self.lst_documents)):
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def build_draft(self) -> ReferralDraft | None:
        person_id = combo_code(self.cmb_person)
        service = self.pck_service.current()
        missing = {}
        if person_id is None:
            missing["person_id"] = self.tr("Pilih warga yang dirujuk.")
        if service is None:
            missing["service_id"] = self.tr("Pilih layanan tujuan dari daftar.")
        if missing or service is None or person_id is None:
            self.show_errors(missing)
            return None
        source = self.need or self.complaint
        return ReferralDraft(
            household_id=self.detail.household.id, person_id=person_id, service_id=service.id,
            requested_service=self.edt_requested.text().strip(),
            problem_summary=self.edt_summary.toPlainText().strip(),
            documents_attached=checked_codes(self.lst_documents),
            visit_id=source.visit_id if source else None,
            need_id=self.need.id if self.need else None,
            complaint_id=self.complaint.id if self.complaint else None,
            full_ids_on_slip=self.chk_full_ids.isChecked(),
        )
