"""What the desk records for a household: complaints, needs, programme participation, DTSEN proposals and
household change requests (drafts in, records out), and the household page's read model.

Rules that the services apply and the screens explain live here as constants, so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from puskesos_desk.domain.enums import ChangeStatus, ProposalStatus
from puskesos_desk.domain.records import MemberDraft
from puskesos_desk.domain.reference import CodeItem

# --- Notice and consent (UU PDP Ps. 20–25) --------------------------------------------------------------------
#: The purpose covered by the public-service basis (Ps. 20(2)(e)); recorded with every visit's notice.
PUBLIC_SERVICE_PURPOSE = "PELAYANAN_RUJUKAN_PEMERINTAH"
#: Purposes beyond the public service that need explicit consent (Ps. 20(2)(a)).
EXPLICIT_CONSENT_PURPOSES: tuple[str, ...] = ("RUJUKAN_NON_PEMERINTAH", "FOTO_DOKUMEN")
#: How explicit consent was given: written or recorded (Ps. 22).
CONSENT_METHODS: tuple[str, ...] = ("TANDA_TANGAN", "CAP_JEMPOL", "LISAN_TERCATAT")

# --- Deadlines in working days ----------------------------------------------------------------------------------
#: Used when the "urgensi" code list carries no "hari_kerja" (it normally does: 1 / 3 / 10).
URGENCY_WORKING_DAYS_FALLBACK: dict[str, int] = {"DARURAT": 1, "SEGERA": 3, "BIASA": 10}
NEED_WORKING_DAYS = 10
#: A DTSEN proposal is looked at again every 20 working days (about one calendar month) while it is open: DTSEN is
#: updated quarterly, so each proposal is followed up about three times per update cycle — once to get it onto the
#: musdes agenda, once to hand it to the SIKS-NG operator, once to ask the district for the result.
PROPOSAL_FOLLOW_UP_WORKING_DAYS = 20

# --- DTSEN proposals ---------------------------------------------------------------------------------------------
#: The "usulan bansos" boxes of the village DTSEN form.
REQUESTED_PROGRAMS: tuple[str, ...] = ("PKH", "SEMBAKO", "PBI", "TIDAK_ADA")
HOUSING_ITEMS: tuple[str, ...] = ("atap", "dinding", "lantai", "sumber_air", "penerangan", "bahan_bakar",
                                  "fasilitas_bab")
HOUSING_LIST_PREFIX = "kondisi_rumah_"
CRITERIA_LIST = "kriteria_262"
#: Allowed status changes. A proposal can go back from SIAP_MUSDES to DRAFT for corrections; the musdes itself may
#: turn a proposal down (SIAP_MUSDES → DITOLAK); after DIAJUKAN only the district's answer remains.
PROPOSAL_TRANSITIONS: dict[ProposalStatus, tuple[ProposalStatus, ...]] = {
    ProposalStatus.DRAFT: (ProposalStatus.SIAP_MUSDES,),
    ProposalStatus.SIAP_MUSDES: (ProposalStatus.DIAJUKAN, ProposalStatus.DRAFT, ProposalStatus.DITOLAK),
    ProposalStatus.DIAJUKAN: (ProposalStatus.DITERIMA, ProposalStatus.DITOLAK),
    ProposalStatus.DITERIMA: (),
    ProposalStatus.DITOLAK: (),
}
OPEN_PROPOSAL_STATUSES = (ProposalStatus.DRAFT, ProposalStatus.SIAP_MUSDES, ProposalStatus.DIAJUKAN)

# --- Household changes --------------------------------------------------------------------------------------------
LOCAL_CHANGE_APPROVAL_SETTING = "local_change_approval"
HEAD_RELATION = "KEPALA_KELUARGA"


# === Drafts =====================================================================================================


@dataclass(frozen=True, slots=True)
class ComplaintDraft:
    household_id: str
    kind: str  # ComplaintType: PERTANYAAN / SARAN / PENGADUAN
    category_code: str
    description: str
    person_id: str | None = None
    visit_id: str | None = None
    program_code: str | None = None
    urgency: str | None = None  # None: the category's default urgency


@dataclass(frozen=True, slots=True)
class NeedDraft:
    household_id: str
    domain_code: str
    description: str
    person_id: str | None = None
    visit_id: str | None = None
    ppks_codes: tuple[str, ...] = ()
    proposed_program: str | None = None
    complaint_id: str | None = None


@dataclass(frozen=True, slots=True)
class ParticipationDraft:
    household_id: str
    program_code: str
    source: str  # ParticipationSource
    active: bool = True
    person_id: str | None = None  # None: the household as a whole (e.g. KKS for PKH)
    card_number: str = ""
    since: date | None = None
    as_of: date | None = None  # None: today
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ProposalDraft:
    household_id: str
    kind: str  # ProposalKind
    housing: tuple[tuple[str, str], ...] = ()  # (item, code), item from HOUSING_ITEMS
    criteria: tuple[tuple[str, bool], ...] = ()  # (kriteria_262 code, yes/no)
    requested_programs: tuple[str, ...] = ()
    visit_id: str | None = None
    member_ids: tuple[str, ...] = ()  # empty: every member still living in the household
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ChangeRequestDraft:
    """One household change. Which fields matter depends on `kind`:

    - TAMBAH_ANGGOTA: `new_member`;
    - KELUARKAN_ANGGOTA: `person_id`;
    - GANTI_KEPALA: `person_id` (the new head) and `relations` for the old head (and anyone else who changes);
    - PISAH_KK: `person_ids` (who leaves), `new_head_person_id`, `relations` in the new KK, and the new KK's
      `kk_number` or `no_kk_reason`, `address`, `rt`, `rw`, `hamlet` (empty: the same as now);
    - PINDAH / MENINGGAL: `person_id`, `event_date`, `destination` (PINDAH), and `new_head_person_id` when the
      person is the head and others stay.
    """

    household_id: str
    kind: str  # ChangeKind
    reason: str
    person_id: str | None = None
    new_member: MemberDraft | None = None
    person_ids: tuple[str, ...] = ()
    new_head_person_id: str | None = None
    relations: tuple[tuple[str, str], ...] = ()  # (person id, hubungan_kk code)
    kk_number: str = ""
    no_kk_reason: str = ""
    address: str = ""
    rt: str = ""
    rw: str = ""
    hamlet: str = ""
    event_date: date | None = None
    destination: str = ""


# === Records ====================================================================================================


@dataclass(frozen=True, slots=True)
class ComplaintRecord:
    id: str
    number: str
    household_id: str
    person_id: str | None
    person_name: str
    visit_id: str | None
    kind: str
    category_code: str
    program_code: str | None
    description: str
    urgency: str
    status: str
    answer: str
    due_date: date | None
    created_at: datetime
    row_version: int
    due_note: str | None = None  # set when holiday data was missing for the deadline


@dataclass(frozen=True, slots=True)
class NeedRecord:
    id: str
    number: str
    household_id: str
    person_id: str | None
    person_name: str
    visit_id: str | None
    complaint_id: str | None
    domain_code: str
    ppks_codes: tuple[str, ...]
    proposed_program: str | None
    description: str
    status: str
    due_date: date | None
    created_at: datetime
    row_version: int
    due_note: str | None = None
    ppks_added: tuple[str, ...] = ()  # PPKS categories newly added to the person's list


@dataclass(frozen=True, slots=True)
class ParticipationRecord:
    id: str
    household_id: str
    person_id: str | None
    person_name: str  # "" for the household as a whole
    program_code: str
    card_number: str | None
    active: bool
    since: date | None
    source: str
    as_of: date
    notes: str
    created_at: datetime
    row_version: int


@dataclass(frozen=True, slots=True)
class ProposalMember:
    """One member as the proposal froze them."""

    person_id: str
    nik: str | None
    name: str
    relation: str
    sex: str
    birth_date: date | None
    occupation: str | None
    education: str | None
    school_status: str | None
    marital_status: str | None
    disability: tuple[str, ...]
    residence_status: str


@dataclass(frozen=True, slots=True)
class ProposalRecord:
    id: str
    number: str
    household_id: str
    visit_id: str | None
    kind: str
    status: str
    members: tuple[ProposalMember, ...]
    housing: dict[str, str] = field(compare=False, hash=False)
    criteria: dict[str, bool] = field(compare=False, hash=False)
    requested_programs: tuple[str, ...] = ()
    musdes_date: date | None = None
    musdes_minutes_number: str | None = None
    verification_notes: str = ""
    due_date: date | None = None
    created_at: datetime | None = None
    row_version: int = 1
    due_note: str | None = None

    @property
    def criteria_met(self) -> int:
        return sum(1 for answer in self.criteria.values() if answer)


@dataclass(frozen=True, slots=True)
class ChangeRequestRecord:
    id: str
    number: str
    household_id: str
    person_id: str | None
    person_name: str
    kind: str
    payload: dict[str, object] = field(compare=False, hash=False)
    reason: str = ""
    status: str = ChangeStatus.MENUNGGU.value
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str = ""
    decided_where: str | None = None
    created_at: datetime | None = None
    row_version: int = 1


# === Household page =============================================================================================


@dataclass(frozen=True, slots=True)
class RegisterStatus:
    """A member's row in the active DTSEN/DTKS extract. A desil is never shown without its as-of date."""

    dataset: str
    as_of: date
    desil: int | None
    family_id: str | None
    kk_number: str | None
    programs: tuple[str, ...]  # programme flags that are set in the extract


