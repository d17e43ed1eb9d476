"""Shape and consistency checks for the shipped reference data and demo vocabularies (resources/)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

RESOURCES = Path(__file__).resolve().parents[1] / "resources"

REFERENCE_FILES = (
    "programs.json",
    "ppks.json",
    "complaint_types.json",
    "complaint_categories.json",
    "need_domains.json",
    "service_directory.json",
    "enums.json",
)
DEMO_FILES = ("names.json",)
ALL_FILES = tuple(f"reference/{name}" for name in REFERENCE_FILES) + tuple(f"demo/{name}" for name in DEMO_FILES)

# Files whose "items" is an object of lists instead of a list.
GROUPED_FILES = {"reference/enums.json", "demo/names.json"}

CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]*$")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A run of digits possibly broken by separators (spaces, dots, dashes, brackets).
DIGIT_RUN_RE = re.compile(r"\+?\(?\d[\d\s().-]*\d")
TINGKAT = {"pusat", "provinsi", "kabupaten", "desa", "non_pemerintah"}
JENIS_LEMBAGA = {"pemerintah_pusat", "pemda", "desa", "bumn", "non_pemerintah"}
URGENSI = {"DARURAT", "SEGERA", "BIASA"}
ATENSI_KLASTER = {"anak", "disabilitas", "tuna_sosial_kpo", "napza", "lansia", None}


@cache
def _load(rel: str) -> dict[str, Any]:
    path = RESOURCES / rel
    return json.loads(path.read_text(encoding="utf-8"))


def _items(rel: str) -> list[dict[str, Any]]:
    items = _load(rel)["items"]
    assert isinstance(items, list)
    return items


def _codes(rel: str) -> set[str]:
    return {item["kode"] for item in _items(rel)}


def _labelled_lists(rel: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every list of coded items in a reference file, with a name for messages."""
    items = _load(rel)["items"]
    if isinstance(items, dict):
        return [(f"{rel}:{key}", value) for key, value in items.items()]
    return [(rel, items)]


@pytest.mark.parametrize("rel", ALL_FILES)
def test_file_parses_and_has_envelope(rel: str) -> None:
    raw = (RESOURCES / rel).read_bytes()
    raw.decode("utf-8")  # strict UTF-8
    data = _load(rel)
    assert isinstance(data, dict)
    assert data["version"] == 1
    for key in ("description", "source"):
        assert isinstance(data[key], str), key
        assert data[key].strip(), key
    if rel in GROUPED_FILES:
        assert isinstance(data["items"], dict)
        assert data["items"]
        assert all(isinstance(v, list) and v for v in data["items"].values())
    else:
        assert isinstance(data["items"], list)
        assert data["items"]


@pytest.mark.parametrize("rel", [f"reference/{name}" for name in REFERENCE_FILES])
def test_codes_unique_and_labels_present(rel: str) -> None:
    for where, items in _labelled_lists(rel):
        codes = [item["kode"] for item in items]
        assert len(codes) == len(set(codes)), f"duplicate kode in {where}"
        for item in items:
            assert isinstance(item["kode"], str)
            assert CODE_RE.match(item["kode"]), f"bad kode {item['kode']!r} in {where}"
            label_key = "nama_layanan" if rel.endswith("service_directory.json") else "nama"
            assert isinstance(item[label_key], str)
            assert item[label_key].strip(), f"empty {label_key} for {item['kode']} in {where}"
            if label_key == "nama":
                assert isinstance(item["nama_en"], str)
                assert item["nama_en"].strip(), f"empty nama_en for {item['kode']} in {where}"


def test_programs_fields() -> None:
    for item in _items("reference/programs.json"):
        kode = item["kode"]
        assert item["penyelenggara"].strip(), kode
        assert item["tingkat"] in TINGKAT, kode  # the seeder stores it in a NOT NULL column
        desil = item["desil_max"]
        assert desil is None or (isinstance(desil, int) and not isinstance(desil, bool) and 1 <= desil <= 10), kode
        assert isinstance(item["catatan"], str), kode
        assert item["catatan"].strip(), kode
        assert isinstance(item["aktif"], bool), kode
        assert item["kartu"] is None or (isinstance(item["kartu"], str) and item["kartu"].strip()), kode


