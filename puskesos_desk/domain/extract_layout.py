"""The layout of a district extract: where the header row is, which column holds which field, which dataset it is
and the date the data describes.

District files come in many shapes: title rows and merged title cells above the header ("DATA TUNGGAL SOSIAL DAN
EKONOMI NASIONAL", "Keadaan per tanggal: 01 Oktober 2026"), a SIKS-NG dump with snake_case headers on row 1, an old
DTKS download with bansos flag columns. Headers are matched with a synonym table after normalising case and
punctuation ("No. NIK", "no_nik" and "NO NIK" are one header). An exact synonym beats a partial match, so
NAMA vs NAMA IBU KANDUNG, TEMPAT LAHIR vs TGL LAHIR or ID DTKS vs NOMOR NIK never need a question.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache

from puskesos_desk.domain.extract_records import ExtractMapping
from puskesos_desk.domain.extract_values import find_date

__all__ = [
    "FIELD_KEYS", "FIELD_LABELS", "HEADER_SCAN_ROWS", "PROGRAMS", "PROGRAM_PREFIX", "REQUIRED_FIELDS", "column_letter",
    "detect_dataset", "find_as_of", "find_header_row", "header_matches", "invalid_mapping_keys", "is_field_key",
    "is_numbering_row", "merge_header_rows", "normalise_header", "program_names", "propose_mapping", "source_key",
]

PROGRAM_PREFIX = "program:"
REQUIRED_FIELDS = ("nik", "name")
HEADER_SCAN_ROWS = 30  # the header is looked for in this many rows from the top

# Field key → the headers that are exactly this field (normalised: upper case, punctuation as single spaces).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "nik": ("NIK", "NOMOR NIK", "NO NIK", "NOMOR INDUK KEPENDUDUKAN", "NIK KTP", "NIK ART", "NIK ANGGOTA",
            "NIK ANGGOTA KELUARGA", "NIK PENERIMA", "NIK PENDUDUK"),
    "name": ("NAMA", "NAMA LENGKAP", "NAMA ART", "NAMA ANGGOTA", "NAMA ANGGOTA KELUARGA", "NAMA PENERIMA",
             "NAMA SESUAI KTP", "NAMA PENDUDUK"),
    "kk_number": ("NO KK", "NOMOR KK", "NOKK", "NO KARTU KELUARGA", "NOMOR KARTU KELUARGA", "KK", "NOMOR KK ART"),
    "birth_date": ("TGL LAHIR", "TANGGAL LAHIR", "TGLLAHIR", "TGL LHR", "TANGGAL LHR", "TANGGALLAHIR"),
    "birth_place": ("TEMPAT LAHIR", "TMPT LAHIR", "TMP LAHIR", "TEMPAT LHR", "TEMPATLAHIR"),
    "sex": ("JENIS KELAMIN", "JK", "KELAMIN", "L P", "SEX", "JNS KELAMIN", "JENIS KEL", "JENISKELAMIN"),
    "relation": ("HUB KELUARGA", "HUBUNGAN KELUARGA", "HUB KEPALA KELUARGA", "HUBUNGAN DENGAN KEPALA KELUARGA",
                 "HUBUNGAN KEPALA KELUARGA", "HUB KK", "HUBUNGAN KK", "SHDK", "STATUS HUBUNGAN KELUARGA",
                 "STATUS HUBUNGAN DALAM KELUARGA", "HUB KEPKEL", "HUBUNGAN KEPKEL", "HUB DGN KK", "HUBUNGAN",
                 "HUBUNGAN KEPALA RUMAH TANGGA", "HUB KRT"),
    "address": ("ALAMAT", "ALAMAT KTP", "ALAMAT LENGKAP", "ALAMAT DOMISILI", "ALAMAT RUMAH"),
    "rt": ("RT",),
    "rw": ("RW",),
    "village_code": ("KODE DESA", "KODE WILAYAH", "KODE KELURAHAN", "KODE DESA KELURAHAN", "KODE KEMENDAGRI",
                     "KD DESA", "KODE DESA KEL", "KODE KEL DESA"),
    "village_name": ("DESA", "KELURAHAN", "DESA KELURAHAN", "NAMA DESA", "NAMA KELURAHAN", "DESA KEL", "KEL DESA",
                     "NAMA DESA KELURAHAN", "KELURAHAN DESA"),
    "district_name": ("KECAMATAN", "NAMA KECAMATAN", "KEC"),
    "desil_national": ("DESIL", "DESIL NASIONAL", "DESIL NAS", "DESIL KESEJAHTERAAN"),
    "desil_province": ("DESIL PROVINSI", "DESIL PROV"),
    "desil_regency": ("DESIL KABUPATEN KOTA", "DESIL KAB KOTA", "DESIL KABUPATEN", "DESIL KOTA", "DESIL KAB",
                      "DESIL KABKOTA"),
    "family_id": ("ID KELUARGA", "IDKELUARGA", "ID KELUARGA DTSEN"),
    "register_person_id": ("ID DTKS", "IDSEMESTA", "ID SEMESTA", "ID ART", "ID INDIVIDU", "ID DTSEN", "ID PENERIMA"),
    "remarks": ("KETERANGAN", "KET", "CATATAN"),
}

# Programme code (resources/reference/programs.json) → the names its flag column goes by.
PROGRAMS: dict[str, tuple[str, ...]] = {
    "PKH": ("PKH",),
    "SEMBAKO": ("SEMBAKO", "BPNT", "BPNT SEMBAKO", "SEMBAKO BPNT"),
    "PBI_JK": ("PBI", "PBI JK", "PBI JKN", "PBI NAS", "PBI APBN", "PBI NASIONAL", "PBI KIS", "KIS PBI"),
    "PBI_PEMDA": ("PBI PEMDA", "PBI APBD", "PBI DAERAH"),
    "BLT": ("BLT",),
    "BLT_DD": ("BLT DD", "BLT DANA DESA", "BLT DESA"),
    "BLT_BBM": ("BLT BBM",),
    "BST": ("BST",),
    "PIP": ("PIP", "KIP"),
    "KIP_KULIAH": ("KIP KULIAH",),
    "RTLH": ("RTLH", "RUTILAHU"),
    "ATENSI": ("ATENSI",),
    "PERMAKANAN": ("PERMAKANAN",),
    "YAPI": ("YAPI",),
    "PENA": ("PENA",),
    "BPNT_PPKM": ("BPNT PPKM", "BNPT PPKM"),
    "SEMBAKO_ADAPTIF": ("SEMBAKO ADAPTIF",),
    "BANTUAN_PANGAN": ("BANTUAN PANGAN", "BANPANG", "CBP"),
}
_PROGRAM_WORDS = ("", "BANSOS ", "PENERIMA ", "STATUS ", "KPM ", "BANTUAN ")  # "BANSOS PKH", "PENERIMA BPNT", …

FIELD_KEYS: tuple[str, ...] = (*_SYNONYMS, *(PROGRAM_PREFIX + code for code in PROGRAMS))

FIELD_LABELS: dict[str, str] = {
    "nik": "NIK", "name": "Nama", "kk_number": "No. KK", "birth_date": "Tanggal lahir", "birth_place": "Tempat lahir",
    "sex": "Jenis kelamin", "relation": "Hubungan keluarga", "address": "Alamat", "rt": "RT", "rw": "RW",
    "village_code": "Kode desa/kelurahan", "village_name": "Desa/kelurahan", "district_name": "Kecamatan",
    "desil_national": "Desil nasional", "desil_province": "Desil provinsi", "desil_regency": "Desil kabupaten/kota",
    "family_id": "ID keluarga", "register_person_id": "ID DTKS/DTSEN orang", "remarks": "Keterangan",
    **{PROGRAM_PREFIX + code: f"Bansos {code.replace('_', ' ')}" for code in PROGRAMS},
}

# Words that, next to a synonym in a longer header, say the column is about someone or something else: "NAMA IBU
# KANDUNG" is not the name, "ID DESA" (a SIKS internal number) is not the desa, "PERIODE PKH" is not the PKH flag.
_VETO_WORDS = frozenset({
    "IBU", "AYAH", "KANDUNG", "WALI", "PENDAMPING", "PETUGAS", "OPERATOR", "PELAPOR", "PEMOHON", "PERIODE", "TAHUN",
    "TAHAP", "NOMINAL", "JUMLAH", "BULAN", "ID", "KODE", "KD", "LAMA", "SEBELUMNYA", "TANGGAL", "TGL",
})

_EXACT: dict[str, str] = {}
for _key, _names in _SYNONYMS.items():
    for _name in _names:
        _EXACT[_name] = _key
for _code, _names in PROGRAMS.items():
    for _name in _names:
        for _word in _PROGRAM_WORDS:
            _EXACT.setdefault(_word + _name, PROGRAM_PREFIX + _code)
_BY_LENGTH = sorted(((tuple(name.split()), key) for name, key in _EXACT.items()), key=lambda item: -len(item[0]))


def is_field_key(key: str) -> bool:
    return key in _SYNONYMS or (key.startswith(PROGRAM_PREFIX) and key[len(PROGRAM_PREFIX):] in PROGRAMS)


def program_names(code: str) -> frozenset[str]:
    """What a cell of a programme's flag column may say to mean "receives it": "PKH" in a PKH column."""
    names = PROGRAMS.get(code, ())
    return frozenset({*names, *(name.replace(" ", "") for name in names), code, code.replace("_", " ")})


