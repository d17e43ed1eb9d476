"""What the screenshot scripts share: a demo desa made through the services, signing in as one of its demo
accounts, and letting queued work settle before a grab.

Demo accounts get generated passwords, and a generated password must be changed at the first sign-in (issue 10), so
`signed_in` changes it once — as a user would in the dialog — and returns the session that may work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from puskesos_desk.cli.commands import context_for
from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.services.auth import SignedIn, change_own_password, sign_in
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.demo import DemoResult, generate_demo
from puskesos_desk.services.site import initialise_site
from puskesos_desk.ui.ops import pending_ops, wait_for_ops

SITE_CODE = "33.22.01.2007"
SITE_NAME = "Puskesos Desa Sumogawe"
SHOTS_PASSWORD = "layar-contoh-2026"


@dataclass(frozen=True)
class DemoDesk:
    db: Database
    demo: DemoResult


def demo_desk(work: Path, *, households: int, seed: int = 2026) -> DemoDesk:
    db = open_database(str(work / "puskesos.db")).db
    initialise_site(context_for(db, "shots"), code=SITE_CODE, name=SITE_NAME, role=SiteRole.DESA,
                    admin_username="admin", admin_full_name="Admin Puskesos", admin_password=SHOTS_PASSWORD)
    return DemoDesk(db, generate_demo(context_for(db, "shots"), households=households, seed=seed))


def signed_in(db: Database, demo: DemoResult, username: str) -> SignedIn:
    if username == "admin":
        return sign_in(db, username=username, password=SHOTS_PASSWORD)
    password = next(u["password"] for u in demo.users if u["username"] == username)
    session = sign_in(db, username=username, password=password)
    if session.must_change_password:
        session = change_own_password(db, session, old_password=password, new_password=SHOTS_PASSWORD)
    return session


def settle(app: QApplication, rounds: int = 40) -> None:
    for _ in range(rounds):
        wait_for_ops(10_000)
        app.processEvents()
        if pending_ops() == 0:
            for _ in range(10):  # layout requests post further layout requests
                app.processEvents()
            return
