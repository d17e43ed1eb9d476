"""Checks of one incoming row before anything is applied (docs/exchange-format.md §7.2).

Each finding names the column key, a machine code and a Bahasa message the sender can act on. Checks that need
the receiver's database (references, numbers already used, a household's head) are made by the import service.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from puskesos_desk.domain.exchange_cells import CellProblem
from puskesos_desk.domain.exchange_sheets import SYSTEM_COLUMNS, Column, ColumnKind, SheetSpec
from puskesos_desk.domain.nik import IdCheck, check_kk, check_nik

K = ColumnKind
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Fields that record something that already happened: a value in the future is a typing or clock error.
PAST_DATES = frozenset({"birth_date", "letter_date", "since", "valid_from", "musdes_date", "received_on",
                        "completed_on", "as_of"})
PAST_MOMENTS = frozenset({"occurred_at", "given_at", "approved_at", "closed_at", "decided_at", "created_at",
                          "withdrawn_at", "deleted_at"})
CLOCK_SLACK = timedelta(days=1)  # village PCs keep poor time; a day ahead is not worth refusing a row


@dataclass(frozen=True, slots=True)
class Finding:
    key: str | None  # the column key, None for the whole row
    code: str
    message: str


class RowChecker:
    """The checks of one sheet, prepared once: only the columns that can fail are visited for each row."""

    def __init__(self, spec: SheetSpec, choices: Mapping[str, tuple[str, ...]], *, today: date,
                 now: datetime, lengths: Mapping[str, int] | None = None) -> None:
        self.choices = choices
        self.today = today
        self.now = now
        self.lengths = dict(lengths or {})  # column key → the longest text the receiving table takes
        # (column, what a present value needs to pass without a closer look). Imports run this for every row, so
        # the passing cases are decided inline; only a value that might fail goes through _check_value.
        self.columns = tuple((c, *_fast_pass(c, choices, today, now, self.lengths))
                             for c in (*SYSTEM_COLUMNS, *spec.columns) if _can_fail(c, choices, self.lengths))

    def check(self, values: dict[str, Any], problems: Mapping[str, CellProblem]) -> list[Finding]:
        """Findings for one row; normalises `values` in place (NIK and No. KK without separators)."""
        findings = [Finding(key, problem.code, problem.message) for key, problem in problems.items()] if problems \
            else []
        for column, test, limit in self.columns:
            key = column.key
            value = values.get(key)
            if value is not None and value != "" and value != [] and value != {}:
                if test == _PRESENT:
                    continue
                if test == _UUID and type(value) is str and UUID.match(value):
                    continue
                if test == _ONE_OF and value in limit:
                    continue
                if test == _AT_MOST and value <= limit:
                    continue
                if test == _AT_LEAST and type(value) is int and value >= limit:
                    continue
                if test == _ALL_OF and all(item in limit for item in value):
                    continue
                if test == _AT_MOST_LONG and (type(value) is not str or len(value) <= limit):
                    continue
            elif not column.required:
                continue  # an empty optional cell: nothing to check
            if key in problems:
                continue
            finding = _check_value(column, values, self.choices, self.today, self.now, self.lengths)
            if finding is not None:
                findings.append(finding)
        version, base = values.get("row_version"), values.get("base_version")
        if version is not None and base is not None and base >= version:
            findings.append(Finding("base_version", "VERSI_TIDAK_SAH", "VERSI_DASAR harus lebih kecil dari VERSI."))
        return findings


_PRESENT, _UUID, _ONE_OF, _ALL_OF, _AT_MOST, _AT_LEAST, _FULL, _AT_MOST_LONG = range(8)
_LIMITED_KINDS = (K.TEXT, K.ID_TEXT)


def _fast_pass(column: Column, choices: Mapping[str, tuple[str, ...]], today: date,
               now: datetime, lengths: Mapping[str, int]) -> tuple[int, Any]:
    allowed = choices.get(column.key)
    if column.kind is K.REF:
        return _UUID, None
    if column.key in ("nik", "kk_number"):
        return _FULL, None
    if column.key == "row_version":
        return _AT_LEAST, 1
    if column.key == "base_version":
        return _AT_LEAST, 0
    if column.kind is K.ENUM and allowed:
        return _ONE_OF, frozenset(allowed)
    if column.kind is K.LIST and allowed:
        return _ALL_OF, frozenset(allowed)
    if column.kind is K.DATE and column.key in PAST_DATES:
        return _AT_MOST, today + CLOCK_SLACK
    if column.kind is K.DATETIME and column.key in PAST_MOMENTS:
        return _AT_MOST, now + CLOCK_SLACK
    if column.kind in _LIMITED_KINDS and column.key in lengths:
        return _AT_MOST_LONG, lengths[column.key]
    return _PRESENT, None


def _can_fail(column: Column, choices: Mapping[str, tuple[str, ...]], lengths: Mapping[str, int]) -> bool:
    return (column.required or column.kind is K.REF or column.key in ("nik", "kk_number", "row_version",
                                                                      "base_version")
            or (column.kind in _LIMITED_KINDS and column.key in lengths)
            or (column.kind in (K.ENUM, K.LIST) and bool(choices.get(column.key)))
            or (column.kind is K.DATE and column.key in PAST_DATES)
            or (column.kind is K.DATETIME and column.key in PAST_MOMENTS))


@lru_cache(maxsize=16384)
def checked_nik(value: str, today: date) -> IdCheck:
    """check_nik, remembered: an import validates each NIK and then derives its warnings from the same check."""
    return check_nik(value, today=today)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _check_value(column: Column, values: dict[str, Any], choices: Mapping[str, tuple[str, ...]], today: date,
                 now: datetime, lengths: Mapping[str, int]) -> Finding | None:
    key = column.key
    value = values.get(key)
    if _empty(value):
        if column.required:
            return Finding(key, "WAJIB_DIISI", f"Kolom {column.header} wajib diisi.")
        return None
    allowed = choices.get(key)
    if column.kind is K.ENUM and allowed and value not in allowed:
        return Finding(key, "KODE_TIDAK_DIKENAL", f"Kode '{value}' tidak dikenal untuk {column.header}; pilih dari "
                                                  "daftar pada sel ini (lihat lembar Petunjuk).")
    if column.kind is K.LIST and allowed:
        unknown = [item for item in value if item not in allowed]
        if unknown:
            return Finding(key, "KODE_TIDAK_DIKENAL", f"Kode {', '.join(unknown)} tidak dikenal untuk "
                                                      f"{column.header} (lihat lembar Petunjuk).")
    if column.kind is K.REF and not UUID.match(str(value)):
        return Finding(key, "ID_TIDAK_SAH", f"{column.header} bukan kode ID yang sah; jangan mengubah kolom ID.")
    if key == "nik":
        return _identity(values, key, checked_nik(str(value), today), "NIK_TIDAK_SAH")
    if key == "kk_number":
        return _identity(values, key, check_kk(value, today=today), "KK_TIDAK_SAH")
    if column.kind is K.DATE and key in PAST_DATES and value > today + CLOCK_SLACK:
        return Finding(key, "TANGGAL_MASA_DEPAN", f"{column.header} {value:%d-%m-%Y} ada di masa depan; periksa "
                                                  "tanggalnya (dan jam komputer pengirim).")
    if column.kind is K.DATETIME and key in PAST_MOMENTS and value > now + CLOCK_SLACK:
        return Finding(key, "TANGGAL_MASA_DEPAN", f"{column.header} ada di masa depan; periksa jam dan tanggal "
                                                  "komputer pengirim.")
    if key == "row_version" and value < 1:
        return Finding(key, "VERSI_TIDAK_SAH", "VERSI harus 1 atau lebih.")
    if key == "base_version" and value < 0:
        return Finding(key, "VERSI_TIDAK_SAH", "VERSI_DASAR tidak boleh negatif.")
    limit = lengths.get(key)
    if limit is not None and column.kind in _LIMITED_KINDS and isinstance(value, str) and len(value) > limit:
        return Finding(key, "TERLALU_PANJANG", f"Kolom {column.header} paling banyak {limit} karakter; isinya "
                                               f"{len(value)} karakter. Persingkat isinya.")
    return None


def _identity(values: dict[str, Any], key: str, check: Any, code: str) -> Finding | None:
    if check.errors:
        return Finding(key, code, check.errors[0].message)
    values[key] = check.value  # 16 digits, separators removed
    return None