@dataclass(frozen=True, slots=True)
class MemberRow:
    id: str
    nik: str | None
    name: str
    sex: str
    birth_date: date | None
    birth_place: str
    relation: str
    residence_status: str
    occupation: str | None
    education: str | None
    school_status: str | None
    marital_status: str | None
    disability: tuple[str, ...]  # empty when the viewer may not see specific data
    ppks: tuple[str, ...]
    register: RegisterStatus | None = None
    chronic_illness: str | None = None  # specific data: None when the viewer may not see it
    pregnant: bool | None = None  # specific data: None when the viewer may not see it
    #: The age on the read's date when the birth date itself is withheld (a minor, for a viewer without specific
    #: data access); None otherwise.
    known_age: int | None = None
    withheld: bool = False  # a minor reduced to name, age, relation, residence (specific_data.withhold_minor)

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return self.known_age
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: str
    registration_number: str
    occurred_at: datetime
    channel: str
    applicant_person_id: str | None
    applicant_name: str
    applicant_relation: str
    subject_person_ids: tuple[str, ...]
    subject_names: tuple[str, ...]
    purpose: str
    status: str
    officer_name: str
    notice_given: bool
    consent_purposes: tuple[str, ...]  # explicit consent recorded with the visit


@dataclass(frozen=True, slots=True)
class HouseholdHeader:
    id: str
    number: str
    kk_number: str | None
    no_kk_reason: str | None
    head_person_id: str | None
    head_name: str
    address: str
    rt: str
    rw: str
    hamlet: str
    village_code: str
    village_name: str
    phone: str | None
    housing: dict[str, str] = field(compare=False, hash=False)
    row_version: int = 1


