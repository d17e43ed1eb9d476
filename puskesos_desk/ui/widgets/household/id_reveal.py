"""Showing a member's NIK or the household's No. KK in full, on the household page, for users who may unmask.

The user gives a short reason (a preset or their own words); services/identity_reveal.py checks the permission and
writes the UNMASK audit event; the number then shows in place for REVEAL_SECONDS, or until the page reloads.
Everyone else never gets the button or the menu entry, and the service refuses them anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.casework import MemberRow
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.identity_reveal import REASON_MAX_LENGTH, REASON_PRESETS, reveal_ids
from puskesos_desk.ui.widgets.household.dialog_runner import DialogRunner
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error
from puskesos_desk.ui.widgets.household.household_header import HouseholdHeaderCard
from puskesos_desk.ui.widgets.household.members_table import MembersTable

REVEAL_SECONDS = 60
KK_KEY = "kk"  # the timer key of the household's No. KK (members are keyed by person id)


class RevealReasonDialog(FormDialog):
    """Asks why the full number is needed; the reason goes into the audit trail with the reveal."""

    def __init__(self, what: str, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tampilkan {what} lengkap").format(what=what), parent)

        # Widgets
        self.lbl_intro = QLabel(self.tr(
            "{what} {subject} akan tampil lengkap selama {seconds} detik. Tindakan ini dan alasannya dicatat di log "
            "audit.").format(what=what, subject=subject, seconds=REVEAL_SECONDS))
        self.lbl_intro.setWordWrap(True)
        self.cmb_reason = QComboBox()
        self.cmb_reason.setEditable(True)
        self.cmb_reason.addItems(list(REASON_PRESETS))
        self.cmb_reason.lineEdit().setMaxLength(REASON_MAX_LENGTH)
        self.cmb_reason.lineEdit().setPlaceholderText(self.tr("Pilih atau tulis alasan lain"))
        self.cmb_reason.setCurrentIndex(-1)
        self.cmb_reason.setMinimumWidth(320)
        self.btn_save.setText(self.tr("Tampilkan"))
        self.setMinimumWidth(480)  # the whole error line fits without wrapping

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("Alasan"), with_error(self.cmb_reason, self.error_for("reason")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(form)
        layout.addLayout(self.button_row())

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy:
            self.btn_save.setText(self.tr("Tampilkan"))

    def focus_first_error(self) -> None:
        self.cmb_reason.setFocus()

    def build_draft(self) -> str | None:
        reason = self.cmb_reason.currentText().strip()
        if not reason:
            self.show_errors({"reason": self.tr("Pilih atau tulis alasan menampilkan nomor lengkap.")})
            return None
        return reason


class IdReveal(QObject):
    """Wires the members table's "Tampilkan NIK", its small button, and the header's "Tampilkan No. KK"."""

    def __init__(self, page: QWidget, ctx: ServiceContext, members: MembersTable, card: HouseholdHeaderCard) -> None:
        super().__init__(page)
        self.page, self.ctx, self.members, self.card = page, ctx, members, card
        self.runner = DialogRunner(page)  # its own runner: a reveal is not a save, the page must not reload
        self.household_id: str | None = None
        self.timers: dict[str, QTimer] = {}
        can = ctx.actor.can
        card.allow_reveal(can(Permission.UNMASK_ID))

        # Widgets
        self.btn_reveal_nik = QPushButton(self.tr("Tampilkan NIK"))
        self.btn_reveal_nik.setToolTip(self.tr("Tampilkan NIK lengkap anggota yang dipilih; alasannya dicatat"))
        self.btn_reveal_nik.setVisible(can(Permission.UNMASK_ID))
        self.btn_reveal_nik.setEnabled(False)

        # Signals
        self.btn_reveal_nik.clicked.connect(members.act_reveal_nik.trigger)
        members.act_reveal_nik.changed.connect(self._on_act_reveal_nik_changed)
        members.reveal_requested.connect(self.ask_nik)
        card.reveal_kk_requested.connect(self.ask_kk)

    @property
    def active_dialog(self) -> RevealReasonDialog | None:
        dialog = self.runner.active
        return dialog if isinstance(dialog, RevealReasonDialog) else None

    def loaded(self, household_id: str) -> None:
        """The page (re)loaded: everything shows masked again, so no timer is left to run."""
        self.household_id = household_id
        for timer in self.timers.values():
            timer.stop()
        self.timers.clear()

    def ask_nik(self, member: MemberRow) -> None:
        if self.runner.active is not None:
            return
        ctx, person_id = self.ctx, member.id
        self.runner.open(RevealReasonDialog(self.tr("NIK"), member.name, self.page),
                         lambda reason: reveal_ids(ctx, person_id=person_id, reason=reason),
                         lambda nik: self._show_nik(person_id, nik))

    def ask_kk(self) -> None:
        if self.runner.active is not None or self.household_id is None:
            return
        ctx, household_id = self.ctx, self.household_id
        self.runner.open(RevealReasonDialog(self.tr("No. KK"), self.tr("keluarga ini"), self.page),
                         lambda reason: reveal_ids(ctx, household_id=household_id, reason=reason),
                         self._show_kk)

    def conceal(self, key: str) -> None:
        timer = self.timers.pop(key, None)
        if timer is not None:
            timer.stop()
        if key == KK_KEY:
            self.card.conceal_kk()
        else:
            self.members.model_.conceal(key)
            self.members.update_actions()

    def _show_nik(self, person_id: str, nik: str) -> None:
        self.members.model_.reveal(person_id, nik)
        self.members.update_actions()
        self._conceal_later(person_id)

    def _show_kk(self, kk_number: str) -> None:
        self.card.reveal_kk(kk_number)
        self._conceal_later(KK_KEY)

    def _conceal_later(self, key: str) -> None:
        if key in self.timers:
            self.timers.pop(key).stop()
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(REVEAL_SECONDS * 1000)
        timer.timeout.connect(self._conceal_callback(key))
        timer.start()
        self.timers[key] = timer

    def _conceal_callback(self, key: str) -> Callable[[], None]:
        return lambda: self.conceal(key)

    def _on_act_reveal_nik_changed(self) -> None:
        self.btn_reveal_nik.setEnabled(self.members.act_reveal_nik.isEnabled())
