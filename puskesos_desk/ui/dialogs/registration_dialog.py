"""Registering a household (KK) and its members, keyboard first.

The household fields come first; Enter in any of them goes to the first member. A member is typed in one row of
fields (NIK first: a valid NIK fills the birth date and sex) and Enter adds it to the list and opens the next one,
with the relation proposed (kepala keluarga, then istri/suami, then anak). Ctrl+S saves, Esc cancels.

The dialog hands a `HouseholdDraft` out through `draft_submitted`; the caller runs `register_household` and then
calls `finish(result)`, or `show_errors(errors)` with the service's FieldErrors, shown next to the field or row.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.domain.search import DuplicateHit
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import RegistrationResult
from puskesos_desk.ui.dialogs.registration.choices import RegistrationChoices, format_typed_date
from puskesos_desk.ui.dialogs.registration.household_form import HouseholdForm, error_label, set_message
from puskesos_desk.ui.dialogs.registration.member_editor import MemberEditor
from puskesos_desk.ui.dialogs.registration.member_table_model import MemberTableModel
from puskesos_desk.ui.models.record_table_model import SORT_ROLE

HEAD, WIFE, HUSBAND, CHILD, PARENT = "KEPALA_KELUARGA", "ISTRI", "SUAMI", "ANAK", "ORANG_TUA"
SPOUSES = (WIFE, HUSBAND)
SPOUSE_MAX_GAP_YEARS = 15
ADULT_AGE = 17
_MEMBER_KEY = re.compile(r"members\[(\d+)\]\.(\w+)")
TABLE_ROWS = 4


class RegistrationDialog(QDialog):
    draft_submitted = Signal(object)  # HouseholdDraft
    open_household_requested = Signal(str)  # the officer chose an existing household instead

    def __init__(self, ctx: ServiceContext, choices: RegistrationChoices, parent: QWidget | None = None, *,
                 prefill: HouseholdDraft | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choices = choices
        self.result_record: RegistrationResult | None = None
        self.saving = False
        self._editing: int | None = None
        self.setWindowTitle(self.tr("Daftarkan keluarga baru"))

        # Widgets
        self.household = HouseholdForm(ctx, choices)
        self.editor = MemberEditor(ctx, choices)
        self.model = MemberTableModel(choices.lists, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.tbl_members = QTableView()
        self.tbl_members.setModel(self.proxy)
        self.tbl_members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl_members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tbl_members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_members.verticalHeader().setVisible(False)
        self.tbl_members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tbl_members.horizontalHeader().setSectionResizeMode(MemberTableModel.COL_NOTES,
                                                                 QHeaderView.ResizeMode.Stretch)
        self.tbl_members.setTabKeyNavigation(False)
        # Its size hint follows the rows, so the form's height-for-width stays small; extra room goes to the list.
        self.tbl_members.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        row_height = self.tbl_members.verticalHeader().defaultSectionSize()
        self.tbl_members.setMinimumHeight(row_height * TABLE_ROWS + self.tbl_members.horizontalHeader().sizeHint()
                                        .height() + 4)
        self.lbl_members_error = error_label()
        self.lbl_keys = QLabel(self.tr(
            "Enter: simpan anggota ini dan lanjut ke anggota berikutnya · Enter pada daftar: ubah anggota · "
            "Del: hapus anggota · Ctrl+S: simpan keluarga · Esc: batal"))
        self.lbl_keys.setObjectName("lbl_hint")
        self.lbl_keys.setWordWrap(True)
        self.lbl_status = QLabel()
        self.lbl_status.setObjectName("lbl_error")
        self.lbl_status.setWordWrap(True)
        self.btn_add_member = QPushButton(self.tr("Tambahkan anggota (Enter)"))
        self.btn_remove_member = QPushButton(self.tr("Hapus anggota terpilih"))
        self.btn_cancel = QPushButton(self.tr("Batal"))
        self.btn_save = QPushButton(self.tr("Simpan (Ctrl+S)"))
        for button in (self.btn_add_member, self.btn_remove_member, self.btn_cancel, self.btn_save):
            button.setAutoDefault(False)
        self.shc_save = QShortcut(QKeySequence.StandardKey.Save, self)
        self.shc_delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.tbl_members,
                                    context=Qt.ShortcutContext.WidgetShortcut)

        # Signals
        self.household.finished.connect(self._on_household_finished)
        self.editor.committed.connect(self._on_editor_committed)
        self.editor.nik_decoded.connect(self._on_editor_nik_decoded)
        self.editor.open_household_requested.connect(self._on_editor_open_household_requested)
        self.editor.compare_requested.connect(self._on_editor_compare_requested)
        self.tbl_members.activated.connect(self._on_tbl_members_activated)
        self.btn_add_member.clicked.connect(self._on_editor_committed)
        self.btn_remove_member.clicked.connect(self._on_btn_remove_member_clicked)
        self.shc_delete.activated.connect(self._on_btn_remove_member_clicked)
        self.btn_cancel.clicked.connect(self.reject)
        self.btn_save.clicked.connect(self.save)
        self.shc_save.activated.connect(self.save)

        # Assemble
        box_household = QGroupBox(self.tr("Keluarga (Kartu Keluarga)"))
        QVBoxLayout(box_household).addWidget(self.household)
        box_members = QGroupBox(self.tr("Anggota keluarga"))
        members = QVBoxLayout(box_members)
        members.addWidget(self.tbl_members, 1)
        members.addWidget(self.lbl_members_error)
        members.addWidget(self.editor)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.lbl_keys, 1)
        member_buttons.addWidget(self.btn_remove_member)
        member_buttons.addWidget(self.btn_add_member)
        members.addLayout(member_buttons)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(16, 12, 16, 8)
        body.setSpacing(8)
        body.addWidget(box_household)
        body.addWidget(box_members, 1)
        self.scr_form = QScrollArea()
        self.scr_form.setWidgetResizable(True)
        self.scr_form.setFrameShape(QFrame.Shape.NoFrame)
        self.scr_form.setWidget(content)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(16, 0, 16, 12)
        buttons.addWidget(self.lbl_status, 1)
        buttons.addWidget(self.btn_cancel)
        buttons.addWidget(self.btn_save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scr_form, 1)
        layout.addLayout(buttons)

        if prefill is not None:
            self.household.load(prefill)
            self.model.set_rows(list(prefill.members))
        self._next_member()
        if prefill is None:
            self.household.edt_kk.setFocus()
        else:
            self._focus_after_prefill()
        self._fit_to_screen()

    # --- the result -----------------------------------------------------------------------------------------

    def draft(self) -> HouseholdDraft:
        values = self.household.values()
        return HouseholdDraft(members=tuple(self.model.rows()), **values)

    def save(self) -> None:
        """Ctrl+S: finish the member being typed, then hand the household out to be saved."""
        if self.saving:
            return
        if not self.editor.is_blank() and not self._commit_editor():
            return
        self.household.show_errors({})
        set_message(self.lbl_members_error, "")
        self.model.set_errors({})
        self.lbl_status.setText(self.tr("Menyimpan…"))
        self.saving = True
        self.btn_save.setEnabled(False)
        self.draft_submitted.emit(self.draft())

    def show_errors(self, errors: dict[str, str]) -> None:
        """The service's FieldErrors: household fields inline, member problems on their row and in the editor."""
        self.saving = False
        self.btn_save.setEnabled(True)
        # No field messages: the save failed for another reason (e.g. the server was away); nothing typed is wrong.
        self.lbl_status.setText(self.tr("Belum tersimpan: perbaiki isian yang ditandai merah.") if errors else
                                self.tr("Belum tersimpan. Isian tetap ada; tekan Simpan lagi bila masalahnya sudah "
                                        "teratasi."))
        self.household.show_errors(errors)
        set_message(self.lbl_members_error, errors.get("members", ""))
        by_row: dict[int, dict[str, str]] = {}
        for key, message in errors.items():
            match = _MEMBER_KEY.fullmatch(key)
            if match:
                by_row.setdefault(int(match.group(1)), {})[match.group(2)] = message
        self.model.set_errors({row: list(fields.values()) for row, fields in by_row.items()})
        if by_row:
            first = min(by_row)
            self._edit_row(first)
            self.editor.show_errors(by_row[first])
        widget = self.household.first_error_widget(errors)
        if widget is not None:
            widget.setFocus()

    def finish(self, result: RegistrationResult) -> None:
        self.saving = False
        self.result_record = result
        self.accept()

    # --- members --------------------------------------------------------------------------------------------

    def _others(self) -> list[MemberDraft]:
        return [m for i, m in enumerate(self.model.rows()) if i != self._editing]

    def _default_relation(self) -> str:
        others = self._others()
        head = next((m for m in others if m.relation == HEAD), None)
        if head is None:
            return HEAD
        if not any(m.relation in SPOUSES for m in others):
            return HUSBAND if head.sex == "P" else WIFE
        return CHILD

    def _next_member(self) -> None:
        self._editing = None
        number = self.model.rowCount() + 1
        relation = self._default_relation()
        title = self.tr("Anggota ke-{n} (baru)").format(n=number)
        self.editor.load(None, title=title, relation=relation)
        if relation in SPOUSES:
            self.editor.suggest("marital_status", "KAWIN")

    def _edit_row(self, row: int) -> None:
        self._editing = row
        self.editor.load(self.model.row_item(row), title=self.tr("Mengubah anggota ke-{n}").format(n=row + 1),
                         relation="")

    def _commit_editor(self) -> bool:
        errors = self.editor.local_errors()
        if errors:
            self.editor.show_errors(errors)
            {"nik": self.editor.edt_nik, "name": self.editor.edt_name,
             "birth_date": self.editor.edt_birth_date}[next(iter(errors))].setFocus()
            return False
        member = self.editor.member()
        if self._editing is None:
            self.model.append(member)
        else:
            self.model.replace(self._editing, member)
        self._next_member()
        return True

    def _on_editor_committed(self) -> None:
        if self.editor.is_blank() and self._editing is None:
            self.btn_save.setFocus()
            return
        self._commit_editor()

    def _on_household_finished(self) -> None:
        self.editor.edt_nik.setFocus()

    def _on_editor_nik_decoded(self, born: date, sex: str) -> None:
        others = self._others()
        head = next((m for m in others if m.relation == HEAD), None)
        if head is None:
            self.editor.suggest("relation", HEAD)
            return
        gap = (born - head.birth_date).days / 365.25 if head.birth_date else None
        if not any(m.relation in SPOUSES for m in others) and sex != head.sex and (
                gap is None or abs(gap) < SPOUSE_MAX_GAP_YEARS):
            relation = WIFE if sex == "P" else HUSBAND
        elif gap is not None and gap <= -SPOUSE_MAX_GAP_YEARS:
            relation = PARENT
        else:
            relation = CHILD
        self.editor.suggest("relation", relation)
        age = (self.ctx.today() - born).days / 365.25
        if relation in SPOUSES:
            self.editor.suggest("marital_status", "KAWIN")
        elif relation == CHILD and age < ADULT_AGE:
            self.editor.suggest("marital_status", "BELUM_KAWIN")

    def _on_tbl_members_activated(self, index: object) -> None:
        self._edit_row(self.proxy.mapToSource(index).row())  # type: ignore[arg-type]

    def _on_btn_remove_member_clicked(self) -> None:
        selected = self.tbl_members.selectionModel().selectedRows()
        if not selected:
            return
        self.model.remove(self.proxy.mapToSource(selected[0]).row())
        self._next_member()

    def _on_editor_open_household_requested(self, household_id: str) -> None:
        self.open_household_requested.emit(household_id)
        super().reject()  # the officer chose the existing household: nothing to confirm

    def _on_editor_compare_requested(self, hit: DuplicateHit) -> None:
        typed = self.editor.member()
        rows = (
            (self.tr("Nama"), typed.name.upper(), hit.name),
            (self.tr("Tanggal lahir"), format_typed_date(typed.birth_date), format_typed_date(hit.birth_date)),
            (self.tr("NIK"), mask_id(typed.nik), mask_id(hit.nik)),
            (self.tr("Keluarga"), self.tr("(baru)"), hit.household_number),
            (self.tr("RT/RW"), "/".join(self.household.values()[k] for k in ("rt", "rw")), f"{hit.rt}/{hit.rw}"),
        )
        cells = "".join(f"<tr><td><b>{a}</b></td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
        QMessageBox.information(self, self.tr("Bandingkan dengan data terdaftar"), self.tr(
            "<table cellpadding='4'><tr><th></th><th>Sedang diketik</th><th>Sudah terdaftar</th></tr>{rows}</table>"
            "<p>Bila orangnya sama, batalkan dan buka keluarga yang sudah terdaftar. Bila berbeda, lanjutkan; "
            "kemungkinan ganda dicatat untuk diperiksa Koordinator.</p>").format(rows=cells))

    # --- window ---------------------------------------------------------------------------------------------

    def _focus_after_prefill(self) -> None:
        values = self.household.values()
        for key, widget in (("address", self.household.edt_address), ("rt", self.household.edt_rt),
                            ("rw", self.household.edt_rw)):
            if not values[key]:
                widget.setFocus()
                return
        self.editor.edt_nik.setFocus()

    def _fit_to_screen(self) -> None:
        """As large as the form needs, never larger than the screen (the form scrolls only when it must)."""
        content = self.scr_form.widget().sizeHint()
        wanted_width = max(content.width() + 24, 1200)
        wanted_height = content.height() + self.btn_save.sizeHint().height() + 24
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(wanted_width, wanted_height)
            return
        available = screen.availableGeometry()
        self.resize(min(wanted_width, available.width() - 24), min(wanted_height, available.height() - 48))

    def has_input(self) -> bool:
        values = self.household.values()
        return bool(self.model.rowCount() or not self.editor.is_blank()
                    or any(values[k] for k in ("kk_number", "address", "rt", "rw")))

    def reject(self) -> None:
        if self.result_record is None and self.has_input() and self.isVisible() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Batalkan pendaftaran?"),
            self.tr("Data yang sudah diketik belum disimpan dan akan hilang. Batalkan pendaftaran?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


