"""`site-card --out FILE`: the site's self-signed public card, checked by keys.card_from_json."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from conftest import SITE_CODE, SITE_NAME, SiteFixture

from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.services import keys
from tests.cli._helpers import scalar


def _write_card(run_cli, site_db: SiteFixture, out_file: Path) -> dict:
    result = run_cli("site-card", "--db", site_db.path, "--out", out_file, "--json")
    assert result.rc == 0, result.err
    return result.json()


def test_site_card_is_written_and_verifies(run_cli, site_db: SiteFixture, tmp_path: Path) -> None:
    out_file = tmp_path / "kartu-situs.json"
    payload = _write_card(run_cli, site_db, out_file)
    card = keys.card_from_json(out_file.read_text(encoding="utf-8"))

    public = scalar(site_db.path, "SELECT public_key FROM site_key")
    digest = hashlib.sha256(public).hexdigest()[:32].upper()
    expected_fingerprint = "SHA256:" + "-".join(digest[i : i + 4] for i in range(0, 32, 4))
    assert card.code == SITE_CODE
    assert card.name == SITE_NAME
    assert card.role == "desa"
    assert base64.b64decode(card.public_key_b64) == public
    assert card.fingerprint == expected_fingerprint
    assert payload == {"ok": True, "path": str(out_file), "code": SITE_CODE, "name": SITE_NAME, "role": "desa",
                       "fingerprint": expected_fingerprint}
    # The card holds the public key only.
    private = scalar(site_db.path, "SELECT private_key FROM site_key")
    text = out_file.read_text(encoding="utf-8")
    assert base64.b64encode(private).decode("ascii") not in text
    assert "private" not in text


def test_site_card_signature_is_by_the_site_key(run_cli, site_db: SiteFixture, tmp_path: Path) -> None:
    out_file = tmp_path / "kartu.json"
    _write_card(run_cli, site_db, out_file)
    document = json.loads(out_file.read_text(encoding="utf-8"))
    signature = base64.b64decode(document.pop("signature"))
    message = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    public = scalar(site_db.path, "SELECT public_key FROM site_key")
    assert keys.verify(public, message, signature)


def _tampered(text: str, change: str) -> str:
    if change == "truncated":
        return text[: len(text) * 2 // 3]
    document = json.loads(text)
    other_public, _ = keys.generate_key_pair()
    if change == "name":
        document["name"] = "Puskesos Desa Palsu"
    elif change == "key":
        document["public_key_b64"] = base64.b64encode(other_public).decode("ascii")
    elif change == "key_and_fingerprint":
        document["public_key_b64"] = base64.b64encode(other_public).decode("ascii")
        document["fingerprint"] = keys.fingerprint(other_public)
    elif change == "signature":
        signature = bytearray(base64.b64decode(document["signature"]))
        signature[-1] ^= 0x01
        document["signature"] = base64.b64encode(bytes(signature)).decode("ascii")
    else:  # pragma: no cover - a typo in the parameter list
        raise AssertionError(change)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("change", ["name", "key", "key_and_fingerprint", "signature", "truncated"])
def test_tampered_site_card_is_rejected(run_cli, site_db: SiteFixture, tmp_path: Path, change: str) -> None:
    out_file = tmp_path / "kartu.json"
    _write_card(run_cli, site_db, out_file)
    text = out_file.read_text(encoding="utf-8")
    keys.card_from_json(text)  # the untouched card is fine
    with pytest.raises(InputRejected):
        keys.card_from_json(_tampered(text, change))


def test_site_card_without_a_site_is_refused(run_cli, seeded_db: SiteFixture, tmp_path: Path) -> None:
    out_file = tmp_path / "kartu.json"
    result = run_cli("site-card", "--db", seeded_db.path, "--out", out_file, "--json")
    assert result.rc == 3
    assert "belum disiapkan" in result.json()["error"]
    assert not out_file.exists()


def test_site_card_into_a_folder_or_missing_folder_is_refused(run_cli, site_db: SiteFixture, tmp_path: Path) -> None:
    folder = tmp_path / "kartu"
    folder.mkdir()
    result = run_cli("site-card", "--db", site_db.path, "--out", folder, "--json")
    assert result.rc == 3
    assert "adalah folder" in result.json()["error"]
    assert list(folder.iterdir()) == []

    missing = tmp_path / "tidak-ada" / "kartu.json"
    result = run_cli("site-card", "--db", site_db.path, "--out", missing, "--json")
    assert result.rc == 3
    assert "Tidak dapat menulis" in result.json()["error"]
    assert not missing.exists()


def test_site_card_text_output(run_cli, site_db: SiteFixture, tmp_path: Path) -> None:
    out_file = tmp_path / "kartu.json"
    result = run_cli("site-card", "--db", site_db.path, "--out", out_file)
    assert result.rc == 0, result.err
    card = keys.card_from_json(out_file.read_text(encoding="utf-8"))
    assert result.out.splitlines() == [f"Kartu situs {SITE_NAME} ({SITE_CODE}) ditulis ke {out_file}",
                                       f"Sidik jari: {card.fingerprint}"]
