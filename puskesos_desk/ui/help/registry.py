"""Which help page belongs to which screen.

A screen is found by its objectName first (a screen built elsewhere may only promise its objectName, like the
first-run wizard), then by its class or one of its base classes. The page id is the file name without ".html" under
resources/help/<lang>/ (help/pages.py). A screen missing here has no help of its own: F1 then shows the page of the
screen around it, and tests/ui/test_help.py fails for any dialog or area page left out.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

INDEX_PAGE = "index"  # "Daftar isi": every page, grouped as the main window groups its areas
GLOSSARY_PAGE = "istilah"  # the acronyms and terms every page links to

# objectName → page: for screens whose class lives where this package does not look.
OBJECT_PAGES: dict[str, str] = {
    "first_run_wizard": "penyiapan_awal",
}

# Class name → page. Area pages and their tabs first, then the dialogs, then sign-in and lock.
CLASS_PAGES: dict[str, str] = {
    # Main window areas (a tabbed area is answered by its current tab: see resolver.py)
    "BerandaPage": "beranda",
    "SearchPage": "layanan",
    "HouseholdPage": "keluarga",
    "CaseTab": "keluarga",  # the household page's lists (visits, complaints, needs...): one job, one page
    "HouseholdExtractTab": "keluarga",
    "TasksTab": "keluhan_tugas",
    "ComplaintsTab": "keluhan_daftar",
    "ReferralListTab": "rujukan_daftar",
    "ReferralStatsTab": "rujukan_statistik",
    "ReferralAgencyTab": "rujukan_instansi",
    "LaporanPage": "laporan",
    "ExportTab": "pertukaran_kirim",
    "ImportTab": "pertukaran_terima",
    "HistoryTab": "pertukaran_riwayat",
    "DtsenPage": "data_dtsen",
    "VillagesTab": "pertukaran_desa",
    "SettingsPage": "pengaturan",
    "AuditPage": "audit",
    "KabupatenDataTab": "data_desa_gabungan",
    "KabupatenDuplicatesTab": "data_desa_duplikat",
    "KabupatenChangesTab": "data_desa_perubahan",
    "KabupatenDirectoryTab": "data_desa_direktori",
    # Dialogs of the desk
    "RegistrationDialog": "pendaftaran",
    "VisitDialog": "kunjungan",
    "ComplaintDialog": "keluhan_baru",
    "ComplaintStatusDialog": "status_keluhan",
    "NeedDialog": "kebutuhan",
    "ParticipationDialog": "kepesertaan",
    "ProposalDialog": "usulan_dtsen",
    "ProposalStatusDialog": "status_usulan",
    "ChangeRequestDialog": "perubahan_kk",
    "ChangeDecisionDialog": "keputusan_perubahan",
    "ReferralDialog": "rujukan_baru",
    "ReferralStatusDialog": "status_rujukan",
    "PdfPreviewDialog": "pratinjau_cetak",
    "PersonCorrectionDialog": "koreksi_data",
    "HouseholdCorrectionDialog": "koreksi_data",
    "PersonPrivacyDialog": "privasi_warga",
    "RequesterDialog": "privasi_warga",  # asked from the privacy dialog: who takes the copy
    "RevealReasonDialog": "tampilkan_nik",
    # Dialogs of the areas and of Pengaturan
    "AgencyServicesDialog": "rujukan_instansi",  # asked from that tab: which services get the sheet
    "RejectReasonDialog": "data_desa_perubahan",  # asked from that tab: why a change is refused
    "ExtractImportDialog": "impor_dtsen",
    "ServiceEntryDialog": "layanan_direktori",
    "NewVillageDialog": "desa_baru",
    "UserDialog": "akun_pengguna",
    "PasswordNoteDialog": "akun_pengguna",  # the generated password shown once, after that dialog
    "TrustConfirmBox": "situs_tepercaya",
    "BreachDialog": "kebocoran_data",
    "DatabaseDialog": "basis_data",
    "ErrorDialog": "pesan_kesalahan",
    # Before and around a session
    "LoginDialog": "masuk",
    "ChangePasswordDialog": "ubah_sandi",
    "UnlockDatabaseDialog": "buka_basis_data",
    "LockScreen": "layar_terkunci",
    # The help viewer itself: F1 there shows the table of contents
    "HelpViewer": INDEX_PAGE,
}


def page_for(widget: QWidget) -> str | None:
    """The help page of this very widget, when it is a screen; None for anything inside a screen."""
    name = widget.objectName()
    if name in OBJECT_PAGES:
        return OBJECT_PAGES[name]
    for cls in type(widget).__mro__:
        page = CLASS_PAGES.get(cls.__name__)
        if page is not None:
            return page
    return None


def all_pages() -> list[str]:
    """Every page a screen can open, plus the index and the glossary, in a stable order."""
    pages = dict.fromkeys([INDEX_PAGE, GLOSSARY_PAGE, *OBJECT_PAGES.values(), *CLASS_PAGES.values()])
    return list(pages)
