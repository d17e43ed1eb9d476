"""Cell values of a district extract as they really come, turned into what the register stores.

Each reader returns the value (or None) and, when the cell could not be used as given, a `ValueProblem` with a
machine code and a Bahasa message. A problem in an optional field is a warning on the row, never a reason to drop it;
only the NIK decides whether a row can be imported (`read_nik`).

Cells arrive from the spreadsheet reader as str, int, float, bool, date, datetime (or time/timedelta): a text cell
stays text, so "0012" or a NIK typed as text keeps every digit, while a number cell has already lost whatever Excel
dropped (a 16-digit number keeps only 15 significant digits).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from numbers import Number

from puskesos_desk.domain.nik import IdCheck, check_kk, check_nik, mask_id, strip_separators

__all__ = [
    "IdValue", "ValueProblem", "display_value", "find_date", "parse_date", "read_desil", "read_flag", "read_kk",
    "read_nik", "read_relation", "read_rt_rw", "read_sex", "read_text", "read_village_code",
]

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 in Excel's 1900 date system (after its leap-year bug)
_FIRST_YEAR = 1880  # older birth dates are typing errors
_SERIAL_RANGE = (1, 80_000)  # 1900-01-01 … 2119

MONTHS: dict[str, int] = {
    "JANUARI": 1, "JANUARY": 1, "JAN": 1,
    "FEBRUARI": 2, "PEBRUARI": 2, "FEBRUARY": 2, "FEB": 2, "PEB": 2,
    "MARET": 3, "MARCH": 3, "MAR": 3, "MRT": 3,
    "APRIL": 4, "APR": 4,
    "MEI": 5, "MAY": 5,
    "JUNI": 6, "JUNE": 6, "JUN": 6,
    "JULI": 7, "JULY": 7, "JUL": 7,
    "AGUSTUS": 8, "AUGUST": 8, "AGU": 8, "AGT": 8, "AGS": 8, "AGST": 8, "AUG": 8,
    "SEPTEMBER": 9, "SEPT": 9, "SEP": 9,
    "OKTOBER": 10, "OCTOBER": 10, "OKT": 10, "OCT": 10,
    "NOVEMBER": 11, "NOPEMBER": 11, "NOV": 11, "NOP": 11,
    "DESEMBER": 12, "DECEMBER": 12, "DES": 12, "DEC": 12,
}

_DMY = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?")
_D_MONTH_Y = re.compile(r"(\d{1,2})\s*[-/ .,]\s*([A-Z]+)\.?\s*[-/ .,]\s*(\d{4})")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class ValueProblem:
    code: str
    message: str


def display_value(value: object) -> str:
    """A cell as a message may quote it: numbers without a float tail, 16-digit runs masked."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e17:
        text = str(int(value))
    elif isinstance(value, datetime | date):
        text = value.strftime("%d-%m-%Y")
    else:
        text = str(value).strip()
    return re.sub(r"(?<!\d)\d{16}(?!\d)", lambda match: mask_id(match.group(0)), text)


# --- dates ------------------------------------------------------------------------------------------------------


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(two_digits: int, today: date) -> int:
    """A two-digit year of a birth date: the most recent year with those digits not after today."""
    century = today.year // 100 * 100
    return century + two_digits if century + two_digits <= today.year else century - 100 + two_digits


def _from_serial(serial: float) -> date | None:
    if not (_SERIAL_RANGE[0] <= serial < _SERIAL_RANGE[1]):
        return None
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def _date_from_text(text: str, today: date) -> date | None:
    upper = text.upper()
    if match := _YMD.fullmatch(upper):
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _DMY.fullmatch(upper):
        year = int(match[3])
        if len(match[3]) == 2:
            year = _full_year(year, today)
        return _make_date(year, int(match[2]), int(match[1]))
    if match := _D_MONTH_Y.fullmatch(upper):
        month = MONTHS.get(match[2])
        return _make_date(int(match[3]), month, int(match[1])) if month else None
    if upper.isdigit():
        if len(upper) == 8:  # 19800515 or 15051980
            return _make_date(int(upper[:4]), int(upper[4:6]), int(upper[6:])) if upper[:2] in ("19", "20") \
                else _make_date(int(upper[4:]), int(upper[2:4]), int(upper[:2]))
        if len(upper) == 5:  # an Excel serial that arrived as text
            return _from_serial(int(upper))
    return None


