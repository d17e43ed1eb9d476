"""The first-run wizard's work that is not Qt: who acts before anyone can sign in, what a set-up file says (shown
before anything is written), the checks of the Admin's name and password, and creating the site.

Before the site exists nobody can sign in, so the wizard acts as `init` does on the command line: as the CLI actor
`cli:<os user>` (whoever sits at the PC can open the database file anyway; every action is audited under that
name). The site, its key pair and the Admin come from `initialise_site` / `initialise_from_setup`, which write all
or nothing; the letterhead follows at once, and a failure there leaves a working site and a message that says the
letterhead can be saved again (here or in Pengaturan → Surat dan kop).
"""

from __future__ import annotations

import getpass
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, PuskesosError, SiteNotInitialised
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.services import passwords
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.enrolment import initialise_from_setup, read_setup_file
from puskesos_desk.services.letterhead import save_letterhead
from puskesos_desk.services.reference import region_path
from puskesos_desk.services.site import get_site_info, initialise_site, validate_username

log = logging.getLogger(__name__)

# A set-up file holds a service directory and a holiday list: well under a megabyte. Anything far larger is another
# file picked by mistake, and is refused before it is read into memory.
SETUP_FILE_MAX_BYTES = 10 * 1024 * 1024
# How a site is named when the officer does not type another name.
_NAME_PATTERNS = {"desa": "Puskesos Desa {name}", "kelurahan": "Puskesos Kelurahan {name}",
                  "kabupaten": "Sekretariat SLRT {name}", "kota": "Sekretariat SLRT {name}"}


def os_user() -> str:
    """The operating-system user, as the CLI names its actor."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME", "unknown")


def setup_context(db: Database) -> ServiceContext:
    """The CLI actor of this PC's user, on the site once it exists (as cli/commands.py `context_for`)."""
    try:
        site = get_site_info(db)
    except SiteNotInitialised:
        return ServiceContext(db, Actor.cli(os_user()))
    return ServiceContext(db, Actor.cli(os_user(), site_code=site.code, site_role=site.role))


def suggested_site_name(kind: str, name: str) -> str:
    """"Puskesos Desa Sumogawe" for a desa, "Sekretariat SLRT Kabupaten Semarang" for a kabupaten (whose region
    name already carries its kind)."""
    pattern = _NAME_PATTERNS.get(kind, "Puskesos {name}")
    return pattern.format(name=name.strip())


# --- the set-up file --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetupPreview:
    """What a set-up file says, for the officer to check before anything is written."""

    path: Path
    text: str
    site_code: str
    name: str
    region_path: str
    district_code: str
    district_name: str
    district_fingerprint: str
    services: int
    holidays: int


def preview_setup_file(db: Database, path: Path) -> SetupPreview:
    """Read and check a set-up file (its signature included); nothing is written."""
    try:
        size = path.stat().st_size
        if size > SETUP_FILE_MAX_BYTES:
            raise InputRejected("Berkas ini terlalu besar untuk berkas penyiapan desa. Pilih berkas .json yang "
                                "diberikan Sekretariat SLRT kabupaten/kota.", field="setup_file")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputRejected("Berkas ini bukan berkas penyiapan desa Puskesos Desk, atau rusak.",
                            field="setup_file") from exc
    except OSError as exc:
        raise InputRejected(f"Berkas {path.name} tidak dapat dibaca: {exc.strerror or exc}. Periksa flashdisk-nya, "
                            "lalu pilih lagi.", field="setup_file") from exc
    try:
        setup = read_setup_file(text)
    except InputRejected as exc:
        raise InputRejected(exc.message, field="setup_file") from exc
    try:
        where = region_path(setup_context(db), setup.site_code)
    except PuskesosError:
        where = ""
    card = setup.district_card
    return SetupPreview(path=path, text=text, site_code=setup.site_code, name=setup.name, region_path=where,
                        district_code=card.code, district_name=card.name, district_fingerprint=card.fingerprint,
                        services=len(setup.service_directory), holidays=len(setup.holidays.get("days", [])))


# --- the Admin --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdminInput:
    username: str
    full_name: str
    password: str


def check_admin(admin: AdminInput, *, repeated: str) -> None:
    """The checks `initialise_site` makes, before anything is written; each refusal names its field ("username",
    "password", "repeat") so the wizard shows it beside that field."""
    name = validate_username(admin.username)
    passwords.check_password_policy(admin.password, username=name)
    if repeated != admin.password:
        raise InputRejected("Kedua kata sandi tidak sama. Ketik ulang kata sandi yang sama.", field="repeat")


# --- creating the site ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HandSite:
    """A site set up by hand: the region's code, the site's name and its kind."""

    code: str
    name: str
    role: SiteRole


@dataclass(frozen=True)
class LetterheadInput:
    address: str
    contact: str
    logo: bytes | None


@dataclass(frozen=True)
class CreatedSite:
    site: SiteInfo
    admin_username: str
    district_name: str | None  # the district now trusted (set-up file only)
    services: int
    holidays: int
    letterhead_error: str | None  # the site is ready, but the letterhead was not saved (save it again)


def create_site(db: Database, *, admin: AdminInput, letterhead: LetterheadInput, hand: HandSite | None = None,
                setup_text: str | None = None) -> CreatedSite:
    """The site with its key pair and its Admin (all or nothing), then its letterhead."""
    if (hand is None) == (setup_text is None):
        raise ValueError("give either a site set up by hand or a set-up file's text")
    ctx = setup_context(db)
    district_name, services, holidays = None, 0, 0
    if setup_text is not None:
        result = initialise_from_setup(ctx, setup_text, admin_username=admin.username,
                                       admin_full_name=admin.full_name, admin_password=admin.password)
        init = result.init
        district_name, services, holidays = result.district.name, result.services, result.holidays
    else:
        assert hand is not None
        init = initialise_site(ctx, code=hand.code, name=hand.name, role=hand.role, admin_username=admin.username,
                               admin_full_name=admin.full_name, admin_password=admin.password,
                               address=letterhead.address)
    log.info("first run: site %s created with Admin %s", init.site.code, init.admin.username)
    try:
        apply_letterhead(db, letterhead)
        problem = None
    except PuskesosError as exc:
        log.warning("first run: letterhead not saved: %s", exc.message)
        problem = exc.message
    return CreatedSite(site=init.site, admin_username=init.admin.username, district_name=district_name,
                       services=services, holidays=holidays, letterhead_error=problem)


def apply_letterhead(db: Database, letterhead: LetterheadInput) -> SiteInfo:
    """Save the office address, contact line and logo of the site just created (again, after a failure)."""
    save_letterhead(setup_context(db), address=letterhead.address, contact=letterhead.contact,
                    logo=letterhead.logo, keep_logo=letterhead.logo is None)
    return get_site_info(db)
