"""The new member's data for a 'Tambah anggota' change request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from puskesos_desk.domain.casework import HEAD_RELATION, CaseworkChoices
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.ui.widgets.household.choice_widgets import combo_code, fill_combo
from puskesos_desk.ui.widgets.household.date_field import DateField
from puskesos_desk.ui.widgets.household.form_dialog import with_error
from puskesos_desk.ui.widgets.household.status_labels import SEXES, label


class NewMemberPanel(QWidget):
    def __init__(self, choices: CaseworkChoices, error_for: Callable[[str], QLabel],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)

        # Widgets
        self.edt_name = QLineEdit()
        self.edt_name.setPlaceholderText(self.tr("Nama lengkap sesuai KK/akta"))
        self.edt_nik = QLineEdit()
        self.edt_nik.setPlaceholderText(self.tr("16 angka; kosongkan bila belum ada"))
        self.edt_nik.setMaxLength(24)
        self.cmb_no_nik = QComboBox()
        fill_combo(self.cmb_no_nik, choices.items("alasan_tanpa_nik"), empty=self.tr("(punya NIK)"))
        self.cmb_sex = QComboBox()
        self.cmb_sex.addItem(self.tr("(pilih)"), None)
        for code in ("L", "P"):
            self.cmb_sex.addItem(label(SEXES, code), code)
        self.dte_birth = DateField()
        self.edt_birth_place = QLineEdit()
        self.cmb_relation = QComboBox()
        fill_combo(self.cmb_relation, [i for i in choices.items("hubungan_kk") if i.code != HEAD_RELATION],
                   empty=self.tr("(pilih)"))

        # Assemble
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        rows: tuple[tuple[str, QWidget, str], ...] = (
            (self.tr("&Nama"), self.edt_name, "new_member.name"),
            (self.tr("NI&K"), self.edt_nik, "new_member.nik"),
            (self.tr("Alasan tanpa NIK"), self.cmb_no_nik, "new_member.no_nik_reason"),
            (self.tr("&Jenis kelamin"), self.cmb_sex, "new_member.sex"),
            (self.tr("&Tanggal lahir"), self.dte_birth, "new_member.birth_date"),
            (self.tr("Tempat lahir"), self.edt_birth_place, "new_member.birth_place"),
            (self.tr("&Hubungan dgn kepala keluarga"), self.cmb_relation, "new_member.relation"),
        )
        for text, widget, key in rows:
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, with_error(widget, error_for(key)))

    def first_field(self) -> QWidget:
        return self.edt_name

    def member(self) -> MemberDraft:
        return MemberDraft(
            name=self.edt_name.text().strip(), relation=combo_code(self.cmb_relation) or "",
            sex=combo_code(self.cmb_sex) or "", birth_date=self.dte_birth.date_value(),
            birth_place=self.edt_birth_place.text().strip(), nik=self.edt_nik.text().strip(),
            no_nik_reason=combo_code(self.cmb_no_nik) or "",
        )

    def date_is_valid(self) -> bool:
        return not self.dte_birth.is_empty() and self.dte_birth.is_valid()
