"""Screenshots of the trust screens (issue 10) from a demo desa, offscreen: the Audit area after a check, a household
with specific data as the Koordinator sees it, a resident's data dialog, the correction form, the lock screen, and
Pengaturan as the Admin sees it (accounts, idle lock, retention).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_trust.py [out_dir]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
work = Path(tempfile.mkdtemp(prefix="trust-shots-"))
os.environ["PUSKESOS_HOME"] = str(work / "home")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from shots_site import demo_desk, settle, signed_in  # noqa: E402
from sqlalchemy import select  # noqa: E402

from puskesos_desk.data.orm.household import Person  # noqa: E402
from puskesos_desk.services.site import get_site_info  # noqa: E402
from puskesos_desk.ui.areas import AREA_AUDIT, AREA_PENGATURAN  # noqa: E402
from puskesos_desk.ui.i18n import install_translators  # noqa: E402
from puskesos_desk.ui.main_window import MainWindow  # noqa: E402
from puskesos_desk.ui.style import apply_style  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
OUT.mkdir(parents=True, exist_ok=True)

app = QApplication([])
apply_style(app)
install_translators(app, "id")
desk = demo_desk(work, households=80)
db = desk.db


def save(widget: QWidget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def window_for(username: str) -> MainWindow:
    window = MainWindow(db, signed_in(db, desk.demo, username), get_site_info(db))
    window.resize(QSize(1366, 768))
    window.show()
    settle(app)
    return window


# A household whose member has a disability recorded (the demo records some).
with db.reading() as session:
    person = session.scalars(select(Person).where(Person.disability != "[]").limit(1)).first()
    if person is None or person.household_id is None:
        raise SystemExit("the demo recorded no disability")
    household_id, person_id = person.household_id, person.id

koordinator = window_for("koordinator")
koordinator.open_household(household_id)
settle(app, 80)
save(koordinator, "trust_household_specific.png")

koordinator.page_household.records.open_privacy(person_id)
settle(app, 80)
dialog = koordinator.page_household.records.dialog
assert dialog is not None
save(dialog, "trust_person_data.png")
dialog.reject()

koordinator.page_household.records.correct_person(person_id)
settle(app, 80)
dialog = koordinator.page_household.records.dialog
assert dialog is not None
save(dialog, "trust_correction.png")
dialog.reject()

koordinator.show_area(AREA_AUDIT)
settle(app, 80)
audit = koordinator.page_audit
assert audit is not None
audit.btn_verify.click()
settle(app, 200)
save(koordinator, "trust_audit.png")

koordinator.lock(idle=True)
save(koordinator, "trust_lock_screen.png")
koordinator.close()

admin = window_for("admin")
admin.show_area(AREA_PENGATURAN)
settle(app, 80)
save(admin, "trust_pengaturan_admin.png")
admin.page_settings.scr_body.verticalScrollBar().setValue(admin.page_settings.scr_body.verticalScrollBar().maximum())
save(admin, "trust_pengaturan_admin_bawah.png")
