"""Registering a household (KK) with its members.

Errors block with a message per field; warnings (NIK date differs, unknown region prefix, possible duplicate)
never block: a resident is always served, and a possible duplicate is recorded for review.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import households, numbering, regions, sites
from puskesos_desk.data.repositories import search as search_repo
from puskesos_desk.domain.errors import FieldErrors
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import check_kk, check_nik
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import HouseholdDraft, HouseholdRecord, MemberDraft
from puskesos_desk.domain.search import DuplicateHit, KkCheck, MemberCheck
from puskesos_desk.domain.text_input import free_text_problem, name_problem
from puskesos_desk.services.context import ServiceContext

HEAD = "KEPALA_KELUARGA"
RELATIONS = {
    HEAD, "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU", "ORANG_TUA", "MERTUA", "FAMILI_LAIN", "PEMBANTU", "LAINNYA",
}
MAX_AGE_YEARS = 120


@dataclass(frozen=True)
class DuplicateCandidate:
    member_index: int
    existing_person_id: str
    existing_name: str
    reason: str  # NIK_SAMA / NAMA_TANGGAL_LAHIR


@dataclass(frozen=True)
class RegistrationResult:
    household: HouseholdRecord
    warnings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field path → messages
    duplicates: tuple[DuplicateCandidate, ...] = ()


def normalise_rt_rw(value: str, label: str, errors: dict[str, str], key: str) -> str:
    text = value.strip()
    if not text:
        errors[key] = f"{label} wajib diisi."
        return ""
    if not text.isdigit() or len(text) > 3:
        errors[key] = f"{label} hanya berisi angka, paling banyak 3 digit (misalnya 002)."
        return ""
    return text.zfill(3)


def _validate_member(index: int, member: MemberDraft, today: date, kk_number: str, errors: dict[str, str],
                     warnings: dict[str, tuple[str, ...]], region_exists: Callable[[str], bool]) -> str | None:
    key = f"members[{index}]"
    if not member.name.strip():
        errors[f"{key}.name"] = f"Nama anggota ke-{index + 1} wajib diisi."
    elif problem := name_problem(member.name.strip(), f"Nama anggota ke-{index + 1}"):
        errors[f"{key}.name"] = problem
    if problem := free_text_problem(member.birth_place, f"Tempat lahir anggota ke-{index + 1}"):
        errors[f"{key}.birth_place"] = problem
    if member.relation not in RELATIONS:
        errors[f"{key}.relation"] = f"Hubungan dalam keluarga anggota ke-{index + 1} belum dipilih."
    if member.sex not in ("L", "P"):
        errors[f"{key}.sex"] = f"Jenis kelamin anggota ke-{index + 1} belum dipilih."
    if member.birth_date is None:
        errors[f"{key}.birth_date"] = f"Tanggal lahir anggota ke-{index + 1} wajib diisi."
    elif member.birth_date > today:
        errors[f"{key}.birth_date"] = f"Tanggal lahir anggota ke-{index + 1} ada di masa depan."
    elif today.year - member.birth_date.year > MAX_AGE_YEARS:
        errors[f"{key}.birth_date"] = f"Tanggal lahir anggota ke-{index + 1} tidak masuk akal (lebih dari 120 tahun)."
    nik = member.nik.strip()
    if not nik:
        if not member.no_nik_reason:
            errors[f"{key}.nik"] = f"Isi NIK anggota ke-{index + 1}, atau pilih alasan tidak ada NIK."
        return None
    check = check_nik(nik, birth_date=member.birth_date, sex=member.sex or None, kk_number=kk_number or None,
                      today=today, region_exists=region_exists)
    if check.errors:
        errors[f"{key}.nik"] = " ".join(f.message for f in check.errors)
    if check.warnings:
        warnings[f"{key}.nik"] = tuple(f.message for f in check.warnings)
    return check.value


def register_household(ctx: ServiceContext, draft: HouseholdDraft) -> RegistrationResult:
    ctx.require(Permission.REGISTER)
    with ctx.db.transaction(ctx.actor) as session:
        return register_household_in(session, ctx, draft)


def register_household_in(session: DbSession, ctx: ServiceContext, draft: HouseholdDraft) -> RegistrationResult:
    """The registration itself, inside the caller's transaction (the demo batches many of these)."""
    today = ctx.today()
    errors: dict[str, str] = {}
    warnings: dict[str, tuple[str, ...]] = {}
    site = sites.get_site_row(session)
    site_code = site.code if site else ""

    def region_exists(code: str) -> bool:
        return regions.get_region(session, code) is not None

    if not draft.members:
        errors["members"] = "Keluarga harus punya paling sedikit satu anggota (kepala keluarga)."
    heads = [m for m in draft.members if m.relation == HEAD]
    if draft.members and len(heads) != 1:
        errors["members"] = (
            "Pilih tepat satu kepala keluarga." if not heads else "Hanya boleh ada satu kepala keluarga."
        )
    kk_number = draft.kk_number.strip()
    kk_value = ""
    if kk_number:
        kk = check_kk(kk_number, today=today, region_exists=region_exists)
        if kk.errors:
            errors["kk_number"] = " ".join(f.message for f in kk.errors)
        else:
            kk_value = kk.value or ""
        if kk.warnings:
            warnings["kk_number"] = tuple(f.message for f in kk.warnings)
    elif not draft.no_kk_reason:
        errors["kk_number"] = "Isi nomor KK, atau pilih alasan keluarga tidak punya KK."
    if not draft.address.strip():
        errors["address"] = "Alamat wajib diisi."
    for key, label, value in (("address", "Alamat", draft.address), ("hamlet", "Dusun", draft.hamlet)):
        if problem := free_text_problem(value, label):
            errors[key] = problem
    rt = normalise_rt_rw(draft.rt, "RT", errors, "rt")
    rw = normalise_rt_rw(draft.rw, "RW", errors, "rw")
    village_code = draft.village_code or site_code
    village = regions.get_region(session, village_code) if village_code else None
    if village is None or village.level != 4:
        errors["village_code"] = "Desa/kelurahan tidak dikenal; pilih dari daftar wilayah."

    niks: list[str | None] = []
    seen_nik: dict[str, int] = {}
    seen_person: dict[tuple[str, date | None], int] = {}
    for index, member in enumerate(draft.members):
        nik = _validate_member(index, member, today, kk_value, errors, warnings, region_exists)
        niks.append(nik)
        if nik and nik in seen_nik:
            errors[f"members[{index}].nik"] = f"NIK ini sudah dipakai anggota ke-{seen_nik[nik] + 1} di formulir ini."
        elif nik:
            seen_nik[nik] = index
        identity = (normalize_name(member.name), member.birth_date)
        if member.name.strip() and identity in seen_person:
            errors[f"members[{index}].name"] = (
                f"Anggota ke-{index + 1} tercatat dua kali (sama dengan anggota ke-{seen_person[identity] + 1})."
            )
        else:
            seen_person[identity] = index
    if errors:
        raise FieldErrors(errors)

    duplicates: list[DuplicateCandidate] = []
    for index, member in enumerate(draft.members):
        nik = niks[index]
        existing = households.persons_with_nik(session, nik) if nik else []
        reason = "NIK_SAMA"
        if not existing:
            existing = households.likely_duplicates(session, name_key=normalize_name(member.name),
                                                    birth_date=member.birth_date)
            reason = "NAMA_TANGGAL_LAHIR"
        for person in existing[:3]:
            duplicates.append(DuplicateCandidate(index, person.id, person.name, reason))

    digits = site_code.replace(".", "")
    number = f"KLG-{digits}-{numbering.next_number(session, 'household'):05d}"
    head = heads[0]
    household = households.insert_household(
        session, number=number, kk_number=kk_value or None, no_kk_reason=None if kk_value else draft.no_kk_reason,
        head_name=head.name.strip().upper(), address=draft.address.strip(), rt=rt, rw=rw,
        hamlet=draft.hamlet.strip(), village_code=village_code, postal_code=draft.postal_code.strip() or None,
        phone=draft.phone.strip() or None,
    )
    duplicate_of = {d.member_index: d.existing_person_id for d in duplicates}
    persons = []
    for index, member in enumerate(draft.members):
        person = households.insert_person(
            session, household_id=household.id, nik=niks[index],
            no_nik_reason=None if niks[index] else member.no_nik_reason,
            nik_check={"warnings": list(warnings.get(f"members[{index}].nik", ()))},
            name=member.name.strip().upper(), name_key=normalize_name(member.name),
            birth_place=member.birth_place.strip().upper(), birth_date=member.birth_date, sex=member.sex,
            relation=member.relation, marital_status=member.marital_status or None,
            religion=member.religion or None, education=member.education or None,
            school_status=member.school_status or None, occupation=member.occupation or None,
            documents=list(member.documents), disability=list(member.disability),
            residence_status=member.residence_status or "ADA", citizenship=member.citizenship or "WNI",
            phone=member.phone.strip() or None, duplicate_of=duplicate_of.get(index),
        )
        persons.append(person)
        if member is head:
            household.head_person_id = person.id
    session.flush()
    households.record_registration_history(session, household, persons, on=today)
    return RegistrationResult(
        household=households.get_household(session, household.id), warnings=warnings, duplicates=tuple(duplicates)
    )


