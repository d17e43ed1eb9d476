"""The four operations of the kill -9 trials, each knowing how to set up a trial folder, what a clean run leaves,
how to read the state a kill left behind, and how to run the operation again afterwards.

A state is one of: "none" (nothing of the operation is visible), "complete" (all of it), or a named intermediate
state that the design allows (an export whose file was renamed into place just before its ledger entry was to be
committed; a migrated schema whose reference data load was next). Anything else is a problem and fails the trial.
"""

from __future__ import annotations

import shutil
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from puskesos_desk.data.backup import backup_sqlite
from puskesos_desk.data.migrate import head_revision
from puskesos_desk.domain.exchange_package import ImportStatus, PackageMeta
from puskesos_desk.domain.exchange_sheets import VILLAGE_SHEETS
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.backups import ENV_AUTO_BACKUP
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_read import opened
from puskesos_desk.services.site import get_site_info
from tests.resilience import kill_checks as checks
from tests.resilience.kill_sites import TrialFiles, copy_sqlite

NONE, COMPLETE = "none", "complete"
UNRECORDED = "complete-unrecorded"  # export: the file is in place, its ledger entry was never committed
UNSEEDED = "migrated-unseeded"  # migration: schema at head, reference data still to load (next start does it)
_TABLES = {spec.name: spec.table for spec in VILLAGE_SHEETS}


@dataclass
class Finding:
    state: str
    problems: list[str] = field(default_factory=list)
    leftovers: int = 0  # temporary files the killed process could not remove


def _context(path: Path) -> ServiceContext:
    db = open_database(str(path)).db
    site = get_site_info(db)
    return ServiceContext(db, Actor.cli("kill-trial", site_code=site.code, site_role=site.role))


class Operation:
    name = ""
    # The first start of the day backs the site up before "started": not the operation under test, only time.
    worker_env: dict[str, str] = {ENV_AUTO_BACKUP: "0"}

    def __init__(self, files: TrialFiles) -> None:
        self.files = files
        self.levels: dict[str, str] = {}

    def worker_args(self, folder: Path) -> list[str]:
        """Copy the starting files into a fresh trial folder; the worker's arguments."""
        raise NotImplementedError

    def learn(self, folder: Path) -> None:
        """Read what a clean, uninterrupted run left in `folder`."""
        raise NotImplementedError

    def inspect(self, folder: Path) -> Finding:
        raise NotImplementedError

    def rerun(self, folder: Path, finding: Finding) -> list[str]:
        """Start the application on the folder again and repeat the operation; the problems found."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the operation kept open between trials."""


class ImportOperation(Operation):
    """A village package imported into the district: applied entirely or not at all, ledger entry iff data."""

    name = "import"

    def __init__(self, files: TrialFiles) -> None:
        super().__init__(files)
        with opened(files.package) as package:
            self.package_id = PackageMeta.parse(package.meta).package_id
            ids: dict[str, set[str]] = {}
            for sheet, record_id, _ in package.manifest:
                ids.setdefault(_TABLES[sheet], set()).add(record_id)
        # The package's records the district does not hold yet (shared reference records it holds already).
        self.ids = {table: wanted - checks.present_ids(files.district, table, wanted, read_only=True)
                    for table, wanted in ids.items()}
        self.applied: dict[str, int] = {}

    def worker_args(self, folder: Path) -> list[str]:
        return ["import", str(copy_sqlite(self.files.district, folder / "district.db")), str(self.files.package)]

    def _present(self, path: Path) -> dict[str, int]:
        return {table: len(checks.present_ids(path, table, ids)) for table, ids in self.ids.items()}

    def _ledger(self, path: Path) -> int:
        return int(checks.scalar(path, "SELECT count(*) FROM exchange_package WHERE package_uuid = ? "
                                       "AND direction = 'MASUK'", self.package_id) or 0)

    def learn(self, folder: Path) -> None:
        path = folder / "district.db"
        self.levels = checks.preservation(self.files.district, path)
        self.applied = self._present(path)
        assert sum(self.applied.values()) > 0 and self._ledger(path) == 1, "the clean import applied nothing"

    def inspect(self, folder: Path) -> Finding:
        path = folder / "district.db"
        problems = checks.integrity_problems(path)
        if problems:
            return Finding("unreadable", problems)
        present, ledger = self._present(path), self._ledger(path)
        problems += checks.lost_rows(self.files.district, path, self.levels)
        if not any(present.values()) and ledger == 0:
            return Finding(NONE, problems)
        if present == self.applied and ledger == 1:
            return Finding(COMPLETE, problems)
        return Finding("partial", [*problems, f"package half applied: rows {present} of {self.applied}, "
                                              f"{ledger} ledger entr(y/ies)"])

    def rerun(self, folder: Path, finding: Finding) -> list[str]:
        path = folder / "district.db"
        ctx = _context(path)
        try:
            first = import_package(ctx, self.files.package).status
            again = import_package(ctx, self.files.package).status
        finally:
            ctx.db.dispose()
        expected = ImportStatus.ALREADY_APPLIED if finding.state == COMPLETE else ImportStatus.APPLIED
        problems = [] if first is expected else [f"re-import ended {first.value}, expected {expected.value}"]
        if again is not ImportStatus.ALREADY_APPLIED:
            problems.append(f"a second re-import ended {again.value}: the package must apply once")
        if self._present(path) != self.applied or self._ledger(path) != 1:
            problems.append("after the re-import the district does not hold the package exactly once")
        return problems


