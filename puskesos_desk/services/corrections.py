"""Correcting a registered person's or household's facts, audited with the reason (domain/corrections.py).

Validated like registration (services/registration.py): NIK and No. KK structure, dates, RT/RW. A NIK or No. KK
is checked only when it changes, so a record imported with a doubtful number can still have its name fixed; a new
number that another live person or household already holds is refused, naming that household's number (the two
records are then a duplicate to merge, not a typo). Only changed columns are written; name_key follows the name,
the household's head name follows its head's, and a changed No. KK closes the KK history and opens a new row.

Specific data (disability, chronic illness, pregnancy; and everything about a child under 18) is shown on the form
and changed only for roles holding VIEW_SPECIFIC_DATA; showing it is audited like the household page's view.
Records already anonymised (retention or the resident's deletion request) cannot be corrected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import corrections as repo
from puskesos_desk.data.repositories import regions
from puskesos_desk.domain.corrections import (
    CITIZENSHIPS,
    CorrectionResult,
    HouseholdCorrection,
    HouseholdForCorrection,
    PersonCorrection,
    PersonForCorrection,
    SpecificCorrection,
    changed_values,
    clean_reason,
)
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import check_kk, check_nik, mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.specific_data import ADULT_AGE, KIND_CHILD, KIND_DISABILITY, KIND_ILLNESS, KIND_PREGNANCY
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import MAX_AGE_YEARS, normalise_rt_rw

VIEW_PURPOSE = "Koreksi data warga"
REASON_MESSAGE = ("Tuliskan alasan koreksi (paling sedikit 5 huruf), misalnya \"salah ketik\", \"sesuai KTP/KK "
                  "terbaru\" atau \"permintaan warga\".")
NOTHING_CHANGED = "Tidak ada data yang berubah, jadi tidak ada yang disimpan."
PERSON_ANONYMISED = ("Data warga ini sudah dianonimkan (masa simpan berakhir atau atas permintaan hapus warga), "
                     "sehingga tidak dapat dikoreksi lagi.")
HOUSEHOLD_ANONYMISED = ("Data keluarga ini sudah dianonimkan (masa simpan berakhir atau atas permintaan hapus warga), "
                        "sehingga tidak dapat dikoreksi lagi.")
CHILD_DENIED = ("Data anak di bawah 18 tahun termasuk data spesifik. Koreksinya dilakukan oleh petugas yang berwenang "
                "melihat data spesifik (Koordinator).")
SPECIFIC_DENIED = ("Akun ini tidak berwenang melihat atau mengubah data spesifik (disabilitas, penyakit kronis, "
                   "kehamilan). Minta Koordinator untuk mengoreksinya.")


def _is_minor(born: date | None, today: date) -> bool:
    if born is None:
        return False
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return age < ADULT_AGE


def _region_exists(session: DbSession) -> Callable[[str], bool]:
    return lambda code: regions.get_region(session, code) is not None


def _guard_person(ctx: ServiceContext, row: dict[str, Any]) -> bool:
    """Refuse what this actor may not correct; True when the actor may see and change the specific data."""
    if row["anonymised_at"] is not None:
        raise InputRejected(PERSON_ANONYMISED)
    may_see_specific = ctx.actor.can(Permission.VIEW_SPECIFIC_DATA)
    if not may_see_specific and _is_minor(row["birth_date"], ctx.today()):
        raise PermissionDenied(CHILD_DENIED)
    return may_see_specific


# --- the form's starting point ----------------------------------------------------------------------------------------


def _specific_of(row: dict[str, Any]) -> SpecificCorrection:
    return SpecificCorrection(disability=tuple(row["disability"] or ()), chronic_illness=row["chronic_illness"] or "",
                              pregnant=row["pregnant"], due_date=row["due_date"])


def _specific_kinds(row: dict[str, Any], today: date) -> list[str]:
    kinds = [kind for kind, held in ((KIND_DISABILITY, row["disability"]), (KIND_ILLNESS, row["chronic_illness"]),
                                     (KIND_PREGNANCY, row["pregnant"])) if held]
    return kinds + ([KIND_CHILD] if _is_minor(row["birth_date"], today) else [])


def person_for_correction(ctx: ServiceContext, person_id: str) -> PersonForCorrection:
    """The stored facts to prefill the correction form; showing specific data is audited (VIEW_SENSITIVE)."""
    ctx.require(Permission.EDIT_RECORDS)
    with ctx.db.reading() as session:
        row = repo.person_row(session, person_id)
        show_specific = _guard_person(ctx, row)
        number = repo.household_number(session, row["household_id"])
    current = PersonCorrection(
        expected_version=row["row_version"], reason="", name=row["name"], sex=row["sex"],
        birth_date=row["birth_date"], birth_place=row["birth_place"] or "", nik=None,
        no_nik_reason=row["no_nik_reason"] or "", marital_status=row["marital_status"] or "",
        religion=row["religion"] or "", education=row["education"] or "", school_status=row["school_status"] or "",
        occupation=row["occupation"] or "", phone=row["phone"] or "", citizenship=row["citizenship"] or "WNI",
        specific=_specific_of(row) if show_specific else None,
    )
    kinds = _specific_kinds(row, ctx.today()) if show_specific else []
    if kinds:
        with ctx.db.transaction(ctx.actor) as session:
            append_event(session, AuditAction.VIEW_SENSITIVE, entity="person", entity_id=person_id,
                         changes={"kinds": kinds, "household_id": row["household_id"]}, purpose=VIEW_PURPOSE,
                         actor=ctx.actor)
    return PersonForCorrection(person_id=person_id, household_id=row["household_id"], household_number=number,
                               masked_nik=mask_id(row["nik"]), current=current, specific_shown=show_specific)


def household_for_correction(ctx: ServiceContext, household_id: str) -> HouseholdForCorrection:
    ctx.require(Permission.EDIT_RECORDS)
    with ctx.db.reading() as session:
        row = repo.household_row(session, household_id)
    if row["anonymised_at"] is not None:
        raise InputRejected(HOUSEHOLD_ANONYMISED)
    current = HouseholdCorrection(
        expected_version=row["row_version"], reason="", address=row["address"] or "", rt=row["rt"] or "",
        rw=row["rw"] or "", hamlet=row["hamlet"] or "", kk_number=None, no_kk_reason=row["no_kk_reason"] or "",
        postal_code=row["postal_code"] or "", phone=row["phone"] or "",
    )
    return HouseholdForCorrection(household_id=household_id, number=row["number"], head_name=row["head_name"],
                                  masked_kk=mask_id(row["kk_number"]), current=current)


# --- correcting a person ----------------------------------------------------------------------------------------------


def _person_values(correction: PersonCorrection, today: date, errors: dict[str, str]) -> dict[str, Any]:
    """The person's columns as the correction wants them (the NIK and specific data are added by the caller)."""
    name = " ".join(correction.name.split()).upper()
    if not name:
        errors["name"] = "Nama wajib diisi."
    if correction.sex not in ("L", "P"):
        errors["sex"] = "Jenis kelamin belum dipilih."
    born = correction.birth_date
    if born is not None and born > today:
        errors["birth_date"] = "Tanggal lahir ada di masa depan."
    elif born is not None and today.year - born.year > MAX_AGE_YEARS:
        errors["birth_date"] = "Tanggal lahir tidak masuk akal (lebih dari 120 tahun)."
    if correction.citizenship not in CITIZENSHIPS:
        errors["citizenship"] = "Kewarganegaraan belum dipilih."
    phone = correction.phone.strip()
    if phone and not all(ch.isdigit() or ch in "+-() " for ch in phone):
        errors["phone"] = "Nomor telepon hanya berisi angka (boleh diawali +62)."
    return {
        "name": name, "name_key": normalize_name(correction.name), "sex": correction.sex, "birth_date": born,
        "birth_place": correction.birth_place.strip().upper(),
        "marital_status": correction.marital_status or None, "religion": correction.religion or None,
        "education": correction.education or None, "school_status": correction.school_status or None,
        "occupation": correction.occupation.strip() or None, "phone": phone or None,
        "citizenship": correction.citizenship,
    }