# --- Live checks while the form is typed (read-only; the save repeats every check) ------------------------------


def _region_exists(session: DbSession) -> Callable[[str], bool]:
    def exists(code: str) -> bool:
        return regions.get_region(session, code) is not None

    return exists


def check_member_live(ctx: ServiceContext, *, nik: str = "", name: str = "", birth_date: date | None = None,
                      sex: str = "", kk_number: str = "") -> MemberCheck:
    """What the form shows next to a member row while it is typed: the NIK's errors and warnings, the birth date
    and sex the NIK encodes (to prefill empty fields), and registered persons with the same NIK or the same
    normalised name and birth date. Only NIK errors block saving; duplicates are offered, never enforced."""
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        check = None
        if nik.strip():
            check = check_nik(nik, birth_date=birth_date, sex=sex or None, kk_number=kk_number.strip() or None,
                              today=ctx.today(), region_exists=_region_exists(session))
        value = check.value if check is not None and not check.errors else None
        same_nik = tuple(search_repo.persons_with_same_nik(session, value)) if value else ()
        identity_date = birth_date or (check.birth_date if check is not None else None)
        name_key = normalize_name(name) if name.strip() else ""
        same_identity: tuple[DuplicateHit, ...] = ()
        if name_key and identity_date:
            same_identity = tuple(
                d for d in search_repo.persons_with_same_identity(session, name_key=name_key,
                                                                  birth_date=identity_date)
                if d.person_id not in {n.person_id for n in same_nik}
            )
    if check is None:
        return MemberCheck(nik_value=None, same_identity=same_identity)
    return MemberCheck(
        nik_value=check.value, nik_errors=tuple(f.message for f in check.errors),
        nik_warnings=tuple(f.message for f in check.warnings if f.code != "separators"),
        nik_birth_date=check.birth_date, nik_sex=check.sex, same_nik=same_nik, same_identity=same_identity,
    )


def check_kk_live(ctx: ServiceContext, kk_number: str) -> KkCheck:
    """The No. KK's errors and warnings, and households already registered with it (a warning: a KK can be
    registered again after a split or a move, the coordinator reviews)."""
    ctx.require(Permission.VIEW_CASES)
    if not kk_number.strip():
        return KkCheck(kk_value=None)
    with ctx.db.reading() as session:
        check = check_kk(kk_number, today=ctx.today(), region_exists=_region_exists(session))
        value = check.value if not check.errors else None
        heads = tuple(search_repo.heads_with_kk(session, value)) if value else ()
    return KkCheck(
        kk_value=check.value, errors=tuple(f.message for f in check.errors),
        warnings=tuple(f.message for f in check.warnings if f.code != "separators"), households=heads,
    )
