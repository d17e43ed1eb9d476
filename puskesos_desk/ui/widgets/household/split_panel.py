"""Who leaves for a new KK (pisah KK), who heads it, their relation to the new head, and the new KK's data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QWidget

from puskesos_desk.domain.casework import HEAD_RELATION, CaseworkChoices, HouseholdDetail
from puskesos_desk.ui.widgets.household.choice_widgets import (
    checked_codes,
    combo_code,
    fill_checklist,
    fill_combo,
    select_code,
)
from puskesos_desk.ui.widgets.household.form_dialog import with_error

#: A sensible first guess of the relation to the new head, from the relation to the old head.
GUESS = {"MENANTU": "ISTRI", "CUCU": "ANAK", "ANAK": "FAMILI_LAIN", "ISTRI": "ISTRI", "SUAMI": "SUAMI"}


class SplitPanel(QWidget):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, error_for: Callable[[str], QLabel],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.relations = [i for i in choices.items("hubungan_kk") if i.code != HEAD_RELATION]
        self.cmb_relations: dict[str, QComboBox] = {}
        movable = [m for m in detail.present_members() if m.id != detail.household.head_person_id]

        # Widgets
        self.lst_moving = QListWidget()
        self.lst_moving.setAccessibleName(self.tr("Anggota yang pindah ke KK baru"))
        fill_checklist(self.lst_moving, [(m.id, m.name) for m in movable])
        self.lst_moving.setMaximumHeight(22 * max(2, min(len(movable), 5)) + 8)
        self.cmb_new_head = QComboBox()
        self.relation_box = QWidget()
        self.relation_form = QFormLayout(self.relation_box)
        self.relation_form.setContentsMargins(0, 0, 0, 0)
        self.edt_kk = QLineEdit()
        self.edt_kk.setPlaceholderText(self.tr("Nomor KK baru (16 angka), bila sudah terbit"))
        self.cmb_no_kk = QComboBox()
        fill_combo(self.cmb_no_kk, choices.items("alasan_tanpa_kk"), empty=self.tr("(sudah ada KK)"))
        select_code(self.cmb_no_kk, "BELUM_PUNYA")
        self.edt_address = QLineEdit(detail.household.address)
        self.edt_rt = QLineEdit(detail.household.rt)
        self.edt_rt.setMaximumWidth(60)
        self.edt_rw = QLineEdit(detail.household.rw)
        self.edt_rw.setMaximumWidth(60)
        self.edt_hamlet = QLineEdit(detail.household.hamlet)

        # Signals
        self.lst_moving.itemChanged.connect(self._on_lst_moving_item_changed)
        self.cmb_new_head.currentIndexChanged.connect(self._on_cmb_new_head_current_index_changed)

        # Assemble
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        form.addRow(self._buddy(self.tr("&Yang pindah"), self.lst_moving),
                    with_error(self.lst_moving, error_for("person_ids")))
        form.addRow(self._buddy(self.tr("Kepala KK &baru"), self.cmb_new_head),
                    with_error(self.cmb_new_head, error_for("new_head_person_id")))
        form.addRow(QLabel(self.tr("Hubungan di KK baru")), with_error(self.relation_box, error_for("relations")))
        kk = QHBoxLayout()
        kk.addWidget(self.edt_kk, 2)
        kk.addWidget(self.cmb_no_kk, 1)
        form.addRow(self._buddy(self.tr("No. &KK baru"), self.edt_kk), with_error(kk, error_for("kk_number")))
        form.addRow(self._buddy(self.tr("A&lamat"), self.edt_address), self.edt_address)
        place = QHBoxLayout()
        place.addWidget(QLabel(self.tr("RT")))
        place.addWidget(self.edt_rt)
        place.addWidget(QLabel(self.tr("RW")))
        place.addWidget(self.edt_rw)
        place.addWidget(QLabel(self.tr("Dusun")))
        place.addWidget(self.edt_hamlet, 1)
        errors = QHBoxLayout()
        errors.addWidget(error_for("rt"))
        errors.addWidget(error_for("rw"))
        box = QWidget()
        column = QFormLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addRow(place)
        column.addRow(errors)
        form.addRow(QLabel(self.tr("Wilayah")), box)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        result = QLabel(text)
        result.setBuddy(widget)
        return result

    def first_field(self) -> QWidget:
        return self.lst_moving

    def moving(self) -> tuple[str, ...]:
        return checked_codes(self.lst_moving)

    def _rebuild(self) -> None:
        moving = self.moving()
        head = combo_code(self.cmb_new_head)
        self.cmb_new_head.blockSignals(True)
        self.cmb_new_head.clear()
        for person_id in moving:
            member = self.detail.member(person_id)
            self.cmb_new_head.addItem(member.name if member else person_id, person_id)
        select_code(self.cmb_new_head, head if head in moving else None)
        self.cmb_new_head.blockSignals(False)
        self._rebuild_relations()

    def _rebuild_relations(self) -> None:
        head = combo_code(self.cmb_new_head)
        previous = {pid: combo_code(combo) for pid, combo in self.cmb_relations.items()}
        while self.relation_form.rowCount():
            self.relation_form.removeRow(0)
        self.cmb_relations = {}
        for person_id in self.moving():
            if person_id == head:
                continue
            member = self.detail.member(person_id)
            combo = QComboBox()
            fill_combo(combo, self.relations)
            select_code(combo, previous.get(person_id) or GUESS.get(member.relation if member else "", "LAINNYA"))
            self.cmb_relations[person_id] = combo
            self.relation_form.addRow(member.name if member else person_id, combo)
        if not self.cmb_relations:
            self.relation_form.addRow(QLabel(self.tr("—")))

    def _on_lst_moving_item_changed(self, _item: object) -> None:
        self._rebuild()

    def _on_cmb_new_head_current_index_changed(self, _index: int) -> None:
        self._rebuild_relations()

    def values(self) -> dict[str, object]:
        kk = self.edt_kk.text().strip()
        return {
            "person_ids": self.moving(), "new_head_person_id": combo_code(self.cmb_new_head),
            "relations": tuple((pid, combo_code(combo) or "") for pid, combo in self.cmb_relations.items()),
            "kk_number": kk, "no_kk_reason": "" if kk else (combo_code(self.cmb_no_kk) or ""),
            "address": self.edt_address.text().strip(), "rt": self.edt_rt.text().strip(),
            "rw": self.edt_rw.text().strip(), "hamlet": self.edt_hamlet.text().strip(),
        }