def _specific_values(specific: SpecificCorrection, sex: str, errors: dict[str, str]) -> dict[str, Any]:
    if specific.pregnant and sex != "P":
        errors["pregnant"] = "Hanya perempuan yang dapat dicatat hamil."
    return {
        "disability": sorted(set(specific.disability)), "chronic_illness": specific.chronic_illness.strip() or None,
        "pregnant": specific.pregnant, "due_date": specific.due_date if specific.pregnant else None,
    }


def _nik_values(session: DbSession, ctx: ServiceContext, row: dict[str, Any], correction: PersonCorrection,
                values: dict[str, Any], errors: dict[str, str], warnings: dict[str, tuple[str, ...]]) -> None:
    """The NIK columns when the correction changes the NIK (checked, and refused if another person holds it); with
    the NIK kept, a corrected birth date or sex is compared with the stored NIK again (a warning, never blocking)."""
    if correction.nik is None:
        if row["nik"] and (values["birth_date"], values["sex"]) != (row["birth_date"], row["sex"]):
            kept = check_nik(row["nik"], birth_date=values["birth_date"], sex=values["sex"] or None,
                             today=ctx.today(), region_exists=_region_exists(session))
            found = [f.message for f in kept.warnings if f.code != "separators"]
            if found:
                warnings["nik"] = tuple(found)
            values["nik_check"] = {"warnings": found}
        return
    typed = correction.nik.strip()
    if not typed:
        if not correction.no_nik_reason:
            errors["nik"] = "Isi NIK, atau pilih alasan tidak ada NIK."
        values.update(nik=None, no_nik_reason=correction.no_nik_reason or None, nik_check={})
        return
    kk_number = repo.household_row(session, row["household_id"])["kk_number"] if row["household_id"] else None
    check = check_nik(typed, birth_date=values["birth_date"], sex=values["sex"] or None, kk_number=kk_number,
                      today=ctx.today(), region_exists=_region_exists(session))
    if check.errors:
        errors["nik"] = " ".join(f.message for f in check.errors)
        return
    found = [f.message for f in check.warnings if f.code != "separators"]
    if found:
        warnings["nik"] = tuple(found)
    holder = repo.other_person_with_nik(session, check.value or "", row["id"])
    if holder is not None:
        where = f"keluarga {holder[0]}" if holder[0] else "data warga lain"
        errors["nik"] = (f"NIK ini sudah tercatat untuk warga lain ({where}). Periksa KTP; bila orangnya sama, "
                         "laporkan sebagai data ganda, jangan dikoreksi di sini.")
        return
    values.update(nik=check.value, no_nik_reason=None, nik_check={"warnings": list(found)})


