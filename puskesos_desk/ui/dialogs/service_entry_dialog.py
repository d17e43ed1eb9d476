"""Adding or editing one service directory entry, its fields grouped as Open Referral HSDS groups them: the agency
(Lembaga), the service (Layanan), contact and location (Kontak & lokasi), and who qualifies with what (Syarat).

Simpan emits `submitted(ServiceDraft)`; the tab saves it and hands FieldErrors back with `show_errors()`.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.domain.service_directory import MAX_RESPONSE_DAYS, MIN_RESPONSE_DAYS, ServiceDraft, ServiceEntry
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.widgets.dialog_fit import resize_within_screen
from puskesos_desk.ui.widgets.household.choice_widgets import (
    checked_codes,
    combo_code,
    fill_checklist,
    fill_combo,
    select_code,
)
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, align_labels, with_error


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class ServiceEntryDialog(FormDialog):
    def __init__(self, programs: list[CodeItem], need_domains: list[CodeItem], entry: ServiceEntry | None = None,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Ubah layanan — {code}").format(code=entry.code) if entry else self.tr("Tambah layanan")
        super().__init__(title, parent)
        self.entry = entry
        language = current_language()

        # Widgets: Lembaga
        self.edt_organization = QLineEdit()
        self.edt_organization.setObjectName("edt_organization")
        self.edt_organization.setPlaceholderText(self.tr("Misalnya: Dinas Sosial Kabupaten Semarang"))
        self.cmb_kind = QComboBox()
        self.cmb_kind.setObjectName("cmb_kind")
        kinds = [CodeItem("pemerintah_pusat", self.tr("Pemerintah pusat"), ""),
                 CodeItem("pemda", self.tr("Pemerintah daerah"), ""), CodeItem("desa", self.tr("Pemerintah desa"), ""),
                 CodeItem("non_pemerintah", self.tr("Lembaga non-pemerintah"), "")]
        fill_combo(self.cmb_kind, kinds, empty=self.tr("(pilih jenis lembaga)"))
        self.edt_supplied_by = QLineEdit()
        self.edt_supplied_by.setObjectName("edt_supplied_by")
        self.edt_supplied_by.setPlaceholderText(self.tr("Kosongkan: sekretariat ini dicatat sebagai sumber"))
        # Layanan
        self.edt_code = QLineEdit()
        self.edt_code.setObjectName("edt_code")
        self.edt_code.setPlaceholderText(self.tr("Misalnya: DINSOS-RUTILAHU"))
        self.edt_name = QLineEdit()
        self.edt_name.setObjectName("edt_name")
        self.cmb_program = QComboBox()
        self.cmb_program.setObjectName("cmb_program")
        fill_combo(self.cmb_program, programs, empty=self.tr("(tanpa program)"))
        # Programme names are long; the list that drops down shows them whole.
        self.cmb_program.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cmb_program.setMinimumContentsLength(18)
        self.lst_domains = QListWidget()
        self.lst_domains.setObjectName("lst_domains")
        self.lst_domains.setAccessibleName(self.tr("Bidang kebutuhan"))
        fill_checklist(self.lst_domains, [(d.code, d.label(language)) for d in need_domains],
                       entry.draft.need_domains if entry else ())
        self.lst_domains.setFixedHeight(110)
        self.edt_description = _text_box(60)
        self.edt_description.setObjectName("edt_description")
        self.spn_days = QSpinBox()
        self.spn_days.setObjectName("spn_days")
        self.spn_days.setRange(MIN_RESPONSE_DAYS, MAX_RESPONSE_DAYS)
        self.spn_days.setValue(10)
        self.spn_days.setSuffix(self.tr(" hari kerja"))
        # Kontak & lokasi
        self.edt_address = _text_box(48)
        self.edt_address.setObjectName("edt_address")
        self.edt_region = QLineEdit()
        self.edt_region.setObjectName("edt_region")
        self.edt_region.setPlaceholderText(self.tr("Kode Kemendagri, misalnya 33.22 atau 33.22.18"))
        self.edt_contact = QLineEdit()
        self.edt_contact.setObjectName("edt_contact")
        self.edt_phone = QLineEdit()
        self.edt_phone.setObjectName("edt_phone")
        self.edt_email = QLineEdit()
        self.edt_email.setObjectName("edt_email")
        self.edt_url = QLineEdit()
        self.edt_url.setObjectName("edt_url")
        self.edt_hours = QLineEdit()
        self.edt_hours.setObjectName("edt_hours")
        self.edt_hours.setPlaceholderText(self.tr("Misalnya: Senin–Jumat 08.00–15.00"))
        # Syarat
        self.edt_eligibility = _text_box(60)
        self.edt_eligibility.setObjectName("edt_eligibility")
        self.edt_documents = _text_box(72)
        self.edt_documents.setObjectName("edt_documents")
        self.edt_documents.setPlaceholderText(self.tr("Satu dokumen per baris"))
        self.chk_consent = QCheckBox(self.tr("Perlu persetujuan tertulis warga"))
        self.chk_consent.setToolTip(self.tr("Perlu persetujuan tertulis warga sebelum data dibagikan"))
        self.chk_consent.setObjectName("chk_consent")
        self.chk_full_ids = QCheckBox(self.tr("Lembaga memerlukan NIK dan No. KK lengkap"))
        self.chk_full_ids.setToolTip(self.tr("Lembaga memerlukan NIK dan No. KK lengkap di slip"))
        self.chk_full_ids.setObjectName("chk_full_ids")

        # Assemble
        agency = QFormLayout()
        agency.addRow(self.tr("&Nama lembaga"), with_error(self.edt_organization, self.error_for("organization")))
        agency.addRow(self.tr("&Jenis lembaga"), with_error(self.cmb_kind, self.error_for("organization_kind")))
        agency.addRow(self.tr("Sumber &data"), with_error(self.edt_supplied_by, self.error_for("supplied_by")))
        service = QFormLayout()
        service.addRow(self.tr("&Kode"), with_error(self.edt_code, self.error_for("code")))
        service.addRow(self.tr("Nama &layanan"), with_error(self.edt_name, self.error_for("service_name")))
        service.addRow(self.tr("&Program"), with_error(self.cmb_program, self.error_for("program_code")))
        service.addRow(self.tr("&Bidang kebutuhan"), with_error(self.lst_domains, self.error_for("need_domains")))
        service.addRow(self.tr("&Uraian"), with_error(self.edt_description, self.error_for("description")))
        service.addRow(self.tr("&Waktu jawaban"), with_error(self.spn_days, self.error_for("response_days")))
        contact = QFormLayout()
        contact.addRow(self.tr("&Alamat"), with_error(self.edt_address, self.error_for("address")))
        contact.addRow(self.tr("Kode &wilayah"), with_error(self.edt_region, self.error_for("region_code")))
        contact.addRow(self.tr("Nama k&ontak"), with_error(self.edt_contact, self.error_for("contact_name")))
        contact.addRow(self.tr("&Telepon"), with_error(self.edt_phone, self.error_for("phone")))
        contact.addRow(self.tr("&Email"), with_error(self.edt_email, self.error_for("email")))
        contact.addRow(self.tr("&Situs web"), with_error(self.edt_url, self.error_for("url")))
        contact.addRow(self.tr("&Jam layanan"), with_error(self.edt_hours, self.error_for("hours")))
        terms = QFormLayout()
        terms.addRow(self.tr("&Syarat penerima"), with_error(self.edt_eligibility, self.error_for("eligibility")))
        terms.addRow(self.tr("&Dokumen"), with_error(self.edt_documents, self.error_for("required_documents")))
        terms.addRow(self.chk_consent)
        terms.addRow(self.chk_full_ids)
        align_labels(agency, contact)
        # Three columns (the agency with its contact, the service, who qualifies) keep the dialog within a 1366×768
        # screen at 125 % scaling; two columns were 730 px tall.
        grid = QGridLayout()
        terms.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the text boxes get the column's width
        for caption, form, row, column in ((self.tr("Lembaga"), agency, 0, 0),
                                           (self.tr("Kontak && lokasi"), contact, 1, 0),
                                           (self.tr("Layanan"), service, 0, 1), (self.tr("Syarat"), terms, 0, 2)):
            group = QGroupBox(caption)
            column_layout = QVBoxLayout(group)
            column_layout.addLayout(form)
            column_layout.addStretch(1)  # fields keep their height at the top; the room left stays below
            grid.addWidget(group, row, column, 1 if row or column == 0 else 2, 1)
        for column, stretch in enumerate((2, 3, 2)):  # the service's list and description get the most room
            grid.setColumnStretch(column, stretch)
        layout = QVBoxLayout(self)
        if entry is not None and entry.is_example:
            note = QLabel(self.tr("Ini contoh bawaan aplikasi. Setelah disimpan, layanan ini dicatat sebagai sudah "
                                  "dipastikan dengan lembaganya."))
            note.setObjectName("lbl_hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(grid)
        layout.addLayout(self.button_row())
        resize_within_screen(self, QSize(1200, 0))  # wider than Qt's first size (⅔ of the screen); as tall as needed
        if entry is not None:
            self._fill(entry)
        (self.edt_organization if entry else self.edt_code).setFocus()

    def _fill(self, entry: ServiceEntry) -> None:
        draft = entry.draft
        self.edt_code.setText(draft.code)
        self.edt_code.setReadOnly(True)  # referrals and slips at the villages carry the code
        self.edt_code.setToolTip(self.tr("Kode layanan tidak dapat diubah."))
        self.edt_name.setText(draft.service_name)
        self.edt_organization.setText(draft.organization)
        select_code(self.cmb_kind, draft.organization_kind)
        self.edt_supplied_by.setText(draft.supplied_by)
        select_code(self.cmb_program, draft.program_code)
        self.edt_description.setPlainText(draft.description)
        self.spn_days.setValue(draft.response_days)
        self.edt_address.setPlainText(draft.address)
        self.edt_region.setText(draft.region_code or "")
        self.edt_contact.setText(draft.contact_name)
        self.edt_phone.setText(draft.phone or "")
        self.edt_email.setText(draft.email or "")
        self.edt_url.setText(draft.url or "")
        self.edt_hours.setText(draft.hours)
        self.edt_eligibility.setPlainText(draft.eligibility)
        self.edt_documents.setPlainText("\n".join(draft.required_documents))
        self.chk_consent.setChecked(draft.needs_explicit_consent)
        self.chk_full_ids.setChecked(draft.needs_full_ids)

    def focus_first_error(self) -> None:
        for key, widget in (("organization", self.edt_organization), ("organization_kind", self.cmb_kind),
                            ("code", self.edt_code), ("service_name", self.edt_name),
                            ("program_code", self.cmb_program), ("need_domains", self.lst_domains),
                            ("response_days", self.spn_days), ("region_code", self.edt_region),
                            ("phone", self.edt_phone), ("email", self.edt_email), ("url", self.edt_url)):
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def build_draft(self) -> ServiceDraft:
        return ServiceDraft(
            code=self.edt_code.text(), service_name=self.edt_name.text(), organization=self.edt_organization.text(),
            organization_kind=combo_code(self.cmb_kind) or "", program_code=combo_code(self.cmb_program),
            address=self.edt_address.toPlainText(), region_code=self.edt_region.text(),
            contact_name=self.edt_contact.text(), phone=self.edt_phone.text(), email=self.edt_email.text(),
            url=self.edt_url.text(), hours=self.edt_hours.text(), description=self.edt_description.toPlainText(),
            eligibility=self.edt_eligibility.toPlainText(),
            required_documents=tuple(self.edt_documents.toPlainText().splitlines()),
            need_domains=checked_codes(self.lst_domains), response_days=self.spn_days.value(),
            needs_explicit_consent=self.chk_consent.isChecked(), needs_full_ids=self.chk_full_ids.isChecked(),
            supplied_by=self.edt_supplied_by.text(),
        )