class ExportOperation(Operation):
    """A village package written: no file, or a complete signed one under the final name (never a half file)."""

    name = "export"
    _PARTIALS = (".*.part",)

    def __init__(self, files: TrialFiles, scratch: Path) -> None:
        super().__init__(files)
        self.ledger_before = self._ledger(files.village, read_only=True)
        self.rows = 0
        self.sequence = 0
        # Validity of a package = the district accepts it: a dry-run import (read-only) on one scratch copy.
        self.district = _context(copy_sqlite(files.district, scratch / "district-check.db"))

    @staticmethod
    def _ledger(path: Path, *, read_only: bool = False) -> int:
        with closing(checks.connect(path, read_only=read_only)) as conn:
            return int(conn.execute("SELECT count(*) FROM exchange_package WHERE direction = 'KELUAR'").fetchone()[0])

    def worker_args(self, folder: Path) -> list[str]:
        (folder / "out").mkdir(parents=True, exist_ok=True)
        return ["export", str(copy_sqlite(self.files.village, folder / "village.db")), str(folder / "out/paket.xlsx")]

    def _valid_rows(self, package: Path) -> int | str:
        """The rows of a package the district would apply, or why it is not a valid package."""
        try:
            outcome = import_package(self.district, package, dry_run=True)
        except Exception as exc:  # a half-written file must be reported, whatever the reader raises
            return f"{type(exc).__name__}: {exc}"
        if outcome.status is not ImportStatus.WOULD_APPLY:
            return f"{outcome.status.value} {[m.code for m in outcome.messages]}"
        return sum(outcome.rows.values())

    def learn(self, folder: Path) -> None:
        self.levels = checks.preservation(self.files.village, folder / "village.db")
        rows = self._valid_rows(folder / "out/paket.xlsx")
        assert isinstance(rows, int) and rows > 0, f"the clean export is not a valid package: {rows}"
        self.rows = rows
        self.sequence = self._ledger(folder / "village.db")

    def inspect(self, folder: Path) -> Finding:
        path, package = folder / "village.db", folder / "out/paket.xlsx"
        problems = checks.integrity_problems(path)
        if problems:
            return Finding("unreadable", problems)
        problems += checks.lost_rows(self.files.village, path, self.levels)
        stray = len(checks.leftovers(folder / "out", self._PARTIALS)) + len(
            checks.leftovers(folder / "tmp", ("puskesos-xlsx-*",)))
        recorded = self._ledger(path) - self.ledger_before
        if not package.exists():
            if recorded:
                problems.append("a ledger entry for a package that does not exist")
            return Finding(NONE, problems, stray)
        rows = self._valid_rows(package)
        if rows != self.rows:
            return Finding("half-file", [*problems, f"{package.name} under its final name is not a complete "
                                                    f"package: {rows}"], stray)
        return Finding(COMPLETE if recorded == 1 else UNRECORDED, problems, stray)

    def rerun(self, folder: Path, finding: Finding) -> list[str]:
        ctx = _context(folder / "village.db")
        try:
            outcome = export_package(ctx, folder / "out/paket.xlsx")
        finally:
            ctx.db.dispose()
        expected = self.sequence + (1 if finding.state == COMPLETE else 0)
        problems = [] if outcome.sequence == expected else [f"re-export is package {outcome.sequence}, "
                                                            f"expected {expected}"]
        rows = self._valid_rows(outcome.path)
        return problems if rows == self.rows else [*problems, f"the re-exported package is not valid: {rows}"]

    def close(self) -> None:
        self.district.db.dispose()


