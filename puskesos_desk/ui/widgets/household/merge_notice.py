"""The notice on a household page when the district merged a duplicate person of this household (or merged another
village's duplicate into one of its members): who, with which village, and when it was decided. Hidden when there
is nothing to say. Loads itself off the GUI thread after the page's household is loaded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from puskesos_desk.domain.duplicates import MergeNotice
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.merge_arrivals import household_merges
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.ops import run_op

NOTICE_STYLE = "QFrame#merge_notice { background: #eef4fb; border: 1px solid #b7cde6; border-radius: 4px; }"


class MergeNoticeBar(QFrame):
    loaded = Signal()  # the notices of the current household were (re)loaded (tests wait on it)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("merge_notice")
        self.setStyleSheet(NOTICE_STYLE)
        self._generation = 0  # of the latest load: an answer to an earlier one is stale and dropped
        self.notices: list[MergeNotice] = []

        # Widgets
        self.lbl_notice = QLabel()
        self.lbl_notice.setObjectName("lbl_merge_notice")
        self.lbl_notice.setWordWrap(True)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.lbl_notice)
        self.setVisible(False)

    def load(self, household_id: str) -> None:
        """(Re)load the notices. Loads may overlap (the page loads them whenever its household is loaded) and their
        answers come back in any order: only the latest load's answer is shown, even for the same household, so a
        notice read before a merge arrived never replaces one read after."""
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        run_op(self, lambda: household_merges(ctx, household_id),
               lambda notices: self._on_loaded(generation, notices),
               lambda error: self._on_load_failed(generation, error))

    def _on_loaded(self, generation: int, notices: list[MergeNotice]) -> None:
        if generation != self._generation:
            return
        self.notices = notices
        self.lbl_notice.setText("\n".join(self.notice_text(n) for n in notices))
        self.setVisible(bool(notices))
        self.loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        # The notice is extra information: the household page itself stays usable without it.
        reason = error.message if isinstance(error, PuskesosError) else self.tr("kesalahan sistem")
        self.lbl_notice.setText(self.tr("Keterangan penggabungan data tidak dapat dimuat: {reason}").format(
            reason=reason))
        self.setVisible(True)
        self.loaded.emit()

    def notice_text(self, notice: MergeNotice) -> str:
        when = format_date_long(notice.decided_on)
        if notice.local_is_duplicate:
            return self.tr("Data {name} digabung dengan data di {village} (keputusan kabupaten, {date}).").format(
                name=notice.local_name, village=notice.other_village, date=when)
        return self.tr("Data ganda warga {name} dari {village} telah digabung ke data ini (keputusan kabupaten, "
                       "{date}).").format(name=notice.other_name, village=notice.other_village, date=when)
