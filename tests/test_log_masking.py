"""The log file holds no resident's NIK, No. KK, phone number or full name, and no staff member's full name
(UU PDP; issue 10): after a full demo run and the CLI commands that log, every log file is scanned for every such
value held in the database.

Usernames may appear: they name staff accounts acting in office (not residents), are needed to make sense of a
sign-in problem, and the audit trail records them anyway. Staff full names may not.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import SiteFixture

from puskesos_desk.cli.main import main
from puskesos_desk.infra.logging_setup import MaskingGate, configure_logging, log_file_path, open_gate

pytestmark = pytest.mark.sqlite_only
DEMO_HOUSEHOLDS = 60


def cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    capsys.readouterr()
    try:
        rc = main([str(a) for a in args])
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 1
    return rc, capsys.readouterr().out


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def personal_values(path: Path) -> dict[str, set[str]]:
    """Every value the log must not hold, by kind."""
    digits = {v for (v,) in rows(path, "SELECT nik FROM person UNION SELECT kk_number FROM household") if v}
    phones = {v for (v,) in rows(path, "SELECT phone FROM person UNION SELECT phone FROM household") if v}
    names = {v for (v,) in rows(path, "SELECT name FROM person UNION SELECT head_name FROM household "
                                      "UNION SELECT full_name FROM user_account") if v and len(v.split()) >= 2}
    return {"id": digits, "phone": phones, "name": names}


def phone_forms(phone: str) -> set[str]:
    """A phone as stored and as its bare digits in local and +62 form (a log may drop the separators)."""
    bare = re.sub(r"\D", "", phone)
    local = "0" + bare[2:] if bare.startswith("62") else bare
    return {phone, bare, local, "62" + local[1:]} - {""}


@pytest.fixture
def logged_demo(seeded_db: SiteFixture, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = seeded_db.path
    rc, out = cli(capsys, "demo", "--db", db, "--households", DEMO_HOUSEHOLDS, "--json")
    assert rc == 0, out
    logging.getLogger().setLevel(logging.DEBUG)  # whatever else runs in this process logs everything it can
    rc, out = cli(capsys, "referral", "list", "--db", db, "--json", "--unmask")
    assert rc == 0, out
    json.loads(out)
    printable = rows(db, "SELECT letter_number FROM referral WHERE status NOT IN ('DRAFT', 'DIBATALKAN') LIMIT 2")
    assert printable
    for (number,) in printable:
        assert cli(capsys, "slip", number, "--db", db, "--out", tmp_path / "slip.pdf")[0] == 0
    (visit,) = rows(db, "SELECT registration_number FROM visit ORDER BY occurred_at DESC LIMIT 1")
    assert cli(capsys, "receipt", visit[0], "--db", db, "--out", tmp_path / "receipt.pdf")[0] == 0
    # Refusals are logged with their message; give them personal data to repeat.
    (nik, name) = rows(db, "SELECT nik, name FROM person WHERE nik IS NOT NULL LIMIT 1")[0]
    assert cli(capsys, "slip", f"{nik} {name}", "--db", db, "--out", tmp_path / "x.pdf")[0] != 0
    assert cli(capsys, "receipt", nik, "--db", db, "--out", tmp_path / "y.pdf")[0] != 0
    assert cli(capsys, "demo", "--db", db, "--households", DEMO_HOUSEHOLDS)[0] == 0  # already there: logs
    logging.shutdown()
    folder = log_file_path().parent
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.log*"))]
    assert texts and any(t.strip() for t in texts)
    return "\n".join(texts)


def test_no_personal_data_reaches_the_log(logged_demo: str, seeded_db: SiteFixture) -> None:
    values = personal_values(seeded_db.path)
    assert len(values["id"]) > DEMO_HOUSEHOLDS and values["phone"] and values["name"]
    squeezed = re.sub(r"(?<=\d)[ .\-](?=\d)", "", logged_demo)
    leaks = sorted(v for v in values["id"] if v in squeezed)
    leaks += sorted(p for v in values["phone"] for p in phone_forms(v) if p in squeezed and len(p) >= 9)
    lowered = " ".join(logged_demo.lower().split())
    leaks += sorted(v for v in values["name"] if " ".join(v.lower().split()) in lowered)
    assert leaks == [], f"personal data in the log: {len(leaks)} values"


@pytest.mark.parametrize("phone", ["0812-3456-7890", "081234567890", "+62 812 3456 7890", "(0298) 312345"])
def test_the_log_filter_masks_phone_numbers_and_ids(phone: str) -> None:
    path = configure_logging()
    logging.getLogger("puskesos_desk.test").warning("warga menelepon dari %s, NIK %s, KK %s", phone,
                                                    "3322014505800003", "3322010101150007")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "warga menelepon dari" in text
    bare = re.sub(r"\D", "", phone)
    assert bare not in re.sub(r"\D", "", text.split("warga menelepon dari", 1)[1])
    assert "3322014505800003" not in text and "3322010101150007" not in text


def test_records_held_before_the_masker_loads_reach_the_file_masked_and_in_order() -> None:
    """The desktop app paints its sign-in dialog before the masker is loaded: what is logged meanwhile waits in
    memory and is written, masked, when the gate opens (from the worker that opens the database)."""
    path = configure_logging(defer_masking=True)
    try:
        logger = logging.getLogger("puskesos_desk.test")
        logger.info("pertama: warga NIK %s", "3322014505800003")
        logger.warning("kedua: telepon %s", "081234567890")
        assert "pertama" not in (path.read_text(encoding="utf-8") if path.exists() else "")
        open_gate()
        logger.info("ketiga: KK %s", "3322010101150007")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert text.index("pertama") < text.index("kedua") < text.index("ketiga")
        for secret in ("3322014505800003", "081234567890", "3322010101150007"):
            assert secret not in text
    finally:
        configure_logging()  # back to the plain set-up for the tests that follow


def test_a_gate_never_opened_writes_its_records_masked_when_it_is_closed() -> None:
    path = configure_logging(defer_masking=True)
    try:
        logging.getLogger("puskesos_desk.test").error("terakhir: NIK %s", "3322014505800003")
        gates = [h for h in logging.getLogger().handlers if isinstance(h, MaskingGate)]
        assert len(gates) == 1
        gates[0].close()  # what logging.shutdown() does at exit
        text = path.read_text(encoding="utf-8")
        assert "terakhir" in text and "3322014505800003" not in text
    finally:
        configure_logging()