def test_programs_required_codes_and_thresholds() -> None:
    programs = {item["kode"]: item for item in _items("reference/programs.json")}
    required = {
        "PKH", "SEMBAKO", "PBI_JK", "PBI_PEMDA", "PIP", "KIP_KULIAH", "RTLH", "BSPS", "ATENSI", "BLT_DD",
        "ADMINDUK", "SK_DTKS", "SKTM", "JAMPERSAL", "KUSUKA", "PERMAKANAN", "YAPI", "PENA", "BANTUAN_BENCANA",
        "BAZNAS", "LAINNYA",
    }  # fmt: skip
    assert required <= programs.keys()
    assert programs["PKH"]["desil_max"] == 4
    assert programs["SEMBAKO"]["desil_max"] in (4, 5)
    assert programs["PBI_JK"]["desil_max"] == 5
    for historical in ("BST", "BLT_BBM", "BPNT_PPKM"):
        assert programs[historical]["aktif"] is False
    assert programs["BAZNAS"]["tingkat"] == "non_pemerintah"
    assert programs["BLT_DD"]["tingkat"] == "desa"


def test_ppks_has_26_categories_in_order() -> None:
    items = _items("reference/ppks.json")
    assert len(items) == 26
    for index, item in enumerate(items, start=1):
        assert item["nomor"] == index
        assert item["kode"] == f"PPKS-{index:02d}"
        assert item["kriteria"].strip()
        assert item["atensi_klaster"] in ATENSI_KLASTER
        assert isinstance(item["spesifik"], bool)
        assert item["aktif"] is True
    by_number = {item["nomor"]: item for item in items}
    assert by_number[1]["nama"] == "Anak Balita Telantar"
    assert by_number[24]["nama"] == "Fakir Miskin"
    # Every child category, disability, HIV, NAPZA, violence/trafficking victims and criminal history are specific.
    for nomor in (1, 2, 3, 4, 5, 6, 7, 9, 10, 15, 16, 17, 18, 19):
        assert by_number[nomor]["spesifik"] is True, nomor


def test_complaint_types_are_the_slrt_triad() -> None:
    assert [item["kode"] for item in _items("reference/complaint_types.json")] == [
        "PERTANYAAN",
        "SARAN",
        "PENGADUAN",
    ]


def test_complaint_categories_fields() -> None:
    items = _items("reference/complaint_categories.json")
    assert {item["kode"] for item in items} >= {"BELUM_TERDAFTAR_DTSEN", "PBI_NONAKTIF", "PERLINDUNGAN", "LAINNYA"}
    for item in items:
        assert item["urgensi_bawaan"] in URGENSI, item["kode"]
        assert isinstance(item["program_terkait"], list)
        assert isinstance(item["aktif"], bool)
    by_code = {item["kode"]: item for item in items}
    assert by_code["PERLINDUNGAN"]["urgensi_bawaan"] == "DARURAT"
    assert by_code["BENCANA_DARURAT"]["urgensi_bawaan"] == "DARURAT"


def test_need_domains_codes() -> None:
    assert _codes("reference/need_domains.json") == {
        "PANGAN", "TUNAI", "KESEHATAN", "PENDIDIKAN", "PERUMAHAN", "ADMINDUK", "DATA", "REHSOS", "EKONOMI",
        "BENCANA", "LAINNYA",
    }  # fmt: skip


def test_cross_references_resolve() -> None:
    programs = _codes("reference/programs.json")
    domains = _codes("reference/need_domains.json")
    for rel in ("reference/complaint_categories.json", "reference/need_domains.json"):
        for item in _items(rel):
            unknown = set(item["program_terkait"]) - programs
            assert not unknown, f"{rel} {item['kode']}: unknown programmes {unknown}"
            assert len(item["program_terkait"]) == len(set(item["program_terkait"]))
    for item in _items("reference/service_directory.json"):
        assert item["program_kode"] is None or item["program_kode"] in programs, item["kode"]
        assert item["domain_kebutuhan"], item["kode"]
        unknown = set(item["domain_kebutuhan"]) - domains
        assert not unknown, f"{item['kode']}: unknown need domains {unknown}"


