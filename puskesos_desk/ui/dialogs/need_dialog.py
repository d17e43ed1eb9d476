"""Recording a need (kebutuhan): domain, the person's PPKS categories, the programme that could meet it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QListWidget, QTextEdit, QVBoxLayout, QWidget

from puskesos_desk.domain.casework import CaseworkChoices, HouseholdDetail, NeedDraft, VisitRow
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.widgets.household.choice_widgets import (
    checked_codes,
    combo_code,
    fill_checklist,
    fill_combo,
    select_code,
)
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error


def buddy(text: str, widget: QWidget) -> QLabel:
    result = QLabel(text)
    result.setBuddy(widget)
    return result


class NeedDialog(FormDialog):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, visit: VisitRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Catat kebutuhan — {number}").format(number=detail.household.number), parent)
        self.detail = detail
        self.choices = choices
        self.visit = visit
        language = current_language()

        # Widgets
        self.lbl_visit = QLabel(self.tr("Dari kunjungan {number}: {purpose}").format(
            number=visit.registration_number, purpose=visit.purpose) if visit else self.tr("Tanpa kunjungan"))
        self.lbl_visit.setObjectName("lbl_hint")
        self.lbl_visit.setWordWrap(True)
        self.cmb_person = QComboBox()
        self.cmb_person.addItem(self.tr("(seluruh keluarga)"), None)
        for member in detail.present_members():
            self.cmb_person.addItem(member.name, member.id)
        if visit is not None:
            subjects = [p for p in visit.subject_person_ids if detail.member(p) is not None]
            select_code(self.cmb_person, subjects[0] if subjects else visit.applicant_person_id)
        self.cmb_domain = QComboBox()
        fill_combo(self.cmb_domain, choices.need_domains)
        self.lst_ppks = QListWidget()
        self.lst_ppks.setAccessibleName(self.tr("Kategori PPKS"))
        fill_checklist(self.lst_ppks, [(item.code, f"{item.extra.get('number', '')}. {item.label(language)}")
                                       for item in choices.ppks])
        self.lst_ppks.setFixedHeight(150)
        self.lbl_ppks_hint = QLabel(self.tr("Kategori baru ditambahkan ke daftar PPKS warga ini."))
        self.lbl_ppks_hint.setObjectName("lbl_hint")
        self.cmb_program = QComboBox()
        self.edt_description = QTextEdit()
        self.edt_description.setTabChangesFocus(True)
        self.edt_description.setAcceptRichText(False)
        self.edt_description.setFixedHeight(80)
        self.edt_description.setPlaceholderText(self.tr("Misalnya: anak putus sekolah karena biaya"))

        # Signals
        self.cmb_domain.currentIndexChanged.connect(self._on_cmb_domain_current_index_changed)

        # Assemble
        form = QFormLayout()
        form.addRow(self.lbl_visit)
        form.addRow(buddy(self.tr("&Warga"), self.cmb_person), with_error(self.cmb_person, self.error_for("person_id")))
        form.addRow(buddy(self.tr("&Bidang"), self.cmb_domain),
                    with_error(self.cmb_domain, self.error_for("domain_code")))
        ppks = QVBoxLayout()
        ppks.setSpacing(2)
        ppks.addWidget(self.lst_ppks)
        ppks.addWidget(self.lbl_ppks_hint)
        ppks_box = QWidget()
        ppks_box.setLayout(ppks)
        ppks.setContentsMargins(0, 0, 0, 0)
        form.addRow(buddy(self.tr("&PPKS"), self.lst_ppks), with_error(ppks_box, self.error_for("ppks_codes")))
        form.addRow(buddy(self.tr("Program &diusulkan"), self.cmb_program),
                    with_error(self.cmb_program, self.error_for("proposed_program")))
        form.addRow(buddy(self.tr("U&raian"), self.edt_description),
                    with_error(self.edt_description, self.error_for("description")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.button_row())
        self.setMinimumWidth(620)
        self._on_cmb_domain_current_index_changed(self.cmb_domain.currentIndex())
        if visit is not None and visit.purpose:
            self.edt_description.setPlainText(visit.purpose)  # what the resident came for; kept or replaced
            self.edt_description.selectAll()
        # From a visit the person is known already: the first field the officer changes is the domain.
        (self.cmb_domain if visit is not None else self.cmb_person).setFocus()

    def _on_cmb_domain_current_index_changed(self, _index: int) -> None:
        domain = self.choices.find("need_domain", combo_code(self.cmb_domain))
        related = list(domain.extra.get("related_programs") or []) if domain else []  # type: ignore[call-overload]
        current = combo_code(self.cmb_program)
        fill_combo(self.cmb_program, self.choices.programs, empty=self.tr("(belum ditentukan)"), first=related)
        select_code(self.cmb_program, current)

    def focus_first_error(self) -> None:
        for key, widget in (("person_id", self.cmb_person), ("domain_code", self.cmb_domain),
                            ("ppks_codes", self.lst_ppks), ("proposed_program", self.cmb_program),
                            ("description", self.edt_description)):
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def build_draft(self) -> NeedDraft:
        return NeedDraft(
            household_id=self.detail.household.id, domain_code=combo_code(self.cmb_domain) or "",
            description=self.edt_description.toPlainText().strip(), person_id=combo_code(self.cmb_person),
            visit_id=self.visit.id if self.visit else None, ppks_codes=checked_codes(self.lst_ppks),
            proposed_program=combo_code(self.cmb_program),
        )
