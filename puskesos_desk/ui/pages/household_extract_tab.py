"""The household page's DTSEN tab: the household compared with the district's extract.

It says which extract (dataset, as-of date, age — with a warning once it is older than four months), the family's
desil and programme flags, and per member how they were found and what differs; extract members missing here and
members missing from the extract are listed too, the latter with the way forward: a DTSEN proposal (the page's own
proposal dialog, through `proposal_requested`). The check runs on a worker each time the page loads a household.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.casework import CaseworkChoices
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.extract_check import CheckResult, HouseholdExtractCheck
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.extract_check import household_check
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.models.extract_comparison_model import ComparisonRow, ExtractComparisonTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table


class HouseholdExtractTab(QWidget):
    checked = Signal(object)  # HouseholdExtractCheck, once shown (tests wait on it)
    proposal_requested = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check: HouseholdExtractCheck | None = None
        self._generation = 0  # of the latest load: an answer to an earlier one is stale and dropped

        # Widgets
        self.lbl_summary = QLabel(self.tr("Memeriksa data DTSEN…"))
        self.lbl_summary.setWordWrap(True)
        self.lbl_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_age = QLabel("")
        self.lbl_age.setObjectName("lbl_hint")
        self.lbl_age.setWordWrap(True)
        self.model = ExtractComparisonTableModel(self)
        self.tbl, self.proxy = record_table(self.model, accessible_name=self.tr("Perbandingan dengan data DTSEN"),
                                            stretch_column=ExtractComparisonTableModel.COL_DIFFERENCES,
                                            max_column_width=200, object_name="tbl_extract")
        self.tbl.sortByColumn(ExtractComparisonTableModel.COL_RESULT, Qt.SortOrder.AscendingOrder)  # problems first
        self.lbl_hint = QLabel("")
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        self.btn_propose = QPushButton(self.tr("Usulkan ke DTSEN…"))
        self.btn_propose.setToolTip(self.tr("Siapkan usulan DTSEN untuk keluarga ini (Ctrl+U)"))
        self.btn_propose.setAutoDefault(False)

        # Signals
        self.btn_propose.clicked.connect(self.proposal_requested)

        # Assemble
        bottom = QHBoxLayout()
        bottom.addWidget(self.lbl_hint, 1)
        bottom.addWidget(self.btn_propose, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.lbl_summary)
        layout.addWidget(self.lbl_age)
        layout.addWidget(self.tbl, 1)
        layout.addLayout(bottom)
        self._show_buttons()

    # --- loading -----------------------------------------------------------------------------------------------

    def load(self, household_id: str, choices: CaseworkChoices) -> None:
        """Check the household against the extract. Loads overlap (the page reloads its household after every
        change) and answers come back in any order: only the latest load's answer is shown, even for the same
        household, so a check made before a member was changed never replaces one made after."""
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        self.model.set_choices(choices)
        run_op(self, lambda: household_check(ctx, household_id),
               lambda check: self._on_checked(generation, check),
               lambda error: self._on_check_failed(generation, error))

    def _on_checked(self, generation: int, check: HouseholdExtractCheck) -> None:
        if generation != self._generation:
            return
        self.check = check
        rows: list[ComparisonRow] = [*check.members, *check.extract_only] if check.extract else []
        self.model.set_rows(rows)
        self.tbl.setVisible(bool(rows))
        self._show_summary(check)
        self._show_buttons()
        self.checked.emit(check)

    def _on_check_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.check = None
        self.model.set_rows([])
        if isinstance(error, PuskesosError):
            self.lbl_summary.setText(error.message)
        else:
            self.lbl_summary.setText(self.tr("Data DTSEN keluarga ini tidak dapat diperiksa."))
            show_error(self, error)
        self._show_buttons()

    # --- showing -----------------------------------------------------------------------------------------------

    def findings(self) -> int:
        """What needs attention: members missing on either side, and members whose data differs."""
        check = self.check
        if check is None or check.extract is None:
            return 0
        return len(check.missing) + len(check.differing) + len(check.extract_only)

    def title(self) -> str:
        count = self.findings()
        return self.tr("Cek DTSEN ({n})").format(n=count) if count else self.tr("Cek DTSEN")

    def result_text(self, check: HouseholdExtractCheck) -> str:
        result = check.result
        if result is CheckResult.NOT_REGISTERED:
            return self.tr("keluarga ini tidak ada di data.")
        if result is CheckResult.PARTIAL:
            return self.tr("%n anggota yang tinggal di rumah tidak ada di data.", "", len(check.missing))
        if result is CheckResult.DIFFERENT:
            return self.tr("terdaftar; ada data yang berbeda dengan catatan Puskesos.")
        return self.tr("seluruh anggota terdaftar dan datanya sama.")

    def _show_summary(self, check: HouseholdExtractCheck) -> None:
        extract = check.extract
        if extract is None:
            self.lbl_summary.setText(self.tr("Belum ada data DTSEN/DTKS yang diimpor. Impor ekstrak dari Dinas Sosial "
                                             "di Pertukaran Data → Data DTSEN."))
            self.lbl_age.setText("")
            self.lbl_age.setVisible(False)
            self.lbl_hint.setText("")
            return
        lines = [self.tr("<b>{dataset} per {date}</b>: {result}").format(
            dataset=extract.dataset, date=format_date_long(extract.as_of), result=self.result_text(check))]
        if check.found:
            desil = check.desil
            programs = ", ".join(check.programs) or self.tr("tidak ada")
            lines.append(self.tr("Desil {desil} · Program di data: {programs}").format(
                desil=desil if desil is not None else "—", programs=programs))
        self.lbl_summary.setText("<br>".join(lines))
        age = self.tr("Umur data %n bulan.", "", extract.months_old)
        if extract.is_stale:
            age += " " + self.tr("Data sudah lebih dari 4 bulan: DTSEN diperbarui tiap triwulan, minta ekstrak terbaru "
                                 "ke Dinas Sosial.")
        self.lbl_age.setText(age)
        self.lbl_age.setProperty("warning", extract.is_stale)
        self.lbl_age.style().unpolish(self.lbl_age)
        self.lbl_age.style().polish(self.lbl_age)
        self.lbl_age.setVisible(True)
        missing = [m.member.name for m in check.missing]
        if not missing:
            self.lbl_hint.setText("")
        elif not check.found:
            self.lbl_hint.setText(self.tr("Keluarga ini belum ada di data DTSEN: usulkan ke DTSEN (usulan baru) "
                                          "lewat musyawarah desa."))
        else:
            self.lbl_hint.setText(self.tr("{names} belum ada di data DTSEN: usulkan ke DTSEN (perbaikan data keluarga) "
                                          "lewat musyawarah desa.").format(names=", ".join(missing)))

    def _show_buttons(self) -> None:
        check = self.check
        may = self.ctx.actor.can(Permission.PROPOSE_DTSEN)
        self.btn_propose.setVisible(check is not None and check.suggests_proposal)
        self.btn_propose.setEnabled(may)
        if not may:
            self.btn_propose.setToolTip(self.tr("Akun Anda tidak berwenang untuk tindakan ini."))
