"""Plain records passed between layers. Repositories return these, never ORM rows, so the GUI thread can never
trigger a lazy load; services take the *Draft types as input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from puskesos_desk.domain.enums import Role, SiteRole, VisitChannel, VisitStatus


@dataclass(frozen=True, slots=True)
class SiteInfo:
    id: str
    code: str
    name: str
    role: SiteRole
    region_path: str
    address: str
    public_key_b64: str
    fingerprint: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TrustedSiteInfo:
    """Another site whose signatures this site accepts."""

    code: str
    name: str
    role: str  # desa | kabupaten
    fingerprint: str
    public_key: bytes
    trusted_at: datetime


@dataclass(frozen=True, slots=True)
class SiteCard:
    """What another site trusts: enough to verify this site's signatures."""

    format: str
    code: str
    name: str
    role: SiteRole
    public_key_b64: str
    fingerprint: str
    created_at: str


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    last_login_at: datetime | None
    extra_roles: tuple[Role, ...] = ()  # held besides `role`
    locked_until: datetime | None = None  # set after repeated failed sign-ins; in the past once it has expired

    @property
    def roles(self) -> tuple[Role, ...]:
        return (self.role, *self.extra_roles)


@dataclass(frozen=True, slots=True)
class MemberDraft:
    """One person on the household form. Either `nik` or `no_nik_reason` is given."""

    name: str
    relation: str  # enums.json hubungan_kk code, e.g. KEPALA_KELUARGA
    sex: str  # L / P
    birth_date: date | None
    birth_place: str = ""
    nik: str = ""
    no_nik_reason: str = ""
    marital_status: str = ""
    religion: str = ""
    education: str = ""
    school_status: str = ""
    occupation: str = ""
    disability: tuple[str, ...] = ()
    residence_status: str = "ADA"
    documents: tuple[str, ...] = ()
    phone: str = ""
    citizenship: str = "WNI"


@dataclass(frozen=True, slots=True)
class HouseholdDraft:
    members: tuple[MemberDraft, ...]
    address: str
    rt: str
    rw: str
    kk_number: str = ""
    no_kk_reason: str = ""
    hamlet: str = ""
    village_code: str = ""  # empty: the site's own desa
    postal_code: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: str
    household_id: str | None
    nik: str | None
    name: str
    sex: str
    birth_date: date | None
    birth_place: str
    relation: str
    residence_status: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HouseholdRecord:
    id: str
    number: str
    kk_number: str | None
    head_name: str
    address: str
    rt: str
    rw: str
    hamlet: str
    village_code: str
    members: tuple[PersonRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class VisitDraft:
    household_id: str
    applicant_person_id: str
    applicant_relation: str  # DIRI_SENDIRI, KELUARGA, …
    purpose: str
    channel: VisitChannel = VisitChannel.DATANG_LANGSUNG
    subject_person_ids: tuple[str, ...] = ()
    occurred_at: datetime | None = None  # None: now
    notice_given: bool = True
    # Added with the household page (all optional, so older callers are unaffected):
    applicant_name: str = ""  # who came when they are not a registered member (applicant_person_id is then "")
    consent_purposes: tuple[str, ...] = ()  # explicit consent beyond the public service (casework.EXPLICIT_…)
    consent_method: str = ""  # TANDA_TANGAN / CAP_JEMPOL / LISAN_TERCATAT; empty: TANDA_TANGAN when consent given
    guardian_name: str = ""  # parent or guardian who gives the notice/consent for a child (UU PDP Ps. 25)


@dataclass(frozen=True, slots=True)
class VisitRecord:
    id: str
    registration_number: str
    occurred_at: datetime
    channel: VisitChannel
    household_id: str
    applicant_person_id: str
    purpose: str
    status: VisitStatus
    officer_id: str


@dataclass(frozen=True, slots=True)
class PersonHit:
    person_id: str
    household_id: str | None
    name: str
    nik: str | None
    birth_date: date | None
    sex: str
    rt: str
    rw: str
    household_number: str
    matched_by: str  # NIK, KK, NAMA


@dataclass(frozen=True, slots=True)
class CountWithTrend:
    label: str
    value: int
    previous: int


@dataclass(frozen=True, slots=True)
class ReferralOutcomeMonth:
    """Referrals written in one month ("2026-05", by letter date), by where they stand now. Drafts and cancelled
    letters are not counted: they never reached an agency."""

    month: str
    served: int  # SELESAI with TERLAYANI_PENUH or TERLAYANI_SEBAGIAN
    not_served: int  # SELESAI with TIDAK_TERLAYANI, or DITOLAK
    waiting: int  # DISETUJUI, DIKIRIM, DITERIMA, DIPROSES or TIDAK_ADA_KABAR


@dataclass(frozen=True, slots=True)
class BerandaFigures:
    """The home page's figures, all read from the database."""

    site_name: str
    households: int
    persons: int
    visits_today: int
    visits_this_month: int
    visits_last_month: int
    open_complaints: int
    open_needs: int
    referrals_open: int
    referrals_overdue: int
    proposals_open: int
    as_of: datetime
    visits_by_month: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    complaints_by_month: tuple[tuple[str, int], ...] = field(default_factory=tuple)  # received, per month
    referrals_by_month: tuple[ReferralOutcomeMonth, ...] = field(default_factory=tuple)
