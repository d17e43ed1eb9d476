"""Fixed sample documents for the printing tests and goldens: a Puskesos in Desa Sumogawe (Kecamatan Getasan,
Kabupaten Semarang) referring a resident to the Dinas Sosial for PBI-JK (KIS) reactivation."""

from __future__ import annotations

import base64
import dataclasses
import uuid
from datetime import date, datetime

from puskesos_desk.domain.documents import (
    Letterhead,
    ReceiptDocument,
    ReceiptLine,
    Recipient,
    RegisterNoteDocument,
    ResidentIdentity,
    SlipDocument,
    TaskLine,
    TaskListDocument,
)
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.referrals import RegisterKnowledge, RegisterSnapshot
from puskesos_desk.domain.slip_token import SlipClaim, encode, pack

FULL_NIK = "3322014503680003"
FULL_KK = "3322010101090001"
MASKED_NIK = mask_id(FULL_NIK)  # "3322••••••••0003"
MASKED_KK = mask_id(FULL_KK)
NON_LATIN_NAME = "Ñoman Śląsk Nguyễn"
#: A 64 × 76 px emblem (shield and sun), a stand-in for a village logo.
LOGO_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAEAAAABMAgMAAACgxVk2AAAACVBMVEX////wyCgUWqBajYkVAAABGklEQVR42rWSPU7DQBCFv90YKdoqDX1KS76E"
    "j0ABffpcIpfgCJEioOAIewmo3dOkiiwRORQz+5c4khVgi53ZpzfvzYwNk89Go9Xo6jNgGRKj+I7DKmfU4CSbSXgGGp8YTlmRsQUwjQ8MFVrGXHtw"
    "wdbutIfDShjz0P5cRbcBMI3Hxo5UzKp4nMwkSZG1wTM4G16KPX1aVy6utuernAD0Er9eJfbK+Pa8FSV7OOXAyQPvGXCMlwJ7CDWXtgOAJ9ydTWQp"
    "nDiLGEoYYWzKP+uWBY0CleTVFUaXPwdh6M+6SCVtuq/YLlKhTYZVBpgWeFCg1xoD0AfRu5bHcpb7p1+OXwJD/uz4syXnZwYfbXqu/8dlDOjyL3mL"
    "xsX5AbieMN/lYQSQAAAAAElFTkSuQmCC"
)
LONG_SUMMARY = (
    "Kartu KIS (PBI-JK) milik warga dinonaktifkan sejak Oktober 2026 sehingga warga tidak dapat berobat gratis di "
    "puskesmas maupun rumah sakit rujukan. Warga adalah buruh tani harian dengan penghasilan tidak tetap, tinggal "
    "bersama istri dan dua anak usia sekolah, dan sedang menjalani pengobatan rutin untuk tekanan darah tinggi serta "
    "kencing manis yang memerlukan kontrol bulanan dan obat yang harus diminum setiap hari. Menurut keterangan "
    "warga, penonaktifan terjadi setelah pemutakhiran data DTSEN, padahal kondisi ekonomi keluarga tidak berubah; "
    "rumah masih berlantai tanah, berdinding papan, dan keluarga belum memiliki sumber penghasilan lain. Petugas "
    "Puskesos telah memeriksa salinan data DTSEN yang diterima dari Dinas Sosial dan menemukan keluarga tercatat "
    "pada desil 3. Warga sudah membawa surat keterangan dari puskesmas bahwa pengobatan harus dilanjutkan, namun "
    "belum memiliki surat keterangan tidak mampu dari desa karena kantor desa sedang tutup pada hari kunjungan. "
    "Mohon kiranya Dinas Sosial memproses reaktivasi kepesertaan PBI-JK warga tersebut, atau memberi petunjuk "
    "mengenai dokumen lain yang masih diperlukan, agar pengobatan warga tidak terputus. Apabila reaktivasi tidak "
    "dapat dilakukan, mohon informasi mengenai program jaminan kesehatan daerah yang dapat dimanfaatkan keluarga "
    "ini sementara proses pengusulan kembali berjalan."
)


def sample_token(seed: int = 1) -> str:
    """A real slip token layout (packed claim + 64-byte signature), deterministic per seed."""
    claim = SlipClaim(referral_id=str(uuid.UUID(int=0x5EED0000 + seed)), site_code="33.22.01.2007",
                      destination="DINSOS-PBI-JK", expires_on=date(2027, 11, 22))
    return encode(pack(claim), bytes((seed * 7 + i) % 256 for i in range(64)))


LETTERHEAD = Letterhead(
    organisation="PUSKESOS DESA SUMOGAWE",
    region_lines=("Kecamatan Getasan, Kabupaten Semarang", "Provinsi Jawa Tengah"),
    address="Jl. Raya Sumogawe No. 1, Getasan, Kab. Semarang 50774",
    contact="Telp. (0298) 000000 · puskesos.sumogawe@example.id",
    place="Sumogawe",
)

RESIDENT = ResidentIdentity(
    name=NON_LATIN_NAME, nik=MASKED_NIK, kk_number=MASKED_KK, birth_place="Kab. Semarang",
    birth_date=date(1968, 3, 5), sex="Laki-laki", address="Dusun Krajan RT 002/RW 001, Desa Sumogawe, Kec. Getasan",
)

REGISTER = RegisterSnapshot(RegisterKnowledge.TERDAFTAR, dataset="DTSEN", as_of=date(2026, 10, 1), desil=3,
                            programs=("PBI-JK", "PKH"))

