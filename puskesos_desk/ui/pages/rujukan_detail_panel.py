"""The selected referral in full: who, where to, what was asked, the DTSEN line printed on the slip, who drafted and
who signed, the response date, the outcome, and the timeline of every change. The action buttons below it are
enabled by what the service says this user may do next (`ReferralDetail.next_statuses`)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.referrals import FEEDBACK_STATUSES, ReferralDetail, ReferralEventRecord, ReferralRecord
from puskesos_desk.ui.formatting import format_date_long, format_date_short, format_time
from puskesos_desk.ui.models.referrals_model import (
    OUTCOME_NAMES,
    SOURCE_NAMES,
    STATUS_COLOURS,
    STATUS_NAMES,
    is_late,
    label,
)
from puskesos_desk.ui.widgets.split_button_row import SplitButtonRow

FIELDS_ABOUT = ("person", "household", "service", "requested", "summary", "register")
FIELDS_PROGRESS = ("documents", "drafted", "approved", "due", "result", "printed")
DETAIL_LINES = 8  # the details never get fewer lines than this under the list (the list keeps the rest)
PILL_STYLE = "QLabel {{ background: {bg}; color: {fg}; border-radius: 4px; padding: 3px 10px; font-weight: 600; }}"


class ReferralDetailPanel(QFrame):
    """Buttons say what the officer wants; the page does it. Each signal carries the referral's id."""

    approve_requested = Signal(str)
    preview_requested = Signal(str)
    feedback_requested = Signal(str)
    send_back_requested = Signal(str)
    cancel_requested = Signal(str)
    household_requested = Signal(str)  # household id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.detail: ReferralDetail | None = None

        # Widgets
        self.lbl_empty = QLabel(self.tr("Pilih rujukan di daftar untuk melihat rinciannya, atau pindai kode QR "
                                        "lembar balasan di atas."))
        self.lbl_empty.setObjectName("lbl_hint")
        self.lbl_empty.setWordWrap(True)
        self.lbl_number = QLabel()
        self.lbl_number.setObjectName("lbl_title")
        self.lbl_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_status = QLabel()
        self.lbl_status.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.lbl_late = QLabel()
        self.lbl_late.setObjectName("lbl_hint")
        self.lbl_late.setProperty("warning", True)
        self.lbl_late.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        self.grd_about = self._grid()
        self.grd_progress = self._grid()
        for key, caption in (
            ("person", self.tr("Warga")), ("household", self.tr("Nomor keluarga")),
            ("service", self.tr("Lembaga tujuan")), ("requested", self.tr("Layanan yang dimohon")),
            ("summary", self.tr("Ringkasan masalah")), ("register", self.tr("Status DTSEN")),
            ("documents", self.tr("Dokumen dibawa")), ("drafted", self.tr("Disusun oleh")),
            ("approved", self.tr("Disetujui oleh")), ("due", self.tr("Batas jawaban")),
            ("result", self.tr("Hasil")), ("printed", self.tr("Dicetak")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.values[key] = value
            grid = self.grd_about if key in FIELDS_ABOUT else self.grd_progress
            row = grid.rowCount()
            lbl_caption = QLabel(caption)
            lbl_caption.setObjectName("lbl_hint")
            grid.addWidget(lbl_caption, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            # No alignment flag for the value: an aligned widget gets its size hint, and a wrapped label's hint
            # assumes a wider line than the column has, so its last lines would be cut off.
            grid.addWidget(value, row, 1)
        for grid in (self.grd_about, self.grd_progress):
            grid.setRowStretch(grid.rowCount(), 1)  # rows keep their height; the room left stays below them
        self.lbl_timeline_title = QLabel(self.tr("Riwayat"))
        self.lbl_timeline_title.setObjectName("lbl_card_title")
        self.lbl_timeline = QLabel()
        self.lbl_timeline.setWordWrap(True)
        self.lbl_timeline.setTextFormat(Qt.TextFormat.RichText)
        self.lbl_timeline.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.btn_approve = QPushButton(self.tr("Setujui && tandatangani"))
        self.btn_approve.setToolTip(self.tr("Koordinator memutuskan layanan dan menandatangani surat rujukan"))
        self.btn_preview = QPushButton(self.tr("Pratinjau / Cetak surat"))
        self.btn_feedback = QPushButton(self.tr("Catat tanggapan…"))
        self.btn_send_back = QPushButton(self.tr("Kembalikan ke draf"))
        self.btn_send_back.setToolTip(self.tr("Kembalikan ke petugas untuk diperbaiki sebelum dicetak"))
        self.btn_cancel = QPushButton(self.tr("Batalkan rujukan…"))
        self.btn_household = QPushButton(self.tr("Buka keluarga"))
        for button in self._buttons():
            button.setAutoDefault(False)

        # Signals
        for button in self._buttons():
            button.clicked.connect(self._on_button_clicked)

        # Assemble: who and what on the left, how far it got in the middle, the timeline on the right
        header = QHBoxLayout()
        header.addWidget(self.lbl_number)
        header.addWidget(self.lbl_status)
        header.addSpacing(8)
        header.addWidget(self.lbl_late, 1)
        timeline = QVBoxLayout()
        timeline.addWidget(self.lbl_timeline_title)
        timeline.addWidget(self.lbl_timeline)
        timeline.addStretch(1)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 4, 0)
        columns.setSpacing(20)
        columns.addLayout(self.grd_about, 4)
        columns.addLayout(self.grd_progress, 3)
        columns.addLayout(timeline, 3)
        self.scr_body = QScrollArea()
        self.scr_body.setWidget(body)
        self.scr_body.setWidgetResizable(True)
        self.scr_body.setFrameShape(QFrame.Shape.NoFrame)
        self.scr_body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scr_body.setMinimumHeight(self.fontMetrics().lineSpacing() * DETAIL_LINES)
        self.scr_body.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        # The next steps on the left, the rarer ones on the right; where one row is too narrow for all six (a
        # 1366×768 screen at 125 %), the rarer ones go to a second row rather than lose their texts.
        self.lay_buttons = SplitButtonRow((self.btn_approve, self.btn_preview, self.btn_feedback),
                                          (self.btn_household, self.btn_send_back, self.btn_cancel))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.lbl_empty)
        layout.addLayout(header)
        layout.addWidget(self.scr_body, 1)
        layout.addLayout(self.lay_buttons)
        self.show_detail(None)

    @staticmethod
    def _grid() -> QGridLayout:
        """Caption and value side by side, both from the top: a value of four lines keeps its caption beside the
        first one (a form layout centres it)."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        return grid

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.btn_approve, self.btn_preview, self.btn_feedback, self.btn_send_back, self.btn_cancel,
                self.btn_household)

    def _on_button_clicked(self) -> None:
        detail = self.detail
        if detail is None:
            return
        record = detail.referral
        sender = self.sender()
        if sender is self.btn_household:
            self.household_requested.emit(record.household_id)
            return
        signals = {self.btn_approve: self.approve_requested, self.btn_preview: self.preview_requested,
                   self.btn_feedback: self.feedback_requested, self.btn_send_back: self.send_back_requested,
                   self.btn_cancel: self.cancel_requested}
        signal = signals.get(sender)  # type: ignore[call-overload]
        if signal is not None:
            signal.emit(record.id)

    # --- showing ---------------------------------------------------------------------------------------------------

    def referral_id(self) -> str | None:
        return self.detail.referral.id if self.detail else None

    def hidden_height(self) -> int:
        """How much taller the panel must be to show its details without scrolling (0 when they fit)."""
        body = self.scr_body.widget()
        width = self.scr_body.viewport().width()
        needed = body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height()
        return max(0, needed - self.scr_body.viewport().height())

    def show_detail(self, detail: ReferralDetail | None) -> None:
        self.detail = detail
        self.lbl_empty.setVisible(detail is None)
        for widget in (self.scr_body, self.lbl_number, self.lbl_status):
            widget.setVisible(detail is not None)
        self.lbl_late.setVisible(False)
        allowed = detail.next_statuses if detail else ()
        self.btn_approve.setEnabled(ReferralStatus.DISETUJUI in allowed)
        self.btn_preview.setEnabled(detail is not None)
        self.btn_feedback.setEnabled(any(status in allowed for status in FEEDBACK_STATUSES))
        self.btn_send_back.setEnabled(ReferralStatus.DRAFT in allowed)
        self.btn_cancel.setEnabled(ReferralStatus.DIBATALKAN in allowed)
        self.btn_household.setEnabled(detail is not None)
        if detail is None:
            return
        record = detail.referral
        self.lbl_number.setText(record.number)
        background, foreground = STATUS_COLOURS.get(record.status, ("#eef0f2", "#3e4c59"))
        self.lbl_status.setText(label(STATUS_NAMES, record.status))
        self.lbl_status.setStyleSheet(PILL_STYLE.format(bg=background, fg=foreground))
        self.lbl_late.setText(self.tr("Lewat batas jawaban %n hari kerja: hubungi lembaga tujuan.", "",
                                      record.working_days_late or 0))
        self.lbl_late.setVisible(is_late(record))
        for key, text in self._field_texts(record).items():
            self.values[key].setText(text)
        self.lbl_timeline.setText(self._timeline_html(detail.events))
        self.scr_body.verticalScrollBar().setValue(0)

    def _field_texts(self, record: ReferralRecord) -> dict[str, str]:
        approved = record.approved_by or self.tr("belum")
        if record.approved_by and record.approved_at is not None:
            approved = self.tr("{name}, {date}").format(
                name=record.approved_by, date=format_date_long(record.approved_at.astimezone().date()))
        if record.response_due is None:
            due = self.tr("dihitung saat surat pertama kali dicetak")
        else:
            due = format_date_long(record.response_due)
        return {
            "person": record.person_name,
            "household": record.household_number,
            "service": f"{record.organization}\n{record.service_name}",
            "requested": record.requested_service,
            "summary": record.problem_summary,
            "register": record.register.describe(),
            "documents": "\n".join(f"• {name}" for name in record.documents_attached) or "—",
            "drafted": self.tr("{name}, {date}").format(name=record.drafted_by,
                                                        date=format_date_long(record.letter_date)),
            "approved": approved,
            "due": due,
            "result": self._result_text(record),
            "printed": self.tr("%n kali", "", record.print_count) if record.print_count else self.tr("belum pernah"),
        }

    def _result_text(self, record: ReferralRecord) -> str:
        if record.status is ReferralStatus.DITOLAK:
            return self.tr("Ditolak: {reason}").format(reason=record.rejection_reason or "—")
        if record.outcome is not None:
            text = label(OUTCOME_NAMES, record.outcome)
            if record.completed_on is not None:
                text = self.tr("{outcome} ({date})").format(outcome=text, date=format_date_long(record.completed_on))
            return f"{text}\n{record.outcome_notes}" if record.outcome_notes else text
        if record.received_on is not None:
            return self.tr("Diterima lembaga tujuan {date}").format(date=format_date_long(record.received_on))
        return "—"

    def _timeline_html(self, events: tuple[ReferralEventRecord, ...]) -> str:
        """Newest first. Every text from the database is escaped: a note is data, never markup."""
        rows = []
        for event in sorted(events, key=lambda e: e.occurred_at, reverse=True):
            moment = event.occurred_at.astimezone()
            change = label(STATUS_NAMES, event.status_after)
            if event.status_before:
                change = f"{label(STATUS_NAMES, event.status_before)} → {change}"
            source = f" · {escape(label(SOURCE_NAMES, event.source))}" if event.source else ""
            notes = f"<br>{escape(event.notes)}" if event.notes else ""
            rows.append(
                f"<p style='margin:0 0 8px 0'><span style='color:#52606d'>{format_date_short(moment.date())} "
                f"{format_time(moment)} · {escape(event.actor_name)}</span><br>"
                f"<b>{escape(change)}</b>{source}{notes}</p>"
            )
        return "".join(rows) or escape(self.tr("Belum ada riwayat."))
