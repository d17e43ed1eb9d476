"""How old the DTSEN/DTKS extract is, in words, and a small label for the desk that says it (in red once the extract
is older than four months: DTSEN is updated quarterly, so an older extract may be wrong about a family)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from puskesos_desk.domain.extract_check import ExtractAge
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.extract_check import extract_status
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.ops import run_op


class ExtractAgeText(QObject):
    """The words for an extract's age (a QObject so that the plural forms come from the catalogue)."""

    def months(self, extract: ExtractAge) -> str:
        """'kurang dari 1 bulan' / '1 bulan' / '5 bulan'."""
        count = extract.months_old
        return self.tr("kurang dari 1 bulan") if count == 0 else self.tr("%n bulan", "", count)

    def describe(self, extract: ExtractAge) -> str:
        """The age, with the warning once the extract is stale."""
        text = self.months(extract)
        if extract.is_stale:
            text += " — " + self.tr("lebih dari 4 bulan: minta ekstrak terbaru ke Dinas Sosial (DTSEN diperbarui "
                                    "tiap triwulan)")
        return text


def age_text(extract: ExtractAge) -> str:
    """'1 bulan' / 'kurang dari 1 bulan', with the warning once the extract is stale."""
    return ExtractAgeText().describe(extract)


class ExtractAgeLabel(QLabel):
    """One line for the desk: 'Data DTSEN per 1 Oktober 2026 · 1 bulan' (red, '· perlu diperbarui', once stale;
    the tooltip says why and which file). `refresh()` reads it again on a worker."""

    refreshed = Signal(object)  # ExtractAge | None (tests wait on it)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.extract: ExtractAge | None = None
        self.setObjectName("lbl_hint")

    def refresh(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: extract_status(ctx), self._on_loaded, self._on_failed)

    def _on_loaded(self, extract: ExtractAge | None) -> None:
        self.extract = extract
        if extract is None:
            self.setText(self.tr("Belum ada data DTSEN/DTKS: pencarian hanya di data Puskesos"))
            self.setToolTip("")
        else:
            age = ExtractAgeText().months(extract)
            text = self.tr("Data {dataset} per {date} · {age}").format(
                dataset=extract.dataset, date=format_date_long(extract.as_of), age=age)
            if extract.is_stale:
                text += " · " + self.tr("perlu diperbarui")
            self.setText(text)
            self.setToolTip(self.tr("Umur data: {age}\nBerkas {file}, diimpor oleh {who}").format(
                age=age_text(extract), file=extract.file_name, who=extract.imported_by))
        self.setProperty("warning", extract is not None and extract.is_stale)
        self.style().unpolish(self)
        self.style().polish(self)
        self.refreshed.emit(extract)

    def _on_failed(self, _error: BaseException) -> None:
        self.setText("")  # the desk works without it; the search itself reports what is wrong
        self.refreshed.emit(None)