def find_date(text: str) -> date | None:
    """The first date written inside a longer text ("Keadaan per tanggal: 01 Oktober 2026")."""
    upper = text.upper()
    for pattern in (_D_MONTH_Y, _DMY, _YMD):
        for match in pattern.finditer(upper):
            found = _date_from_text(match[0], date.max)
            if found is not None and (pattern is not _DMY or len(match[3]) == 4):
                return found
    return None


def parse_date(value: object, *, today: date | None = None) -> tuple[date | None, ValueProblem | None]:
    """A birth date from an Excel date, a serial number, dd-mm-yyyy, dd/mm/yyyy, "12 Mei 1980" or yyyy-mm-dd."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    reference = today or date.today()
    found: date | None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, bool):
        found = None
    elif isinstance(value, int | float):
        text = str(int(value)) if float(value).is_integer() else ""
        found = _date_from_text(text, reference) if len(text) == 8 else _from_serial(float(value))
    elif isinstance(value, str):
        text = " ".join(value.split())
        # "SEMARANG, 12-05-1980": a place and a date in one cell (a "TEMPAT/TGL LAHIR" column).
        found = _date_from_text(text, reference) or (find_date(text) if any(c.isalpha() for c in text) else None)
    else:
        found = None
    if found is None or found.year < _FIRST_YEAR:
        return None, ValueProblem("date_invalid", f"Tanggal '{display_value(value)}' tidak dapat dibaca (gunakan "
                                                  "misalnya 12-05-1980 atau 12 Mei 1980); dikosongkan.")
    if found > reference:
        return None, ValueProblem("date_future", f"Tanggal lahir {found:%d-%m-%Y} ada di masa depan; dikosongkan.")
    return found, None


# --- identity numbers -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IdValue:
    """A NIK or No. KK cell: the 16 digits to store, or why there are none."""

    digits: str | None
    damaged: bool = False  # arrived as a number or in scientific notation: Excel already dropped digits
    separators: bool = False  # spaces, dots or dashes were removed
    problem: ValueProblem | None = None


_DAMAGED_CODES = frozenset({"excel_number", "excel_scientific"})
_IGNORED_WARNINGS = frozenset({"region_unknown", "implausible_age", "dob_mismatch", "sex_mismatch"})


def _damaged(label: str, value: object) -> IdValue:
    shown = display_value(value)
    return IdValue(None, damaged=True, problem=ValueProblem(
        f"{label.lower()}_damaged",
        f"{'NIK' if label == 'NIK' else 'No. KK'} tersimpan sebagai angka di Excel ({shown}), sehingga digit "
        f"terakhirnya sudah hilang. Minta pengirim mengirim ulang dengan kolom {'NIK' if label == 'NIK' else 'No. KK'} "
        "berformat Teks."))


def _read_id(label: str, value: object, check: Callable[[object], IdCheck]) -> IdValue:
    if value is None or (isinstance(value, str) and not value.strip()):
        return IdValue(None, problem=ValueProblem(f"{label.lower()}_missing", f"{_word(label)} kosong."))
    if isinstance(value, Number) and not isinstance(value, bool):
        return _damaged(label, value)
    result = check(value if isinstance(value, str) else str(value))
    codes = {finding.code for finding in result.errors}
    if codes & _DAMAGED_CODES:
        return _damaged(label, value)
    separators = any(finding.code == "separators" for finding in result.warnings)
    if result.errors:
        first = result.errors[0]
        return IdValue(None, separators=separators, problem=ValueProblem(
            f"{label.lower()}_invalid", f"{_word(label)} '{display_value(value)}' tidak sah: {first.message}"))
    return IdValue(result.value, separators=separators)


def _word(label: str) -> str:
    return "NIK" if label == "NIK" else "No. KK"


def read_nik(value: object, *, today: date, kk_number: str | None = None,
             region_exists: Callable[[str], bool] | None = None) -> IdValue:
    """A NIK cell. Number cells and scientific notation are damaged (never compared, never stored); a text NIK
    ending in 0 is an ordinary NIK."""
    return _read_id("NIK", value, lambda text: check_nik(text, today=today, kk_number=kk_number,
                                                          region_exists=region_exists))


def read_kk(value: object, *, today: date, region_exists: Callable[[str], bool] | None = None) -> IdValue:
    """A No. KK cell. Unlike the NIK, a bad KK only costs the row its KK (a warning); an empty one is no problem."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return IdValue(None)
    return _read_id("KK", value, lambda text: check_kk(text, today=today, region_exists=region_exists))


