"""The letterhead every printed document carries: the Puskesos name, its region, address, contact and logo.

Name and region come from the site; address, contact line and logo are settings the Admin may change. The logo is
kept in the database (not as a file path) so that a backup restores it and every seat of the office prints the same.
"""

from __future__ import annotations

import base64
import binascii

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import regions, sites
from puskesos_desk.domain.documents import Letterhead, Paper, TaskListDocument
from puskesos_desk.domain.errors import InputRejected, SiteNotInitialised
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext

CONTACT_SETTING = "letterhead_contact"
LOGO_SETTING = "letterhead_logo_png"
MAX_LOGO_BYTES = 512 * 1024
_REGION_PREFIX = {"desa": "Desa", "kelurahan": "Kelurahan", "kecamatan": "Kecamatan", "distrik": "Distrik",
                  "provinsi": "Provinsi"}


def region_name(kind: str, name: str) -> str:
    """E.g. "Desa Sumogawe", "Kecamatan Getasan"; a name that already carries its prefix is left alone."""
    prefix = _REGION_PREFIX.get(kind, "")
    return f"{prefix} {name}" if prefix and not name.lower().startswith(prefix.lower()) else name


def letterhead_in(session: DbSession) -> Letterhead:
    site = sites.get_site_row(session)
    if site is None:
        raise SiteNotInitialised("Situs belum disiapkan; kop surat belum dapat dibuat.")
    chain = regions.region_chain(session, site.code)
    names = [region_name(kind, name) for kind, name in chain]
    lines = tuple(", ".join(part) for part in (names[:2], names[2:]) if part)
    logo = sites.get_setting(session, LOGO_SETTING)
    place = chain[0][1] if chain else ""
    return Letterhead(
        organisation=site.name.upper(), region_lines=lines, address=site.address,
        contact=str(sites.get_setting(session, CONTACT_SETTING, "") or ""), place=place.title() if place else "",
        logo_png=decode_logo(logo),
    )


def letterhead(ctx: ServiceContext) -> Letterhead:
    with ctx.db.reading() as session:
        return letterhead_in(session)


def _check_logo(logo: bytes) -> None:
    if len(logo) > MAX_LOGO_BYTES:
        raise InputRejected("Berkas logo terlalu besar (paling besar 512 KB). Perkecil gambarnya lalu coba lagi.",
                            field="logo")
    if not (logo.startswith(b"\x89PNG\r\n\x1a\n") or logo.startswith(b"\xff\xd8\xff")):
        raise InputRejected("Logo harus berupa gambar PNG atau JPEG.", field="logo")


def save_letterhead(ctx: ServiceContext, *, address: str, contact: str, logo: bytes | None,
                    keep_logo: bool = False) -> Letterhead:
    """Save the office address, the contact line and the logo (None removes it unless `keep_logo`)."""
    ctx.require(Permission.MANAGE_SETTINGS)
    if logo is not None:
        _check_logo(logo)
    if len(address) > 300 or len(contact) > 200:
        raise InputRejected("Alamat atau kontak terlalu panjang untuk kop surat.", field="address")
    with ctx.db.transaction(ctx.actor) as session:
        site = sites.get_site_row(session)
        if site is None:
            raise SiteNotInitialised("Situs belum disiapkan; kop surat belum dapat disimpan.")
        site.address = " ".join(address.split())
        sites.set_setting(session, CONTACT_SETTING, " ".join(contact.split()))
        if logo is not None:
            sites.set_setting(session, LOGO_SETTING, base64.b64encode(logo).decode("ascii"))
        elif not keep_logo:
            sites.set_setting(session, LOGO_SETTING, None)
        return letterhead_in(session)


def decode_logo(value: object) -> bytes | None:
    try:
        return base64.b64decode(value) if isinstance(value, str) and value else None
    except (binascii.Error, ValueError):
        return None


def letterhead_sample_pdf(ctx: ServiceContext, head: Letterhead, paper: Paper) -> bytes:
    """An empty worklist page under the letterhead as typed (not yet saved), to judge it before saving.

    It holds no personal data and is never issued, so it needs the settings permission, not access to cases.
    """
    from puskesos_desk import printing

    ctx.require(Permission.MANAGE_SETTINGS)
    sample = TaskListDocument(letterhead=head, day=ctx.today(), officer_name=ctx.actor.name)
    return printing.render_task_list(sample, paper)
