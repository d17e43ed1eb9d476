"""The confirm card beside the search results: enough to recognise the person (never the whole NIK) and whether
they are registered at the Puskesos and/or in the DTSEN extract, with the desil and its as-of date."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.search import DeskHit, RegisterStatus
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.models.search_results_model import MATCH_NAMES, translated

_BADGE = "QLabel {{ background: {bg}; color: {fg}; border-radius: 4px; padding: 3px 8px; font-weight: 600; }}"
BADGE_REGISTERED = _BADGE.format(bg="#e3f4e8", fg="#1d6b35")
BADGE_NOT_REGISTERED = _BADGE.format(bg="#eef0f2", fg="#3e4c59")
BADGE_REGISTER = _BADGE.format(bg="#e6eff8", fg="#174b7c")
CARD_WIDTH = 340


class ConfirmCard(QFrame):
    """`open_requested(hit)`: open the registered household; `register_requested(hit)`: register a person who is
    only in the extract, prefilled from it."""

    open_requested = Signal(object)  # DeskHit
    register_requested = Signal(object)  # DeskHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFixedWidth(CARD_WIDTH)
        self.hit: DeskHit | None = None

        # Widgets
        self.lbl_empty = QLabel(self.tr("Ketik NIK, nomor KK, atau nama. Ringkasan orang yang dipilih tampil di sini."))
        self.lbl_empty.setObjectName("lbl_hint")
        self.lbl_empty.setWordWrap(True)
        self.lbl_name = QLabel()
        self.lbl_name.setObjectName("lbl_title")
        self.lbl_name.setWordWrap(True)
        self.lbl_details = QLabel()
        self.lbl_details.setWordWrap(True)
        self.lbl_nik = QLabel()
        self.lbl_nik.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.lbl_household = QLabel()
        self.lbl_household.setWordWrap(True)
        self.lbl_badge_puskesos = QLabel()
        self.lbl_badge_register = QLabel()
        self.lbl_badge_register.setWordWrap(True)
        self.lbl_programs = QLabel()
        self.lbl_programs.setWordWrap(True)
        self.lbl_programs.setObjectName("lbl_hint")
        self.lbl_match = QLabel()
        self.lbl_match.setObjectName("lbl_hint")
        self.btn_open = QPushButton(self.tr("Buka keluarga (Enter)"))
        self.btn_open.setAutoDefault(False)
        self.btn_register = QPushButton(self.tr("Daftarkan dari data DTSEN"))
        self.btn_register.setAutoDefault(False)

        # Signals
        self.btn_open.clicked.connect(self._on_btn_open_clicked)
        self.btn_register.clicked.connect(self._on_btn_register_clicked)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.lbl_empty)
        layout.addWidget(self.lbl_name)
        layout.addWidget(self.lbl_details)
        layout.addWidget(self.lbl_nik)
        layout.addWidget(self.lbl_household)
        badges = QVBoxLayout()
        badges.setSpacing(6)
        for badge in (self.lbl_badge_puskesos, self.lbl_badge_register):
            row = QHBoxLayout()
            row.addWidget(badge)
            row.addStretch(1)
            badges.addLayout(row)
        layout.addLayout(badges)
        layout.addWidget(self.lbl_programs)
        layout.addWidget(self.lbl_match)
        layout.addStretch(1)
        layout.addWidget(self.btn_open)
        layout.addWidget(self.btn_register)
        self.show_hit(None)

    def show_hit(self, hit: DeskHit | None) -> None:
        self.hit = hit
        shown = hit is not None
        self.lbl_empty.setVisible(not shown)
        for widget in (self.lbl_name, self.lbl_details, self.lbl_nik, self.lbl_household, self.lbl_badge_puskesos,
                       self.lbl_badge_register, self.lbl_programs, self.lbl_match):
            widget.setVisible(shown)
        self.btn_open.setVisible(shown and hit.registered)  # type: ignore[union-attr]
        self.btn_register.setVisible(shown and not hit.registered)  # type: ignore[union-attr]
        if hit is None:
            return
        self.lbl_name.setText(hit.name)
        details = [self.tr("Lahir {year}").format(year=hit.birth_year) if hit.birth_year else self.tr("Tahun lahir ?")]
        if hit.sex:
            details.append(self.tr("Laki-laki") if hit.sex == "L" else self.tr("Perempuan"))
        if hit.rt or hit.rw:
            details.append(self.tr("RT {rt} / RW {rw}").format(rt=hit.rt or "-", rw=hit.rw or "-"))
        self.lbl_details.setText(" · ".join(details))
        self.lbl_nik.setText(self.tr("NIK {nik}").format(nik=mask_id(hit.nik)) if hit.nik else self.tr("Tanpa NIK"))
        household = []
        if hit.household_number:
            household.append(self.tr("Keluarga {number}").format(number=hit.household_number))
        if hit.kk_number:
            household.append(self.tr("No. KK {kk}").format(kk=mask_id(hit.kk_number)))
        self.lbl_household.setText(" · ".join(household))
        self.lbl_household.setVisible(bool(household))
        if hit.registered:
            self.lbl_badge_puskesos.setText(self.tr("Terdaftar di Puskesos"))
            self.lbl_badge_puskesos.setStyleSheet(BADGE_REGISTERED)
        else:
            self.lbl_badge_puskesos.setText(self.tr("Belum terdaftar di Puskesos"))
            self.lbl_badge_puskesos.setStyleSheet(BADGE_NOT_REGISTERED)
        entry = hit.register
        if entry is None:
            self.lbl_badge_register.setText(self.tr("Tidak ada di data DTSEN/DTKS yang aktif"))
            self.lbl_badge_register.setStyleSheet(BADGE_NOT_REGISTERED)
            self.lbl_programs.setVisible(False)
        else:
            self.lbl_badge_register.setText(self.register_text(entry))
            self.lbl_badge_register.setStyleSheet(BADGE_REGISTER)
            self.lbl_programs.setText(
                self.tr("Program menurut {dataset}: {programs}").format(
                    dataset=entry.dataset,
                    programs=", ".join(code.replace("_", " ") for code in entry.programs) or self.tr("tidak ada"))
            )
        self.lbl_match.setText(self.tr("Ditemukan lewat: {how}").format(how=translated(MATCH_NAMES, hit.matched_by)))
        self.btn_register.setText(self.tr("Daftarkan dari data {dataset}").format(
            dataset=entry.dataset if entry else "DTSEN"))

    def register_text(self, entry: RegisterStatus) -> str:
        when = format_date_long(entry.as_of)
        if entry.desil is None:
            return self.tr("Ada di data {dataset} (per tanggal {date})").format(dataset=entry.dataset, date=when)
        return self.tr("Ada di data {dataset} (desil {desil}, per tanggal {date})").format(
            dataset=entry.dataset, desil=entry.desil, date=when)

    def _on_btn_open_clicked(self) -> None:
        if self.hit is not None:
            self.open_requested.emit(self.hit)

    def _on_btn_register_clicked(self) -> None:
        if self.hit is not None:
            self.register_requested.emit(self.hit)
