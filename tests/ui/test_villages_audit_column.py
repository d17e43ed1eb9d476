"""The Desa tab's "Riwayat audit" column: a broken chain stands out by its words, bold text and colour (never colour
alone), with the explanation as a tooltip; an intact or unknown chain is plain text."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from puskesos_desk.domain.villages import VillageStatus
from puskesos_desk.ui.models.villages_model import AUDIT_BROKEN_BACKGROUND, VillagesTableModel


def _village(code: str, chain: str, breaks: int = 0) -> VillageStatus:
    return VillageStatus(code=code, name=f"Desa {code}", role="desa", fingerprint="SHA256:AAAA",
                         trusted_at=datetime(2026, 1, 1, tzinfo=UTC), packages_received=2, last_sequence=2,
                         last_sent_at=None, last_received_at=None, last_file="", missing=(), days_since_last=None,
                         audit_chain=chain, audit_breaks=breaks)


def test_the_audit_column_names_the_state_and_marks_a_broken_chain(qapp: Any) -> None:
    model = VillagesTableModel()
    model.set_rows([_village("33.22.01.2001", "UTUH"), _village("33.22.01.2002", "TERPUTUS", 1),
                    _village("33.22.01.2003", "BELUM_DIKETAHUI")])
    column = VillagesTableModel.COL_AUDIT
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Riwayat audit"
    assert [model.index(r, column).data() for r in range(3)] == [
        "utuh", "TERPUTUS — periksa situs ini", "belum diketahui"]
    broken = model.index(1, column)
    assert broken.data(Qt.ItemDataRole.BackgroundRole).color() == AUDIT_BROKEN_BACKGROUND
    assert broken.data(Qt.ItemDataRole.FontRole).bold()
    assert "1 kali" in broken.data(Qt.ItemDataRole.ToolTipRole)
    intact = model.index(0, column)
    assert intact.data(Qt.ItemDataRole.BackgroundRole) is None and intact.data(Qt.ItemDataRole.FontRole) is None
