"""The words of the one-page "Panduan singkat meja layanan" for the office wall, in Bahasa Indonesia and English.

The guide names the app's screens, buttons and keys as the interface shows them (the English text uses the English
interface's names), so an officer can find each step on the screen. `*word*` marks what the printout sets in bold:
a screen, a button or a key; `plain()` gives the text without the marks, as a reader sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from puskesos_desk.domain.documents import Letterhead, Paper

BOLD_MARK = re.compile(r"\*([^*]+)\*")
GUIDE_PAPERS = (Paper.F4, Paper.A4)  # A5 is too small for a wall


class GuideLanguage(StrEnum):
    ID = "id"
    EN = "en"


@dataclass(frozen=True, slots=True)
class GuideSection:
    title: str
    steps: tuple[str, ...]
    numbered: bool = True  # a routine in order; False for a list of reminders


@dataclass(frozen=True, slots=True)
class GuideKey:
    keys: str  # "Ctrl+Shift+L"
    action: str  # "Kunci layar"


@dataclass(frozen=True, slots=True)
class GuideText:
    title: str
    intro: str
    daily: GuideSection  # every morning
    walk_in: GuideSection  # the resident at the desk, up to the referral slip
    follow_up: GuideSection
    monthly: GuideSection
    privacy: GuideSection
    keys_title: str
    keys: tuple[GuideKey, ...]
    help: GuideSection
    contact_lines: tuple[str, ...]  # labels followed by lines to write a name and a number on by hand
    phone_label: str
    reference: str  # the footer's document name
    page_label: str  # the footer's page count, with {number} and {total}
    printed_with: str

    def sections(self) -> tuple[GuideSection, ...]:
        return (self.daily, self.walk_in, self.follow_up, self.monthly, self.privacy, self.help)


@dataclass(frozen=True, slots=True)
class QuickGuideDocument:
    letterhead: Letterhead
    text: GuideText


def plain(text: str) -> str:
    """The text without its bold marks."""
    return BOLD_MARK.sub(r"\1", text)


_BAHASA = GuideText(
    title="PANDUAN SINGKAT MEJA LAYANAN",
    intro="Kerja harian di Puskesos Desk: dari warga datang sampai rujukannya selesai.",
    daily=GuideSection("Setiap pagi", (
        "Masuk dengan akun Anda sendiri; kata sandi tidak dipinjamkan.",
        "*Keluhan* → *Tugas hari ini*: yang darurat dan yang terlambat dulu.",
        "*Rujukan* → *Daftar rujukan*: lewat batas jawaban? Telepon lembaga tujuannya.",
    )),
    walk_in=GuideSection("Warga datang", (
        "*Layanan*, *Ctrl+F*: ketik NIK, nomor KK, atau nama, lalu *Enter*. Belum terdaftar? *Ctrl+N* "
        "keluarga baru.",
        "*Ctrl+K* *Catat kunjungan*: sampaikan pemberitahuan privasi, lalu centang.",
        "*Ctrl+L* keluhan (pertanyaan, saran, pengaduan), *Ctrl+B* kebutuhan, *Ctrl+S* simpan.",
        "*Cetak bukti pendaftaran…* dan serahkan kepada warga.",
        "Perlu layanan lembaga lain? *Rujuk…* pada kebutuhan atau keluhan itu, pilih layanannya.",
        "Koordinator: *Rujukan* → *Setujui & tandatangani*.",
        "*Pratinjau / Cetak surat*, *Ctrl+P*. Serahkan surat rujukan, sebutkan dokumen yang dibawa, dan minta "
        "lembar balasannya kembali.",
    )),
    follow_up=GuideSection("Tindak lanjut", (
        "Lembar balasan kembali: *Rujukan* → *Catat tanggapan*, pindai kode QR atau ketik nomor surat.",
        "Kabar lewat telepon atau dari warga: *Catat tanggapan…* pada rujukan itu.",
        "Keluhan sudah ditangani: *Keluhan* → *Ubah status keluhan…* → Selesai.",
    )),
    monthly=GuideSection("Setiap bulan", (
        "*Pertukaran Data* → *Kirim* → *Buat paket…* dengan kata sandi, lewat flashdisk ke Sekretariat SLRT.",
        "Paket balasan: *Pertukaran Data* → *Terima* → *Pilih paket…* → *Terapkan*.",
        "*Laporan* → *Rekap bulanan* → *Pratinjau PDF…*, cetak untuk musdes.",
    )),
    privacy=GuideSection("Jaga data warga (UU PDP)", (
        "Jangan memotret layar atau daftar berisi NIK; jangan kirim lewat WhatsApp.",
        "Meninggalkan meja? Kunci layar: *Ctrl+Shift+L*.",
        "Buka NIK hanya bila perlu: setiap pembukaan dan cetakan tercatat.",
        "Cetakan data warga hanya untuk warga itu atau lembaga tujuan; cetakan salah disobek.",
    ), numbered=False),
    keys_title="Tombol penting",
    keys=(
        GuideKey("F1", "Bantuan layar ini"),
        GuideKey("Ctrl+F", "Cari warga"),
        GuideKey("Ctrl+N", "Keluarga baru"),
        GuideKey("Ctrl+K", "Catat kunjungan"),
        GuideKey("Ctrl+L", "Keluhan"),
        GuideKey("Ctrl+B", "Kebutuhan"),
        GuideKey("Ctrl+S", "Simpan"),
        GuideKey("Ctrl+P", "Cetak"),
        GuideKey("Esc", "Batal / kembali"),
        GuideKey("Ctrl+Shift+L", "Kunci layar"),
    ),
    help=GuideSection("Butuh bantuan?", (
        "*F1* di setiap layar: penjelasan layar itu, isiannya, dan arti singkatan.",
        "Pesan kesalahan terulang? Tekan *Salin laporan* dan kirim ke Sekretariat SLRT.",
    ), numbered=False),
    contact_lines=("Koordinator Puskesos:", "Sekretariat SLRT kabupaten/kota:"),
    phone_label="Telp.",
    reference="Panduan singkat meja layanan",
    page_label="halaman {number} dari {total}",
    printed_with="Dicetak dengan Puskesos Desk",
)

_ENGLISH = GuideText(
    title="SERVICE DESK QUICK GUIDE",
    intro="The daily work in Puskesos Desk: from a resident's arrival until the referral is closed.",
    daily=GuideSection("Every morning", (
        "Sign in with your own account; passwords are never lent.",
        "*Complaints* → *Today's tasks*: emergencies and overdue items first.",
        "*Referrals* → *Referral list*: past the reply deadline? Call the receiving agency.",
    )),
    walk_in=GuideSection("A resident walks in", (
        "*Service desk*, *Ctrl+F*: type the NIK, KK number or name, then *Enter*. Not registered? *Ctrl+N* "
        "new household.",
        "*Ctrl+K* *Record visit*: give the privacy notice, then tick it.",
        "*Ctrl+L* complaint (question, suggestion, grievance), *Ctrl+B* need, *Ctrl+S* save.",
        "*Print registration receipt…* and hand it to the resident.",
        "Needs another agency's service? *Refer…* on that need or complaint, pick the service.",
        "Coordinator: *Referrals* → *Approve & sign*.",
        "*Preview / print letter*, *Ctrl+P*. Hand over the referral letter, name the documents to bring, and "
        "ask for the return stub back.",
    )),
    follow_up=GuideSection("Follow-up", (
        "A return stub comes back: *Referrals* → *Record response*, scan the QR code or type the letter number.",
        "News by phone or from the resident: *Record response…* on that referral.",
        "A complaint dealt with: *Complaints* → *Change complaint status…* → Resolved.",
    )),
    monthly=GuideSection("Every month", (
        "*Data exchange* → *Send* → *Create package…* with a password, on a USB stick to the SLRT secretariat.",
        "Return package: *Data exchange* → *Receive* → *Choose package…* → *Apply*.",
        "*Reports* → *Monthly recap* → *Preview PDF…*, print it for the musdes.",
    )),
    privacy=GuideSection("Protect residents' data (UU PDP)", (
        "Never photograph the screen or lists showing NIKs; never send them over WhatsApp.",
        "Leaving the desk? Lock the screen: *Ctrl+Shift+L*.",
        "Reveal a NIK only when needed: every reveal and every printout is logged.",
        "Printouts with residents' data are only for that resident or the receiving agency; tear up misprints.",
    ), numbered=False),
    keys_title="Important keys",
    keys=(
        GuideKey("F1", "Screen help"),
        GuideKey("Ctrl+F", "Find resident"),
        GuideKey("Ctrl+N", "New household"),
        GuideKey("Ctrl+K", "Record visit"),
        GuideKey("Ctrl+L", "Complaint"),
        GuideKey("Ctrl+B", "Need"),
        GuideKey("Ctrl+S", "Save"),
        GuideKey("Ctrl+P", "Print"),
        GuideKey("Esc", "Cancel / back"),
        GuideKey("Ctrl+Shift+L", "Lock screen"),
    ),
    help=GuideSection("Need help?", (
        "*F1* on any screen: help for that screen, its fields, and what the acronyms mean.",
        "An error message that comes back? Press *Copy report* and send it to the SLRT secretariat.",
    ), numbered=False),
    contact_lines=("Puskesos Coordinator:", "District SLRT secretariat:"),
    phone_label="Phone",
    reference="Service desk quick guide",
    page_label="page {number} of {total}",
    printed_with="Printed with Puskesos Desk",
)

GUIDE_TEXTS: dict[GuideLanguage, GuideText] = {GuideLanguage.ID: _BAHASA, GuideLanguage.EN: _ENGLISH}


def guide_text(language: GuideLanguage) -> GuideText:
    return GUIDE_TEXTS[language]
