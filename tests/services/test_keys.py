"""The site's Ed25519 key: signatures, fingerprints and the self-signed site card."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.records import SiteCard
from puskesos_desk.services import keys

FINGERPRINT = re.compile(r"^SHA256:[0-9A-F]{4}(?:-[0-9A-F]{4}){7}$")


def _card(public: bytes, *, name: str = "Puskesos Desa Sumogawe") -> SiteCard:
    return SiteCard(format=keys.CARD_FORMAT, code="33.22.01.2007", name=name, role=SiteRole.DESA,
                    public_key_b64=base64.b64encode(public).decode("ascii"), fingerprint=keys.fingerprint(public),
                    created_at="2026-01-05T08:00:00+00:00")


def test_generated_key_pair_is_ed25519_public_key_of_the_seed() -> None:
    public, seed = keys.generate_key_pair()
    assert len(public) == 32
    assert len(seed) == 32
    derived = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert derived == public
    assert keys.generate_key_pair()[0] != public


def test_sign_and_verify_round_trip() -> None:
    public, seed = keys.generate_key_pair()
    message = b"Surat rujukan 001/RJK/PUSKESOS-3322012007/I/2026"
    signature = keys.sign(seed, message)
    assert len(signature) == 64
    assert keys.verify(public, message, signature)


def test_verify_fails_for_a_changed_message() -> None:
    public, seed = keys.generate_key_pair()
    signature = keys.sign(seed, b"bantuan 100000")
    assert not keys.verify(public, b"bantuan 900000", signature)
    assert not keys.verify(public, b"bantuan 100000 ", signature)


def test_verify_fails_with_another_sites_key() -> None:
    _, seed = keys.generate_key_pair()
    other_public, _ = keys.generate_key_pair()
    message = b"paket pertukaran"
    assert not keys.verify(other_public, message, keys.sign(seed, message))


def test_verify_fails_for_a_changed_or_malformed_signature_or_key() -> None:
    public, seed = keys.generate_key_pair()
    message = b"paket pertukaran"
    signature = bytearray(keys.sign(seed, message))
    signature[10] ^= 0x01
    assert not keys.verify(public, message, bytes(signature))
    assert not keys.verify(public, message, b"terlalu pendek")
    assert not keys.verify(public[:31], message, keys.sign(seed, message))


def test_fingerprint_format_and_value() -> None:
    public, _ = keys.generate_key_pair()
    printed = keys.fingerprint(public)
    assert FINGERPRINT.match(printed), printed
    groups = printed.removeprefix("SHA256:").split("-")
    assert len(groups) == 8
    assert "".join(groups) == hashlib.sha256(public).hexdigest()[:32].upper()
    assert keys.fingerprint(public) == printed
    assert keys.fingerprint(keys.generate_key_pair()[0]) != printed


def test_site_card_round_trip() -> None:
    public, seed = keys.generate_key_pair()
    card = _card(public)
    text = keys.card_to_json(card, seed)
    assert json.loads(text)["signature"]
    parsed = keys.card_from_json(text)
    assert parsed == card
    assert parsed.role is SiteRole.DESA


def _tamper(text: str, change: str) -> str:
    document = json.loads(text)
    other_public, other_seed = keys.generate_key_pair()
    if change == "name":
        document["name"] = "Puskesos Desa Lain"
    elif change == "code":
        document["code"] = "33.22.01.2008"
    elif change == "role":
        document["role"] = "kabupaten"
    elif change == "key":
        document["public_key_b64"] = base64.b64encode(other_public).decode("ascii")
    elif change == "key_and_fingerprint":
        document["public_key_b64"] = base64.b64encode(other_public).decode("ascii")
        document["fingerprint"] = keys.fingerprint(other_public)
    elif change == "signature":
        signature = bytearray(base64.b64decode(document["signature"]))
        signature[0] ^= 0xFF
        document["signature"] = base64.b64encode(bytes(signature)).decode("ascii")
    elif change == "signature_by_other_key":
        original = SiteCard(**{k: v for k, v in document.items() if k != "signature"})
        document["signature"] = json.loads(keys.card_to_json(original, other_seed))["signature"]
    elif change == "no_signature":
        del document["signature"]
    elif change == "format":
        document["format"] = "puskesos-desk/site-card@99"
    elif change == "truncated":
        return text[: len(text) // 2]
    else:  # pragma: no cover - a typo in the parameter list
        raise AssertionError(change)
    return json.dumps(document, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("change", ["name", "code", "role", "key", "key_and_fingerprint", "signature",
                                    "signature_by_other_key", "no_signature", "format", "truncated"])
def test_tampered_site_card_is_rejected(change: str) -> None:
    public, seed = keys.generate_key_pair()
    text = keys.card_to_json(_card(public), seed)
    with pytest.raises(InputRejected) as caught:
        keys.card_from_json(_tamper(text, change))
    assert caught.value.exit_code == 3
    assert "kartu" in caught.value.message.lower()


@pytest.mark.parametrize("text", ["", "bukan json", "null", "42", '"kartu situs"', "[]", "{}", "true"])
def test_something_that_is_not_a_card_is_rejected(text: str) -> None:
    with pytest.raises(InputRejected) as caught:
        keys.card_from_json(text)
    assert "kartu situs" in caught.value.message