# --- small fields -----------------------------------------------------------------------------------------------


def read_text(value: object) -> str:
    """A text cell with its whitespace collapsed; whole numbers without a ".0" tail; dates as dd-mm-yyyy."""
    if value is None:
        return ""
    if isinstance(value, str):
        # A NUL separates words like a space: no site can store it (domain/text_input.py), and the extract is the
        # district's copy of the register, shown for reading, not text typed at this desk.
        return " ".join(value.replace("\x00", " ").split())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    return str(value)


_SEX = {
    "L": "L", "LK": "L", "LAKI": "L", "LAKILAKI": "L", "PRIA": "L", "M": "L", "MALE": "L", "1": "L",
    "P": "P", "PR": "P", "PEREMPUAN": "P", "WANITA": "P", "W": "P", "F": "P", "FEMALE": "P", "2": "P",
}


def read_sex(value: object) -> tuple[str | None, ValueProblem | None]:
    """L/P, LAKI-LAKI/PEREMPUAN, 1/2 (the DTKS codes)."""
    if value is None:
        return None, None
    key = re.sub(r"[^A-Z0-9]", "", read_text(value).upper())
    if not key:
        return None, None
    sex = _SEX.get(key)
    if sex is None:
        return None, ValueProblem("sex_invalid", f"Jenis kelamin '{display_value(value)}' tidak dikenal "
                                                 "(gunakan L/P); dikosongkan.")
    return sex, None


def read_rt_rw(value: object, label: str = "RT") -> tuple[str, ValueProblem | None]:
    """RT or RW as three digits: 1, "1", "01", "RT 01" → "001"."""
    if value is None:
        return "", None
    text = read_text(value).upper()
    digits = re.sub(r"^(RT|RW)\b\.?", "", text).strip(" .:")
    if not digits:
        return "", None
    if digits.isdigit() and len(digits) <= 3:
        return digits.zfill(3), None
    return "", ValueProblem(f"{label.lower()}_invalid", f"{label} '{display_value(value)}' bukan nomor {label} "
                                                        "(1–3 angka); dikosongkan.")