def test_service_directory_is_an_example_with_sane_fields() -> None:
    data = _load("reference/service_directory.json")
    assert data["contoh"] is True
    items = data["items"]
    assert 18 <= len(items) <= 25
    for item in items:
        kode = item["kode"]
        assert item["jenis_lembaga"] in JENIS_LEMBAGA, kode
        for key in ("lembaga", "alamat", "kontak_nama", "jam_layanan", "deskripsi", "syarat_kelayakan"):
            assert isinstance(item[key], str), (kode, key)
            assert item[key].strip(), (kode, key)
        assert item["kode_wilayah"] == "33.22" or re.fullmatch(r"33\.22\.\d{2}", item["kode_wilayah"]), kode
        sla = item["sla_hari_kerja"]
        assert isinstance(sla, int), kode
        assert not isinstance(sla, bool), kode
        assert sla > 0, kode
        docs = item["persyaratan_dokumen"]
        assert isinstance(docs, list), kode
        assert docs, kode
        assert all(isinstance(d, str) and d.strip() for d in docs), kode
        assert isinstance(item["butuh_persetujuan_eksplisit"], bool), kode
        if item["jenis_lembaga"] == "non_pemerintah":
            assert item["butuh_persetujuan_eksplisit"] is True, kode
        assert item["aktif"] is True, kode
        # Placeholders only: no contact data is shipped.
        assert item["telepon"] is None, kode
        assert item["email"] is None, kode
        assert item["url"] is None, kode


def test_service_directory_contains_no_contact_data() -> None:
    text = (RESOURCES / "reference" / "service_directory.json").read_text(encoding="utf-8")
    assert not EMAIL_RE.search(text), EMAIL_RE.search(text)
    assert not [run for run in DIGIT_RUN_RE.findall(text) if _looks_like_phone_or_id(run)]


def _looks_like_phone_or_id(run: str) -> bool:
    """Indonesian phone numbers start with 0, 62 or +62 and have 9-13 digits ("(024) 6921134", "0812-3456-7890",
    "+62 812 3456 7890"); 12 or more digits of anything (NIK, No. KK) is also rejected. Regulation numbers such
    as "300.2.2-2138" and times such as "08.00" are not matched."""
    digits = "".join(ch for ch in run if ch.isdigit())
    if len(digits) >= 12:
        return True
    return len(digits) >= 9 and (digits.startswith("0") or digits.startswith("62"))


def test_enums_hubungan_kk_maps_to_dtks_codes() -> None:
    groups = _load("reference/enums.json")["items"]
    hubungan = {item["kode"]: item for item in groups["hubungan_kk"]}
    assert hubungan["KEPALA_KELUARGA"]["dtks"] == 1
    for item in hubungan.values():
        assert isinstance(item["dtks"], int), item["kode"]
        assert 1 <= item["dtks"] <= 8, item["kode"]
    assert {item["kode"]: item["hari_kerja"] for item in groups["urgensi"]} == {
        "DARURAT": 1,
        "SEGERA": 3,
        "BIASA": 10,
    }
    for item in groups["kriteria_262"]:
        assert item["pertanyaan"].strip().endswith("?"), item["kode"]
        assert item["pertanyaan_en"].strip().endswith("?"), item["kode"]
    expected_groups = {
        "hubungan_kk", "status_kawin", "agama", "pendidikan", "status_sekolah", "status_keberadaan",
        "disabilitas_jenis", "dokumen", "alasan_tanpa_nik", "alasan_tanpa_kk", "kanal_kunjungan",
        "hubungan_pemohon", "urgensi", "sumber_kepesertaan", "pekerjaan", "kriteria_262",
    }  # fmt: skip
    assert expected_groups <= groups.keys()
    penerangan = {item["kode"] for item in groups["kondisi_rumah_penerangan"]}
    assert {"PLN_450", "PLN_900", "PLN_LEBIH_900", "NON_PLN", "TIDAK_ADA"} <= penerangan


MIN_SIZES = {
    "laki": 120,
    "perempuan": 120,
    "nama_keluarga_atau_kedua": 120,
    "dusun": 12,
    "jalan": 20,
    "tempat_lahir": 25,
    "pekerjaan_bebas": 3,
}


@pytest.mark.parametrize(("key", "minimum"), sorted(MIN_SIZES.items()))
def test_demo_name_lists(key: str, minimum: int) -> None:
    values = _load("demo/names.json")["items"][key]
    assert len(values) >= minimum
    assert all(isinstance(v, str) and v.strip() == v and v for v in values)
    assert len(values) == len(set(values)), f"duplicates in {key}"


def test_demo_given_names_are_not_shared_between_sexes() -> None:
    items = _load("demo/names.json")["items"]
    assert not set(items["laki"]) & set(items["perempuan"])
