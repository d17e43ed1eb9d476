"""Open every screen on a 1366×768 offscreen screen and write what does not fit, as JSON.

    python -m tests.ui.fit.probe SITES.json RESULT.json [--shots DIR] [--only NAME,NAME] [--window WxH]

The offscreen platform is given one screen the size of a 1366×768 display's available area under a 40-px task bar
(1366×728), so the main window sizes itself as it would there (MainWindow._default_size) and Qt caps a dialog's
first size the same way (slightly stricter than the real screen, whose cap is ⅔ of the full height). Run with
QT_SCALE_FACTOR=1.25 for the 125 % pass: the same pixels, 1093×582 logical. `--shots` saves each screen as
NAME.png (the main window, or the dialog over its window) while it is open; `--window` sizes the main windows for
those pictures (the checks then describe that size, not the PC's).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

SCREEN_WIDTH, SCREEN_HEIGHT, TASK_BAR = 1366, 768, 40


def use_small_screen(folder: Path) -> None:
    """Before the QApplication exists: the offscreen platform with one screen of the available 1366×728."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "lcd", "x": 0, "y": 0, "width": SCREEN_WIDTH, "height": SCREEN_HEIGHT - TASK_BAR,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", type=Path)
    parser.add_argument("result", type=Path)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--only", default="")
    parser.add_argument("--window", default="", help="WIDTHxHEIGHT: main windows at this size (pictures)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="screen-fit-"))
    use_small_screen(work)
    os.environ.setdefault("PUSKESOS_HOME", str(work / "home"))
    os.environ["PUSKESOS_AUTO_BACKUP"] = "0"

    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from puskesos_desk.ui.i18n import install_translators
    from puskesos_desk.ui.style import apply_style
    from tests.ui.fit.geometry import FitRules, check_window
    from tests.ui.fit.screens import SCREENS
    from tests.ui.fit.shots import save_shot
    from tests.ui.fit.sites import SiteSpec
    from tests.ui.fit.stage import Stage

    app = QApplication([])
    apply_style(app)
    install_translators(app, "id")
    screen = app.primaryScreen()
    scale = screen.devicePixelRatio()
    available = screen.availableGeometry()
    sites = {name: SiteSpec.from_json(spec) for name, spec in json.loads(args.sites.read_text("utf-8")).items()}
    size = QSize(*(int(part) for part in args.window.split("x"))) if args.window else None
    stage = Stage(app, sites, work, size)
    wanted = set(filter(None, args.only.split(",")))
    results: dict[str, list[str]] = {}
    for entry in SCREENS:
        if wanted and entry.name not in wanted:
            continue
        rules = FitRules(scroll_ok=frozenset(filter(None, [entry.scroll_ok])), scroll_down=scale > 1)
        try:
            widget = entry.open(stage)
            results[entry.name] = check_window(widget, available, rules)
            if args.shots is not None:
                save_shot(widget, args.shots / f"{entry.name}.png")
        except Exception as error:  # a screen that cannot be opened is reported; the others are still checked
            results[entry.name] = [f"could not be opened: {error!r}\n{traceback.format_exc(limit=6)}"]
        stage.close_dialogs()
    args.result.write_text(json.dumps({"scale": scale, "available": [available.width(), available.height()],
                                       "results": results}, indent=1, ensure_ascii=False), encoding="utf-8")
    stage.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
