"""Opening an exchange package: the guard, the `_meta` sheet with its manifest, then the data rows in batches.

Nothing here decides anything about the rows; it turns a file into (meta, manifest, rows keyed by column key) and
refuses, with a code and a Bahasa message, what is not a sound package before any data row is read.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from puskesos_desk.domain.exchange_package import MANIFEST_HEADER, META_SHEET, PackageRefused
from puskesos_desk.domain.exchange_sheets import SYSTEM_COLUMNS
from puskesos_desk.services.exchange_columns import ROW_HASH_KEY, SheetPlan
from puskesos_desk.spreadsheet.guard import DEFAULT_LIMITS, Limits, WorkbookShape, decrypt_to, inspect_xlsx
from puskesos_desk.spreadsheet.reader import read_sheets

_ALWAYS_NEEDED = ("id", "row_version", "base_version")


@dataclass(frozen=True)
class OpenedPackage:
    path: Path  # the file the reader opens (a decrypted copy when the original had a password)
    shape: WorkbookShape
    meta: dict[str, str]
    manifest: list[tuple[str, str, str]]  # (sheet, record id, row hash) as signed

    def hashes(self) -> dict[tuple[str, str], str]:
        return {(sheet, record_id): digest for sheet, record_id, digest in self.manifest}

    def formula_rows(self, sheet: str) -> frozenset[int]:
        """Rows holding a formula (the guard notes every one): an import treats each as edited by hand."""
        shape = self.shape.sheet(sheet)
        return shape.formula_rows if shape is not None else frozenset()


@contextmanager
def opened(path: Path, *, password: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[OpenedPackage]:
    """Guard the file, decrypt it aside when a password is given, and read `_meta`. Raises UnsafeWorkbook or
    PackageRefused; the decrypted copy (personal data in clear) is removed on leaving."""
    workdir: Path | None = None
    try:
        if password:
            workdir = Path(tempfile.mkdtemp(prefix="puskesos-import-"))
            path = decrypt_to(path, password, workdir / "paket.xlsx", limits=limits)
        shape = inspect_xlsx(path, limits)
        sheet = shape.sheet(META_SHEET)
        if sheet is None or sheet.kind != "worksheet":
            raise PackageRefused("NOT_A_PACKAGE")
        meta, manifest = _read_meta(path, shape, limits)
        yield OpenedPackage(path=path, shape=shape, meta=meta, manifest=manifest)
    finally:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a program that turned a text "7" into the number 7
    return str(value).strip()


def _read_meta(path: Path, shape: WorkbookShape, limits: Limits) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    meta: dict[str, str] = {}
    manifest: list[tuple[str, str, str]] = []
    in_manifest = False
    for batch in read_sheets(path, [META_SHEET], limits=limits, shape=shape, batch_rows=20000):
        for row in batch.rows:
            first, second, third = (_text(row[i]) if i < len(row) else "" for i in range(3))
            if not in_manifest:
                if (first, second, third) == MANIFEST_HEADER:
                    in_manifest = True
                elif first:
                    if first in meta:
                        raise PackageRefused("META_DAMAGED", detail=f"kunci {first} ganda")
                    meta[first] = second
            elif first:
                if not second or not third:
                    raise PackageRefused("META_DAMAGED", detail="daftar baris")
                manifest.append((first, second, third))
    if not meta:
        raise PackageRefused("NOT_A_PACKAGE")
    if not in_manifest:
        raise PackageRefused("META_DAMAGED", detail="daftar baris tidak ada")
    return meta, manifest


@dataclass(frozen=True, slots=True)
class IncomingRow:
    row_number: int  # as Excel shows it (the header is row 1)
    cells: dict[str, object]  # column key → the cell as read; missing columns are absent
    digest: str | None = None  # the row hash, computed by the reader process


def header_map(plan: SheetPlan, header: tuple[object, ...]) -> dict[int, str]:
    """Column index → column key, matching headers people may have moved; extra columns are ignored, missing
    required ones refuse the package."""
    by_header = {column.header: column.key for column in plan.all_columns}
    by_header["HASH_BARIS"] = ROW_HASH_KEY
    found: dict[int, str] = {}
    for index, value in enumerate(header):
        key = by_header.get(_text(value).upper()) if value is not None else None
        if key is not None and key not in found.values():
            found[index] = key
    present = set(found.values())
    required = [c for c in plan.all_columns if c.key in _ALWAYS_NEEDED or c.required]
    for column in [*required, *(c for c in SYSTEM_COLUMNS if c.key == "created_at")]:
        if column.key not in present:
            raise PackageRefused("MISSING_COLUMN", column=column.header, sheet=plan.name)
    return found


def sheet_rows(package: OpenedPackage, plans: Mapping[str, SheetPlan], *, batch_rows: int = 5000,
               limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[SheetPlan, list[IncomingRow]]]:
    """Batches of rows per data sheet, in the order of `plans` (parents first). Empty rows are skipped."""
    names = list(plans)
    for name in names:
        if package.shape.sheet(name) is None:
            raise PackageRefused("MISSING_SHEET", sheet=name)
    columns: dict[str, dict[int, str]] = {}
    digests = {name: {"sheet": name, "keys": list(plan.hash_keys),
                      "headers": {column.header: column.key for column in plan.all_columns}}
               for name, plan in plans.items()}
    for batch in read_sheets(package.path, names, limits=limits, shape=package.shape, batch_rows=batch_rows,
                             digests=digests):
        plan = plans[batch.sheet]
        rows = batch.rows
        first = batch.first_row
        if batch.sheet not in columns:
            columns[batch.sheet] = header_map(plan, rows[0] if rows else ())
            rows = rows[1:]
            first += 1
        mapping = columns[batch.sheet]
        incoming = []
        for offset, row in enumerate(rows):
            digest = row[-1]  # appended by the reader process (read_sheets `digests`)
            cells = {key: row[index] for index, key in mapping.items() if index < len(row) - 1}
            if all(value is None or (isinstance(value, str) and not value.strip()) for value in cells.values()):
                continue
            incoming.append(IncomingRow(first + offset, cells, digest if isinstance(digest, str) else None))
        if incoming:
            yield plan, incoming
