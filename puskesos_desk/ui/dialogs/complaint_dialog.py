"""Recording a complaint (keluhan): question, suggestion or grievance, its category and programme, the resident's
words, and the urgency that sets the due date (the category's default until the officer changes it)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from puskesos_desk.domain.casework import CaseworkChoices, ComplaintDraft, HouseholdDetail, VisitRow
from puskesos_desk.domain.enums import ComplaintType
from puskesos_desk.ui.widgets.household.choice_widgets import combo_code, fill_combo, select_code
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error
from puskesos_desk.ui.widgets.household.status_labels import COMPLAINT_KINDS, label


def buddy(text: str, widget: QWidget) -> QLabel:
    result = QLabel(text)
    result.setBuddy(widget)
    return result


class ComplaintDialog(FormDialog):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, visit: VisitRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Catat keluhan — {number}").format(number=detail.household.number), parent)
        self.detail = detail
        self.choices = choices
        self.visit = visit
        self._urgency_touched = False

        # Widgets
        self.lbl_visit = QLabel(self.tr("Dari kunjungan {number}: {purpose}").format(
            number=visit.registration_number, purpose=visit.purpose) if visit else self.tr("Tanpa kunjungan"))
        self.lbl_visit.setObjectName("lbl_hint")
        self.lbl_visit.setWordWrap(True)
        self.cmb_kind = QComboBox()
        for kind in ComplaintType:
            self.cmb_kind.addItem(label(COMPLAINT_KINDS, kind.value), kind.value)
        select_code(self.cmb_kind, ComplaintType.PENGADUAN.value)
        self.cmb_person = QComboBox()
        self.cmb_person.addItem(self.tr("(seluruh keluarga)"), None)
        for member in detail.present_members():
            self.cmb_person.addItem(member.name, member.id)
        if visit is not None:
            subjects = [p for p in visit.subject_person_ids if detail.member(p) is not None]
            select_code(self.cmb_person, subjects[0] if subjects else visit.applicant_person_id)
        self.cmb_category = QComboBox()
        fill_combo(self.cmb_category, choices.complaint_categories)
        self.cmb_program = QComboBox()
        self.cmb_urgency = QComboBox()
        fill_combo(self.cmb_urgency, choices.items("urgensi"))
        self.lbl_due = QLabel()
        self.lbl_due.setObjectName("lbl_hint")
        self.edt_description = QTextEdit()
        self.edt_description.setTabChangesFocus(True)
        self.edt_description.setAcceptRichText(False)
        self.edt_description.setFixedHeight(90)
        self.edt_description.setPlaceholderText(self.tr("Tuliskan keluhan dengan kata-kata warga"))

        # Signals
        self.cmb_category.currentIndexChanged.connect(self._on_cmb_category_current_index_changed)
        self.cmb_urgency.activated.connect(self._on_cmb_urgency_activated)
        self.cmb_urgency.currentIndexChanged.connect(self._on_cmb_urgency_current_index_changed)

        # Assemble
        form = QFormLayout()
        form.addRow(self.lbl_visit)
        form.addRow(buddy(self.tr("&Jenis"), self.cmb_kind), with_error(self.cmb_kind, self.error_for("kind")))
        form.addRow(buddy(self.tr("&Warga"), self.cmb_person), with_error(self.cmb_person, self.error_for("person_id")))
        form.addRow(buddy(self.tr("&Kategori"), self.cmb_category),
                    with_error(self.cmb_category, self.error_for("category_code")))
        form.addRow(buddy(self.tr("&Program terkait"), self.cmb_program),
                    with_error(self.cmb_program, self.error_for("program_code")))
        form.addRow(buddy(self.tr("&Urgensi"), self.cmb_urgency),
                    with_error(self.cmb_urgency, self.error_for("urgency")))
        form.addRow("", self.lbl_due)
        form.addRow(buddy(self.tr("U&raian"), self.edt_description),
                    with_error(self.edt_description, self.error_for("description")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.button_row())
        self.setMinimumWidth(600)
        self._on_cmb_category_current_index_changed(self.cmb_category.currentIndex())
        if visit is not None and visit.purpose:
            # The resident's words were just written down as the visit's purpose: the officer keeps or replaces them.
            self.edt_description.setPlainText(visit.purpose)
            self.edt_description.selectAll()
        # Most complaints are grievances (the default kind): the first field the officer changes is the category.
        self.cmb_category.setFocus()

    def _on_cmb_category_current_index_changed(self, _index: int) -> None:
        category = self.choices.find("complaint_category", combo_code(self.cmb_category))
        related = list(category.extra.get("related_programs") or []) if category else []  # type: ignore[call-overload]
        current = combo_code(self.cmb_program)
        fill_combo(self.cmb_program, self.choices.programs, empty=self.tr("(tidak ada)"), first=related)
        select_code(self.cmb_program, current if current in related else (related[0] if len(related) == 1 else None))
        if category is not None and not self._urgency_touched:
            select_code(self.cmb_urgency, str(category.extra.get("default_urgency") or "BIASA"))

    def _on_cmb_urgency_activated(self, _index: int) -> None:
        self._urgency_touched = True

    def _on_cmb_urgency_current_index_changed(self, _index: int) -> None:
        item = self.choices.find("urgensi", combo_code(self.cmb_urgency))
        days = item.extra.get("hari_kerja") if item else None
        self.lbl_due.setText(self.tr("Jatuh tempo: {n} hari kerja").format(n=days) if days else "")

    def focus_first_error(self) -> None:
        for key, widget in (("kind", self.cmb_kind), ("person_id", self.cmb_person),
                            ("category_code", self.cmb_category), ("program_code", self.cmb_program),
                            ("urgency", self.cmb_urgency), ("description", self.edt_description)):
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def build_draft(self) -> ComplaintDraft:
        return ComplaintDraft(
            household_id=self.detail.household.id, kind=combo_code(self.cmb_kind) or "",
            category_code=combo_code(self.cmb_category) or "", description=self.edt_description.toPlainText().strip(),
            person_id=combo_code(self.cmb_person), visit_id=self.visit.id if self.visit else None,
            program_code=combo_code(self.cmb_program), urgency=combo_code(self.cmb_urgency),
        )



