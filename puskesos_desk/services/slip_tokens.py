"""Signing and checking the QR token printed on a referral slip and its return stub.

The token is signed with this site's Ed25519 key; a scanned token is honoured only when this site issued it and
the signature matches, so an edited code or a code from another Puskesos is refused with a message that says which.
A district secretariat holds its villages' referrals and records their outcomes too: there a token is checked with
the key of the village that issued it, as trusted from that village's site card.
"""

from __future__ import annotations

from datetime import date, timedelta

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import sites, trust
from puskesos_desk.domain import slip_token
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, SiteNotInitialised
from puskesos_desk.domain.referrals import TOKEN_VALID_DAYS
from puskesos_desk.domain.slip_token import SlipClaim
from puskesos_desk.services import keys


def issue(session: DbSession, *, referral_id: str, destination: str, letter_date: date) -> str:
    key = sites.get_key(session)
    if key is None:
        raise SiteNotInitialised("Situs belum disiapkan: kunci tanda tangan surat belum ada.")
    claim = SlipClaim(referral_id=referral_id, site_code=key.site_code, destination=destination,
                      expires_on=letter_date + timedelta(days=TOKEN_VALID_DAYS))
    body = slip_token.pack(claim)
    return slip_token.encode(body, keys.sign(key.private_key, body))


def verify(session: DbSession, text: str) -> SlipClaim:
    """The claim of a token this site issued (at a district: one of its trusted villages); InputRejected (Bahasa)
    for anything else.

    An expired token is still accepted here: it identifies one of our own referrals, and a return stub may come back
    long after the agency acted. Expiry matters to the receiving office, which the slip tells in words.
    """
    body, signature, claim = slip_token.decode(text)
    key = sites.get_key(session)
    if key is None:
        raise SiteNotInitialised("Situs belum disiapkan: kunci tanda tangan surat belum ada.")
    public_key = key.public_key if claim.site_code == key.site_code else _village_key(session, claim, key.site_code)
    if not keys.verify(public_key, body, signature):
        raise InputRejected(
            "Kode QR tidak sah: tanda tangannya tidak cocok, jadi kode ini telah diubah atau rusak. "
            "Ketik nomor surat secara manual dan periksa keaslian suratnya.", field="token",
        )
    return claim


def _village_key(session: DbSession, claim: SlipClaim, own_code: str) -> bytes:
    """At a district: the trusted key of the village that issued the token. Anywhere else: a refusal."""
    site = sites.get_site_row(session)
    issuer = trust.get(session, claim.site_code)
    if site is not None and SiteRole(site.role) is SiteRole.KABUPATEN:
        if issuer is not None and issuer.role == SiteRole.DESA.value:
            return issuer.public_key
        raise InputRejected(
            f"Kode QR ini dibuat oleh Puskesos {claim.site_code}, yang belum terdaftar sebagai desa/kelurahan di "
            f"Sekretariat ini ({own_code}). Daftarkan dulu kartu situs desa itu, atau ketik nomor suratnya.",
            field="token",
        )
    raise InputRejected(
        f"Kode QR ini dibuat oleh Puskesos lain (kode wilayah {claim.site_code}), bukan oleh Puskesos ini "
        f"({own_code}). Catat tanggapannya di Puskesos yang menerbitkan surat.", field="token",
    )
