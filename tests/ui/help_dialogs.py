"""How each dialog of the app is made for test_help.py: one factory per dialog class, building it the way the
existing dialog tests do, with the records it shows made through the services (a household, a complaint, a sent
referral...). Adding a dialog to the help registry means adding its factory here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from conftest import KOORDINATOR_PASSWORD
from PySide6.QtWidgets import QDialog

import tests.services.casework_rows as rows
from puskesos_desk.domain.casework import CaseworkChoices, HouseholdDetail
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.complaints import get_complaint
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.households import casework_choices, household_detail
from puskesos_desk.services.reference import directory_services
from puskesos_desk.services.referral_queries import referral_detail
from puskesos_desk.services.site import get_site_info, site_card
from puskesos_desk.ui.dialogs.breach_dialog import BreachDialog
from puskesos_desk.ui.dialogs.change_password_dialog import ChangePasswordDialog
from puskesos_desk.ui.dialogs.change_request_dialog import ChangeRequestDialog
from puskesos_desk.ui.dialogs.complaint_dialog import ComplaintDialog
from puskesos_desk.ui.dialogs.complaint_status_dialog import ComplaintStatusDialog
from puskesos_desk.ui.dialogs.correction_dialog import HouseholdCorrectionDialog, PersonCorrectionDialog
from puskesos_desk.ui.dialogs.database_dialog import DatabaseDialog
from puskesos_desk.ui.dialogs.extract_import_dialog import ExtractImportDialog
from puskesos_desk.ui.dialogs.need_dialog import NeedDialog
from puskesos_desk.ui.dialogs.new_village_dialog import NewVillageDialog
from puskesos_desk.ui.dialogs.participation_dialog import ParticipationDialog
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.dialogs.person_privacy_dialog import PersonPrivacyDialog, RequesterDialog
from puskesos_desk.ui.dialogs.proposal_dialog import ProposalDialog
from puskesos_desk.ui.dialogs.referral_dialog import ReferralDialog
from puskesos_desk.ui.dialogs.referral_status_dialog import ReferralStatusDialog
from puskesos_desk.ui.dialogs.registration.choices import load_choices
from puskesos_desk.ui.dialogs.registration_dialog import RegistrationDialog
from puskesos_desk.ui.dialogs.service_entry_dialog import ServiceEntryDialog
from puskesos_desk.ui.dialogs.unlock_database_dialog import UnlockDatabaseDialog
from puskesos_desk.ui.dialogs.user_dialog import PasswordNoteDialog, UserDialog
from puskesos_desk.ui.dialogs.visit_dialog import VisitDialog
from puskesos_desk.ui.error_dialog import ErrorDialog
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.pages.kabupaten_changes_tab import RejectReasonDialog
from puskesos_desk.ui.pages.rujukan_agency_tab import AgencyServicesDialog
from puskesos_desk.ui.widgets.household.change_decision_dialog import ChangeDecisionDialog
from puskesos_desk.ui.widgets.household.id_reveal import RevealReasonDialog
from puskesos_desk.ui.widgets.household.proposal_status_dialog import ProposalStatusDialog
from puskesos_desk.ui.widgets.trusted_sites import TrustConfirmBox
from tests.ui.test_extract_import_dialog import extract_file
from tests.ui.test_pdf_preview import sample_pdf
from tests.ui.test_rujukan_page import new_referral, sent

DAY = date(2026, 11, 2)  # a Monday


# Dialogs made without a database: their test does not copy the site (a copy costs seconds on a busy CI machine).
NO_DATABASE = {"PdfPreviewDialog", "RequesterDialog", "RevealReasonDialog", "RejectReasonDialog", "NewVillageDialog",
               "PasswordNoteDialog", "DatabaseDialog", "ErrorDialog", "UnlockDatabaseDialog"}


@dataclass
class DialogWorld:
    desk: Any  # the site_db fixture (a desa); None for the dialogs in NO_DATABASE
    ctx: ServiceContext | None  # the Koordinator, signed in; None for the dialogs in NO_DATABASE
    folder: Path = Path()
    made: dict[str, Any] = field(default_factory=dict)

    def household(self) -> HouseholdRecord:
        if "household" not in self.made:
            self.made["household"] = rows.household(self.ctx)
        return self.made["household"]

    def head_id(self) -> str:
        return self.household().members[0].id

    def detail(self) -> HouseholdDetail:
        return household_detail(self.ctx, self.household().id)

    def choices(self) -> CaseworkChoices:
        return casework_choices(self.ctx)


def _complaint_status(w: DialogWorld) -> QDialog:
    complaint_id = rows.complaint(w.ctx, w.household().id, created=DAY)
    return ComplaintStatusDialog(get_complaint(w.ctx, complaint_id))


def _proposal_status(w: DialogWorld) -> QDialog:
    rows.proposal(w.ctx, w.household().id, created=DAY)
    return ProposalStatusDialog(w.detail().proposals[0])


def _change_decision(w: DialogWorld) -> QDialog:
    rows.change_request(w.ctx, w.household().id, created=DAY)
    return ChangeDecisionDialog(w.detail().change_requests[0], "SLAMET RIYADI", approve=False)


def _referral_status(w: DialogWorld) -> QDialog:
    referral = sent(w.ctx, new_referral(w.ctx, (w.household().id, w.head_id())))
    return ReferralStatusDialog(referral_detail(w.ctx, referral.id), today=DAY)


def _change_password(w: DialogWorld) -> QDialog:
    return ChangePasswordDialog(w.desk.db, sign_in(w.desk.db, username="koordinator", password=KOORDINATOR_PASSWORD))


DIALOGS: dict[str, Callable[[DialogWorld], QDialog]] = {
    "RegistrationDialog": lambda w: RegistrationDialog(w.ctx, load_choices(w.ctx)),
    "VisitDialog": lambda w: VisitDialog(w.detail(), w.choices()),
    "ComplaintDialog": lambda w: ComplaintDialog(w.detail(), w.choices()),
    "ComplaintStatusDialog": _complaint_status,
    "NeedDialog": lambda w: NeedDialog(w.detail(), w.choices()),
    "ParticipationDialog": lambda w: ParticipationDialog(w.detail(), w.choices()),
    "ProposalDialog": lambda w: ProposalDialog(w.detail(), w.choices()),
    "ProposalStatusDialog": _proposal_status,
    "ChangeRequestDialog": lambda w: ChangeRequestDialog(w.detail(), w.choices()),
    "ChangeDecisionDialog": _change_decision,
    "ReferralDialog": lambda w: ReferralDialog(w.detail(), w.choices(), directory_services(w.ctx)),
    "ReferralStatusDialog": _referral_status,
    "PdfPreviewDialog": lambda w: PdfPreviewDialog(None, title="Contoh", render=sample_pdf, issue=None),
    "PersonCorrectionDialog": lambda w: PersonCorrectionDialog(w.ctx, w.head_id()),
    "HouseholdCorrectionDialog": lambda w: HouseholdCorrectionDialog(w.ctx, w.household().id),
    "PersonPrivacyDialog": lambda w: PersonPrivacyDialog(w.ctx, w.head_id()),
    "RequesterDialog": lambda w: RequesterDialog("SLAMET RIYADI"),
    "RevealReasonDialog": lambda w: RevealReasonDialog("NIK", "SLAMET RIYADI"),
    "AgencyServicesDialog": lambda w: AgencyServicesDialog(directory_services(w.ctx)[:3]),
    "RejectReasonDialog": lambda w: RejectReasonDialog("PRB-3322012007-00001"),
    "ExtractImportDialog": lambda w: ExtractImportDialog(w.desk.cli, extract_file(w.folder / "ekstrak.xlsx")),
    "ServiceEntryDialog": lambda w: ServiceEntryDialog(list(w.choices().programs), list(w.choices().need_domains)),
    "NewVillageDialog": lambda w: NewVillageDialog(),
    "UserDialog": lambda w: UserDialog(w.desk.cli, get_site_info(w.desk.db)),
    "PasswordNoteDialog": lambda w: PasswordNoteDialog("sri.wahyuni", "contoh-sandi-awal-1"),
    "TrustConfirmBox": lambda w: TrustConfirmBox(site_card(w.desk.cli)[0]),
    "BreachDialog": lambda w: BreachDialog(w.ctx),
    "DatabaseDialog": lambda w: DatabaseDialog(),
    "ErrorDialog": lambda w: ErrorDialog(RuntimeError("contoh kesalahan")),
    "LoginDialog": lambda w: LoginDialog(w.desk.db, get_site_info(w.desk.db)),
    "ChangePasswordDialog": _change_password,
    "UnlockDatabaseDialog": lambda w: UnlockDatabaseDialog(None, "puskesos.db"),
}
