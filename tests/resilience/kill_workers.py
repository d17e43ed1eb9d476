"""The process a kill -9 trial kills: one operation on real files, as the application runs it.

    python -m tests.resilience.kill_workers import  DISTRICT.db PACKAGE.xlsx
    python -m tests.resilience.kill_workers export  VILLAGE.db OUT.xlsx
    python -m tests.resilience.kill_workers migrate OLD.db
    python -m tests.resilience.kill_workers backup  SITE.db FOLDER

It prints "started" on the line before the operation begins and "done" once it has returned, so the harness can
tell whether its SIGKILL landed before, during or after the operation (kill_harness.py). Opening the database the
way the application does (services.bootstrap.open_database) happens before "started", except for `migrate`, where
opening *is* the operation (backup, schema upgrade, reference data).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info

# Each operation imports the rest of what it needs itself: a worker that starts sooner leaves more trials per minute.

STARTED, DONE = "started", "done"


def _say(word: str) -> None:
    print(word, flush=True)


def _context(db_path: str) -> ServiceContext:
    db = open_database(db_path).db
    site = get_site_info(db)
    return ServiceContext(db, Actor.cli("kill-trial", site_code=site.code, site_role=site.role))


def _import(db_path: str, package: str) -> None:
    from puskesos_desk.domain.exchange_package import ImportStatus
    from puskesos_desk.services.exchange_import import import_package

    ctx = _context(db_path)
    _say(STARTED)
    outcome = import_package(ctx, Path(package))
    if outcome.status is not ImportStatus.APPLIED:
        raise SystemExit(f"import ended as {outcome.status.value}: {[m.code for m in outcome.messages]}")


def _export(db_path: str, out: str) -> None:
    from puskesos_desk.services.exchange_export import export_package

    ctx = _context(db_path)
    _say(STARTED)
    export_package(ctx, Path(out))


def _migrate(db_path: str) -> None:
    _say(STARTED)
    open_database(db_path).db.dispose()


def _backup(db_path: str, folder: str) -> None:
    from puskesos_desk.data.backup import backup_sqlite

    db = open_database(db_path).db
    _say(STARTED)
    result = backup_sqlite(db, reason="kill-trial", folder=Path(folder))
    if not result.integrity_ok:
        raise SystemExit("the backup failed its integrity check")


OPERATIONS: dict[str, Callable[..., None]] = {"import": _import, "export": _export, "migrate": _migrate,
                                              "backup": _backup}


def main(argv: list[str]) -> int:
    operation, *arguments = argv
    OPERATIONS[operation](*arguments)
    _say(DONE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
