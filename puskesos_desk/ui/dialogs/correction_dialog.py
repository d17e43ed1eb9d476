"""Correcting a registered person's or household's facts (services/corrections.py): a form prefilled from the
database, a required reason, and a save that runs off the GUI thread (ui/dialogs/correction_base.py).

The NIK and No. KK are shown masked: the field for the number stays empty unless the number itself is corrected, so
opening the form never unmasks them. Specific data appears only for roles that may see it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from puskesos_desk.domain.corrections import (
    HouseholdCorrection,
    HouseholdForCorrection,
    PersonCorrection,
    PersonForCorrection,
    SpecificCorrection,
)
from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.corrections import (
    correct_household,
    correct_person,
    household_for_correction,
    person_for_correction,
)
from puskesos_desk.services.reference import code_lists
from puskesos_desk.ui.dialogs.correction_base import CorrectionDialog
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.widgets.household.date_field import DateField
from puskesos_desk.ui.widgets.household.form_dialog import with_error

PERSON_LISTS = ("jenis_kelamin", "status_kawin", "agama", "pendidikan", "status_sekolah", "pekerjaan",
                "kewarganegaraan", "alasan_tanpa_nik", "disabilitas_jenis")
HOUSEHOLD_LISTS = ("alasan_tanpa_kk",)
DISABILITY_COLUMNS = 3


class PersonCorrectionDialog(CorrectionDialog):
    def __init__(self, ctx: ServiceContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Koreksi data warga"), parent)
        self.person_id = person_id
        self.setMinimumWidth(800)

        # Widgets
        self.lbl_nik_now = QLabel()
        self.edt_nik = QLineEdit()
        self.edt_nik.setMaxLength(24)
        self.edt_nik.setPlaceholderText(self.tr("Kosongkan bila NIK tidak berubah"))
        self.cmb_no_nik_reason = QComboBox()
        self.edt_name = QLineEdit()
        self.edt_birth_place = QLineEdit()
        self.edt_birth_date = DateField()
        self.cmb_sex, self.cmb_marital, self.cmb_religion = QComboBox(), QComboBox(), QComboBox()
        self.cmb_education, self.cmb_school, self.cmb_occupation = QComboBox(), QComboBox(), QComboBox()
        self.cmb_citizenship = QComboBox()
        self.edt_phone = QLineEdit()
        self.grp_specific = QGroupBox(self.tr("Data spesifik (hanya petugas berwenang)"))
        self.chk_disability: dict[str, QCheckBox] = {}
        self.grd_disability = QGridLayout()
        self.edt_illness = QLineEdit()
        self.chk_pregnant = QCheckBox(self.tr("Sedang hamil"))
        self.edt_due_date = DateField()
        self.lbl_specific_hidden = QLabel(self.tr("Data spesifik (disabilitas, penyakit, kehamilan) tidak ditampilkan "
                                                  "untuk akun ini dan tidak ikut diubah."))
        self.lbl_specific_hidden.setObjectName("lbl_hint")
        self.lbl_specific_hidden.setWordWrap(True)
        self.lbl_specific_hidden.setVisible(False)

        # Signals
        self.edt_nik.textChanged.connect(self._on_edt_nik_text_changed)
        self.chk_pregnant.toggled.connect(self.edt_due_date.setEnabled)

        # Assemble
        identity = QFormLayout()
        identity.addRow(self.tr("NIK tercatat"), self.lbl_nik_now)
        identity.addRow(self.tr("&NIK baru"), with_error(self.edt_nik, self.error_for("nik")))
        identity.addRow(self.tr("Alasan tanpa NIK"), self.cmb_no_nik_reason)
        identity.addRow(self.tr("Na&ma"), with_error(self.edt_name, self.error_for("name")))
        identity.addRow(self.tr("Tempat lahir"), self.edt_birth_place)
        identity.addRow(self.tr("Tanggal &lahir"), with_error(self.edt_birth_date, self.error_for("birth_date")))
        identity.addRow(self.tr("Jenis kelamin"), with_error(self.cmb_sex, self.error_for("sex")))
        details = QFormLayout()
        details.addRow(self.tr("Status kawin"), self.cmb_marital)
        details.addRow(self.tr("Agama"), self.cmb_religion)
        details.addRow(self.tr("Pendidikan"), self.cmb_education)
        details.addRow(self.tr("Status sekolah"), self.cmb_school)
        details.addRow(self.tr("Pekerjaan"), self.cmb_occupation)
        details.addRow(self.tr("Kewarganegaraan"), with_error(self.cmb_citizenship, self.error_for("citizenship")))
        details.addRow(self.tr("Telepon"), with_error(self.edt_phone, self.error_for("phone")))
        columns = QGridLayout()
        columns.addLayout(identity, 0, 0)
        columns.addLayout(details, 0, 1)
        top = QWidget()
        top.setLayout(columns)
        specific = QFormLayout(self.grp_specific)
        specific.addRow(self.tr("Disabilitas"), self.grd_disability)
        specific.addRow(self.tr("Penyakit kronis"), self.edt_illness)
        # The pregnancy and its due date on one line, the disabilities three to a row: the dialog then fits a
        # 1366×768 screen at 125 % scaling.
        pregnancy = QHBoxLayout()
        pregnancy.addWidget(with_error(self.chk_pregnant, self.error_for("pregnant")))
        pregnancy.addSpacing(16)
        lbl_due = QLabel(self.tr("Perkiraan lahir"))
        lbl_due.setBuddy(self.edt_due_date)
        pregnancy.addWidget(lbl_due)
        pregnancy.addWidget(self.edt_due_date)
        pregnancy.addStretch(1)
        specific.addRow(self.tr("Kehamilan"), pregnancy)
        self.assemble(top, self.grp_specific, self.lbl_specific_hidden)
        self.load()

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"nik": self.edt_nik, "name": self.edt_name, "birth_date": self.edt_birth_date, "sex": self.cmb_sex,
                "citizenship": self.cmb_citizenship, "phone": self.edt_phone, "pregnant": self.chk_pregnant,
                "reason": self.cmb_reason}

    def fetch(self) -> tuple[PersonForCorrection, dict[str, list[CodeItem]]]:
        return person_for_correction(self.ctx, self.person_id), code_lists(self.ctx, *PERSON_LISTS)

    def fill(self, loaded: PersonForCorrection) -> None:
        now = loaded.current
        where = self.tr("keluarga {number}").format(number=loaded.household_number) if loaded.household_number \
            else self.tr("tanpa keluarga")
        self.lbl_about.setText(f"{now.name} · {where}")
        self.lbl_nik_now.setText(loaded.masked_nik or self.tr("(tidak ada NIK)"))
        self.edt_nik.clear()
        self.fill_combo(self.cmb_no_nik_reason, "alasan_tanpa_nik", self.tr("(NIK tidak berubah)"),
                        "" if loaded.masked_nik else now.no_nik_reason)
        self.edt_name.setText(now.name)
        self.edt_birth_place.setText(now.birth_place)
        self.edt_birth_date.set_date(now.birth_date)
        self.fill_combo(self.cmb_sex, "jenis_kelamin", "–", now.sex)
        self.fill_combo(self.cmb_marital, "status_kawin", "–", now.marital_status)
        self.fill_combo(self.cmb_religion, "agama", "–", now.religion)
        self.fill_combo(self.cmb_education, "pendidikan", "–", now.education)
        self.fill_combo(self.cmb_school, "status_sekolah", "–", now.school_status)
        self.fill_combo(self.cmb_occupation, "pekerjaan", "–", now.occupation)
        self.fill_combo(self.cmb_citizenship, "kewarganegaraan", None, now.citizenship)
        self.edt_phone.setText(now.phone)
        self.grp_specific.setVisible(loaded.specific_shown)
        self.lbl_specific_hidden.setVisible(not loaded.specific_shown)
        if now.specific is not None:
            self._fill_specific(now.specific)
        self.edt_name.setFocus()

    def _fill_specific(self, specific: SpecificCorrection) -> None:
        for box in self.chk_disability.values():
            self.grd_disability.removeWidget(box)
            box.deleteLater()
        self.chk_disability = {}
        for position, item in enumerate(self.lists.get("disabilitas_jenis", [])):
            box = QCheckBox(item.label(current_language()))
            box.setChecked(item.code in specific.disability)
            self.chk_disability[item.code] = box
            self.grd_disability.addWidget(box, position // DISABILITY_COLUMNS, position % DISABILITY_COLUMNS)
        self.edt_illness.setText(specific.chronic_illness)
        self.chk_pregnant.setChecked(bool(specific.pregnant))
        self.edt_due_date.set_date(specific.due_date)
        self.edt_due_date.setEnabled(bool(specific.pregnant))

    def _on_edt_nik_text_changed(self, text: str) -> None:
        self.cmb_no_nik_reason.setEnabled(not text.strip())

    def build_draft(self) -> PersonCorrection | None:
        if self.loaded is None:
            return None
        bad_date = not self.edt_birth_date.is_valid()
        if bad_date:
            self.error_for("birth_date").setText(self.tr("Tanggal tidak dikenali; ketik seperti 15/05/1980."))
            self.error_for("birth_date").setVisible(True)
        if self.reason_missing() or bad_date:
            return None
        now: PersonCorrection = self.loaded.current
        typed_nik = self.edt_nik.text().strip()
        no_nik_reason = str(self.cmb_no_nik_reason.currentData() or "")
        nik: str | None = typed_nik if typed_nik else ("" if no_nik_reason else None)
        if nik == "" and not self.loaded.masked_nik and no_nik_reason == now.no_nik_reason:
            nik = None  # still no NIK, for the same reason
        specific = None
        if self.loaded.specific_shown and now.specific is not None:
            # An unticked box keeps "not recorded" (None) as it was; it only says "not pregnant" over a recorded value.
            pregnant = True if self.chk_pregnant.isChecked() else (None if now.specific.pregnant is None else False)
            specific = SpecificCorrection(
                disability=tuple(code for code, box in self.chk_disability.items() if box.isChecked()),
                chronic_illness=self.edt_illness.text().strip(), pregnant=pregnant,
                due_date=self.edt_due_date.date_value() if pregnant else None,
            )
        return PersonCorrection(
            expected_version=now.expected_version, reason=self.reason(), name=self.edt_name.text(),
            sex=str(self.cmb_sex.currentData() or ""), birth_date=self.edt_birth_date.date_value(),
            birth_place=self.edt_birth_place.text(), nik=nik, no_nik_reason=no_nik_reason,
            marital_status=str(self.cmb_marital.currentData() or ""),
            religion=str(self.cmb_religion.currentData() or ""),
            education=str(self.cmb_education.currentData() or ""),
            school_status=str(self.cmb_school.currentData() or ""),
            occupation=str(self.cmb_occupation.currentData() or ""), phone=self.edt_phone.text(),
            citizenship=str(self.cmb_citizenship.currentData() or "WNI"), specific=specific,
        )

    def save(self, draft: PersonCorrection) -> Any:
        return correct_person(self.ctx, self.person_id, draft)


class HouseholdCorrectionDialog(CorrectionDialog):
    def __init__(self, ctx: ServiceContext, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Koreksi data keluarga"), parent)
        self.household_id = household_id
        self.setMinimumWidth(520)

        # Widgets
        self.lbl_kk_now = QLabel()
        self.edt_kk = QLineEdit()
        self.edt_kk.setMaxLength(24)
        self.edt_kk.setPlaceholderText(self.tr("Kosongkan bila No. KK tidak berubah"))
        self.cmb_no_kk_reason = QComboBox()
        self.edt_address = QLineEdit()
        self.edt_rt, self.edt_rw = QLineEdit(), QLineEdit()
        for small in (self.edt_rt, self.edt_rw):
            small.setMaxLength(3)
            small.setFixedWidth(64)
        self.edt_hamlet = QLineEdit()
        self.edt_postal_code = QLineEdit()
        self.edt_postal_code.setMaxLength(5)
        self.edt_postal_code.setFixedWidth(80)
        self.edt_phone = QLineEdit()

        # Signals
        self.edt_kk.textChanged.connect(self._on_edt_kk_text_changed)

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("No. KK tercatat"), self.lbl_kk_now)
        form.addRow(self.tr("No. &KK baru"), with_error(self.edt_kk, self.error_for("kk_number")))
        form.addRow(self.tr("Alasan tanpa KK"), self.cmb_no_kk_reason)
        form.addRow(self.tr("Ala&mat"), with_error(self.edt_address, self.error_for("address")))
        form.addRow(self.tr("RT"), with_error(self.edt_rt, self.error_for("rt")))
        form.addRow(self.tr("RW"), with_error(self.edt_rw, self.error_for("rw")))
        form.addRow(self.tr("Dusun"), self.edt_hamlet)
        form.addRow(self.tr("Kode pos"), with_error(self.edt_postal_code, self.error_for("postal_code")))
        form.addRow(self.tr("Telepon"), with_error(self.edt_phone, self.error_for("phone")))
        self.assemble(form)
        self.load()

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"kk_number": self.edt_kk, "address": self.edt_address, "rt": self.edt_rt, "rw": self.edt_rw,
                "postal_code": self.edt_postal_code, "phone": self.edt_phone, "reason": self.cmb_reason}

    def fetch(self) -> tuple[HouseholdForCorrection, dict[str, list[CodeItem]]]:
        return household_for_correction(self.ctx, self.household_id), code_lists(self.ctx, *HOUSEHOLD_LISTS)

    def fill(self, loaded: HouseholdForCorrection) -> None:
        now = loaded.current
        self.lbl_about.setText(self.tr("Keluarga {number} · kepala keluarga {name}").format(
            number=loaded.number, name=loaded.head_name))
        self.lbl_kk_now.setText(loaded.masked_kk or self.tr("(tidak ada No. KK)"))
        self.edt_kk.clear()
        self.fill_combo(self.cmb_no_kk_reason, "alasan_tanpa_kk", self.tr("(No. KK tidak berubah)"),
                        "" if loaded.masked_kk else now.no_kk_reason)
        self.edt_address.setText(now.address)
        self.edt_rt.setText(now.rt)
        self.edt_rw.setText(now.rw)
        self.edt_hamlet.setText(now.hamlet)
        self.edt_postal_code.setText(now.postal_code)
        self.edt_phone.setText(now.phone)
        self.edt_address.setFocus()

    def _on_edt_kk_text_changed(self, text: str) -> None:
        self.cmb_no_kk_reason.setEnabled(not text.strip())

    def build_draft(self) -> HouseholdCorrection | None:
        if self.loaded is None or self.reason_missing():
            return None
        now: HouseholdCorrection = self.loaded.current
        typed_kk = self.edt_kk.text().strip()
        no_kk_reason = str(self.cmb_no_kk_reason.currentData() or "")
        kk: str | None = typed_kk if typed_kk else ("" if no_kk_reason else None)
        if kk == "" and not self.loaded.masked_kk and no_kk_reason == now.no_kk_reason:
            kk = None
        return HouseholdCorrection(
            expected_version=now.expected_version, reason=self.reason(), address=self.edt_address.text(),
            rt=self.edt_rt.text(), rw=self.edt_rw.text(), hamlet=self.edt_hamlet.text(), kk_number=kk,
            no_kk_reason=no_kk_reason, postal_code=self.edt_postal_code.text(), phone=self.edt_phone.text(),
        )

    def save(self, draft: HouseholdCorrection) -> Any:
        return correct_household(self.ctx, self.household_id, draft)
