"""Reference-list records for forms and dropdowns."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CodeItem:
    code: str
    name: str  # Bahasa Indonesia
    name_en: str
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def label(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


@dataclass(frozen=True, slots=True)
class RegionItem:
    code: str
    name: str
    level: int
    kind: str
    postal_code: str | None


@dataclass(frozen=True, slots=True)
class ServiceItem:
    id: str
    code: str
    name: str
    organization: str
    organization_kind: str
    program_code: str | None
    need_domains: tuple[str, ...]
    required_documents: tuple[str, ...]
    response_days: int
    needs_explicit_consent: bool
    address: str
    hours: str
    is_example: bool
    needs_full_ids: bool = False  # the agency needs NIK and No. KK in full on the slip
    eligibility: str = ""
    contact_name: str = ""


# Seeded directory entries get the same UUID at every site (derived from their code), so a referral a village makes
# to an example service names a record the district has too. Never change the namespace: it is part of the data.
_EXAMPLE_SERVICE_NAMESPACE = uuid.UUID("5f0c1e2a-8d7b-4c3e-9a61-2b4d6f8e0c17")


def example_service_id(code: str) -> str:
    return str(uuid.uuid5(_EXAMPLE_SERVICE_NAMESPACE, f"service_directory_entry/{code}"))
