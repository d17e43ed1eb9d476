"""Preparing a DTSEN proposal (usulan) for the musdes/muskel: the kind, which members, the housing conditions,
the Kepmensos 262/HUK/2022 screening answers and the programmes asked for. The members are frozen when saved."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.casework import (
    CRITERIA_LIST,
    HOUSING_ITEMS,
    HOUSING_LIST_PREFIX,
    REQUESTED_PROGRAMS,
    CaseworkChoices,
    HouseholdDetail,
    ProposalDraft,
)
from puskesos_desk.domain.enums import ProposalKind
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.widgets.household.choice_widgets import (
    checked_codes,
    combo_code,
    fill_checklist,
    fill_combo,
    select_code,
)
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error
from puskesos_desk.ui.widgets.household.status_labels import PROPOSAL_KINDS, label
from puskesos_desk.ui.widgets.household.status_labels import REQUESTED_PROGRAMS as PROGRAM_NAMES

HOUSING_NAMES = {
    "atap": QT_TRANSLATE_NOOP("ProposalDialog", "Atap"),
    "dinding": QT_TRANSLATE_NOOP("ProposalDialog", "Dinding"),
    "lantai": QT_TRANSLATE_NOOP("ProposalDialog", "Lantai"),
    "sumber_air": QT_TRANSLATE_NOOP("ProposalDialog", "Sumber air minum"),
    "penerangan": QT_TRANSLATE_NOOP("ProposalDialog", "Penerangan"),
    "bahan_bakar": QT_TRANSLATE_NOOP("ProposalDialog", "Bahan bakar memasak"),
    "fasilitas_bab": QT_TRANSLATE_NOOP("ProposalDialog", "Fasilitas BAB"),
}


class ProposalDialog(FormDialog):
    def __init__(self, detail: HouseholdDetail, choices: CaseworkChoices, visit_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Usulan DTSEN — {number}").format(number=detail.household.number), parent)
        self.detail = detail
        self.visit_id = visit_id
        language = current_language()
        housing = detail.household.housing

        # Widgets
        self.cmb_kind = QComboBox()
        for kind in ProposalKind:
            self.cmb_kind.addItem(label(PROPOSAL_KINDS, kind.value), kind.value)
        select_code(self.cmb_kind, ProposalKind.PERBAIKAN_DATA.value if detail.register else ProposalKind.BARU.value)
        self.lst_members = QListWidget()
        self.lst_members.setAccessibleName(self.tr("Anggota yang diusulkan"))
        members = detail.present_members()
        fill_checklist(self.lst_members, [
            (m.id, f"{m.name} · {choices.label('hubungan_kk', m.relation, language)}") for m in members
        ], checked=[m.id for m in members])
        self.lst_members.setMaximumHeight(22 * max(3, min(len(members), 5)) + 8)
        self.cmb_housing: dict[str, QComboBox] = {}
        for item in HOUSING_ITEMS:
            combo = QComboBox()
            fill_combo(combo, choices.items(HOUSING_LIST_PREFIX + item), empty=self.tr("(pilih)"))
            select_code(combo, housing.get(item))
            self.cmb_housing[item] = combo
        self.chk_programs = {code: QCheckBox(label(PROGRAM_NAMES, code)) for code in REQUESTED_PROGRAMS}
        self.chk_criteria: dict[str, QCheckBox] = {}
        self.lbl_questions: dict[str, QLabel] = {}
        for item in choices.items(CRITERIA_LIST):
            checkbox = QCheckBox(item.label(language))
            question = str(item.extra.get("pertanyaan_en" if language == "en" else "pertanyaan") or "")
            checkbox.setToolTip(question)
            checkbox.setAccessibleDescription(question)
            self.chk_criteria[item.code] = checkbox
            text = QLabel(question)
            text.setObjectName("lbl_hint")
            text.setWordWrap(True)
            text.setContentsMargins(22, 0, 0, 4)
            self.lbl_questions[item.code] = text
        self.lbl_criteria = QLabel()
        self.edt_notes = QLineEdit()
        self.edt_notes.setPlaceholderText(self.tr("Misalnya: keluarga belum pernah terdata; kepala keluarga sakit"))
        self.lbl_rule = QLabel(self.tr(
            "Puskesos hanya mengusulkan. Usulan dibahas di musdes/muskel, lalu diinput operator SIKS-NG desa; "
            "penetapan oleh Kementerian Sosial."))
        self.lbl_rule.setObjectName("lbl_hint")
        self.lbl_rule.setWordWrap(True)

        # Signals
        for checkbox in self.chk_criteria.values():
            checkbox.toggled.connect(self._on_chk_criterion_toggled)

        # Assemble
        left = QFormLayout()
        left.addRow(self._buddy(self.tr("&Jenis usulan"), self.cmb_kind),
                    with_error(self.cmb_kind, self.error_for("kind")))
        left.addRow(self._buddy(self.tr("&Anggota"), self.lst_members),
                    with_error(self.lst_members, self.error_for("member_ids")))
        for item, combo in self.cmb_housing.items():
            left.addRow(self._buddy(QCoreApplication.translate("ProposalDialog", HOUSING_NAMES[item]), combo),
                        with_error(combo, self.error_for(f"housing.{item}")))
        programs = QHBoxLayout()
        for checkbox in self.chk_programs.values():
            programs.addWidget(checkbox)
        programs.addStretch(1)
        left.addRow(QLabel(self.tr("Usulan bansos")), with_error(programs, self.error_for("requested_programs")))
        left.addRow(self._buddy(self.tr("&Catatan"), self.edt_notes), self.edt_notes)
        criteria = QGroupBox(self.tr("Kriteria Kepmensos 262/HUK/2022 — centang bila jawabannya Ya"))
        column = QVBoxLayout(criteria)
        column.setSpacing(1)
        for code, checkbox in self.chk_criteria.items():
            column.addWidget(checkbox)
            column.addWidget(self.lbl_questions[code])
        column.addWidget(self.error_for("criteria"))
        column.addStretch(1)
        column.addWidget(self.lbl_criteria)
        left_column = QVBoxLayout()
        left_column.addLayout(left)
        left_column.addStretch(1)
        left_column.addWidget(self.lbl_rule)
        content = QWidget()
        body = QHBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left_column, 1)
        body.addWidget(criteria, 1)
        # At 125 % scaling a 1366×768 screen is too short for the whole form: it scrolls there, never clips.
        self.scr_body = QScrollArea()
        self.scr_body.setWidget(content)
        self.scr_body.setWidgetResizable(True)
        self.scr_body.setFrameShape(QFrame.Shape.NoFrame)
        self.scr_body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scr_body, 1)
        layout.addLayout(self.button_row())
        self.setMinimumWidth(min(1080, self._available().width()))
        content.adjustSize()
        wanted = QSize(content.width() + 40, content.heightForWidth(1080) if content.hasHeightForWidth()
                       else content.height())
        wanted += QSize(0, self.btn_save.sizeHint().height() + 80)
        self.resize(wanted.boundedTo(self._available()))
        self._update_summary()
        self.cmb_kind.setFocus()

    def _available(self) -> QSize:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1366, 728)
        return room - QSize(0, 40)  # the window's title bar

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        result = QLabel(text)
        result.setBuddy(widget)
        return result

    def _update_summary(self) -> None:
        met = sum(1 for box in self.chk_criteria.values() if box.isChecked())
        shelter = self.chk_criteria.get("TIDAK_ADA_TEMPAT_TINGGAL")
        if shelter is not None and shelter.isChecked():
            self.lbl_criteria.setText(self.tr("Tidak punya tempat tinggal: langsung termasuk fakir miskin."))
        else:
            self.lbl_criteria.setText(self.tr("Jawaban Ya: {met} dari {total}").format(
                met=met, total=len(self.chk_criteria)))

    def _on_chk_criterion_toggled(self, _checked: bool) -> None:
        self._update_summary()

    def focus_first_error(self) -> None:
        widgets: list[tuple[str, QWidget]] = [("kind", self.cmb_kind), ("member_ids", self.lst_members)]
        widgets += [(f"housing.{item}", combo) for item, combo in self.cmb_housing.items()]
        widgets += [("requested_programs", self.chk_programs["PKH"])]
        widgets += [("criteria", next(iter(self.chk_criteria.values())))] if self.chk_criteria else []
        for key, widget in widgets:
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def build_draft(self) -> ProposalDraft:
        kind = combo_code(self.cmb_kind) or ""
        housing = tuple((item, code) for item, combo in self.cmb_housing.items() if (code := combo_code(combo)))
        return ProposalDraft(
            household_id=self.detail.household.id, kind=kind, housing=housing,
            criteria=tuple((code, box.isChecked()) for code, box in self.chk_criteria.items()),
            requested_programs=tuple(code for code, box in self.chk_programs.items() if box.isChecked()),
            visit_id=self.visit_id, member_ids=checked_codes(self.lst_members), notes=self.edt_notes.text().strip(),
        )