def normalise_header(value: object) -> str:
    """'No. NIK' → 'NO NIK', 'desa_kelurahan' → 'DESA KELURAHAN', 'TGL. LAHIR (dd-mm-yyyy)' → 'TGL LAHIR DD MM YYYY'."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).upper()
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text).split())


@lru_cache(maxsize=4096)
def header_matches(header: str) -> tuple[str | None, bool]:
    """(field key, exact) for one normalised header; (None, False) when it is no known field.

    A partial match is a synonym found as whole words inside the header (the longest synonym wins), unless the
    other words of the header name another person or a different thing (_VETO_WORDS)."""
    if not header:
        return None, False
    exact = _EXACT.get(header)
    if exact is not None:
        return exact, True
    words = tuple(header.split())
    best: tuple[int, set[str]] | None = None
    for synonym, key in _BY_LENGTH:
        size = len(synonym)
        if best is not None and size < best[0]:
            break
        for start in range(len(words) - size + 1):
            if words[start:start + size] == synonym:
                rest = words[:start] + words[start + size:]
                if not _VETO_WORDS.intersection(rest):
                    best = (size, best[1] | {key}) if best else (size, {key})
                break
    if best is None or len(best[1]) != 1:
        return None, False  # nothing, or a tie between two fields ("RT RW"): not guessed
    return next(iter(best[1])), False


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _labels(cells: Sequence[object]) -> dict[int, str]:
    """Column index → the header as people read it; a header repeated in the row gets its column letter."""
    texts = {index: " ".join(str(cell).split()) for index, cell in enumerate(cells)
             if cell is not None and str(cell).strip()}
    seen: dict[str, int] = {}
    for text in texts.values():
        seen[text] = seen.get(text, 0) + 1
    return {index: (f"{text} (kolom {column_letter(index)})" if seen[text] > 1 else text)
            for index, text in texts.items()}


def propose_mapping(cells: Sequence[object], header_row: int,
                    override: Mapping[str, str | None] | None = None) -> ExtractMapping:
    """The mapping of one header row (`header_row` 1-based). `override` (source header → field key, or "" / None
    to ignore the column) wins over the automatic proposal where its headers exist in the row."""
    labels = _labels(cells)
    exact: dict[str, list[int]] = {}
    partial: dict[str, list[int]] = {}
    for index in labels:
        key, is_exact = header_matches(normalise_header(cells[index]))
        if key is not None:
            (exact if is_exact else partial).setdefault(key, []).append(index)
    candidates = {key: exact.get(key) or partial[key] for key in {*exact, *partial}}
    forced = _forced(labels, override or {})
    if forced:  # an overridden column leaves its automatic field, and an overridden field its automatic columns
        decided = {key for key in forced.values() if key}
        candidates = {key: [index for index in found if index not in forced]
                      for key, found in candidates.items() if key not in decided}
        for index, key in sorted(forced.items()):
            if key:
                candidates.setdefault(key, []).append(index)
    columns: dict[int, str] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    for key, found in candidates.items():
        if not found:
            continue
        found = sorted(found)
        columns[found[0]] = key
        if len(found) > 1:
            ambiguous[key] = tuple(labels[index] for index in found)
    ordered = dict(sorted(columns.items()))
    return ExtractMapping(
        header_row=header_row, columns=ordered, headers={labels[index]: key for index, key in ordered.items()},
        unknown=tuple(label for index, label in labels.items()  # not the columns the override said to ignore
                      if index not in ordered and index not in forced
                      and not any(label in found for found in ambiguous.values())),
        ambiguous={key: ambiguous[key] for key in FIELD_KEYS if key in ambiguous},
    )


def invalid_mapping_keys(override: Mapping[str, str | None]) -> list[str]:
    """Field keys of a given mapping that are no field ("" and None mean: ignore the column)."""
    return sorted({str(key) for key in override.values() if key and not is_field_key(str(key).strip())})


def _forced(labels: dict[int, str], override: Mapping[str, str | None]) -> dict[int, str]:
    """Column index → field key ("" to ignore) for every override header present in the row."""
    wanted = {normalise_header(header): (key or "").strip() if is_field_key((key or "").strip()) else ""
              for header, key in override.items()}
    forced: dict[int, str] = {}
    for index, label in labels.items():
        for candidate in (label, label.rpartition(" (kolom ")[0] or label):
            key = wanted.get(normalise_header(candidate))
            if key is not None:
                forced[index] = key
                break
    return forced


def _row_score(row: Sequence[object]) -> tuple[int, bool]:
    score, has_nik = 0, False
    for cell in row:
        if isinstance(cell, str) and len(cell) <= 80:
            key, _ = header_matches(normalise_header(cell))
            if key is not None:
                score += 1
                has_nik = has_nik or key == "nik"
    return score, has_nik


def find_header_row(rows: Sequence[Sequence[object]], *, scan: int = HEADER_SCAN_ROWS) -> tuple[int, bool] | None:
    """(index into `rows`, has a NIK column) of the header row: the row among the first `scan` with the most
    known headers, one with a NIK column first; None when no row has two known headers."""
    best: tuple[int, int, bool] | None = None  # (index, score, has_nik)
    for index, row in enumerate(rows[:scan]):
        score, has_nik = _row_score(row)
        if score < 2:
            continue
        if best is None or (has_nik, score) > (best[2], best[1]):
            best = (index, score, has_nik)
    return (best[0], best[2]) if best else None


def _looks_like_data(cell: object) -> bool:
    if isinstance(cell, date | datetime | float) or (isinstance(cell, int) and not isinstance(cell, bool)):
        return True
    return isinstance(cell, str) and sum(ch.isdigit() for ch in cell) >= 6


def merge_header_rows(upper: Sequence[object], lower: Sequence[object] | None) -> list[object] | None:
    """A header of two rows: group labels above ("BANSOS" merged over PKH / BPNT / PBI), the names below. Returns
    the combined header when `lower` is such a second header row, else None."""
    if not lower or any(_looks_like_data(cell) for cell in lower):
        return None
    width = max(len(upper), len(lower))
    combined: list[object] = []
    added = False
    for index in range(width):
        above = upper[index] if index < len(upper) else None
        below = lower[index] if index < len(lower) else None
        key_below = header_matches(normalise_header(below))[0] if isinstance(below, str) else None
        key_above = header_matches(normalise_header(above))[0] if isinstance(above, str) else None
        if key_below is not None and key_above is None:
            combined.append(below)
            added = True
        else:
            combined.append(above if above is not None else below)
    return combined if added else None


def is_numbering_row(row: Sequence[object]) -> bool:
    """The row of column numbers (1, 2, 3, …) official forms put under the header."""
    numbers = [cell for cell in row if cell is not None and not (isinstance(cell, str) and not cell.strip())]
    if len(numbers) < 3:
        return False
    try:
        values = [int(str(cell).strip().strip("()")) for cell in numbers]
    except ValueError:
        return False
    return values == list(range(values[0], values[0] + len(values))) and values[0] in (0, 1)


_AS_OF_WORDS = re.compile(r"\b(PER|KEADAAN|POSISI|TANGGAL DATA|DATA TANGGAL|AS OF|CUT OFF|CUTOFF)\b")


def find_as_of(title_rows: Sequence[Sequence[object]]) -> date | None:
    """The date the data describes, from a title row: "Keadaan per tanggal: 01 Oktober 2026", "per tanggal
    01-10-2026", or a label cell followed by a date cell. A printing date ("Dicetak 05-10-2026") is not one."""
    for row in title_rows:
        texts = [str(cell) for cell in row if isinstance(cell, str)]
        if not texts or not _AS_OF_WORDS.search(normalise_header(" ".join(texts))):
            continue
        for cell in row:
            if isinstance(cell, datetime):
                return cell.date()
            if isinstance(cell, date):
                return cell
            if isinstance(cell, str) and _AS_OF_WORDS.search(normalise_header(cell)) is None:
                found = find_date(cell)
                if found is not None:
                    return found
        for text in texts:
            found = find_date(text)
            if found is not None:
                return found
    return None


def detect_dataset(mapping: ExtractMapping, title_rows: Sequence[Sequence[object]] = ()) -> str:
    """DTSEN when the file carries a desil (only DTSEN ranks families), or when its title says so; else DTKS."""
    if any(key.startswith("desil_") for key in mapping.columns.values()):
        return "DTSEN"
    title = normalise_header(" ".join(str(cell) for row in title_rows for cell in row if isinstance(cell, str)))
    if "DTSEN" in title.split() or "DATA TUNGGAL SOSIAL" in title:
        return "DTSEN"
    return "DTKS"


def source_key(cells: Sequence[object]) -> str:
    """A stable key of a layout: the set of its normalised headers, so next quarter's file from the same district
    (same columns, any order) is recognised and gets the mapping remembered for it."""
    headers = sorted({normalise_header(cell) for cell in cells if normalise_header(cell)})
    return hashlib.sha256("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]