def read_desil(value: object, label: str = "Desil") -> tuple[int | None, ValueProblem | None]:
    """A desil 1–10 (1 poorest): 3, "3", "Desil 3", "D3"."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        number: int | None = None
    elif isinstance(value, int | float):
        number = int(value) if float(value).is_integer() else None
    else:
        text = read_text(value).upper()
        if not text or text in ("-", "0", "TIDAK ADA"):
            return None, None
        number = _whole_number(re.sub(r"^(DESIL|D)\s*", "", text))
    if number is not None and 1 <= number <= 10:
        return number, None
    return None, ValueProblem("desil_invalid", f"{label} '{display_value(value)}' bukan angka 1–10; dikosongkan.")


def _whole_number(text: str) -> int | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


_YES = frozenset({"Y", "YA", "YES", "1", "TRUE", "BENAR", "ADA", "AKTIF", "PENERIMA", "MENERIMA", "TERIMA", "V",
                  "✓", "✔", "√", "☑", "OK"})
_NO = frozenset({"N", "NO", "T", "TIDAK", "TDK", "BUKAN", "0", "FALSE", "SALAH", "-", "TIDAK ADA", "NON AKTIF",
                 "NONAKTIF", "TIDAK AKTIF", "BUKAN PENERIMA", "TIDAK MENERIMA", "BELUM"})


def read_flag(value: object, names: frozenset[str] = frozenset()) -> tuple[bool, ValueProblem | None]:
    """A programme flag: Y/YA/1/TRUE/✓/ADA, or the programme's own name ("PKH" in a PKH column), is True;
    an empty cell, N/T/TIDAK/0/FALSE/- is False. Anything else is False with a warning."""
    if value is None or value is False:
        return False, None
    if value is True:
        return True, None
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value), None
    else:
        text = " ".join(read_text(value).upper().replace("_", " ").split())
        if not text or text in _NO:
            return False, None
        if text in _YES or text in names or text.replace(" ", "") in names:
            return True, None
    return False, ValueProblem("flag_invalid", f"Isian '{display_value(value)}' tidak dikenal sebagai ya/tidak "
                                               "(gunakan Y atau kosong); dianggap tidak menerima.")


_RELATIONS = {
    "KEPALA KELUARGA": "KEPALA_KELUARGA", "KEPALA RUMAH TANGGA": "KEPALA_KELUARGA", "KK": "KEPALA_KELUARGA",
    "KRT": "KEPALA_KELUARGA", "KEPALA": "KEPALA_KELUARGA", "1": "KEPALA_KELUARGA",
    "SUAMI": "SUAMI", "ISTRI": "ISTRI", "ISTERI": "ISTRI",
    "ANAK": "ANAK", "ANAK KANDUNG": "ANAK", "ANAK ANGKAT": "ANAK", "ANAK TIRI": "ANAK", "3": "ANAK",
    "MENANTU": "MENANTU", "4": "MENANTU", "CUCU": "CUCU", "5": "CUCU",
    "ORANG TUA": "ORANG_TUA", "ORANGTUA": "ORANG_TUA", "AYAH": "ORANG_TUA", "IBU": "ORANG_TUA",
    "MERTUA": "MERTUA", "PEMBANTU": "PEMBANTU", "PEMBANTU RUMAH TANGGA": "PEMBANTU", "7": "PEMBANTU",
    "FAMILI LAIN": "FAMILI_LAIN", "FAMILI": "FAMILI_LAIN", "LAINNYA": "LAINNYA", "LAIN LAIN": "LAINNYA",
    "8": "LAINNYA",
}
_SPOUSE = ("ISTRI SUAMI", "SUAMI ISTRI", "2")  # the DTKS code 2: which of the two follows from the sex
_PARENT = ("ORANG TUA MERTUA", "6")


def read_relation(value: object, sex: str | None) -> tuple[str | None, ValueProblem | None]:
    """The relation to the head as the Puskesos codes it (enums.json hubungan_kk): names or DTKS codes 1–8."""
    if value is None:
        return None, None
    text = " ".join(re.sub(r"[^A-Z0-9]+", " ", read_text(value).upper()).split())
    if not text:
        return None, None
    if text in _SPOUSE:
        return ({"L": "SUAMI", "P": "ISTRI"}.get(sex or "") or "ISTRI_SUAMI"), None
    if text in _PARENT:
        return "ORANG_TUA", None
    code = _RELATIONS.get(text)
    if code is None:
        return text[:40], ValueProblem("relation_unknown", f"Hubungan keluarga '{display_value(value)}' tidak "
                                                           "dikenal; disimpan apa adanya.")
    return code, None


def read_village_code(value: object) -> str | None:
    """A Kemendagri desa code in any spelling ("33.22.01.2007", "3322012007", 3322012007) as 10 digits; None when
    the cell is empty or not a desa code."""
    if value is None or isinstance(value, bool):
        return None
    text = str(int(value)) if isinstance(value, int | float) and float(value).is_integer() else str(value)
    digits = strip_separators(text)
    return digits if len(digits) == 10 and digits.isdigit() else None
