"""Step 4, Akun Admin, and the moment the site is created: username, full name, password typed twice (the rule
shown above the fields). "Buat situs" checks everything first, then creates the site, its key pair and the Admin
in one transaction (services/first_run.create_site) and saves the letterhead. A refusal is shown beside its field;
a failure writes nothing and the button can be pressed again. If only the letterhead could not be saved, the site
is kept and the same button saves the letterhead again."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard

from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.services.first_run import AdminInput, CreatedSite, apply_letterhead, check_admin, create_site
from puskesos_desk.services.passwords import MIN_LENGTH
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label, message_label, say, with_messages

log = logging.getLogger(__name__)


class AdminPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self._busy = False
        # Widgets
        self.lbl_intro = hint_label()
        self.lbl_rule = QLabel()
        self.lbl_rule.setObjectName("card")
        self.lbl_rule.setWordWrap(True)
        self.lbl_rule.setMargin(10)
        self.edt_username = QLineEdit("admin")
        self.edt_username.setObjectName("edt_admin_username")
        self.edt_username.setMaxLength(40)
        self.edt_full_name = QLineEdit()
        self.edt_full_name.setObjectName("edt_admin_full_name")
        self.edt_full_name.setMaxLength(120)
        self.edt_password = QLineEdit()
        self.edt_password.setObjectName("edt_admin_password")
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_repeat = QLineEdit()
        self.edt_repeat.setObjectName("edt_admin_repeat")
        self.edt_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.lbl_errors = {field: message_label(warning=True) for field in ("username", "password", "repeat", "site")}
        self.lbl_status = message_label()

        # Signals
        for edit, field in ((self.edt_username, "username"), (self.edt_password, "password"),
                            (self.edt_repeat, "repeat")):
            edit.textEdited.connect(lambda _text, field=field: say(self.lbl_errors[field], ""))

        # Assemble
        self.lbl_captions = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for caption, edit, field in zip(self.lbl_captions,
                                        (self.edt_username, self.edt_full_name, self.edt_password, self.edt_repeat),
                                        ("username", None, "password", "repeat"), strict=True):
            caption.setBuddy(edit)
            form.addRow(caption, with_messages(edit, self.lbl_errors[field]) if field else edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addWidget(self.lbl_rule)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.lbl_errors["site"])
        layout.addWidget(self.lbl_status)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Akun Admin"))
        self.setSubTitle(self.tr("Admin mengurus akun petugas dan pengaturan. Setelah langkah ini situs dibuat."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Buat situs"))
        self.lbl_intro.setText(self.tr(
            "Akun ini milik satu orang (misalnya Kepala Puskesos atau operator desa), bukan akun bersama. Admin tidak "
            "melayani warga: petugas memakai akun masing-masing, yang dibuat pada langkah berikutnya."))
        self.lbl_rule.setText(self.tr(
            "Aturan kata sandi: paling sedikit {n} karakter; tidak sama dengan nama pengguna; bukan kata yang mudah "
            "ditebak seperti \"rahasia\", \"puskesos\" atau \"12345678\". Gabungan beberapa kata mudah diingat, "
            "misalnya kebun-jati-pagi-7.").format(n=MIN_LENGTH))
        for caption, text in zip(self.lbl_captions, (self.tr("&Nama pengguna"), self.tr("Nama &lengkap"),
                                                     self.tr("&Kata sandi"), self.tr("&Ulangi kata sandi")),
                                 strict=True):
            caption.setText(text)
        self.edt_full_name.setPlaceholderText(self.tr("misalnya: Sri Wahyuni"))

    def initializePage(self) -> None:
        (self.edt_full_name if self.edt_username.text() else self.edt_username).setFocus()

    def isComplete(self) -> bool:
        return not self._busy

    def is_busy(self) -> bool:
        return self._busy

    def admin_input(self) -> AdminInput:
        return AdminInput(username=self.edt_username.text().strip(), full_name=" ".join(self.edt_full_name.text()
                                                                                     .split()),
                          password=self.edt_password.text())

    # --- creating the site -------------------------------------------------------------------------------------------

    def validatePage(self) -> bool:
        wizard = self.first_run()
        if self._busy:
            return False
        if wizard.created is not None:
            if wizard.letterhead_pending:
                self._save_letterhead_again()
                return False
            return True
        for label in self.lbl_errors.values():
            say(label, "")
        admin = self.admin_input()
        try:
            check_admin(admin, repeated=self.edt_repeat.text())
        except InputRejected as exc:
            self._show_refusal(exc)
            return False
        db, hand, setup, head = wizard.db, wizard.hand_site(), wizard.setup_text(), wizard.page_letterhead.letterhead()
        self._set_busy(True, self.tr("Membuat situs, kunci situs dan akun Admin…"))
        run_op(self, lambda: create_site(db, admin=admin, letterhead=head, hand=hand, setup_text=setup),
               self._on_created, self._on_create_failed, writes=True)
        return False

    def _set_busy(self, busy: bool, status: str = "") -> None:
        self._busy = busy
        for edit in (self.edt_username, self.edt_full_name, self.edt_password, self.edt_repeat):
            edit.setEnabled(not busy and self.first_run().created is None)
        say(self.lbl_status, status)
        self.completeChanged.emit()

    def _show_refusal(self, error: InputRejected) -> None:
        field = error.field if error.field in self.lbl_errors else "site"
        if field == "name" and self.first_run().hand_site() is not None:
            self.first_run().page_region.show_name_error(error.message)
        say(self.lbl_errors[field], error.message)
        edit = {"username": self.edt_username, "password": self.edt_password, "repeat": self.edt_repeat}.get(field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def _on_created(self, created: CreatedSite) -> None:
        wizard = self.first_run()
        wizard.site_created(created)
        self._set_busy(False)
        if created.letterhead_error:
            self._show_letterhead_problem(created.letterhead_error)
            return
        wizard.next()

    def _on_create_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, InputRejected):
            self._show_refusal(error)
        elif isinstance(error, PuskesosError):
            say(self.lbl_errors["site"], self.tr("{reason} Belum ada yang disimpan; tekan Buat situs lagi.")
                .format(reason=error.message))
        else:
            say(self.lbl_errors["site"], self.tr("Situs belum dibuat karena kesalahan sistem. Belum ada yang "
                                                 "disimpan; tekan Buat situs lagi."))
            show_error(self, error)

    def _show_letterhead_problem(self, reason: str) -> None:
        say(self.lbl_errors["site"], self.tr(
            "Situs dan akun Admin sudah dibuat, tetapi kop surat belum tersimpan: {reason} Tekan Buat situs lagi untuk "
            "menyimpan kop surat. Bila tetap gagal, tutup penyiapan ini: situs sudah siap, dan kop surat dapat diisi "
            "di Pengaturan → Surat dan kop.").format(reason=reason))

    def _save_letterhead_again(self) -> None:
        wizard = self.first_run()
        db, head = wizard.db, wizard.page_letterhead.letterhead()
        self._set_busy(True, self.tr("Menyimpan kop surat…"))
        run_op(self, lambda: apply_letterhead(db, head), self._on_letterhead_saved, self._on_letterhead_failed,
               writes=True)

    def _on_letterhead_saved(self, _site: object) -> None:
        self.first_run().letterhead_saved()
        self._set_busy(False)
        say(self.lbl_errors["site"], "")
        self.first_run().next()

    def _on_letterhead_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, PuskesosError):
            self._show_letterhead_problem(error.message)
        else:
            show_error(self, error)
