"""Recording a visit: channel, who came and their relation, the persons concerned, the purpose, and the privacy
notice (required) with explicit consent where the service goes beyond the government's own (UU PDP Ps. 20–25)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.casework import CONSENT_METHODS, EXPLICIT_CONSENT_PURPOSES, CaseworkChoices, HouseholdDetail
from puskesos_desk.domain.enums import VisitChannel
from puskesos_desk.domain.records import VisitDraft
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.widgets.household.choice_widgets import (
    checked_codes,
    combo_code,
    fill_checklist,
    fill_combo,
    select_code,
)
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error
from puskesos_desk.ui.widgets.household.status_labels import CONSENT_METHODS as METHOD_NAMES
from puskesos_desk.ui.widgets.household.status_labels import CONSENT_PURPOSES, label

ADULT_AGE = 18


class VisitDialog(FormDialog):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Catat kunjungan — {number}").format(number=detail.household.number), parent)
        self.detail = detail
        self._relation_touched = False
        self._subjects_touched = False  # until the officer ticks someone, the subject follows who came
        members = detail.present_members()

        # Widgets
        self.cmb_channel = QComboBox()
        fill_combo(self.cmb_channel, choices.items("kanal_kunjungan"))
        self.cmb_applicant = QComboBox()
        for member in members:
            self.cmb_applicant.addItem(member.name, member.id)
        self.cmb_applicant.addItem(self.tr("Orang lain (tulis namanya)…"), "")
        self.edt_applicant_name = QLineEdit()
        self.edt_applicant_name.setPlaceholderText(self.tr("Nama orang yang datang"))
        self.edt_applicant_name.setEnabled(False)
        self.cmb_relation = QComboBox()
        fill_combo(self.cmb_relation, choices.items("hubungan_pemohon"))
        self.lst_subjects = QListWidget()
        self.lst_subjects.setAccessibleName(self.tr("Warga yang dibantu"))
        fill_checklist(self.lst_subjects, [(m.id, self._member_text(m.id)) for m in members])
        self.lst_subjects.setMaximumHeight(22 * max(4, min(len(members), 6)) + 8)
        self.edt_purpose = QTextEdit()
        self.edt_purpose.setTabChangesFocus(True)
        self.edt_purpose.setAcceptRichText(False)
        self.edt_purpose.setPlaceholderText(self.tr("Misalnya: PBI JK nonaktif saat berobat ke puskesmas"))
        self.edt_purpose.setFixedHeight(64)
        self.lbl_last_visit = QLabel()
        self.lbl_last_visit.setObjectName("lbl_hint")
        self.lbl_last_visit.setWordWrap(True)
        self.lbl_last_visit.setVisible(False)
        self.chk_notice = QCheckBox(self.tr("Pemberitahuan privasi sudah disampaikan (wajib)"))
        self.lbl_notice = QLabel(self.tr(
            "Sampaikan: data dipakai untuk layanan dan rujukan ke instansi pemerintah; warga boleh melihat, "
            "memperbaiki, dan meminta penghapusan datanya."))
        self.lbl_notice.setObjectName("lbl_hint")
        self.lbl_notice.setWordWrap(True)
        self.chk_purposes = {code: QCheckBox(label(CONSENT_PURPOSES, code)) for code in EXPLICIT_CONSENT_PURPOSES}
        self.cmb_method = QComboBox()
        for code in CONSENT_METHODS:
            self.cmb_method.addItem(label(METHOD_NAMES, code), code)
        self.edt_guardian = QLineEdit()
        self.edt_guardian.setPlaceholderText(self.tr("Nama orang tua atau wali"))
        self.lbl_guardian = QLabel(self.tr("Orang tua/&wali (untuk anak)"))
        self.lbl_guardian.setBuddy(self.edt_guardian)

        # Signals
        self.cmb_applicant.currentIndexChanged.connect(self._on_cmb_applicant_current_index_changed)
        self.cmb_relation.activated.connect(self._on_cmb_relation_activated)
        self.lst_subjects.itemChanged.connect(self._on_lst_subjects_item_changed)
        for checkbox in self.chk_purposes.values():
            checkbox.toggled.connect(self._on_chk_purpose_toggled)

        # Assemble
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Kanal"), self.cmb_channel), self.cmb_channel)
        applicant = QHBoxLayout()
        applicant.addWidget(self.cmb_applicant, 1)
        applicant.addWidget(self.edt_applicant_name, 1)
        form.addRow(self._label(self.tr("&Yang datang"), self.cmb_applicant),
                    with_error(applicant, self.error_for("applicant")))
        form.addRow(self._label(self.tr("&Hubungan"), self.cmb_relation),
                    with_error(self.cmb_relation, self.error_for("applicant_relation")))
        form.addRow(self._label(self.tr("&Untuk siapa"), self.lst_subjects),
                    with_error(self.lst_subjects, self.error_for("subject_person_ids")))
        purpose = with_error(self.edt_purpose, self.error_for("purpose"))
        purpose.layout().insertWidget(1, self.lbl_last_visit)  # under the field, above its error line
        form.addRow(self._label(self.tr("&Keperluan"), self.edt_purpose), purpose)
        notice = QGroupBox(self.tr("Pemberitahuan dan persetujuan"))
        notice_box = QVBoxLayout(notice)
        notice_box.addWidget(self.lbl_notice)
        notice_box.addWidget(with_error(self.chk_notice, self.error_for("notice_given")))
        explicit = QLabel(self.tr("Persetujuan tegas hanya bila diperlukan:"))
        notice_box.addWidget(explicit)
        for checkbox in self.chk_purposes.values():
            notice_box.addWidget(checkbox)
        notice_box.addWidget(self.error_for("consent_purposes"))
        consent_form = QFormLayout()
        consent_form.addRow(self._label(self.tr("&Cara persetujuan"), self.cmb_method),
                            with_error(self.cmb_method, self.error_for("consent_method")))
        consent_form.addRow(self.lbl_guardian, with_error(self.edt_guardian, self.error_for("guardian_name")))
        self.consent_form = consent_form
        notice_box.addLayout(consent_form)
        body = QHBoxLayout()
        body.addLayout(form, 3)
        body.addWidget(notice, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addLayout(self.button_row())
        self.setMinimumWidth(960)
        chain = [self.cmb_channel, self.cmb_applicant, self.edt_applicant_name, self.cmb_relation, self.lst_subjects,
                 self.edt_purpose, self.chk_notice, *self.chk_purposes.values(), self.cmb_method, self.edt_guardian,
                 self.btn_save, self.btn_cancel]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

        default = detail.household.head_person_id if detail.member(detail.household.head_person_id) else None
        if default is None and members:
            default = members[0].id
        select_code(self.cmb_applicant, default or "")
        self._on_cmb_applicant_current_index_changed(self.cmb_applicant.currentIndex())
        self._update_consent_fields()
        self._start_from_last_visit()
        # Channel, who came and for whom have their defaults: the first field the officer types into is the purpose.
        self.edt_purpose.setFocus()

    def _start_from_last_visit(self) -> None:
        """A resident usually comes back the same way about the same matter: the last visit's channel and purpose
        are the defaults, the purpose selected so that typing replaces it."""
        last = max(self.detail.visits, key=lambda visit: visit.occurred_at, default=None)
        if last is None:
            return
        select_code(self.cmb_channel, last.channel)
        self.edt_purpose.setPlainText(last.purpose)
        self.edt_purpose.selectAll()
        self.lbl_last_visit.setText(self.tr("Dari kunjungan terakhir ({date}); ketik untuk mengganti.")
                                    .format(date=format_date_short(last.occurred_at.astimezone().date())))
        self.lbl_last_visit.setVisible(True)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        widget = QLabel(text)
        widget.setBuddy(buddy)
        return widget

    def _member_text(self, person_id: str) -> str:
        member = self.detail.member(person_id)
        if member is None:
            return ""
        age = member.age_on(self.detail.today)
        return f"{member.name} ({age} th)" if age is not None else member.name

    def _is_child(self, person_id: str) -> bool:
        member = self.detail.member(person_id)
        age = member.age_on(self.detail.today) if member else None
        return age is not None and age < ADULT_AGE

    def applicant_id(self) -> str:
        return str(self.cmb_applicant.currentData() or "")

    def _set_subject(self, person_id: str) -> None:
        self.lst_subjects.blockSignals(True)
        for index in range(self.lst_subjects.count()):
            item = self.lst_subjects.item(index)
            mine = item.data(Qt.ItemDataRole.UserRole) == person_id
            item.setCheckState(Qt.CheckState.Checked if mine else Qt.CheckState.Unchecked)
        self.lst_subjects.blockSignals(False)

    def _suggest_relation(self) -> None:
        if self._relation_touched:
            return
        applicant = self.applicant_id()
        subjects = checked_codes(self.lst_subjects)
        if not applicant:
            code = "LAINNYA"
        elif subjects and set(subjects) != {applicant}:
            code = "KELUARGA"
        else:
            code = "DIRI_SENDIRI"
        select_code(self.cmb_relation, code)

    def _update_consent_fields(self) -> None:
        minors = [p for p in checked_codes(self.lst_subjects) if self._is_child(p)]
        wanted = any(c.isChecked() for c in self.chk_purposes.values())
        # A parent or guardian speaks for a child who did not come, and gives any explicit consent for a child.
        children = [p for p in minors if p != self.applicant_id()] or (minors if wanted else [])
        self.edt_guardian.setEnabled(bool(children))
        self.consent_form.setRowVisible(1, bool(children))  # only asked when a child is helped
        self.cmb_method.setEnabled(wanted)
        if children and self.applicant_id() and not self._is_child(self.applicant_id()):
            self.edt_guardian.setPlaceholderText(self.tr("Kosongkan bila {name} orang tua/walinya").format(
                name=self.cmb_applicant.currentText()))
        else:
            self.edt_guardian.setPlaceholderText(self.tr("Nama orang tua atau wali"))

    def _on_cmb_applicant_current_index_changed(self, _index: int) -> None:
        applicant = self.applicant_id()
        self.edt_applicant_name.setEnabled(not applicant)
        if not self._subjects_touched:
            self._set_subject(applicant)  # who came is, until told otherwise, who is helped
        if not applicant:
            self.edt_applicant_name.setFocus()
        self._suggest_relation()
        self._update_consent_fields()

    def _on_cmb_relation_activated(self, _index: int) -> None:
        self._relation_touched = True

    def _on_lst_subjects_item_changed(self, _item: object) -> None:
        self._subjects_touched = True
        self._suggest_relation()
        self._update_consent_fields()

    def _on_chk_purpose_toggled(self, _checked: bool) -> None:
        self._update_consent_fields()

    def focus_first_error(self) -> None:
        order = (("applicant", self.cmb_applicant), ("applicant_relation", self.cmb_relation),
                 ("subject_person_ids", self.lst_subjects), ("purpose", self.edt_purpose),
                 ("notice_given", self.chk_notice), ("consent_method", self.cmb_method),
                 ("guardian_name", self.edt_guardian))
        for key, widget in order:
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def build_draft(self) -> VisitDraft | None:
        if not self.chk_notice.isChecked():
            self.show_errors({"notice_given": self.tr(
                "Sampaikan pemberitahuan privasi kepada warga, lalu centang kotak ini.")})
            return None
        purposes = tuple(code for code, box in self.chk_purposes.items() if box.isChecked())
        return VisitDraft(
            household_id=self.detail.household.id, applicant_person_id=self.applicant_id(),
            applicant_relation=combo_code(self.cmb_relation) or "", purpose=self.edt_purpose.toPlainText().strip(),
            channel=VisitChannel(combo_code(self.cmb_channel) or VisitChannel.DATANG_LANGSUNG.value),
            subject_person_ids=checked_codes(self.lst_subjects), notice_given=True,
            applicant_name="" if self.applicant_id() else self.edt_applicant_name.text().strip(),
            consent_purposes=purposes, consent_method=(combo_code(self.cmb_method) or "") if purposes else "",
            guardian_name=self.edt_guardian.text().strip() if self.edt_guardian.isEnabled() else "",
        )
