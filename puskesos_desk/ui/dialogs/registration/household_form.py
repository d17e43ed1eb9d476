"""The household (KK) part of the registration form: No. KK or the reason there is none, address, RT/RW, dusun,
desa (the site's own by default) and phone, each with its message underneath."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from puskesos_desk.domain.nik import mask_id, strip_separators
from puskesos_desk.domain.records import HouseholdDraft
from puskesos_desk.domain.search import KkCheck
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import check_kk_live
from puskesos_desk.ui.dialogs.registration.choices import RegistrationChoices
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.region_picker import RegionPicker

LIVE_CHECK_DELAY_MS = 200
FIELDS = ("kk_number", "no_kk_reason", "address", "rt", "rw", "hamlet", "phone", "village_code")


WARNING_STYLE = "QLabel { color: #8a4b00; }"  # warnings never block: amber, not the red of errors


def warning_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(WARNING_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("lbl_error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def set_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class HouseholdForm(QWidget):
    """`finished()` when Enter is pressed in a household field: the officer goes on to the members."""

    finished = Signal()

    def __init__(self, ctx: ServiceContext, choices: RegistrationChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kk_check: KkCheck | None = None
        self._check_seq = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_CHECK_DELAY_MS)

        # Widgets
        self.edt_kk = QLineEdit()
        self.edt_kk.setPlaceholderText(self.tr("16 digit"))
        self.edt_kk.setMaxLength(24)
        self.cmb_no_kk_reason = QComboBox()
        self.cmb_no_kk_reason.addItem(self.tr("(ada No. KK)"), "")
        for item in choices.items("alasan_tanpa_kk"):
            self.cmb_no_kk_reason.addItem(item.label(current_language()), item.code)
        self.edt_address = QLineEdit()
        self.edt_address.setPlaceholderText(self.tr("Jalan/gang, nomor rumah atau nama dusun"))
        self.edt_rt = QLineEdit()
        self.edt_rt.setMaxLength(3)
        self.edt_rt.setPlaceholderText("001")
        self.edt_rw = QLineEdit()
        self.edt_rw.setMaxLength(3)
        self.edt_rw.setPlaceholderText("001")
        for small in (self.edt_rt, self.edt_rw):
            small.setFixedWidth(64)
        self.edt_hamlet = QLineEdit()
        self.edt_phone = QLineEdit()
        self.edt_phone.setPlaceholderText("08…")
        self.region_picker = RegionPicker(choices.regions, default_code=choices.site_village_code,
                                          default_path=choices.site_village_path)
        self.errors = {name: error_label() for name in FIELDS}
        self.lbl_kk_notice = warning_label()

        # Signals
        self.edt_kk.textChanged.connect(self._on_edt_kk_text_changed)
        self.edt_rt.textChanged.connect(self._on_edt_rt_text_changed)
        self.edt_rw.textChanged.connect(self._on_edt_rw_text_changed)
        self._timer.timeout.connect(self._on_timer_timeout)

        # Assemble
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        columns = (
            (self.tr("No. &KK"), self.edt_kk, "kk_number", 0),
            (self.tr("Alasan tanpa KK"), self.cmb_no_kk_reason, "no_kk_reason", 0),
            (self.tr("&Alamat"), self.edt_address, "address", 3),
            (self.tr("RT"), self.edt_rt, "rt", 0),
            (self.tr("RW"), self.edt_rw, "rw", 0),
            (self.tr("Dusun"), self.edt_hamlet, "hamlet", 1),
            (self.tr("Telepon"), self.edt_phone, "phone", 1),
        )
        for column, (text, widget, key, stretch) in enumerate(columns):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
            grid.addWidget(self.errors[key], 2, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, stretch)
        grid.addWidget(self.lbl_kk_notice, 3, 0, 1, 3)
        caption = QLabel(self.tr("Desa/kelurahan"))
        grid.addWidget(caption, 4, 0)
        grid.addWidget(self.region_picker, 4, 1, 1, len(columns) - 1)
        grid.addWidget(self.errors["village_code"], 5, 1, 1, len(columns) - 1)
        self.edt_kk.setMinimumWidth(160)
        self.cmb_no_kk_reason.setMinimumContentsLength(10)
        self.cmb_no_kk_reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    # --- data -----------------------------------------------------------------------------------------------

    def load(self, draft: HouseholdDraft) -> None:
        self.edt_kk.setText(draft.kk_number)
        self.cmb_no_kk_reason.setCurrentIndex(max(0, self.cmb_no_kk_reason.findData(draft.no_kk_reason)))
        self.edt_address.setText(draft.address)
        self.edt_rt.setText(draft.rt)
        self.edt_rw.setText(draft.rw)
        self.edt_hamlet.setText(draft.hamlet)
        self.edt_phone.setText(draft.phone)
        if draft.village_code and draft.village_code != self.region_picker.region_code():
            self.region_picker.set_region(draft.village_code, draft.village_code)

    def values(self) -> dict[str, str]:
        kk = self.edt_kk.text().strip()
        return {
            "kk_number": kk, "no_kk_reason": "" if kk else str(self.cmb_no_kk_reason.currentData() or ""),
            "address": self.edt_address.text().strip(), "rt": self.edt_rt.text().strip(),
            "rw": self.edt_rw.text().strip(), "hamlet": self.edt_hamlet.text().strip(),
            "phone": self.edt_phone.text().strip(), "village_code": self.region_picker.region_code(),
        }

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            set_message(label, errors.get(key, ""))

    def first_error_widget(self, errors: dict[str, str]) -> QWidget | None:
        widgets = {"kk_number": self.edt_kk, "address": self.edt_address, "rt": self.edt_rt, "rw": self.edt_rw,
                   "village_code": self.region_picker.btn_change}
        return next((widget for key, widget in widgets.items() if key in errors), None)

    # --- live checks ----------------------------------------------------------------------------------------

    def _on_edt_kk_text_changed(self, text: str) -> None:
        has_kk = bool(text.strip())
        self.cmb_no_kk_reason.setEnabled(not has_kk)
        if has_kk:
            self.cmb_no_kk_reason.setCurrentIndex(0)
        set_message(self.errors["kk_number"], "")
        self.lbl_kk_notice.setVisible(False)
        if len(strip_separators(text)) >= 16:
            self._timer.start()

    def _check_rt_rw(self, text: str, label: str, key: str) -> None:
        bad = text.strip() and not text.strip().isdigit()
        set_message(self.errors[key], self.tr("{label} hanya berisi angka, paling banyak 3 digit (misalnya 002).")
                    .format(label=label) if bad else "")

    def _on_edt_rt_text_changed(self, text: str) -> None:
        self._check_rt_rw(text, "RT", "rt")

    def _on_edt_rw_text_changed(self, text: str) -> None:
        self._check_rt_rw(text, "RW", "rw")

    def _on_timer_timeout(self) -> None:
        self._check_seq += 1
        seq, text, ctx = self._check_seq, self.edt_kk.text(), self.ctx
        run_op(self, lambda: check_kk_live(ctx, text), lambda result: self._show_kk_check(seq, result),
               lambda _error: None)

    def _show_kk_check(self, seq: int, check: KkCheck) -> None:
        if seq != self._check_seq:
            return
        self.kk_check = check
        set_message(self.errors["kk_number"], " ".join(check.errors))
        notes = list(check.warnings)
        for head in check.households:
            notes.append(self.tr("No. KK {kk} sudah dipakai keluarga {number} (kepala keluarga {name}).").format(
                kk=mask_id(check.kk_value), number=head.household_number, name=head.name))
        set_message(self.lbl_kk_notice, " ".join(notes))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finished.emit()
            event.accept()
            return
        super().keyPressEvent(event)
