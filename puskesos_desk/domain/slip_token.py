"""The token in a slip's QR code: which referral, for which destination, until when, signed by which site.

It carries no personal data: a phone that scans it learns only a random referral id, a service code and a date.
Layout of the signed body (bytes, big-endian):

    version (1) | referral uuid (16) | expiry, days since 2000-01-01 (2) | len + site code digits | len + service code

followed by the 64-byte Ed25519 signature over the body; the whole is written as unpadded base64url so that a USB
barcode scanner can type it into a text field on any keyboard layout. Signing and verifying happen in the service
layer (the key lives in the database); this module only packs and unpacks.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from puskesos_desk.domain.errors import InputRejected

TOKEN_VERSION = 1
SIGNATURE_BYTES = 64
EPOCH = date(2000, 1, 1)
MAX_TEXT = 60
_BASE64URL = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True, slots=True)
class SlipClaim:
    referral_id: str  # UUID text
    site_code: str  # the issuing Puskesos, with dots: 33.22.01.2007
    destination: str  # the directory service code
    expires_on: date


def pack(claim: SlipClaim) -> bytes:
    site = claim.site_code.replace(".", "").encode("ascii")
    destination = claim.destination.encode("utf-8")
    if len(site) > MAX_TEXT or len(destination) > MAX_TEXT:
        raise ValueError("site or destination code too long for a slip token")
    days = (claim.expires_on - EPOCH).days
    return (bytes([TOKEN_VERSION]) + uuid.UUID(claim.referral_id).bytes + days.to_bytes(2, "big")
            + bytes([len(site)]) + site + bytes([len(destination)]) + destination)


def encode(body: bytes, signature: bytes) -> str:
    return base64.urlsafe_b64encode(body + signature).rstrip(b"=").decode("ascii")


def looks_like_token(text: str) -> bool:
    """Tokens are long base64url strings; letter numbers contain slashes."""
    cleaned = text.strip()
    return len(cleaned) >= 100 and bool(_BASE64URL.match(cleaned))


def _not_a_token() -> InputRejected:
    return InputRejected(
        "Kode ini bukan kode QR surat rujukan Puskesos Desk. Pindai ulang kode QR pada surat atau lembar balasan, "
        "atau ketik nomor suratnya.", field="token",
    )


def decode(text: str) -> tuple[bytes, bytes, SlipClaim]:
    """(signed body, signature, claim) from a scanned token; InputRejected when it is not a slip token at all."""
    cleaned = text.strip()
    if not _BASE64URL.match(cleaned or "!"):
        raise _not_a_token()
    try:
        raw = base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError) as exc:
        raise _not_a_token() from exc
    body, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
    try:
        if len(body) < 21 or body[0] != TOKEN_VERSION:
            raise ValueError("version")
        referral_id = str(uuid.UUID(bytes=body[1:17]))
        expires_on = EPOCH + timedelta(days=int.from_bytes(body[17:19], "big"))
        site_len = body[19]
        site = body[20:20 + site_len].decode("ascii")
        dest_len = body[20 + site_len]
        destination = body[21 + site_len:21 + site_len + dest_len].decode("utf-8")
        if 21 + site_len + dest_len != len(body) or not site.isdigit() or len(site) != 10:
            raise ValueError("length")
    except (ValueError, IndexError, UnicodeDecodeError) as exc:
        raise _not_a_token() from exc
    dotted = f"{site[0:2]}.{site[2:4]}.{site[4:6]}.{site[6:10]}"
    return body, signature, SlipClaim(referral_id=referral_id, site_code=dotted, destination=destination,
                                      expires_on=expires_on)
