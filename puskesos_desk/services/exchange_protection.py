"""Password-protected exchange packages: the password rules, and the district's requirement that every package be
protected (issue 11, "Encryption").

The district sets `exchange.require_password`. From then on its own exports need a password, its import refuses a
village package that is not encrypted, and every return package carries the flag in `_meta` (a signed field that
older readers ignore) so the village stores it and its own exports need a password too. A return package without
the field (an older district version) leaves the village's setting as it is. The password itself is never stored
or logged; the export register and the audit event say only THAT a package was encrypted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from puskesos_desk.data.repositories import sites
from puskesos_desk.domain.enums import PackageKind, SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.exchange_package import REQUIRE_PASSWORD_FIELD, PackageMeta, PackageRefused
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.passwords import check_password_policy
from puskesos_desk.services.site import get_site_info
from puskesos_desk.spreadsheet.guard import is_encrypted_workbook

REQUIRE_PASSWORD_SETTING = "exchange.require_password"

PASSWORD_REQUIRED_MESSAGE = (
    "Kabupaten/kota mewajibkan paket pertukaran dilindungi kata sandi. Centang \"Lindungi dengan kata sandi\" "
    "dan isi kata sandinya (CLI: --password-file FILE atau variabel PUSKESOS_PACKAGE_PASSWORD).")


def is_protected_file(path: Path) -> bool:
    """Whether a file is a password-protected workbook (so the CLI knows to find a password before importing)."""
    return is_encrypted_workbook(path)


def check_package_password(password: str, repeat: str | None = None) -> None:
    """The rules a package password meets (the same minimum as account passwords); raises InputRejected."""
    check_password_policy(password)
    if repeat is not None and repeat != password:
        raise InputRejected("Kata sandi dan ulangannya tidak sama. Ketik ulang keduanya.", field="password_repeat")


def password_required(ctx: ServiceContext) -> bool:
    """Whether this site's packages must be protected (set at the district, carried to its villages)."""
    with ctx.db.reading() as session:
        return required_in(session)


def required_in(session: Any) -> bool:
    return sites.get_setting(session, REQUIRE_PASSWORD_SETTING, False) is True


def set_password_required(ctx: ServiceContext, *, required: bool) -> bool:
    """Turn the district's requirement on or off (the settings write is audited like every ORM write)."""
    ctx.require(Permission.MANAGE_SETTINGS)
    if get_site_info(ctx.db).role is not SiteRole.KABUPATEN:
        raise InputRejected("Kewajiban kata sandi paket diatur oleh Sekretariat SLRT kabupaten/kota dan sampai ke "
                            "desa lewat paket balasan.")
    with ctx.db.transaction(ctx.actor) as session:
        sites.set_setting(session, REQUIRE_PASSWORD_SETTING, bool(required))
    return bool(required)


def export_password(session: Any, password: str | None) -> str | None:
    """The password an export encrypts with, after the rules; InputRejected when the site requires one and none
    was given. An empty string counts as none."""
    if not password:
        if required_in(session):
            raise InputRejected(PASSWORD_REQUIRED_MESSAGE, field="password")
        return None
    check_package_password(password)
    return password


def outgoing_fields(session: Any, kind: PackageKind) -> dict[str, str]:
    """The `_meta` field a district's return package carries, so its villages adopt the requirement."""
    if kind is not PackageKind.KABUPATEN_KE_DESA:
        return {}
    return {REQUIRE_PASSWORD_FIELD: "1" if required_in(session) else "0"}


def check_incoming(session: Any, role: SiteRole, meta: PackageMeta, *, encrypted: bool) -> None:
    """At a district that requires protection, a village package that was not encrypted is refused."""
    if role is SiteRole.KABUPATEN and meta.kind is PackageKind.DESA_KE_KABUPATEN and not encrypted \
            and required_in(session):
        raise PackageRefused("PASSWORD_REQUIRED")


def adopt_district_requirement(session: Any, meta: PackageMeta) -> None:
    """A village applying its district's package takes over the requirement it carries (absent: unchanged)."""
    if meta.kind is not PackageKind.KABUPATEN_KE_DESA or REQUIRE_PASSWORD_FIELD not in meta.extra:
        return
    sites.set_setting(session, REQUIRE_PASSWORD_SETTING, meta.extra[REQUIRE_PASSWORD_FIELD] == "1")
