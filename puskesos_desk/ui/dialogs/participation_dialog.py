"""Recording programme participation (kepesertaan): which programme, card number, active or not, since when,
where the knowledge comes from and as of which date — so "PBI saya nonaktif" points at a real record."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from puskesos_desk.domain.casework import CaseworkChoices, HouseholdDetail, ParticipationDraft
from puskesos_desk.ui.widgets.household.choice_widgets import combo_code, fill_combo, select_code
from puskesos_desk.ui.widgets.household.date_field import DateField
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error


def buddy(text: str, widget: QWidget) -> QLabel:
    result = QLabel(text)
    result.setBuddy(widget)
    return result


class ParticipationDialog(FormDialog):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, person_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Catat kepesertaan program — {number}").format(number=detail.household.number),
                         parent)
        self.detail = detail
        self.choices = choices

        # Widgets
        self.cmb_person = QComboBox()
        self.cmb_person.addItem(self.tr("(seluruh keluarga)"), None)
        for member in detail.members:
            self.cmb_person.addItem(member.name, member.id)
        select_code(self.cmb_person, person_id)
        self.cmb_program = QComboBox()
        fill_combo(self.cmb_program, choices.programs, first=("PBI_JK", "PKH", "SEMBAKO", "PIP"))
        self.lbl_card = QLabel(self.tr("Nomor &kartu"))
        self.edt_card = QLineEdit()
        self.lbl_card.setBuddy(self.edt_card)
        self.cmb_active = QComboBox()
        self.cmb_active.addItem(self.tr("Aktif"), True)
        self.cmb_active.addItem(self.tr("Nonaktif"), False)
        self.dte_since = DateField()
        self.cmb_source = QComboBox()
        fill_combo(self.cmb_source, choices.items("sumber_kepesertaan"))
        self.dte_as_of = DateField()
        self.dte_as_of.set_date(detail.today)
        self.edt_notes = QLineEdit()
        self.edt_notes.setPlaceholderText(self.tr("Misalnya: nonaktif sejak Mei, ditolak di puskesmas"))

        # Signals
        self.cmb_program.currentIndexChanged.connect(self._on_cmb_program_current_index_changed)

        # Assemble
        form = QFormLayout()
        form.addRow(buddy(self.tr("&Peserta"), self.cmb_person),
                    with_error(self.cmb_person, self.error_for("person_id")))
        form.addRow(buddy(self.tr("P&rogram"), self.cmb_program),
                    with_error(self.cmb_program, self.error_for("program_code")))
        form.addRow(self.lbl_card, with_error(self.edt_card, self.error_for("card_number")))
        form.addRow(buddy(self.tr("&Status"), self.cmb_active), self.cmb_active)
        form.addRow(buddy(self.tr("S&ejak"), self.dte_since), with_error(self.dte_since, self.error_for("since")))
        form.addRow(buddy(self.tr("S&umber keterangan"), self.cmb_source),
                    with_error(self.cmb_source, self.error_for("source")))
        form.addRow(buddy(self.tr("Keadaan per &tanggal"), self.dte_as_of),
                    with_error(self.dte_as_of, self.error_for("as_of")))
        form.addRow(buddy(self.tr("&Catatan"), self.edt_notes), self.edt_notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.button_row())
        self.setMinimumWidth(560)
        self._on_cmb_program_current_index_changed(self.cmb_program.currentIndex())
        self.cmb_person.setFocus()

    def _on_cmb_program_current_index_changed(self, _index: int) -> None:
        program = self.choices.find("program", combo_code(self.cmb_program))
        card = program.extra.get("card_name") if program else None
        self.lbl_card.setText(self.tr("Nomor &kartu {card}").format(card=card) if card else self.tr("Nomor &kartu"))
        self.edt_card.setPlaceholderText(self.tr("Boleh kosong bila kartu tidak dibawa"))

    def focus_first_error(self) -> None:
        for key, widget in (("person_id", self.cmb_person), ("program_code", self.cmb_program),
                            ("card_number", self.edt_card), ("since", self.dte_since), ("source", self.cmb_source),
                            ("as_of", self.dte_as_of)):
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def _date(self, field: DateField, key: str, errors: dict[str, str]) -> date | None:
        if not field.is_valid():
            errors[key] = self.tr("Tanggal tidak valid; ketik hari/bulan/tahun, misalnya 01052026.")
        return field.date_value()

    def build_draft(self) -> ParticipationDraft | None:
        errors: dict[str, str] = {}
        since = self._date(self.dte_since, "since", errors)
        as_of = self._date(self.dte_as_of, "as_of", errors)
        if errors:
            self.show_errors(errors)
            return None
        return ParticipationDraft(
            household_id=self.detail.household.id, program_code=combo_code(self.cmb_program) or "",
            source=combo_code(self.cmb_source) or "", active=bool(self.cmb_active.currentData()),
            person_id=combo_code(self.cmb_person), card_number=self.edt_card.text().strip(), since=since,
            as_of=as_of, notes=self.edt_notes.text().strip(),
        )