class MigrateOperation(Operation):
    """The committed schema-0001 database opened by the new version: backup, schema upgrade, reference data."""

    name = "migrate"
    worker_env: dict[str, str] = {}  # here the day's first backup is part of the start that is killed

    def __init__(self, files: TrialFiles) -> None:
        super().__init__(files)
        self.old_version = str(checks.scalar(files.old_schema, "SELECT version_num FROM alembic_version"))
        self.head = head_revision()
        self.regions = 0

    def worker_args(self, folder: Path) -> list[str]:
        folder.mkdir(parents=True, exist_ok=True)
        return ["migrate", str(shutil.copyfile(self.files.old_schema, folder / "lapangan.db"))]

    def _regions(self, path: Path) -> int:
        return int(checks.scalar(path, "SELECT count(*) FROM wilayah") or 0)

    def learn(self, folder: Path) -> None:
        path = folder / "lapangan.db"
        self.levels = checks.preservation(self.files.old_schema, path)
        self.regions = self._regions(path)
        assert checks.scalar(path, "SELECT version_num FROM alembic_version") == self.head

    def _backups(self, folder: Path) -> tuple[list[str], int]:
        """Every backup under a .db name is whole: the database before the migration (the backup taken first), or
        the migrated one (the first-start-of-the-day backup taken next). .partial files are counted."""
        problems = []
        for backup in sorted((folder / "backups").glob("*.db")):
            found = checks.integrity_problems(backup)
            version = None if found else checks.scalar(backup, "SELECT version_num FROM alembic_version")
            if version == self.old_version:
                found = checks.lost_rows(self.files.old_schema, backup)
            elif version == self.head:
                found = checks.lost_rows(self.files.old_schema, backup, self.levels)
            elif not found:
                found = [f"backup at schema {version!r}"]
            problems += [f"backup {backup.name}: {problem}" for problem in found]
        return problems, len(checks.leftovers(folder / "backups", ("*.partial",)))

    def inspect(self, folder: Path) -> Finding:
        path = folder / "lapangan.db"
        problems, stray = self._backups(folder)
        problems += checks.integrity_problems(path)
        if problems:
            return Finding("unreadable", problems, stray)
        version = checks.scalar(path, "SELECT version_num FROM alembic_version")
        if version == self.old_version:
            state = NONE
            problems += checks.lost_rows(self.files.old_schema, path)
        elif version == self.head:
            state = COMPLETE if self._regions(path) == self.regions else UNSEEDED
            problems += checks.lost_rows(self.files.old_schema, path, self.levels)
        else:
            return Finding("half-migrated", [f"schema version {version!r}"], stray)
        return Finding(state, problems, stray)

    def rerun(self, folder: Path, finding: Finding) -> list[str]:
        path = folder / "lapangan.db"
        open_database(str(path)).db.dispose()
        problems = checks.lost_rows(self.files.old_schema, path, self.levels)
        if checks.scalar(path, "SELECT version_num FROM alembic_version") != self.head:
            problems.append("the restarted application did not bring the schema to head")
        if self._regions(path) != self.regions:
            problems.append(f"{self._regions(path)} regions after the restart, {self.regions} after a clean run")
        return problems


class BackupOperation(Operation):
    """backup_sqlite of a live site: the site untouched, and a .db file in the folder only when it is whole."""

    name = "backup"

    def __init__(self, files: TrialFiles) -> None:
        super().__init__(files)
        self.counts = checks.counts(files.village)

    def worker_args(self, folder: Path) -> list[str]:
        return ["backup", str(copy_sqlite(self.files.village, folder / "site.db")), str(folder / "copies")]

    def learn(self, folder: Path) -> None:
        self.levels = checks.preservation(self.files.village, folder / "site.db")
        assert len(list((folder / "copies").glob("*.db"))) == 1, "the clean backup wrote no .db file"

    def _whole(self, backup: Path) -> list[str]:
        found = checks.integrity_problems(backup)
        if not found and checks.counts(backup) != self.counts:
            found = [f"backup {backup.name} is not a whole copy of the site"]
        return found

    def inspect(self, folder: Path) -> Finding:
        path = folder / "site.db"
        problems = checks.integrity_problems(path)
        if not problems:
            problems += checks.lost_rows(self.files.village, path, self.levels)
        made = sorted((folder / "copies").glob("*.db"))
        for backup in made:
            problems += self._whole(backup)
        stray = len(checks.leftovers(folder / "copies", ("*.partial",)))
        return Finding(COMPLETE if made else NONE, problems, stray)

    def rerun(self, folder: Path, finding: Finding) -> list[str]:
        opened_db = open_database(str(folder / "site.db"))
        try:
            result = backup_sqlite(opened_db.db, reason="ulang", folder=folder / "backups-again")
        finally:
            opened_db.db.dispose()
        return ([] if result.integrity_ok else ["the repeated backup failed its integrity check"]) + self._whole(
            result.path)


def all_operations(files: TrialFiles, scratch: Path) -> list[Operation]:
    return [ImportOperation(files), ExportOperation(files, scratch), MigrateOperation(files), BackupOperation(files)]
