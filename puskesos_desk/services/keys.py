"""The site's Ed25519 key: generation, signing, verification, fingerprints and the site card.

One key signs QR tokens on slips and exchange packages. A site card (code, name, role, public key) is what
another site trusts; it is self-signed so a damaged or edited card is noticed.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.records import SiteCard

CARD_FORMAT = "puskesos-desk/site-card@1"


def generate_key_pair() -> tuple[bytes, bytes]:
    """(public key 32 bytes, private seed 32 bytes)."""
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return public, seed


def sign(private_seed: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_seed).sign(message)


def verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_key: bytes) -> str:
    """Short, readable over the phone: 'SHA256:3F9A-1C2B-…' (first 16 bytes of the SHA-256, in groups)."""
    digest = hashlib.sha256(public_key).hexdigest()[:32].upper()
    return "SHA256:" + "-".join(digest[i : i + 4] for i in range(0, 32, 4))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _card_message(card: SiteCard) -> bytes:
    return json.dumps(asdict(card), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def card_to_json(card: SiteCard, private_seed: bytes) -> str:
    document = {**asdict(card), "signature": b64(sign(private_seed, _card_message(card)))}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def card_from_json(text: str) -> SiteCard:
    """Parse and check a site card; any damage is a clear InputRejected."""
    bad = InputRejected("Berkas kartu situs rusak atau bukan kartu situs Puskesos Desk.")
    try:
        document = json.loads(text)
        if not isinstance(document, dict):
            raise bad
        signature = base64.b64decode(document.pop("signature"), validate=True)
        card = SiteCard(
            format=document["format"], code=document["code"], name=document["name"],
            role=SiteRole(document["role"]), public_key_b64=document["public_key_b64"],
            fingerprint=document["fingerprint"], created_at=document["created_at"],
        )
        public = base64.b64decode(card.public_key_b64, validate=True)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise bad from exc
    if card.format != CARD_FORMAT or fingerprint(public) != card.fingerprint:
        raise bad
    if not verify(public, _card_message(card), signature):
        raise InputRejected("Tanda tangan kartu situs tidak cocok: kartu telah diubah atau rusak.")
    return card
