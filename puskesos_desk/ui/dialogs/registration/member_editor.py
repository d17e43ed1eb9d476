"""One member row of the registration form, typed field by field.

A valid NIK fills an empty birth date and sex at once (decoded locally, no wait) and shows its warnings without
blocking; registered persons with the same NIK, or the same normalised name and birth date, are looked up in the
background and offered (open that household / compare). Enter anywhere, or Tab out of the last field, finishes the
member: `committed` is emitted and the dialog moves on to the next one.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.nik import check_nik, strip_separators
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.domain.search import DuplicateHit, MemberCheck
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import check_member_live
from puskesos_desk.ui.dialogs.registration.choices import RegistrationChoices, format_typed_date, parse_typed_date
from puskesos_desk.ui.dialogs.registration.household_form import error_label, set_message, warning_label
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.ops import run_op

LIVE_CHECK_DELAY_MS = 250
NIK_LENGTH = 16
FIELDS = ("nik", "name", "birth_place", "birth_date", "sex", "relation", "marital_status", "education",
          "school_status", "occupation", "disability", "residence_status")


class MemberEditor(QWidget):
    committed = Signal()
    nik_decoded = Signal(object, object)  # birth date, sex ("L"/"P")
    open_household_requested = Signal(str)  # household id of a person with the same NIK
    compare_requested = Signal(object)  # DuplicateHit

    def __init__(self, ctx: ServiceContext, choices: RegistrationChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live: MemberCheck | None = None
        self._seq = 0
        self._prefilled_date = ""
        self._prefilled_sex = ""
        self._touched: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_CHECK_DELAY_MS)
        language = current_language()

        def combo(list_name: str, empty: str | None, name: str) -> QComboBox:
            box = QComboBox()
            box.setObjectName(name)
            if empty is not None:
                box.addItem(empty, "")
            for item in choices.items(list_name):
                box.addItem(item.label(language), item.code)
            return box

        # Widgets
        self.lbl_title = QLabel()
        self.lbl_title.setObjectName("lbl_card_title")
        self.edt_nik = QLineEdit()
        self.edt_nik.setPlaceholderText(self.tr("16 digit"))
        self.edt_nik.setMaxLength(24)
        self.cmb_no_nik_reason = combo("alasan_tanpa_nik", self.tr("(ada NIK)"), "cmb_no_nik_reason")
        self.edt_name = QLineEdit()
        self.edt_birth_place = QLineEdit()
        self.edt_birth_date = QLineEdit()
        self.edt_birth_date.setPlaceholderText(self.tr("hhbbtttt"))
        self.edt_birth_date.setToolTip(self.tr("Ketik tanggal tanpa pemisah (15051980) atau dengan / (15/05/1980)"))
        self.cmb_sex = combo("jenis_kelamin", "–", "cmb_sex")
        self.cmb_relation = combo("hubungan_kk", None, "cmb_relation")
        self.cmb_marital = combo("status_kawin", "–", "cmb_marital")
        self.cmb_education = combo("pendidikan", "–", "cmb_education")
        self.cmb_school = combo("status_sekolah", "–", "cmb_school")
        self.cmb_occupation = combo("pekerjaan", "–", "cmb_occupation")
        self.cmb_disability = combo("disabilitas_jenis", self.tr("Tidak ada"), "cmb_disability")
        self.cmb_residence = combo("status_keberadaan", None, "cmb_residence")
        self.chk_documents: dict[str, QCheckBox] = {}
        for item in choices.documents():
            short = {"KTP_EL": self.tr("KTP-el"), "AKTA_LAHIR": self.tr("Akta lahir"), "KIA": self.tr("KIA")}
            box = QCheckBox(short.get(item.code, item.label(language)))
            box.setToolTip(item.label(language))
            self.chk_documents[item.code] = box
        self.errors = {name: error_label() for name in FIELDS}
        self.lbl_nik_warning = warning_label()
        self.lbl_duplicate = warning_label()
        self.btn_open_existing = QPushButton(self.tr("Buka keluarga itu"))
        self.btn_compare = QPushButton(self.tr("Bandingkan"))
        self.wdg_duplicate = QWidget()
        self.wdg_duplicate.setVisible(False)
        for button in (self.btn_open_existing, self.btn_compare):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # offered, never in the typing path

        # Signals
        self.edt_nik.textChanged.connect(self._on_edt_nik_text_changed)
        self.edt_nik.editingFinished.connect(self._on_edt_nik_editing_finished)
        self.edt_name.textChanged.connect(self._on_edt_name_text_changed)
        self.edt_birth_date.textChanged.connect(self._on_edt_birth_date_text_changed)
        self.edt_birth_date.editingFinished.connect(self._on_edt_birth_date_editing_finished)
        self.cmb_sex.activated.connect(self._on_cmb_sex_activated)
        self.cmb_relation.activated.connect(self._on_cmb_relation_activated)
        self.cmb_marital.activated.connect(self._on_cmb_marital_activated)
        self.btn_open_existing.clicked.connect(self._on_btn_open_existing_clicked)
        self.btn_compare.clicked.connect(self._on_btn_compare_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)

        # Assemble
        documents = QWidget()
        documents_row = QHBoxLayout(documents)
        documents_row.setContentsMargins(0, 0, 0, 0)
        for box in self.chk_documents.values():
            documents_row.addWidget(box)
        identity = (
            (self.tr("&NIK"), self.edt_nik, "nik", 1), (self.tr("Alasan tanpa NIK"), self.cmb_no_nik_reason, "", 1),
            (self.tr("Na&ma"), self.edt_name, "name", 3),
            (self.tr("Tempat lahir"), self.edt_birth_place, "birth_place", 1),
            (self.tr("Tgl lahir"), self.edt_birth_date, "birth_date", 1), (self.tr("JK"), self.cmb_sex, "sex", 0),
            (self.tr("Hubungan"), self.cmb_relation, "relation", 1),
        )
        details = (
            (self.tr("Status kawin"), self.cmb_marital, "marital_status", 1),
            (self.tr("Pendidikan"), self.cmb_education, "education", 1),
            (self.tr("Status sekolah"), self.cmb_school, "school_status", 1),
            (self.tr("Pekerjaan"), self.cmb_occupation, "occupation", 1),
            (self.tr("Disabilitas"), self.cmb_disability, "disability", 1),
            (self.tr("Keberadaan"), self.cmb_residence, "residence_status", 1),
            (self.tr("Dokumen dimiliki"), documents, "", 0),
        )
        for box in (self.cmb_marital, self.cmb_education, self.cmb_school, self.cmb_occupation, self.cmb_disability,
                    self.cmb_residence, self.cmb_no_nik_reason, self.cmb_relation, self.cmb_sex):
            box.setMinimumContentsLength(9 if box is self.cmb_sex else 6)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.edt_nik.setMinimumWidth(160)
        duplicate_row = QHBoxLayout(self.wdg_duplicate)
        duplicate_row.setContentsMargins(0, 0, 0, 0)
        duplicate_row.addWidget(self.lbl_duplicate, 1)
        self.lbl_duplicate.setVisible(True)  # shown and hidden with its row (now that it has a parent)
        duplicate_row.addWidget(self.btn_open_existing)
        duplicate_row.addWidget(self.btn_compare)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.lbl_title)
        layout.addLayout(self._fields_grid(identity))
        layout.addWidget(self.lbl_nik_warning)
        layout.addWidget(self.wdg_duplicate)
        layout.addLayout(self._fields_grid(details))
        chain = [self.edt_nik, self.cmb_no_nik_reason, self.edt_name, self.edt_birth_place, self.edt_birth_date,
                 self.cmb_sex, self.cmb_relation, self.cmb_marital, self.cmb_education, self.cmb_school,
                 self.cmb_occupation, self.cmb_disability, self.cmb_residence, *self.chk_documents.values()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._last_field = chain[-1]
        self._last_field.installEventFilter(self)

    def _fields_grid(self, fields: tuple[tuple[str, QWidget, str, int], ...]) -> QGridLayout:
        """Captions above fields, each field's message under it."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        for column, (text, widget, key, stretch) in enumerate(fields):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
            if key:
                grid.addWidget(self.errors[key], 2, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, stretch)
        return grid

    # --- loading and reading --------------------------------------------------------------------------------

    def load(self, member: MemberDraft | None, *, title: str, relation: str) -> None:
        """Show `member` (None: an empty row with `relation` proposed) and put the cursor in the NIK field."""
        self._seq += 1
        self._timer.stop()
        self._touched = set()
        self._prefilled_date = self._prefilled_sex = ""
        self.live = None
        blank = member or MemberDraft(name="", relation=relation, sex="", birth_date=None)
        self.lbl_title.setText(title)
        self.edt_nik.setText(blank.nik)
        self._select(self.cmb_no_nik_reason, blank.no_nik_reason)
        self.edt_name.setText(blank.name)
        self.edt_birth_place.setText(blank.birth_place)
        self.edt_birth_date.setText(format_typed_date(blank.birth_date))
        self._select(self.cmb_sex, blank.sex)
        self._select(self.cmb_relation, blank.relation)
        self._select(self.cmb_marital, blank.marital_status)
        self._select(self.cmb_education, blank.education)
        self._select(self.cmb_school, blank.school_status)
        self._select(self.cmb_occupation, blank.occupation)
        self._select(self.cmb_disability, blank.disability[0] if blank.disability else "")
        self._select(self.cmb_residence, blank.residence_status or "ADA")
        for code, box in self.chk_documents.items():
            box.setChecked(code in blank.documents)
        if member is not None:
            self._touched = {"relation", "marital_status", "sex"}
        self.show_errors({})
        self.lbl_nik_warning.setVisible(False)
        self.wdg_duplicate.setVisible(False)
        self.edt_nik.setFocus()

    def member(self) -> MemberDraft:
        disability = str(self.cmb_disability.currentData() or "")
        nik = self.edt_nik.text().strip()
        return MemberDraft(
            name=" ".join(self.edt_name.text().split()), relation=str(self.cmb_relation.currentData() or ""),
            sex=str(self.cmb_sex.currentData() or ""), birth_date=parse_typed_date(self.edt_birth_date.text()),
            birth_place=self.edt_birth_place.text().strip(), nik=nik,
            no_nik_reason="" if nik else str(self.cmb_no_nik_reason.currentData() or ""),
            marital_status=str(self.cmb_marital.currentData() or ""),
            education=str(self.cmb_education.currentData() or ""),
            school_status=str(self.cmb_school.currentData() or ""),
            occupation=str(self.cmb_occupation.currentData() or ""), disability=(disability,) if disability else (),
            residence_status=str(self.cmb_residence.currentData() or "ADA"),
            documents=tuple(code for code, box in self.chk_documents.items() if box.isChecked()),
        )

    def is_blank(self) -> bool:
        return not (self.edt_nik.text().strip() or self.edt_name.text().strip() or self.edt_birth_date.text().strip())

    def local_errors(self) -> dict[str, str]:
        """What must be fixed before this member can join the list (the save checks everything again)."""
        errors: dict[str, str] = {}
        nik = self.edt_nik.text().strip()
        if nik:
            check = check_nik(nik, today=self.ctx.today())
            if check.errors:
                errors["nik"] = " ".join(f.message for f in check.errors)
        elif not self.cmb_no_nik_reason.currentData():
            errors["nik"] = self.tr("Isi NIK, atau pilih alasan tidak ada NIK.")
        if not self.edt_name.text().strip():
            errors["name"] = self.tr("Nama wajib diisi.")
        text = self.edt_birth_date.text().strip()
        if text and parse_typed_date(text) is None:
            errors["birth_date"] = self.tr("Tanggal tidak dikenali. Ketik seperti 15051980 atau 15/05/1980.")
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            set_message(label, errors.get(key, ""))

    def suggest(self, field: str, code: str) -> None:
        """Propose a relation or marital status unless the officer already chose one."""
        if field in self._touched or not code:
            return
        self._select(self.cmb_relation if field == "relation" else self.cmb_marital, code)

    @staticmethod
    def _select(box: QComboBox, code: str) -> None:
        position = box.findData(code)
        box.setCurrentIndex(position if position >= 0 else 0)

    # --- NIK, birth date and duplicates while typing --------------------------------------------------------

    def _on_edt_nik_text_changed(self, text: str) -> None:
        self.cmb_no_nik_reason.setEnabled(not text.strip())
        if text.strip():
            self.cmb_no_nik_reason.setCurrentIndex(0)
        if len(strip_separators(text)) >= NIK_LENGTH:
            self._check_nik(prefill=True)
        else:
            set_message(self.errors["nik"], "")
            self.lbl_nik_warning.setVisible(False)
        self._timer.start()

    def _on_edt_nik_editing_finished(self) -> None:
        if self.edt_nik.text().strip():
            self._check_nik(prefill=False)

    def _check_nik(self, *, prefill: bool) -> None:
        typed_date = self.edt_birth_date.text().strip()
        entered_date = None if typed_date == self._prefilled_date else parse_typed_date(typed_date)
        entered_sex = str(self.cmb_sex.currentData() or "")
        if entered_sex == self._prefilled_sex:
            entered_sex = ""
        check = check_nik(self.edt_nik.text(), birth_date=entered_date, sex=entered_sex or None,
                          today=self.ctx.today())
        set_message(self.errors["nik"], " ".join(f.message for f in check.errors))
        warnings = [f.message for f in check.warnings if f.code != "separators"]
        set_message(self.lbl_nik_warning, " ".join(warnings))
        if check.errors or check.birth_date is None:
            return
        if prefill and (not typed_date or typed_date == self._prefilled_date):
            self._prefilled_date = format_typed_date(check.birth_date)
            self.edt_birth_date.setText(self._prefilled_date)
        if prefill and check.sex and (not self.cmb_sex.currentData() or self._prefilled_sex):
            self._select(self.cmb_sex, check.sex)
            self._prefilled_sex = check.sex
        self.nik_decoded.emit(check.birth_date, check.sex)

    def _on_edt_name_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_edt_birth_date_text_changed(self, text: str) -> None:
        if text.strip() != self._prefilled_date:
            set_message(self.errors["birth_date"], "")
            if len(strip_separators(self.edt_nik.text())) == NIK_LENGTH:
                self._check_nik(prefill=False)
        self._timer.start()

    def _on_edt_birth_date_editing_finished(self) -> None:
        value = parse_typed_date(self.edt_birth_date.text())
        if value is not None and self.edt_birth_date.text() != format_typed_date(value):
            self.edt_birth_date.setText(format_typed_date(value))

    def _on_cmb_sex_activated(self, _index: int) -> None:
        self._touched.add("sex")
        self._prefilled_sex = ""
        if len(strip_separators(self.edt_nik.text())) == NIK_LENGTH:
            self._check_nik(prefill=False)

    def _on_cmb_relation_activated(self, _index: int) -> None:
        self._touched.add("relation")

    def _on_cmb_marital_activated(self, _index: int) -> None:
        self._touched.add("marital_status")

    def _on_timer_timeout(self) -> None:
        member = self.member()
        digits = strip_separators(member.nik)
        if len(digits) != NIK_LENGTH and not (member.name and member.birth_date):
            self.wdg_duplicate.setVisible(False)
            return
        self._seq += 1
        seq, ctx = self._seq, self.ctx
        run_op(self, lambda: check_member_live(ctx, nik=member.nik if len(digits) == NIK_LENGTH else "",
                                               name=member.name, birth_date=member.birth_date, sex=member.sex),
               lambda result: self._show_live(seq, result), lambda _error: None)

    def _show_live(self, seq: int, check: MemberCheck) -> None:
        if seq != self._seq:
            return
        self.live = check
        if check.same_nik:
            hit = check.same_nik[0]
            self.lbl_duplicate.setText(self.tr(
                "NIK ini sudah terdaftar atas nama {name}, keluarga {number} (RT {rt}/RW {rw}). Buka keluarga itu "
                "bila orangnya sama; bila tetap didaftarkan, data ganda dicatat untuk diperiksa."
            ).format(name=hit.name, number=hit.household_number, rt=hit.rt, rw=hit.rw))
        elif check.same_identity:
            hit = check.same_identity[0]
            self.lbl_duplicate.setText(self.tr(
                "Mungkin sudah terdaftar: {name}, lahir {born}, keluarga {number}. Bandingkan dulu; pendaftaran "
                "tetap bisa disimpan dan kemungkinan ganda dicatat untuk diperiksa."
            ).format(name=hit.name, born=format_typed_date(hit.birth_date), number=hit.household_number))
        self.btn_open_existing.setVisible(bool(check.same_nik))
        self.btn_compare.setVisible(bool(check.same_identity) and not check.same_nik)
        self.wdg_duplicate.setVisible(bool(check.same_nik or check.same_identity))

    def duplicate(self) -> DuplicateHit | None:
        if self.live is None:
            return None
        found = self.live.same_nik or self.live.same_identity
        return found[0] if found else None

    def _on_btn_open_existing_clicked(self) -> None:
        hit = self.duplicate()
        if hit is not None and hit.household_id:
            self.open_household_requested.emit(hit.household_id)

    def _on_btn_compare_clicked(self) -> None:
        hit = self.duplicate()
        if hit is not None:
            self.compare_requested.emit(hit)

    # --- keyboard -------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.committed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._last_field and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Tab:
            self.committed.emit()
            return True
        return super().eventFilter(watched, event)
