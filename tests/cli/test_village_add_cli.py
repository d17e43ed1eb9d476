"""`village add` at a district (set-up file with a one-time code, or a village's card), `init --setup` at a village,
and `import --trust-new-sender` for a district's first package to a village that joined on its own."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli._helpers import query

VILLAGE = "33.22.01.2007"
ENV_PASSWORD = "PUSKESOS_ADMIN_PASSWORD"


@pytest.fixture
def district(run_cli, fresh_db: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV_PASSWORD, "sandi-admin-kab-7")
    path = fresh_db("kabupaten.db")
    result = run_cli("init", "--db", path, "--site", "33.22", "--role", "kabupaten", "--name",
                     "Sekretariat SLRT Kabupaten Semarang")
    assert result.rc == 0, result.err
    return path


def test_village_add_writes_set_up_file_and_init_setup_uses_it(run_cli, district: Path,
                                                               fresh_db: Callable[[str], Path], tmp_path: Path) -> None:
    setup = tmp_path / "penyiapan-sumogawe.json"
    added = run_cli("village", "add", "--db", district, "--site", "3322012007", "--name", "Puskesos Desa Sumogawe",
                    "--setup-out", setup, "--json")
    assert added.rc == 0, added.err
    payload = added.json()
    assert payload["site"] == VILLAGE and payload["path"] == str(setup) and payload["services"] > 0
    code = payload["enrolment_code"]
    assert json.loads(setup.read_text(encoding="utf-8"))["enrolment_code"] == code
    assert query(district, "SELECT site_code, used_at FROM village_enrolment") == [(VILLAGE, None)]

    village = fresh_db("desa.db")
    started = run_cli("init", "--db", village, "--setup", setup, "--json")
    assert started.rc == 0, started.err
    result = started.json()
    assert result["site"]["code"] == VILLAGE and result["site"]["name"] == "Puskesos Desa Sumogawe"
    assert result["district"]["fingerprint"] == payload["district_fingerprint"]
    assert result["site"]["fingerprint"] != payload["district_fingerprint"]  # the village's own key
    assert query(village, "SELECT code, fingerprint FROM trusted_site") == [("33.22", payload["district_fingerprint"])]

    # The village's first package registers it at the district.
    package = tmp_path / "paket-1.xlsx"
    assert run_cli("export", "--db", village, "--out", package).rc == 0
    imported = run_cli("import", "--db", district, package, "--json")
    assert imported.rc == 0, imported.err
    listing = run_cli("village", "list", "--db", district, "--json").json()
    assert [(v["code"], v["fingerprint"]) for v in listing["villages"]] == [(VILLAGE, result["site"]["fingerprint"])]


def test_village_add_with_a_card_trusts_it(run_cli, district: Path, fresh_db: Callable[[str], Path],
                                           tmp_path: Path) -> None:
    village = fresh_db("desa.db")
    assert run_cli("init", "--db", village, "--site", VILLAGE, "--name", "Puskesos Desa Sumogawe").rc == 0
    card = tmp_path / "kartu-desa.json"
    assert run_cli("site-card", "--db", village, "--out", card).rc == 0
    added = run_cli("village", "add", "--db", district, "--card", card, "--json")
    assert added.rc == 0, added.err
    assert added.json()["code"] == VILLAGE and added.json()["already_trusted"] is False
    assert query(district, "SELECT code FROM trusted_site") == [(VILLAGE,)]


def test_district_package_to_a_village_that_does_not_trust_it_yet(run_cli, district: Path,
                                                                  fresh_db: Callable[[str], Path],
                                                                  tmp_path: Path) -> None:
    village = fresh_db("desa.db")
    assert run_cli("init", "--db", village, "--site", VILLAGE, "--name", "Puskesos Desa Sumogawe").rc == 0
    card = tmp_path / "kartu-desa.json"
    assert run_cli("site-card", "--db", village, "--out", card).rc == 0
    assert run_cli("village", "add", "--db", district, "--card", card).rc == 0
    package = tmp_path / "balasan-1.xlsx"
    assert run_cli("export", "--db", district, "--to", VILLAGE, "--out", package).rc == 0
    district_fingerprint = run_cli("site-card", "--db", district, "--out", tmp_path / "k.json", "--json"
                                   ).json()["fingerprint"]

    refused = run_cli("import", "--db", village, package, "--json")
    assert refused.rc == 3
    message = refused.json()["messages"][0]
    assert message["code"] == "UNKNOWN_SENDER" and district_fingerprint in message["message"]
    assert "--trust-new-sender" in message["message"]
    assert query(village, "SELECT count(*) FROM trusted_site") == [(0,)]

    accepted = run_cli("import", "--db", village, package, "--trust-new-sender", "--json")
    assert accepted.rc == 0, accepted.out
    assert query(village, "SELECT code, fingerprint FROM trusted_site") == [("33.22", district_fingerprint)]


@pytest.mark.parametrize(("args", "rc", "fragment"), [
    (["village", "add", "--site", VILLAGE, "--name", "Desa"], 2, "--setup-out"),
    (["village", "add", "--card", "x.json", "--site", VILLAGE], 2, "--card saja"),
    (["village", "add", "--site", "33.23.01.2001", "--name", "Desa Lain", "--setup-out", "x.json"], 3,
     "tidak berada di wilayah"),
    (["init", "--name", "Puskesos"], 2, "--site"),
    (["init", "--setup", "x.json", "--site", VILLAGE], 2, "jangan beri --site"),
])
def test_bad_usage_is_refused(run_cli, district: Path, tmp_path: Path, args: list[str], rc: int,
                              fragment: str) -> None:
    result = run_cli(*args, "--db", district, "--json")
    assert result.rc == rc
    assert fragment in result.json()["error"]
    assert query(district, "SELECT count(*) FROM village_enrolment") == [(0,)]


def test_init_setup_refuses_an_edited_file(run_cli, district: Path, fresh_db: Callable[[str], Path],
                                           tmp_path: Path) -> None:
    setup = tmp_path / "penyiapan.json"
    assert run_cli("village", "add", "--db", district, "--site", VILLAGE, "--name", "Puskesos Desa Sumogawe",
                   "--setup-out", setup).rc == 0
    document = json.loads(setup.read_text(encoding="utf-8"))
    document["district_card"]["name"] = "Sekretariat Palsu"
    setup.write_text(json.dumps(document), encoding="utf-8")
    village = fresh_db("desa.db")
    result = run_cli("init", "--db", village, "--setup", setup, "--json")
    assert result.rc == 3
    assert "kartu situs" in result.json()["error"].lower()
    assert query(village, "SELECT count(*) FROM site") == [(0,)]
