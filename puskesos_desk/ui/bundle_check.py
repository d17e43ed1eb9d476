"""Does the real desktop app work from this install? Opens the main window for a moment and reports, as JSON.

    puskesos-desk _gui-check --db SITE.db --user admin [--pdf SLIP.pdf] [--shot WINDOW.png]
        (password from PUSKESOS_ADMIN_PASSWORD, or the variable named by --password-env)

For the packaged build (installer/smoke-test.sh): a bundle that lacks a module the pages import late, a Qt plugin
(the SVG icon engine, a platform) or a shipped resource fails here instead of on a village PC. It signs in through
the services, builds the main window the way the app does (style, translations, F1 help), shows every area the
user may see, opens the help viewer, and rasterises a PDF with pypdfium2 in the PDF helper process, as the print
preview does. Not a test of behaviour: the GUI tests are. Started through puskesos_desk.frozen_entry (argv[1]
`_gui-check`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="puskesos-desk _gui-check")
    parser.add_argument("--db", default=None)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password-env", default="PUSKESOS_ADMIN_PASSWORD")
    parser.add_argument("--new-password-env", default=None,
                        help="an account that must choose its own password first gets this one (as the app asks)")
    parser.add_argument("--language", default="id", choices=("id", "en"))
    parser.add_argument("--pdf", type=Path, help="a PDF to rasterise as the print preview does")
    parser.add_argument("--shot", type=Path, help="save a picture of the main window here (PNG)")
    return parser.parse_args(argv)


def run(options: argparse.Namespace) -> dict[str, Any]:
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # without a display Qt would abort the whole process
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from puskesos_desk.services.auth import change_own_password, sign_in
    from puskesos_desk.services.bootstrap import open_database
    from puskesos_desk.services.site import get_site_info
    from puskesos_desk.ui.help.key_filter import install_help, show_contents
    from puskesos_desk.ui.i18n import install_translators
    from puskesos_desk.ui.main_window import MainWindow
    from puskesos_desk.ui.ops import wait_for_ops
    from puskesos_desk.ui.style import app_icon, apply_style

    report: dict[str, Any] = {"ok": False, "steps": [], "qt_messages": []}
    started = time.perf_counter()

    def step(name: str, detail: str) -> None:
        report["steps"].append({"step": name, "detail": detail, "at_s": round(time.perf_counter() - started, 3)})

    def collect(kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            report["qt_messages"].append(message)

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0] if sys.argv else "gui"])
    previous_handler = qInstallMessageHandler(collect)
    try:
        icon = app_icon()
        if icon.isNull() or icon.pixmap(32, 32).isNull():
            raise RuntimeError("the application icon (SVG) cannot be drawn: the Qt SVG icon engine is missing")
        app.setWindowIcon(icon)
        apply_style(app)
        install_translators(app, options.language)
        install_help(app)
        step("qt", f"platform {QGuiApplication.platformName()}, icon drawn")
        db = open_database(options.db).db
        window: MainWindow | None = None
        try:
            site = get_site_info(db)
            password = os.environ.get(options.password_env, "")
            signed_in = sign_in(db, username=options.user, password=password)
            step("sign_in", f"{signed_in.actor.name} at {site.code}")
            if signed_in.must_change_password and options.new_password_env:
                signed_in = change_own_password(db, signed_in, old_password=password,
                                                new_password=os.environ.get(options.new_password_env, ""))
                step("password", "changed, as the app asks first")
            window = MainWindow(db, signed_in, site)
            window.show()
            app.processEvents()
            shown = []
            for area in window.visible_areas():
                window.show_area(area)
                app.processEvents()
                shown.append(type(window.stk_pages.currentWidget()).__name__)
            report["areas"] = shown
            window.show_area(window.visible_areas()[0])
            step("areas", ", ".join(shown))
            viewer = show_contents(window)
            app.processEvents()
            step("help", viewer.windowTitle())
            viewer.close()
            if options.pdf is not None:
                from puskesos_desk.printing import helper as pdf_helper
                from puskesos_desk.ui.pdf_pages import rasterise

                pdf_helper.use_helper_process()  # as the app does: the bundle's executable as the helper
                try:
                    pages = rasterise(options.pdf.read_bytes())
                    helper_pid = pdf_helper.helper_state()["pid"]
                finally:
                    pdf_helper.use_helper_process(False)
                if pages.page_count == 0 or pages.images[0].isNull():
                    raise RuntimeError(f"{options.pdf} rendered no page")
                step("pdf_preview", f"{pages.page_count} page(s), first {pages.images[0].width()}x"
                                    f"{pages.images[0].height()} px, in helper process {helper_pid}")
            wait_for_ops(20_000)
            app.processEvents()
            if options.shot is not None:
                if not window.grab().save(str(options.shot)):
                    raise RuntimeError(f"cannot save {options.shot}")
                step("shot", str(options.shot))
        finally:
            if window is not None:
                window.close_for_rebuild()  # closes without signing out (no dialog, no audit event)
                window.deleteLater()
                app.processEvents()
            wait_for_ops(20_000)
            db.dispose()
    finally:
        qInstallMessageHandler(previous_handler)
    report["ok"] = not report["qt_messages"]
    report["seconds"] = round(time.perf_counter() - started, 3)
    return report


def main(argv: list[str] | None = None) -> int:
    options = _arguments(list(sys.argv[1:] if argv is None else argv))
    try:
        report = run(options)
    except Exception as exc:  # the report is the point: say what broke
        import traceback

        report = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0 if report.get("ok") else 1
