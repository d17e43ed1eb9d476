"""Pengaturan → Situs tepercaya: saving this site's card, trusting the other site's card after the telephone
check, and what a damaged card, a declined question, a refused card and an account without the right do."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, FO_PASSWORD, KOORDINATOR_PASSWORD, SiteFixture, copy_sqlite
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import SiteCard
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.keys import card_from_json
from puskesos_desk.services.site import get_site_info, initialise_site, site_card
from puskesos_desk.services.trust import trust_site
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages.settings_page import SettingsPage
from puskesos_desk.ui.widgets.trusted_sites import TrustConfirmBox

DISTRICT_CODE = "33.22"
DISTRICT_NAME = "Sekretariat SLRT Kabupaten Semarang"
DISTRICT_ADMIN_PASSWORD = "admin-kabupaten-1"


@dataclass
class Asked:
    """The stand-in for the confirmation question: what it was asked about, and its answer."""

    answer: bool
    cards: list[SiteCard]

    def __call__(self, card: SiteCard) -> bool:
        self.cards.append(card)
        return self.answer


@pytest.fixture(scope="session")
def district_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("trust") / "district.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=DISTRICT_CODE, name=DISTRICT_NAME,
                    role=SiteRole.KABUPATEN, admin_username="admin", admin_full_name="Admin Kabupaten",
                    admin_password=DISTRICT_ADMIN_PASSWORD)
    db.dispose()
    return path


@pytest.fixture
def district(district_template: Path, tmp_path: Path, qtbot: Any) -> Iterator[SiteFixture]:
    path = tmp_path / "district.db"
    copy_sqlite(district_template, path)
    db = Database(f"sqlite:///{path}")
    db.enable_wal()
    cli = ServiceContext(db, Actor.cli("pytest", site_code=DISTRICT_CODE, site_role=SiteRole.KABUPATEN))
    yield SiteFixture(db=db, path=path, cli=cli)
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    db.dispose()


@pytest.fixture
def district_card(district: SiteFixture, tmp_path: Path) -> Path:
    path = tmp_path / "kartu-kabupaten.json"
    path.write_text(site_card(district.cli)[1], encoding="utf-8")
    return path


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What show_error would have shown in its message box."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


def _page(qtbot: Any, site: SiteFixture, username: str, password: str) -> SettingsPage:
    """The settings page; tests hold on to it (a page without a parent is deleted with its last reference)."""
    signed = sign_in(site.db, username=username, password=password)
    page = SettingsPage(ServiceContext(site.db, signed.actor), get_site_info(site.db), site.db.display_location)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    with qtbot.waitSignal(page.grp_trusted.list_loaded, timeout=10_000):
        page.show()
    qtbot.waitExposed(page)
    return page


def _trusted_rows(site: SiteFixture) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(site.path)
    try:
        return con.execute("SELECT code, role, fingerprint FROM trusted_site WHERE deleted_at IS NULL").fetchall()
    finally:
        con.close()


def _click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _settle(qtbot: Any) -> None:
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)


def test_a_card_saved_at_the_district_is_trusted_at_the_village(qtbot: Any, desk: Any, district: SiteFixture,
                                                                tmp_path: Path) -> None:
    sender_page = _page(qtbot, district, "admin", DISTRICT_ADMIN_PASSWORD)
    sender = sender_page.grp_trusted
    assert sender.lbl_own_fingerprint.text() == get_site_info(district.db).fingerprint
    suggested: list[Path] = []
    sender.choose_card_save_path = lambda path: suggested.append(path) or str(tmp_path / "kartu")  # type: ignore
    with qtbot.waitSignal(sender.card_saved, timeout=10_000) as saved:
        _click(qtbot, sender.btn_save_card)
    assert suggested[0].name == f"kartu-situs-{DISTRICT_CODE}.json"
    card_path = Path(saved.args[0])
    assert card_path == tmp_path / "kartu.json", "the .json suffix is added"
    assert card_from_json(card_path.read_text(encoding="utf-8")).fingerprint == sender.lbl_own_fingerprint.text()
    assert str(card_path) in sender.lbl_status.text()

    receiver_page = _page(qtbot, desk, "admin", ADMIN_PASSWORD)
    receiver = receiver_page.grp_trusted
    assert not receiver.tbl_trusted.isVisible()
    assert "Belum ada situs tepercaya" in receiver.lbl_list_note.text()
    assert receiver.btn_trust.isEnabled()
    receiver.choose_card_open_path = lambda: str(card_path)  # type: ignore[method-assign]
    asked = Asked(answer=True, cards=[])
    receiver.confirm_trust = asked  # type: ignore[method-assign]
    with qtbot.waitSignal(receiver.site_trusted, timeout=10_000) as trusted, \
            qtbot.waitSignal(receiver.list_loaded, timeout=10_000):
        _click(qtbot, receiver.btn_trust)
    assert trusted.args == [DISTRICT_CODE]
    assert [(card.code, card.name) for card in asked.cards] == [(DISTRICT_CODE, DISTRICT_NAME)]
    assert _trusted_rows(desk) == [(DISTRICT_CODE, "kabupaten", sender.lbl_own_fingerprint.text())]
    assert receiver.tbl_trusted.isVisible() and receiver.model.rowCount() == 1
    shown = [receiver.model.index(0, column).data() for column in range(receiver.model.columnCount())]
    assert shown[:4] == [DISTRICT_CODE, DISTRICT_NAME, "Kabupaten/kota",
                         sender.lbl_own_fingerprint.text()]
    assert "sekarang dipercaya" in receiver.lbl_status.text()
    assert receiver.btn_trust.isEnabled()


def test_the_question_shows_the_card_and_asks_for_the_telephone_check(qtbot: Any, district: SiteFixture) -> None:
    card = site_card(district.cli)[0]
    box = TrustConfirmBox(card)
    qtbot.addWidget(box)
    for part in (card.name, card.code, card.fingerprint, "Kabupaten/kota",
                 "Cocokkan sidik jari ini lewat telepon"):
        assert part in box.text()
    assert box.defaultButton() is box.btn_no, "Enter must not trust a key"
    assert box.btn_yes.text() == "Ya, percayai"
    assert not box.accepted_trust()


def test_declining_the_question_trusts_nothing(qtbot: Any, desk: Any, district_card: Path) -> None:
    page = _page(qtbot, desk, "admin", ADMIN_PASSWORD)
    widget = page.grp_trusted
    widget.choose_card_open_path = lambda: str(district_card)  # type: ignore[method-assign]
    asked = Asked(answer=False, cards=[])
    widget.confirm_trust = asked  # type: ignore[method-assign]
    _click(qtbot, widget.btn_trust)
    qtbot.waitUntil(lambda: bool(asked.cards), timeout=10_000)
    _settle(qtbot)
    assert _trusted_rows(desk) == []
    assert widget.btn_trust.isEnabled()
    assert widget.model.rowCount() == 0


@pytest.mark.parametrize(("damage", "message"), [
    (lambda text: text.replace(DISTRICT_NAME, "Sekretariat Palsu"), "Tanda tangan kartu situs tidak cocok"),
    (lambda text: text[: len(text) // 2], "Berkas kartu situs rusak"),
    (lambda _text: "\ufffe\x00 bukan kartu", "Berkas kartu situs rusak"),
])
def test_a_damaged_card_is_refused_before_the_question(qtbot: Any, desk: Any, district_card: Path,
                                                       warnings: list[str], damage: Any, message: str) -> None:
    district_card.write_text(damage(district_card.read_text(encoding="utf-8")), encoding="utf-8")
    page = _page(qtbot, desk, "admin", ADMIN_PASSWORD)
    widget = page.grp_trusted
    widget.choose_card_open_path = lambda: str(district_card)  # type: ignore[method-assign]
    asked = Asked(answer=True, cards=[])
    widget.confirm_trust = asked  # type: ignore[method-assign]
    _click(qtbot, widget.btn_trust)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert message in warnings[0]
    assert asked.cards == [], "a damaged card is never offered for trust"
    assert _trusted_rows(desk) == []
    assert widget.btn_trust.isEnabled()


def test_the_services_refusal_is_shown_and_nothing_is_trusted(qtbot: Any, desk: Any, tmp_path: Path,
                                                              warnings: list[str]) -> None:
    own = tmp_path / "kartu-sendiri.json"
    own.write_text(site_card(desk.cli)[1], encoding="utf-8")
    page = _page(qtbot, desk, "admin", ADMIN_PASSWORD)
    widget = page.grp_trusted
    widget.choose_card_open_path = lambda: str(own)  # type: ignore[method-assign]
    widget.confirm_trust = Asked(answer=True, cards=[])  # type: ignore[method-assign]
    _click(qtbot, widget.btn_trust)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "kartu situs milik situs ini sendiri" in warnings[0]
    assert _trusted_rows(desk) == []


def test_a_file_that_cannot_be_read_is_explained(qtbot: Any, desk: Any, tmp_path: Path, warnings: list[str]) -> None:
    page = _page(qtbot, desk, "admin", ADMIN_PASSWORD)
    widget = page.grp_trusted
    widget.choose_card_open_path = lambda: str(tmp_path / "tidak-ada.json")  # type: ignore[method-assign]
    _click(qtbot, widget.btn_trust)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "tidak dapat dibaca" in warnings[0]


def test_a_koordinator_sees_the_list_but_may_not_trust(qtbot: Any, desk: Any, district: SiteFixture) -> None:
    trust_site(desk.cli, site_card(district.cli)[1])
    page = _page(qtbot, desk, "koordinator", KOORDINATOR_PASSWORD)
    widget = page.grp_trusted
    assert widget.isVisible()
    assert widget.model.rowCount() == 1 and widget.tbl_trusted.isVisible()
    assert not widget.btn_trust.isEnabled()
    assert "Admin" in widget.btn_trust.toolTip()
    assert widget.btn_save_card.isEnabled(), "anyone may hand this site's card to the other site"


def test_an_account_that_may_not_see_the_list_is_told_so(qtbot: Any, desk: Any) -> None:
    page = _page(qtbot, desk, "petugas.fo", FO_PASSWORD)
    widget = page.grp_trusted
    assert not widget.tbl_trusted.isVisible()
    assert "hanya dapat dilihat" in widget.lbl_list_note.text()
    assert not widget.btn_trust.isEnabled()

