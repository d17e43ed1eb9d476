"""The household at a glance: number and head, masked KK, address, and its standing in the DTSEN extract.

Users who may unmask get a small "Tampilkan No. KK" button; the page asks for a reason, the service audits it, and
the full number shows here until `conceal_kk` or the next `show_detail`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from puskesos_desk.domain.casework import HouseholdDetail
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.widgets.wrapped_label import fit_lines, keep_lines


class HouseholdHeaderCard(QFrame):
    reveal_kk_requested = Signal()
    correction_requested = Signal()  # "Koreksi data keluarga…": the household's own facts (KK, address)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        # Widgets
        self.lbl_title = QLabel()
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_kk = QLabel()
        self.btn_reveal_kk = QPushButton(self.tr("Tampilkan No. KK"))
        self.btn_reveal_kk.setFlat(True)
        self.btn_reveal_kk.setToolTip(self.tr("Tampilkan No. KK lengkap; alasannya dicatat di log audit"))
        self.btn_reveal_kk.setVisible(False)
        self.btn_correct = QPushButton(self.tr("Koreksi data keluarga…"))
        self.btn_correct.setFlat(True)
        self.btn_correct.setToolTip(self.tr("Perbaiki No. KK atau alamat yang salah tercatat; alasannya dicatat"))
        self.btn_correct.setVisible(False)
        self._kk_masked = ""
        self._has_kk = False
        self.lbl_address = QLabel()
        self.lbl_address.setWordWrap(True)
        self.lbl_dtsen = QLabel()
        self.lbl_dtsen.setObjectName("lbl_hint")
        self.lbl_members = QLabel()
        self.lbl_members.setObjectName("lbl_hint")
        for line in (self.lbl_dtsen, self.lbl_members):  # the KK line and its buttons keep their width at 125 %
            line.setWordWrap(True)
        keep_lines(self.lbl_address, self.lbl_dtsen, self.lbl_members)  # the page's minimum counts every line

        # Signals
        self.btn_reveal_kk.clicked.connect(self.reveal_kk_requested)
        self.btn_correct.clicked.connect(self.correction_requested)

        # Assemble
        kk_line = QHBoxLayout()
        kk_line.setContentsMargins(0, 0, 0, 0)
        kk_line.setSpacing(12)
        kk_line.addWidget(self.lbl_kk)
        kk_line.addWidget(self.btn_reveal_kk)
        kk_line.addWidget(self.btn_correct)
        kk_line.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.lbl_title, 0, 0, 1, 2)
        grid.addLayout(kk_line, 1, 0)
        grid.addWidget(self.lbl_dtsen, 1, 1)
        grid.addWidget(self.lbl_address, 2, 0)
        grid.addWidget(self.lbl_members, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The style sheet's min-width is an explicit minimum, which a layout honours instead of the text's width:
        # the KK column (stretch 3 of 5) would cut these texts at 125 %. Polished by now, so the hint is final.
        for button in (self.btn_reveal_kk, self.btn_correct):
            button.setMinimumWidth(button.sizeHint().width())

    def show_detail(self, detail: HouseholdDetail, reason_label: str) -> None:
        header = detail.household
        self.lbl_title.setText(f"{header.head_name} · {header.number}")
        kk = mask_id(header.kk_number) if header.kk_number else self.tr("tanpa KK ({reason})").format(
            reason=reason_label)
        self._kk_masked = self.tr("No. KK {kk}").format(kk=kk)
        self.lbl_kk.setText(self._kk_masked)
        self._has_kk = bool(header.kk_number)
        self.btn_reveal_kk.setEnabled(self._has_kk)
        place = [header.address, self.tr("RT {rt}/RW {rw}").format(rt=header.rt, rw=header.rw)]
        if header.hamlet:
            place.append(self.tr("Dusun {name}").format(name=header.hamlet))
        if header.village_name:
            place.append(self.tr("Desa {name}").format(name=header.village_name))
        self.lbl_address.setText(", ".join(p for p in place if p))
        register = detail.register
        if register is None:
            self.lbl_dtsen.setText(self.tr("Tidak ada di data DTSEN yang aktif"))
        elif register.desil is not None:
            self.lbl_dtsen.setText(self.tr("Ada di data {dataset}: desil {desil}, per {date}").format(
                dataset=register.dataset, desil=register.desil, date=format_date_long(register.as_of)))
        else:
            self.lbl_dtsen.setText(self.tr("Ada di data {dataset}, per {date}").format(
                dataset=register.dataset, date=format_date_long(register.as_of)))
        present = len(detail.present_members())
        self.lbl_members.setText(self.tr("{present} anggota tinggal bersama, {total} tercatat").format(
            present=present, total=len(detail.members)))
        for line in (self.lbl_address, self.lbl_dtsen, self.lbl_members):  # another household's texts
            fit_lines(line)

    def allow_reveal(self, allowed: bool) -> None:
        self.btn_reveal_kk.setVisible(allowed)

    def allow_correction(self, allowed: bool) -> None:
        self.btn_correct.setVisible(allowed)

    def reveal_kk(self, kk_number: str) -> None:
        self.lbl_kk.setText(self.tr("No. KK {kk}").format(kk=kk_number))
        self.btn_reveal_kk.setEnabled(False)

    def conceal_kk(self) -> None:
        self.lbl_kk.setText(self._kk_masked)
        self.btn_reveal_kk.setEnabled(self._has_kk)