def correct_person(ctx: ServiceContext, person_id: str, correction: PersonCorrection) -> CorrectionResult:
    ctx.require(Permission.EDIT_RECORDS)
    if correction.specific is not None and not ctx.actor.can(Permission.VIEW_SPECIFIC_DATA):
        raise PermissionDenied(SPECIFIC_DENIED)
    errors: dict[str, str] = {}
    warnings: dict[str, tuple[str, ...]] = {}
    reason = clean_reason(correction.reason)
    if not reason:
        errors["reason"] = REASON_MESSAGE
    with ctx.db.transaction(ctx.actor) as session:
        row = repo.person_row(session, person_id)
        _guard_person(ctx, row)
        values = _person_values(correction, ctx.today(), errors)
        if values["birth_date"] is None and row["birth_date"] is not None:
            errors["birth_date"] = "Tanggal lahir wajib diisi."
        if correction.specific is not None:
            values.update(_specific_values(correction.specific, values["sex"], errors))
        _nik_values(session, ctx, row, correction, values, errors, warnings)
        if errors:
            raise FieldErrors(errors)
        changes = changed_values(row, values)
        if not changes:
            raise InputRejected(NOTHING_CHANGED)
        version = repo.write_correction(session, "person", row, changes, expected_version=correction.expected_version,
                                        actor=ctx.actor, now=ctx.now(), reason=reason)
        if "name" in changes and row["household_id"]:
            _follow_head_name(session, ctx, row, changes["name"], reason)
    return CorrectionResult("person", person_id, version, tuple(sorted(changes)), warnings)