@dataclass(frozen=True, slots=True)
class HouseholdDetail:
    household: HouseholdHeader
    members: tuple[MemberRow, ...]
    visits: tuple[VisitRow, ...]
    complaints: tuple[ComplaintRecord, ...]
    needs: tuple[NeedRecord, ...]
    participations: tuple[ParticipationRecord, ...]
    proposals: tuple[ProposalRecord, ...]
    change_requests: tuple[ChangeRequestRecord, ...]
    local_change_approval: bool
    specific_data_hidden: bool  # the viewer may not see disability and specific PPKS categories
    today: date

    @property
    def register(self) -> RegisterStatus | None:
        """The household's standing in the extract: the newest row of any member (desil is per family)."""
        rows = [m.register for m in self.members if m.register is not None]
        return max(rows, key=lambda r: (r.dataset == "DTSEN", r.as_of)) if rows else None

    def present_members(self) -> tuple[MemberRow, ...]:
        return tuple(m for m in self.members if m.residence_status == "ADA")

    def member(self, person_id: str | None) -> MemberRow | None:
        return next((m for m in self.members if m.id == person_id), None)


@dataclass(frozen=True, slots=True)
class CaseworkChoices:
    """Every list the household page's dialogs offer, read once."""

    code_lists: dict[str, tuple[CodeItem, ...]] = field(compare=False, hash=False)
    programs: tuple[CodeItem, ...] = ()
    ppks: tuple[CodeItem, ...] = ()
    complaint_categories: tuple[CodeItem, ...] = ()
    need_domains: tuple[CodeItem, ...] = ()

    def items(self, list_name: str) -> tuple[CodeItem, ...]:
        return self.code_lists.get(list_name, ())

    def find(self, list_name: str, code: str | None) -> CodeItem | None:
        if not code:
            return None
        source = {
            "program": self.programs, "ppks": self.ppks, "complaint_category": self.complaint_categories,
            "need_domain": self.need_domains,
        }.get(list_name) or self.items(list_name)
        return next((item for item in source if item.code == code), None)

    def label(self, list_name: str, code: str | None, language: str) -> str:
        """The item's label in `language`; an unknown code is shown as it is (it may come from an old list)."""
        item = self.find(list_name, code)
        return item.label(language) if item is not None else (code or "")

