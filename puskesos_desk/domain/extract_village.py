"""Does an extract row belong to this Puskesos?

By the desa code when the row has one (10 digits, dotted or not: the Kemendagri code); otherwise by the desa or
kelurahan name, matched within the site's kecamatan, in any case and with or without "DESA" / "KEL." /
"KELURAHAN". Rows of other desa are counted and dropped by the importer, never stored (UU PDP: import only the
Puskesos's own desa). A kabupaten/kota site (the SLRT secretariat) keeps every row of its kabupaten/kota.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

__all__ = ["Belongs", "VillageScope", "belongs", "place_key"]

_PREFIX = re.compile(r"^(DESA|DS|KELURAHAN|KEL|KECAMATAN|KEC|KABUPATEN|KAB|KOTA|PEMERINTAH DESA|PEMDES)\s+")


@lru_cache(maxsize=2048)
def place_key(name: str) -> str:
    """'Desa Sumogawe', 'KEL. SUMOGAWE', 'sumogawe' → 'SUMOGAWE' (punctuation and spacing ignored)."""
    text = unicodedata.normalize("NFKC", name).upper().replace("'", "").replace("’", "")
    text = " ".join(re.sub(r"[^0-9A-Z]+", " ", text).split())
    previous = None
    while previous != text:  # "PEMERINTAH DESA KEL. X" style stacks
        previous = text
        text = _PREFIX.sub("", text, count=1)
    return text


class Belongs(Enum):
    YES = "yes"
    OTHER_VILLAGE = "other"  # another desa (by code or by name)
    UNKNOWN = "unknown"  # the row says nothing about its desa


@dataclass(frozen=True, slots=True)
class VillageScope:
    """The area a site keeps rows of. `code` is 10 digits for a desa/kelurahan site, 4 (kabupaten/kota) for the
    secretariat; `names` the keys of its own name(s) and `district_names` those of its kecamatan (desa sites)."""

    code: str
    names: frozenset[str] = frozenset()
    district_names: frozenset[str] = frozenset()

    @classmethod
    def for_site(cls, site_code: str, village_name: str = "", district_name: str = "") -> VillageScope:
        digits = site_code.replace(".", "").strip()
        return cls(
            code=digits,
            names=frozenset({place_key(village_name)} - {""}),
            district_names=frozenset({place_key(district_name)} - {""}),
        )

    @property
    def is_village(self) -> bool:
        return len(self.code) == 10


def belongs(scope: VillageScope, code: str | None, village_name: str = "", district_name: str = "") -> Belongs:
    """`code`: the row's desa code as 10 digits (extract_values.read_village_code), or None."""
    if code:
        if scope.is_village:
            return Belongs.YES if code == scope.code else Belongs.OTHER_VILLAGE
        return Belongs.YES if code.startswith(scope.code) else Belongs.OTHER_VILLAGE
    if not scope.is_village:
        return Belongs.YES  # a secretariat's own extract without codes: its kabupaten/kota
    name = place_key(village_name) if village_name else ""
    if not name:
        return Belongs.UNKNOWN
    if name not in scope.names:
        return Belongs.OTHER_VILLAGE
    district = place_key(district_name) if district_name else ""
    if district and scope.district_names and district not in scope.district_names:
        return Belongs.OTHER_VILLAGE  # a desa of the same name in another kecamatan
    return Belongs.YES