def _follow_head_name(session: DbSession, ctx: ServiceContext, person: dict[str, Any], name: str,
                      reason: str) -> None:
    """The household lists show the head's name from the household row: keep it equal to the corrected name."""
    household = repo.household_row(session, person["household_id"])
    if household["head_person_id"] != person["id"] or household["head_name"] == name:
        return
    repo.write_correction(session, "household", household, {"head_name": name},
                          expected_version=household["row_version"], actor=ctx.actor, now=ctx.now(), reason=reason)


# --- correcting a household -------------------------------------------------------------------------------------------


def _kk_values(session: DbSession, ctx: ServiceContext, row: dict[str, Any], correction: HouseholdCorrection,
               values: dict[str, Any], errors: dict[str, str], warnings: dict[str, tuple[str, ...]]) -> None:
    if correction.kk_number is None:
        return
    typed = correction.kk_number.strip()
    if not typed:
        if not correction.no_kk_reason:
            errors["kk_number"] = "Isi nomor KK, atau pilih alasan keluarga tidak punya KK."
        values.update(kk_number=None, no_kk_reason=correction.no_kk_reason or None)
        return
    check = check_kk(typed, today=ctx.today(), region_exists=_region_exists(session))
    if check.errors:
        errors["kk_number"] = " ".join(f.message for f in check.errors)
        return
    found = [f.message for f in check.warnings if f.code != "separators"]
    if found:
        warnings["kk_number"] = tuple(found)
    other = repo.other_household_with_kk(session, check.value or "", row["id"])
    if other is not None:
        errors["kk_number"] = (f"Nomor KK ini sudah dipakai keluarga {other}. Periksa KK; bila keluarganya sama, "
                               "laporkan sebagai data ganda, jangan dikoreksi di sini.")
        return
    values.update(kk_number=check.value, no_kk_reason=None)


def correct_household(ctx: ServiceContext, household_id: str, correction: HouseholdCorrection) -> CorrectionResult:
    ctx.require(Permission.EDIT_RECORDS)
    errors: dict[str, str] = {}
    warnings: dict[str, tuple[str, ...]] = {}
    reason = clean_reason(correction.reason)
    if not reason:
        errors["reason"] = REASON_MESSAGE
    address = " ".join(correction.address.split())
    if not address:
        errors["address"] = "Alamat wajib diisi."
    rt = normalise_rt_rw(correction.rt, "RT", errors, "rt")
    rw = normalise_rt_rw(correction.rw, "RW", errors, "rw")
    postal_code = correction.postal_code.strip()
    if postal_code and not (postal_code.isdigit() and len(postal_code) == 5):
        errors["postal_code"] = "Kode pos terdiri dari 5 angka."
    phone = correction.phone.strip()
    if phone and not all(ch.isdigit() or ch in "+-() " for ch in phone):
        errors["phone"] = "Nomor telepon hanya berisi angka (boleh diawali +62)."
    values: dict[str, Any] = {"address": address, "rt": rt, "rw": rw, "hamlet": " ".join(correction.hamlet.split()),
                              "postal_code": postal_code or None, "phone": phone or None}
    with ctx.db.transaction(ctx.actor) as session:
        row = repo.household_row(session, household_id)
        if row["anonymised_at"] is not None:
            raise InputRejected(HOUSEHOLD_ANONYMISED)
        _kk_values(session, ctx, row, correction, values, errors, warnings)
        if errors:
            raise FieldErrors(errors)
        changes = changed_values(row, values)
        if not changes:
            raise InputRejected(NOTHING_CHANGED)
        version = repo.write_correction(session, "household", row, changes,
                                        expected_version=correction.expected_version, actor=ctx.actor,
                                        now=ctx.now(), reason=reason)
        if "kk_number" in changes:
            repo.replace_kk_history(session, household_id, changes["kk_number"], on=ctx.today(), reason=reason)
    return CorrectionResult("household", household_id, version, tuple(sorted(changes)), warnings)
