"""Trusting another site's key from its site card: a village trusts its kabupaten/kota, a district its villages.

Packages are accepted only from trusted senders, so this is a security decision: it needs the settings permission,
is audited like every write, and refuses what makes no sense in the SLRT structure (a village trusting another
district's office, a site trusting itself) or would silently replace a key already trusted.
"""

from __future__ import annotations

import base64

from puskesos_desk.data.repositories import sites, trust
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, SiteNotInitialised
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteCard, TrustedSiteInfo
from puskesos_desk.services import keys
from puskesos_desk.services.context import ServiceContext


def _regency(code: str) -> str:
    return code[:5]  # "33.22" of "33.22.01.2007"


def _check_relation(own_code: str, own_role: SiteRole, card: SiteCard) -> None:
    if card.code == own_code:
        raise InputRejected("Ini kartu situs milik situs ini sendiri; yang dipercaya adalah kartu situs lain.")
    if own_role is SiteRole.DESA and (card.role is not SiteRole.KABUPATEN or card.code != _regency(own_code)):
        raise InputRejected(
            f"Puskesos desa hanya bertukar data dengan Sekretariat SLRT kabupaten/kotanya sendiri "
            f"({_regency(own_code)}); kartu ini milik {card.name} ({card.code}).")
    if own_role is SiteRole.KABUPATEN and (card.role is not SiteRole.DESA or _regency(card.code) != own_code):
        raise InputRejected(
            f"Sekretariat ini hanya bertukar data dengan Puskesos desa/kelurahan di wilayahnya ({own_code}); "
            f"kartu ini milik {card.name} ({card.code}).")


def trust_site(ctx: ServiceContext, card_text: str) -> tuple[TrustedSiteInfo, bool]:
    """(the trusted site, True when it was trusted already with this very key)."""
    ctx.require(Permission.MANAGE_SETTINGS)
    card = keys.card_from_json(card_text)
    with ctx.db.transaction(ctx.actor) as session:
        site = sites.get_site_row(session)
        if site is None:
            raise SiteNotInitialised("Situs belum disiapkan; jalankan init terlebih dahulu.")
        _check_relation(site.code, SiteRole(site.role), card)
        existing = trust.get(session, card.code)
        if existing is not None:
            if existing.fingerprint == card.fingerprint:
                return existing, True
            raise InputRejected(
                f"{existing.name} ({existing.code}) sudah dipercaya dengan kunci lain (sidik jari "
                f"{existing.fingerprint}); kartu ini membawa kunci {card.fingerprint}. Pastikan lewat telepon "
                "bahwa situs itu memang mengganti kuncinya sebelum kunci lama dicabut.")
        added = trust.add(session, code=card.code, name=card.name, role=card.role.value,
                          public_key=base64.b64decode(card.public_key_b64), fingerprint=card.fingerprint)
        return added, False


def trusted_sites(ctx: ServiceContext) -> list[TrustedSiteInfo]:
    """The sites this one trusts: officers who exchange packages pick their peer from these."""
    if not (ctx.actor.can(Permission.EXPORT_DATA) or ctx.actor.can(Permission.IMPORT_DATA)):
        ctx.require(Permission.VIEW_AUDIT)
    with ctx.db.reading() as session:
        return trust.all_trusted(session)
