"""Why a workbook was refused: a machine code for the importer and a Bahasa message for the village officer.

The message says what the file is and what the officer can do about it; the technical cause (exception text,
byte counts) goes into `detail`, which is logged but not shown.
"""

from __future__ import annotations

from puskesos_desk.domain.errors import InputRejected

_RESEND = "minta pengirim mengirim ulang paket dari aplikasi"

# One template per code. Placeholders are filled from the keyword arguments of UnsafeWorkbook.
MESSAGES: dict[str, str] = {
    "UNREADABLE": "Berkas tidak dapat dibuka dari disk ({reason}). Periksa apakah berkas masih ada dan "
    "flashdisk masih terpasang, lalu coba lagi.",
    "EMPTY": f"Berkas ini kosong (0 byte). Salin ulang berkasnya, atau {_RESEND}.",
    "NOT_ZIP": f"Berkas ini bukan buku kerja Excel (.xlsx) dan isinya tidak dikenali. Pastikan berkas yang dipilih "
    f"benar, atau {_RESEND}.",
    "MARKUP": "Berkas ini bukan buku kerja Excel (.xlsx): isinya teks halaman web atau XML yang diberi nama Excel. "
    f"Buka di Excel lalu simpan sebagai .xlsx, atau {_RESEND}.",
    "CSV": "Berkas ini bukan buku kerja Excel (.xlsx): isinya teks CSV. Buka di Excel lalu simpan sebagai .xlsx, "
    f"atau {_RESEND}.",
    "TRUNCATED": "Berkas ini terpotong (kemungkinan unduhan atau penyalinan belum selesai). Salin ulang dari "
    f"sumbernya, atau {_RESEND}.",
    "CORRUPT": "Berkas ini rusak: isi di dalamnya tidak sesuai dengan buku kerja Excel. Coba buka dan simpan ulang "
    f"di Excel, atau {_RESEND}.",
    "LEGACY_XLS": "Berkas ini format Office lama (.xls, Excel 97-2003), bukan .xlsx. Buka di Excel atau LibreOffice "
    "lalu simpan sebagai Buku Kerja Excel (.xlsx).",
    "ENCRYPTED": "Berkas ini dilindungi kata sandi. Masukkan kata sandinya untuk membuka, atau minta pengirim "
    "mengirim versi tanpa kata sandi.",
    "BAD_PASSWORD": "Kata sandi salah, berkas tidak dapat dibuka. Periksa huruf besar dan kecil, lalu coba lagi.",
    "NOT_ENCRYPTED": "Berkas ini tidak dilindungi kata sandi, jadi tidak perlu dibuka dengan kata sandi.",
    "TOO_LARGE": "Berkas ini terlalu besar untuk diimpor ({what}). Paket pertukaran biasanya jauh lebih kecil; "
    f"minta pengirim membagi datanya, atau {_RESEND}.",
    "BOMB": "Berkas ini mencurigakan: isinya mengembang berlebihan ketika dibuka (bom zip), jadi tidak dibuka. "
    f"Jangan buka berkas ini di komputer lain; {_RESEND}.",
    "DTD": "Berkas ini berisi kode XML yang tidak pernah ditulis Excel (deklarasi DOCTYPE/ENTITY) dan bisa "
    f"berbahaya, jadi tidak dibuka. Jangan buka berkas ini di komputer lain; {_RESEND}.",
    "FAR_CELLS": "Lembar '{sheet}' berisi data yang terbentang sampai sel {cell}, terlalu jauh: membacanya akan "
    "menghabiskan memori komputer. Hapus baris dan kolom kosong di bawah dan di kanan data lalu simpan lagi, atau "
    f"{_RESEND}.",
    "NO_WORKBOOK": "Berkas ini arsip zip, tetapi bukan buku kerja Excel (.xlsx): bagian buku kerjanya tidak ada. "
    f"Pastikan berkas yang dipilih benar, atau {_RESEND}.",
    "ODS": "Berkas ini format OpenDocument (.ods), bukan .xlsx. Buka di LibreOffice atau Excel lalu simpan sebagai "
    "Buku Kerja Excel (.xlsx).",
    "XLSB": "Berkas ini format Excel Biner (.xlsb), bukan .xlsx. Buka di Excel lalu simpan sebagai Buku Kerja "
    "Excel (.xlsx).",
    "NO_SHEET": f"Lembar '{{sheet}}' tidak ada di buku kerja ini. Pastikan berkas yang dipilih benar, atau {_RESEND}.",
    "READER_FAILED": "Pembacaan buku kerja gagal: pembacanya berhenti karena berkas rusak atau terlalu berat. "
    f"Aplikasi tetap berjalan normal. Coba buka dan simpan ulang berkas di Excel, atau {_RESEND}.",
    "TIMEOUT": "Pembacaan buku kerja dihentikan karena melewati batas waktu ({seconds} detik). Berkas ini terlalu "
    f"berat; {_RESEND}.",
}

CODES = frozenset(MESSAGES)  # every code the guard and the reader raise


class UnsafeWorkbook(InputRejected):
    """The workbook was refused before or while reading it. `code` is one of CODES."""

    def __init__(self, code: str, *, detail: str | None = None, **context: object) -> None:
        template = MESSAGES[code]  # a KeyError here is a programming error: every code has a message
        super().__init__(template.format(**context), detail=detail)
        self.code = code
        self.context = dict(context)


def os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "berkas tidak ditemukan"
    if isinstance(error, PermissionError):
        return "tidak ada izin untuk membacanya"
    if isinstance(error, IsADirectoryError):
        return "yang dipilih adalah folder"
    return "gangguan saat membaca disk"
