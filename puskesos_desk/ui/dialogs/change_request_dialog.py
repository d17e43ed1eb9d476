"""Asking for a household change: add or remove a member, change the head, split the KK, moved away, died.

The request waits for approval (the district, or the Koordinator where the site allows it); nothing in the
household changes until then.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.casework import HEAD_RELATION, CaseworkChoices, ChangeRequestDraft, HouseholdDetail
from puskesos_desk.domain.enums import ChangeKind
from puskesos_desk.ui.widgets.household.choice_widgets import combo_code, fill_combo, select_code
from puskesos_desk.ui.widgets.household.date_field import DateField
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, align_labels, with_error
from puskesos_desk.ui.widgets.household.new_member_panel import NewMemberPanel
from puskesos_desk.ui.widgets.household.split_panel import SplitPanel
from puskesos_desk.ui.widgets.household.status_labels import CHANGE_KINDS, label

SPLIT = "split."  # the split page's error lines have their own keys (its fields share names with others)
SHARED_KEYS = ("kind", "reason")


def buddy(text: str, widget: QWidget) -> QLabel:
    result = QLabel(text)
    result.setBuddy(widget)
    return result


class ChangeRequestDialog(FormDialog):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, kind: str | None = None,
                 person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Perubahan KK — {number}").format(number=detail.household.number), parent)
        self.detail = detail

        # Widgets
        self.cmb_kind = QComboBox()
        for change in ChangeKind:
            self.cmb_kind.addItem(label(CHANGE_KINDS, change.value), change.value)
        self.pnl_add = NewMemberPanel(choices, self.error_for)
        self.pnl_split = SplitPanel(detail, choices, lambda key: self.error_for(SPLIT + key))
        self.pnl_person = QWidget()
        self.cmb_person = QComboBox()
        for member in detail.present_members():
            self.cmb_person.addItem(member.name, member.id)
        self.dte_event = DateField()
        self.edt_destination = QLineEdit()
        self.edt_destination.setPlaceholderText(self.tr("Desa/kota tujuan, bila diketahui"))
        self.cmb_new_head = QComboBox()
        self.cmb_old_head_relation = QComboBox()
        fill_combo(self.cmb_old_head_relation, [i for i in choices.items("hubungan_kk") if i.code != HEAD_RELATION],
                   empty=self.tr("(pilih)"))
        self.lbl_old_head = QLabel(self.tr("Hubungan kepala keluarga &lama"))
        self.lbl_old_head.setBuddy(self.cmb_old_head_relation)
        self.stk_kind = QStackedWidget()
        self.edt_reason = QLineEdit()
        self.edt_reason.setPlaceholderText(self.tr("Misalnya: menikah, bekerja di luar kota, meninggal karena sakit"))
        approval = (self.tr("Koordinator dapat menyetujui permintaan ini di desa.") if detail.local_change_approval
                    else self.tr("Permintaan ini menunggu persetujuan kabupaten melalui pertukaran data."))
        self.lbl_approval = QLabel(approval)
        self.lbl_approval.setObjectName("lbl_hint")
        self.lbl_approval.setWordWrap(True)

        # Signals
        self.cmb_kind.currentIndexChanged.connect(self._on_cmb_kind_current_index_changed)
        self.cmb_person.currentIndexChanged.connect(self._on_cmb_person_current_index_changed)

        # Assemble
        self.person_form = QFormLayout(self.pnl_person)
        self.person_form.setContentsMargins(0, 0, 0, 0)
        self.lbl_person = buddy(self.tr("&Anggota"), self.cmb_person)
        self.person_form.addRow(self.lbl_person, with_error(self.cmb_person, self.error_for("person_id")))
        self.person_form.addRow(buddy(self.tr("&Tanggal"), self.dte_event),
                                with_error(self.dte_event, self.error_for("event_date")))
        self.person_form.addRow(buddy(self.tr("T&ujuan pindah"), self.edt_destination), self.edt_destination)
        self.person_form.addRow(buddy(self.tr("Kepala keluarga &baru"), self.cmb_new_head),
                                with_error(self.cmb_new_head, self.error_for("new_head_person_id")))
        self.person_form.addRow(self.lbl_old_head, with_error(self.cmb_old_head_relation,
                                                              self.error_for("relations")))
        self.stk_kind.addWidget(self.pnl_add)
        self.stk_kind.addWidget(self.pnl_person)
        self.stk_kind.addWidget(self.pnl_split)
        form = QFormLayout()
        form.addRow(buddy(self.tr("&Jenis perubahan"), self.cmb_kind), with_error(self.cmb_kind,
                                                                                   self.error_for("kind")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.stk_kind)
        reason = QFormLayout()
        reason.addRow(buddy(self.tr("A&lasan"), self.edt_reason), with_error(self.edt_reason, self.error_for("reason")))
        layout.addLayout(reason)
        layout.addWidget(self.lbl_approval)
        layout.addLayout(self.button_row())
        align_labels(form, self.pnl_add.form, self.person_form, self.pnl_split.form, reason)
        self.setMinimumWidth(640)
        select_code(self.cmb_kind, kind or ChangeKind.TAMBAH_ANGGOTA.value)
        select_code(self.cmb_person, person_id)
        self._on_cmb_kind_current_index_changed(self.cmb_kind.currentIndex())
        self.cmb_kind.setFocus()

    def kind(self) -> ChangeKind:
        return ChangeKind(combo_code(self.cmb_kind) or ChangeKind.TAMBAH_ANGGOTA.value)

    def _fill_new_heads(self) -> None:
        person = combo_code(self.cmb_person)
        current = combo_code(self.cmb_new_head)
        self.cmb_new_head.clear()
        for member in self.detail.present_members():
            if member.id != person:
                self.cmb_new_head.addItem(member.name, member.id)
        select_code(self.cmb_new_head, current)

    def _update_rows(self) -> None:
        kind = self.kind()
        person = combo_code(self.cmb_person)
        leaving = kind in (ChangeKind.PINDAH, ChangeKind.MENINGGAL)
        head_leaves = leaving and person == self.detail.household.head_person_id
        self.lbl_person.setText(self.tr("Kepala keluarga &baru") if kind == ChangeKind.GANTI_KEPALA
                                else self.tr("&Anggota"))
        self.person_form.setRowVisible(1, leaving)
        self.person_form.setRowVisible(2, kind == ChangeKind.PINDAH)
        self.person_form.setRowVisible(3, head_leaves and len(self.detail.present_members()) > 1)
        self.person_form.setRowVisible(4, kind == ChangeKind.GANTI_KEPALA)
        self._fill_new_heads()

    def _on_cmb_kind_current_index_changed(self, _index: int) -> None:
        kind = self.kind()
        page = self.pnl_add if kind == ChangeKind.TAMBAH_ANGGOTA else (
            self.pnl_split if kind == ChangeKind.PISAH_KK else self.pnl_person)
        self.stk_kind.setCurrentWidget(page)
        self._update_rows()
        self.clear_errors()

    def _on_cmb_person_current_index_changed(self, _index: int) -> None:
        self._update_rows()

    def show_errors(self, errors: dict[str, str]) -> None:
        if self.kind() == ChangeKind.PISAH_KK:
            errors = {(key if key in SHARED_KEYS else SPLIT + key): text for key, text in errors.items()}
        super().show_errors(errors)

    def focus_first_error(self) -> None:
        for key, widget in (("kind", self.cmb_kind), ("new_member", self.pnl_add.first_field()),
                            ("person_id", self.cmb_person), (SPLIT + "person_ids", self.pnl_split.first_field()),
                            ("event_date", self.dte_event), ("new_head_person_id", self.cmb_new_head),
                            ("reason", self.edt_reason)):
            errors = [label for name, label in self.errors.items() if name == key or name.startswith(key + ".")]
            if any(e.isVisible() for e in errors):
                widget.setFocus()
                return

    def build_draft(self) -> ChangeRequestDraft | None:
        kind = self.kind()
        draft = ChangeRequestDraft(household_id=self.detail.household.id, kind=kind.value,
                                   reason=self.edt_reason.text().strip())
        if kind == ChangeKind.TAMBAH_ANGGOTA:
            if not self.pnl_add.dte_birth.is_valid():
                self.show_errors({"new_member.birth_date": self.tr("Tanggal lahir tidak valid (hari/bulan/tahun).")})
                return None
            return replace(draft, new_member=self.pnl_add.member())
        if kind == ChangeKind.PISAH_KK:
            return replace(draft, **self.pnl_split.values())  # type: ignore[arg-type]
        person = combo_code(self.cmb_person)
        draft = replace(draft, person_id=person)
        if kind == ChangeKind.GANTI_KEPALA:
            relation = combo_code(self.cmb_old_head_relation)
            old_head = self.detail.household.head_person_id
            relations = ((old_head, relation),) if old_head and relation and self.detail.member(old_head) else ()
            return replace(draft, relations=relations)
        if kind in (ChangeKind.PINDAH, ChangeKind.MENINGGAL):
            if not self.dte_event.is_valid():
                self.show_errors({"event_date": self.tr("Tanggal tidak valid (hari/bulan/tahun).")})
                return None
            new_head = combo_code(self.cmb_new_head) if self.person_form.isRowVisible(3) else None
            event: date | None = self.dte_event.date_value()
            return replace(draft, event_date=event, destination=self.edt_destination.text().strip(),
                           new_head_person_id=new_head)
        return draft
