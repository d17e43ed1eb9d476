"""The service directory as the district maintains it: one entry is one service of one agency, with the fields of
Open Referral HSDS flattened (organization, service, location/contact, eligibility, required documents).

Shape checks live here (pure); checks that need the database (region exists, code not taken) are in the service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

#: organization_kind values, with the Bahasa name the screen shows. Non-government agencies need explicit consent
#: before a referral shares a resident's data (services.referrals.NON_GOVERNMENT_KINDS).
ORGANIZATION_KINDS: dict[str, str] = {
    "pemerintah_pusat": "Pemerintah pusat",
    "pemda": "Pemerintah daerah",
    "desa": "Pemerintah desa",
    "non_pemerintah": "Lembaga non-pemerintah",
}
MIN_RESPONSE_DAYS = 1
MAX_RESPONSE_DAYS = 90
MAX_CODE_LENGTH = 60

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,59}$")
# A phone number as people write it: digits with spaces, dashes, dots, brackets, an optional leading +.
_PHONE = re.compile(r"^\+?[0-9()\-. ]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ServiceDraft:
    """What the edit dialog submits; the same shape for a new entry and an edit (the code of an edit must match)."""

    code: str
    service_name: str
    organization: str
    organization_kind: str
    program_code: str | None = None
    address: str = ""
    region_code: str | None = None
    contact_name: str = ""
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    hours: str = ""
    description: str = ""
    eligibility: str = ""
    required_documents: tuple[str, ...] = ()
    need_domains: tuple[str, ...] = ()
    response_days: int = 10
    needs_explicit_consent: bool = False
    needs_full_ids: bool = False
    supplied_by: str = ""


@dataclass(frozen=True, slots=True)
class ServiceEntry:
    """One directory entry as the screen lists it."""

    id: str
    row_version: int
    draft: ServiceDraft
    active: bool
    is_example: bool
    last_checked_on: date | None
    stale: bool  # never checked, or not for six months (domain.service_freshness)

    @property
    def code(self) -> str:
        return self.draft.code


@dataclass(frozen=True, slots=True)
class DirectoryFilter:
    text: str = ""
    program_code: str | None = None
    organization_kind: str | None = None
    need_domain: str | None = None
    include_inactive: bool = False
    stale_only: bool = False


@dataclass(frozen=True, slots=True)
class DirectoryPage:
    entries: list[ServiceEntry] = field(default_factory=list)
    total: int = 0  # entries matching the filter, beyond this page too
    stale_count: int = 0  # active entries needing a check, whatever the filter
    editable: bool = False  # whether the signed-in account may change the directory here


def normalized(draft: ServiceDraft) -> ServiceDraft:
    """Trimmed text, upper-case code, empty optional text as None, documents and domains without blanks."""
    def text(value: str | None) -> str:
        return (value or "").strip()

    def optional(value: str | None) -> str | None:
        return text(value) or None

    return ServiceDraft(
        code=text(draft.code).upper(), service_name=text(draft.service_name), organization=text(draft.organization),
        organization_kind=text(draft.organization_kind), program_code=optional(draft.program_code),
        address=text(draft.address), region_code=optional(draft.region_code), contact_name=text(draft.contact_name),
        phone=optional(draft.phone), email=optional(draft.email), url=optional(draft.url), hours=text(draft.hours),
        description=text(draft.description), eligibility=text(draft.eligibility),
        required_documents=tuple(d.strip() for d in draft.required_documents if d.strip()),
        need_domains=tuple(dict.fromkeys(d.strip() for d in draft.need_domains if d.strip())),
        response_days=draft.response_days, needs_explicit_consent=draft.needs_explicit_consent,
        needs_full_ids=draft.needs_full_ids, supplied_by=text(draft.supplied_by))


def shape_errors(draft: ServiceDraft) -> dict[str, str]:
    """Field → message (Bahasa) for what can be judged without the database. `draft` must be normalized."""
    errors: dict[str, str] = {}
    if not draft.code:
        errors["code"] = "Kode layanan wajib diisi."
    elif not _CODE.match(draft.code):
        errors["code"] = ("Kode layanan hanya boleh berisi huruf besar, angka dan tanda hubung (2–60 karakter), "
                          "misalnya DINSOS-RUTILAHU.")
    if not draft.service_name:
        errors["service_name"] = "Nama layanan wajib diisi."
    if not draft.organization:
        errors["organization"] = "Nama lembaga wajib diisi."
    if not draft.organization_kind:
        errors["organization_kind"] = "Pilih jenis lembaga."
    elif draft.organization_kind not in ORGANIZATION_KINDS:
        errors["organization_kind"] = "Jenis lembaga tidak dikenal."
    if not MIN_RESPONSE_DAYS <= draft.response_days <= MAX_RESPONSE_DAYS:
        errors["response_days"] = (f"Waktu jawaban harus antara {MIN_RESPONSE_DAYS} dan {MAX_RESPONSE_DAYS} "
                                   "hari kerja.")
    if draft.phone and not _phone_ok(draft.phone):
        errors["phone"] = "Nomor telepon tidak valid: tulis angka saja (boleh diawali +62), 6–15 angka."
    if draft.email and not _EMAIL.match(draft.email):
        errors["email"] = "Alamat email tidak valid, misalnya dinsos@semarangkab.go.id."
    if draft.url and not _URL.match(draft.url):
        errors["url"] = "Alamat situs web harus diawali http:// atau https://, misalnya https://dinsos.go.id."
    return errors


def _phone_ok(phone: str) -> bool:
    digits = sum(ch.isdigit() for ch in phone)
    return bool(_PHONE.match(phone)) and 6 <= digits <= 15
