"""Run by Debian's /usr/bin/python3 (LibreOffice's UNO bridge is not importable from the project's venv): open a
password-protected workbook in a headless LibreOffice Calc and print what it sees as one JSON line.

    /usr/bin/python3 lo_open_protected.py SOFFICE PROFILE_DIR FILE PASSWORD [PASSWORD ...]

`soffice --convert-to` cannot take a password (stack-notes part 2 §3), hence the UNO route. One office serves every
password (starting it is most of the cost). Prints one JSON line per password, in order:
{"opened": true, "sheets": [...], "first_cells": [...]} or {"opened": false, "error": "..."}.
"""

import contextlib
import json
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _open(desktop, path, password):
    props = (_prop("Hidden", True), _prop("Password", password))
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, props)
    except Exception as exc:  # IllegalArgumentException "type detection aborted" on a wrong password
        return {"opened": False, "error": str(exc)}
    if doc is None:
        return {"opened": False, "error": "no document"}
    try:
        sheets = doc.Sheets
        first = sheets.getByIndex(0)
        return {"opened": True, "sheets": list(sheets.ElementNames),
                "first_cells": [first.getCellByPosition(col, 0).String for col in range(4)]}
    finally:
        doc.close(True)


def main(soffice, profile, path, passwords):
    pipe = "puskesos" + uuid.uuid4().hex
    office = subprocess.Popen([soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless",
                               "--invisible", "--norestore", "--nologo",
                               f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # NoConnectException until the office listens
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for password in passwords:
            print(json.dumps(_open(desktop, path, password)), flush=True)
        with contextlib.suppress(Exception):  # the bridge drops as the office exits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
