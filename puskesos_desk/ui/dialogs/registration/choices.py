"""What the registration form needs before it opens (code lists, the site's desa) and how it reads typed dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from puskesos_desk.domain.reference import CodeItem, RegionItem
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.reference import code_lists, region_path, regions_under
from puskesos_desk.services.site import get_site_info

LISTS = (
    "hubungan_kk", "status_kawin", "pendidikan", "status_sekolah", "pekerjaan", "disabilitas_jenis",
    "status_keberadaan", "dokumen", "alasan_tanpa_nik", "alasan_tanpa_kk", "jenis_kelamin",
)
MEMBER_DOCUMENTS = ("KTP_EL", "AKTA_LAHIR", "KIA")  # the documents the form asks about (issue: drives adminduk)


@dataclass(frozen=True)
class RegistrationChoices:
    lists: dict[str, list[CodeItem]]
    site_village_code: str
    site_village_path: str
    regions: Callable[[str | None], list[RegionItem]] = field(default=lambda _code: [], compare=False)
    region_path: Callable[[str], str] = field(default=lambda code: code, compare=False)

    def items(self, name: str) -> list[CodeItem]:
        return self.lists.get(name, [])

    def documents(self) -> list[CodeItem]:
        by_code = {item.code: item for item in self.items("dokumen")}
        return [by_code[code] for code in MEMBER_DOCUMENTS if code in by_code]


def load_choices(ctx: ServiceContext) -> RegistrationChoices:
    """Read everything the form shows in its lists (run it through run_op)."""
    site = get_site_info(ctx.db)
    return RegistrationChoices(
        lists=code_lists(ctx, *LISTS), site_village_code=site.code, site_village_path=region_path(ctx, site.code),
        regions=lambda code: regions_under(ctx, code), region_path=lambda code: region_path(ctx, code),
    )


_SEPARATED = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})")


def parse_typed_date(text: str) -> date | None:
    """'15051980', '15/05/1980', '15-5-1980' or '15.05.1980' (day first); None when it is not a calendar date."""
    value = text.strip()
    if not value:
        return None
    if value.isdigit() and len(value) == 8:
        day, month, year = int(value[:2]), int(value[2:4]), int(value[4:])
    else:
        match = _SEPARATED.fullmatch(value)
        if match is None:
            return None
        day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def format_typed_date(value: date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
