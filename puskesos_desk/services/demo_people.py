"""Realistic, deterministic demo households for a Central Java village: names, ages, relations, and NIK/KK numbers
consistent with birth date, sex and region. Pure generation; `demo.py` feeds the drafts to the real services."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta

from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.infra.paths import resource_path


@dataclass(frozen=True)
class Vocabulary:
    male: tuple[str, ...]
    female: tuple[str, ...]
    second: tuple[str, ...]
    hamlets: tuple[str, ...]
    streets: tuple[str, ...]
    birthplaces: tuple[str, ...]

    @classmethod
    def load(cls) -> Vocabulary:
        with resource_path("demo", "names.json").open(encoding="utf-8") as handle:
            items = json.load(handle)["items"]
        return cls(
            male=tuple(items["laki"]), female=tuple(items["perempuan"]),
            second=tuple(items["nama_keluarga_atau_kedua"]), hamlets=tuple(items["dusun"]),
            streets=tuple(items["jalan"]), birthplaces=tuple(items["tempat_lahir"]),
        )


class IdentityFactory:
    """Unique NIK and KK numbers built the way Dukcapil builds them: region, date (+40 for women), serial."""

    def __init__(self, rng: random.Random, home_district: str, other_districts: list[str]) -> None:
        self.rng = rng
        self.home = home_district.replace(".", "")
        self.others = [code.replace(".", "") for code in other_districts] or [self.home]
        self.used: set[str] = set()

    def _unique(self, prefix: str) -> str:
        for _ in range(10_000):
            value = prefix + f"{self.rng.randint(1, 9999):04d}"
            if value not in self.used:
                self.used.add(value)
                return value
        raise RuntimeError("serial space exhausted")

    def nik(self, birth: date, sex: str) -> str:
        region = self.home if self.rng.random() < 0.88 else self.rng.choice(self.others)
        day = birth.day + (40 if sex == "P" else 0)
        return self._unique(f"{region}{day:02d}{birth.month:02d}{birth.year % 100:02d}")

    def kk(self, issued: date) -> str:
        return self._unique(f"{self.home}{issued.day:02d}{issued.month:02d}{issued.year % 100:02d}")


def _birth(rng: random.Random, today: date, age_min: int, age_max: int) -> date:
    age_days = rng.randint(age_min * 365 + 1, age_max * 365 + 300)
    return today - timedelta(days=age_days)


def _adult_details(rng: random.Random, sex: str, birth: date, today: date) -> dict[str, str]:
    age = (today - birth).days // 365
    education = rng.choices(["TIDAK_SEKOLAH", "SD", "SMP", "SMA", "D3", "D4_S1"], [6, 30, 28, 26, 4, 6])[0]
    if age > 60:
        education = rng.choice(["TIDAK_SEKOLAH", "BELUM_TAMAT_SD", "SD", "SD"])
    if sex == "L":
        job = rng.choices(
            ["PETANI_PEKEBUN", "BURUH_TANI", "BURUH_HARIAN_LEPAS", "PEDAGANG", "WIRASWASTA", "KARYAWAN_SWASTA",
             "PETERNAK", "SOPIR", "TUKANG", "BELUM_TIDAK_BEKERJA"], [22, 14, 18, 8, 8, 12, 6, 4, 5, 3])[0]
    else:
        job = rng.choices(["MENGURUS_RUMAH_TANGGA", "PEDAGANG", "BURUH_TANI", "KARYAWAN_SWASTA", "PETANI_PEKEBUN"],
                          [50, 14, 12, 12, 12])[0]
    if age >= 65:
        job = rng.choice(["BELUM_TIDAK_BEKERJA", "PETANI_PEKEBUN", "PENSIUNAN"] if sex == "L"
                         else ["BELUM_TIDAK_BEKERJA", "MENGURUS_RUMAH_TANGGA"])
    return {"education": education, "occupation": job}


class HouseholdFactory:
    def __init__(self, rng: random.Random, vocab: Vocabulary, ids: IdentityFactory, today: date) -> None:
        self.rng, self.vocab, self.ids, self.today = rng, vocab, ids, today

    def person_name(self, sex: str) -> str:
        return self._name(sex)

    def _name(self, sex: str) -> str:
        given = self.rng.choice(self.vocab.male if sex == "L" else self.vocab.female)
        if self.rng.random() < 0.25:
            return given
        return f"{given} {self.rng.choice(self.vocab.second)}"

    def _member(self, relation: str, sex: str, birth: date, *, marital: str) -> MemberDraft:
        age = (self.today - birth).days // 365
        details = _adult_details(self.rng, sex, birth, self.today) if age >= 18 else {
            "education": "BELUM_TAMAT_SD" if age < 13 else ("SD" if age < 16 else "SMP"),
            "occupation": "PELAJAR_MAHASISWA" if age >= 6 else "BELUM_TIDAK_BEKERJA",
        }
        nik, reason = self.ids.nik(birth, sex), ""
        if age < 1 and self.rng.random() < 0.6:
            nik, reason = "", "BAYI"
        elif self.rng.random() < 0.02:
            nik, reason = "", "BELUM_REKAM"
        documents = ["KTP_EL", "AKTA_LAHIR"] if age >= 17 else (["AKTA_LAHIR", "KIA"] if age >= 1 else [])
        if self.rng.random() < 0.08 and documents:
            documents = documents[:-1]
        disability = [self.rng.choice(["FISIK", "SENSORIK_NETRA", "INTELEKTUAL", "MENTAL"])] \
            if self.rng.random() < 0.025 else []
        return MemberDraft(
            name=self._name(sex), relation=relation, sex=sex, birth_date=birth, nik=nik, no_nik_reason=reason,
            birth_place=self.rng.choice(self.vocab.birthplaces), marital_status=marital, religion="ISLAM"
            if self.rng.random() < 0.93 else self.rng.choice(["KRISTEN", "KATOLIK", "BUDDHA"]),
            education=details["education"], occupation=details["occupation"],
            school_status="MASIH_SEKOLAH" if 6 <= age <= 17 else ("" if age < 6 else "TIDAK_SEKOLAH_LAGI"),
            documents=tuple(documents), disability=tuple(disability),
        )

    def _children(self, mother_birth: date, count: int) -> list[MemberDraft]:
        children = []
        for _ in range(count):
            earliest = mother_birth + timedelta(days=19 * 365)
            latest = min(self.today - timedelta(days=30), mother_birth + timedelta(days=42 * 365))
            if latest <= earliest:
                break
            birth = earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))
            sex = self.rng.choice("LP")
            age = (self.today - birth).days // 365
            children.append(self._member("ANAK", sex, birth, marital="KAWIN" if age > 24 and self.rng.random() < 0.3
                                         else "BELUM_KAWIN"))
        return children

    def household(self) -> HouseholdDraft:
        rng = self.rng
        shape = rng.choices(["nuclear", "three_generations", "elderly", "female_head"], [68, 12, 10, 10])[0]
        members: list[MemberDraft] = []
        if shape == "elderly":
            head_birth = _birth(rng, self.today, 62, 88)
            head_sex = rng.choice("LP")
            members.append(self._member("KEPALA_KELUARGA", head_sex, head_birth,
                                        marital="CERAI_MATI" if head_sex == "P" else "KAWIN"))
            if head_sex == "L" and rng.random() < 0.6:
                members.append(self._member("ISTRI", "P", head_birth + timedelta(days=rng.randint(300, 2500)),
                                            marital="KAWIN"))
        elif shape == "female_head":
            head_birth = _birth(rng, self.today, 28, 60)
            members.append(self._member("KEPALA_KELUARGA", "P", head_birth, marital=rng.choice(
                ["CERAI_HIDUP", "CERAI_MATI"])))
            members += self._children(head_birth, rng.randint(1, 3))
        else:
            head_birth = _birth(rng, self.today, 24, 62)
            wife_birth = head_birth + timedelta(days=rng.randint(-700, 2900))
            members.append(self._member("KEPALA_KELUARGA", "L", head_birth, marital="KAWIN"))
            members.append(self._member("ISTRI", "P", wife_birth, marital="KAWIN"))
            members += self._children(wife_birth, rng.choices([0, 1, 2, 3, 4], [8, 25, 35, 22, 10])[0])
            if shape == "three_generations":
                members.append(self._member(rng.choice(["ORANG_TUA", "MERTUA"]), "P",
                                            head_birth - timedelta(days=rng.randint(19 * 365, 32 * 365)),
                                            marital="CERAI_MATI"))
        youngest = max(m.birth_date for m in members if m.birth_date is not None)
        issued = youngest + timedelta(days=rng.randint(30, max(31, (self.today - youngest).days - 1)))
        issued = min(issued, self.today - timedelta(days=1))
        has_kk = rng.random() > 0.02
        rt, rw = rng.randint(1, 8), rng.randint(1, 4)
        hamlet = rng.choice(self.vocab.hamlets)
        street = f"{rng.choice(self.vocab.streets)} No. {rng.randint(1, 90)}"
        address = f"Dusun {hamlet}" if rng.random() < 0.6 else street
        return HouseholdDraft(
            members=tuple(members), address=address, rt=str(rt), rw=str(rw), hamlet=hamlet,
            kk_number=self.ids.kk(issued) if has_kk else "", no_kk_reason="" if has_kk else "HILANG",
            phone=f"08{rng.randint(11, 99)}{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.7 else "",
        )