SLIP = SlipDocument(
    letterhead=LETTERHEAD,
    number="001/RJK/PUSKESOS-3322012007/XI/2026",
    letter_date=date(2026, 11, 23),
    recipient=Recipient(
        organisation="Dinas Sosial Kabupaten Semarang",
        service_name="Reaktivasi PBI-JK (KIS)",
        address="Jl. Gatot Subroto No. 2, Ungaran, Kab. Semarang",
        contact="Bidang Perlindungan dan Jaminan Sosial",
        hours="Senin–Jumat 08.00–15.00",
    ),
    resident=RESIDENT,
    register=REGISTER,
    problem_summary="Kartu KIS warga dinonaktifkan sejak Oktober 2026; warga sedang menjalani pengobatan rutin "
                    "di puskesmas dan tidak mampu membayar iuran BPJS Kesehatan mandiri.",
    requested_service="Reaktivasi kepesertaan PBI-JK",
    documents=(("KTP-el", True), ("Kartu Keluarga", True), ("Surat keterangan dari puskesmas", True),
               ("Surat keterangan tidak mampu (SKTM) dari desa", False)),
    officer_name="Budi Santoso",
    officer_title="Petugas Back Office",
    signer_name="Sri Wahyuni",
    signer_title="Koordinator Puskesos",
    token=sample_token(),
    response_days=10,
    response_due=date(2026, 12, 7),
)

DRAFT_SLIP = dataclasses.replace(SLIP, approved=False, signer_name=None, reprint=0)
REPRINTED_SLIP = dataclasses.replace(SLIP, reprint=2)
LONG_SLIP = dataclasses.replace(
    SLIP,
    problem_summary=LONG_SUMMARY,
    resident=dataclasses.replace(
        RESIDENT, name=f"{NON_LATIN_NAME} bin Abdurrahman Wahyudi Kusumaningrat Prawirodirdjo Suryaningsih",
        address="Dusun Krajan Kidul RT 002/RW 001, Jalan Kebon Kopi Gang Mawar Nomor 17 (belakang musala "
                "Al-Ikhlas, sebelah kandang sapi kelompok tani Sido Makmur), Desa Sumogawe, Kecamatan Getasan"),
)

RECEIPT = ReceiptDocument(
    letterhead=LETTERHEAD,
    registration_number="REG-3322012007-20261123-007",
    occurred_at=datetime(2026, 11, 23, 9, 15),
    channel="Datang langsung",
    applicant_name="Sri Lestari",
    subjects=((NON_LATIN_NAME, MASKED_NIK), ("Dewi Anggraini", "Belum memiliki NIK")),
    purpose="Menanyakan kartu KIS yang tidak aktif dan bantuan biaya sekolah anak",
    officer_name="Budi Santoso",
    items=(
        ReceiptLine("PGD-2026-0031", "Pengaduan — Kepesertaan PBI-JK (KIS) dinonaktifkan", date(2026, 11, 26)),
        ReceiptLine("KBT-2026-0112", "Kebutuhan — Bantuan pendidikan (PIP) untuk anak kelas 5 SD", date(2026, 12, 7)),
        ReceiptLine("PTN-2026-0005", "Pertanyaan — Jadwal penyaluran bantuan sembako"),
    ),
    notice="Data Anda dipakai Puskesos untuk memberi layanan dan merujuk Anda ke instansi pemerintah yang dapat "
           "membantu. Data tidak dibagikan ke lembaga non-pemerintah tanpa persetujuan Anda. Anda berhak melihat, "
           "memperbaiki, dan meminta penghapusan data Anda dengan menghubungi Puskesos.",
)

REGISTER_NOTE = RegisterNoteDocument(
    letterhead=LETTERHEAD, resident=RESIDENT, register=REGISTER, printed_on=date(2026, 11, 23),
    officer_name="Budi Santoso", purpose="Persyaratan pendaftaran sekolah anak",
)
UNKNOWN_REGISTER_NOTE = dataclasses.replace(REGISTER_NOTE, register=RegisterSnapshot(RegisterKnowledge.TIDAK_DIKETAHUI))

_TASKS = (
    TaskLine("Terlambat 3 hari kerja", "Keluhan", "PGD-2026-0031", f"{NON_LATIN_NAME} (KK-0012)",
             "PBI-JK dinonaktifkan: warga sedang berobat rutin", date(2026, 11, 18), urgent=True),
    TaskLine("Hari ini", "Rujukan", "001/RJK/PUSKESOS-3322012007/XI/2026", "Sri Lestari (KK-0044)",
             "Belum ada kabar dari Dinas Sosial tentang reaktivasi", date(2026, 11, 23)),
    TaskLine("2 hari kerja lagi", "Kebutuhan", "KBT-2026-0112", "Sutrisno (KK-0102)",
             "Bantuan pendidikan (PIP) untuk anak kelas 5 SD", date(2026, 11, 25)),
    TaskLine("Hari ini", "Usulan DTSEN", "USL-2026-0007", "Paini (KK-0150)", "Usulan masuk DTSEN: lansia tunggal",
             None),
)
TASK_LIST = TaskListDocument(letterhead=LETTERHEAD, day=date(2026, 11, 23), officer_name="Budi Santoso",
                             lines=_TASKS)
LONG_TASK_LIST = dataclasses.replace(TASK_LIST, lines=_TASKS * 15)
EMPTY_TASK_LIST = dataclasses.replace(TASK_LIST, lines=())
