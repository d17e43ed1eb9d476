"""The household page says when the district merged one of its members into another village's record (and when a
duplicate from elsewhere was merged into one of them); a household without merges shows no notice."""

from __future__ import annotations

from typing import Any

from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.widgets.household import merge_notice
from puskesos_desk.ui.widgets.household.merge_notice import MergeNoticeBar
from tests.cli._helpers import query
from tests.services.factories import WIFE_NIK, family
from tests.services.merge_rows import store_merge
from tests.ui.late_answer import FirstAnswerHeld
from tests.ui.test_household_page import acting_as, open_page


def _loaded_notice(qtbot: Any, desk: Any, household_id: str) -> MergeNoticeBar:
    page = open_page(qtbot, acting_as(desk, "koordinator"), household_id)
    with qtbot.waitSignal(page.merge_notice.loaded, timeout=10_000):
        page.merge_notice.load(household_id)
    return page.merge_notice


def test_the_household_page_shows_a_merged_member(qtbot: Any, desk: Any) -> None:
    household = register_household(desk.cli, family()).household
    wife = query(desk.path, "SELECT id FROM person WHERE nik = ?", (WIFE_NIK,))[0][0]
    store_merge(desk, duplicate_id=wife, survivor_id="0b7c4c38-1111-4222-8333-444455556666",
                duplicate_name="Siti Aminah", survivor_name="Siti Aminah")

    notice = _loaded_notice(qtbot, desk, household.id)

    assert notice.isVisible()
    assert notice.lbl_notice.text() == ("Data Siti Aminah digabung dengan data di Desa Samirono (keputusan kabupaten, "
                                        "20 November 2026).")


def test_a_duplicate_merged_into_a_member_and_no_notice_otherwise(qtbot: Any, desk: Any) -> None:
    household = register_household(desk.cli, family()).household
    notice = _loaded_notice(qtbot, desk, household.id)
    assert not notice.isVisible() and notice.notices == []

    wife = query(desk.path, "SELECT id FROM person WHERE nik = ?", (WIFE_NIK,))[0][0]
    store_merge(desk, duplicate_id="9f0e1d2c-aaaa-4bbb-8ccc-dddd00001111", survivor_id=wife,
                duplicate_name="Siti Aminah", survivor_name="Siti Aminah", duplicate_village="Samirono")
    with qtbot.waitSignal(notice.loaded, timeout=10_000):
        notice.load(household.id)
    assert notice.isVisible()
    assert notice.lbl_notice.text() == ("Data ganda warga Siti Aminah dari Desa Samirono telah digabung ke data ini "
                                        "(keputusan kabupaten, 20 November 2026).")


def test_an_answer_to_an_earlier_load_never_replaces_the_latest(qtbot: Any, desk: Any, monkeypatch: Any) -> None:
    """The page loads the notices whenever its household is loaded, so loads overlap. Here the first load read the
    household before the merge arrived and answers only after a second load, made after the merge, has answered:
    the bar keeps the second answer and says nothing more."""
    household = register_household(desk.cli, family()).household
    ctx = acting_as(desk, "koordinator")
    bar = MergeNoticeBar(ctx)
    qtbot.addWidget(bar)
    held = FirstAnswerHeld(monkeypatch, merge_notice, "household_merges")
    bar.load(household.id)
    held.wait_first_read(qtbot)  # no merge yet
    wife = query(desk.path, "SELECT id FROM person WHERE nik = ?", (WIFE_NIK,))[0][0]
    store_merge(desk, duplicate_id="9f0e1d2c-aaaa-4bbb-8ccc-dddd00001111", survivor_id=wife,
                duplicate_name="Siti Aminah", survivor_name="Siti Aminah", duplicate_village="Samirono")
    with qtbot.waitSignal(bar.loaded, timeout=10_000):
        bar.load(household.id)
    assert len(bar.notices) == 1 and not bar.isHidden()

    held.release_unannounced(qtbot, bar.loaded)
    assert len(bar.notices) == 1 and not bar.isHidden()
    assert bar.lbl_notice.text().startswith("Data ganda warga Siti Aminah dari Desa Samirono")
