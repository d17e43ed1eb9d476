"""Who may do what. Declared once here and enforced in the service layer (hiding a button is not enough).

The matrix follows the SLRT division of work: FO registers and logs, BO handles cases and drafts, the
Koordinator decides and signs, Admin manages accounts and settings but sees no case data. The trust issue
refines it; every service already passes through `Actor.require()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.errors import PermissionDenied


class Permission(StrEnum):
    VIEW_CASES = "VIEW_CASES"
    REGISTER = "REGISTER"
    EDIT_RECORDS = "EDIT_RECORDS"
    RECORD_VISIT = "RECORD_VISIT"
    HANDLE_CASE = "HANDLE_CASE"
    CREATE_REFERRAL = "CREATE_REFERRAL"
    APPROVE_REFERRAL = "APPROVE_REFERRAL"
    APPROVE_HOUSEHOLD_CHANGE = "APPROVE_HOUSEHOLD_CHANGE"
    PROPOSE_DTSEN = "PROPOSE_DTSEN"
    IMPORT_DATA = "IMPORT_DATA"
    EXPORT_DATA = "EXPORT_DATA"
    VIEW_SPECIFIC_DATA = "VIEW_SPECIFIC_DATA"
    UNMASK_ID = "UNMASK_ID"
    MANAGE_USERS = "MANAGE_USERS"
    MANAGE_SETTINGS = "MANAGE_SETTINGS"
    MANAGE_SERVICE_DIRECTORY = "MANAGE_SERVICE_DIRECTORY"  # the district's service directory (issue 7)
    RESTORE_BACKUP = "RESTORE_BACKUP"
    VIEW_AUDIT = "VIEW_AUDIT"
    VIEW_REPORTS = "VIEW_REPORTS"
    INITIALISE_SITE = "INITIALISE_SITE"
    MERGE_PERSONS = "MERGE_PERSONS"  # the district decides on cross-village duplicate persons (issue 7)
    # UU PDP duties (issue 10): a resident's own requests, the retention schedule, and a breach.
    HANDLE_DATA_REQUESTS = "HANDLE_DATA_REQUESTS"  # subject access (everything held on one person), deletion
    APPLY_RETENTION = "APPLY_RETENTION"  # run the anonymisation of records past their retention period
    BREACH_RESPONSE = "BREACH_RESPONSE"  # list the persons a breach touched and draft the 3×24 h notice


P = Permission
_CASE_READ = {P.VIEW_CASES, P.VIEW_REPORTS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset({P.MANAGE_USERS, P.MANAGE_SETTINGS, P.RESTORE_BACKUP, P.VIEW_AUDIT,
                           P.MANAGE_SERVICE_DIRECTORY}),
    Role.KOORDINATOR: frozenset(
        _CASE_READ
        | {
            P.REGISTER, P.EDIT_RECORDS, P.RECORD_VISIT, P.HANDLE_CASE, P.CREATE_REFERRAL, P.APPROVE_REFERRAL,
            P.APPROVE_HOUSEHOLD_CHANGE, P.PROPOSE_DTSEN, P.IMPORT_DATA, P.EXPORT_DATA, P.VIEW_SPECIFIC_DATA,
            P.UNMASK_ID, P.VIEW_AUDIT, P.HANDLE_DATA_REQUESTS, P.APPLY_RETENTION,
            P.BREACH_RESPONSE,
        }
    ),
    Role.PETUGAS_FO: frozenset(_CASE_READ | {P.REGISTER, P.RECORD_VISIT}),
    Role.PETUGAS_BO: frozenset(
        _CASE_READ | {P.REGISTER, P.EDIT_RECORDS, P.RECORD_VISIT, P.HANDLE_CASE, P.CREATE_REFERRAL, P.PROPOSE_DTSEN}
    ),
    Role.OPERATOR_SIKS: frozenset(_CASE_READ | {P.PROPOSE_DTSEN, P.IMPORT_DATA, P.EXPORT_DATA}),
    Role.MANAJER_SLRT: frozenset(
        _CASE_READ
        | {
            P.HANDLE_CASE, P.APPROVE_REFERRAL, P.APPROVE_HOUSEHOLD_CHANGE, P.IMPORT_DATA, P.EXPORT_DATA,
            P.VIEW_SPECIFIC_DATA, P.UNMASK_ID, P.VIEW_AUDIT, P.MANAGE_SERVICE_DIRECTORY,
            P.MERGE_PERSONS, P.HANDLE_DATA_REQUESTS, P.APPLY_RETENTION, P.BREACH_RESPONSE,
        }
    ),
    Role.PETUGAS_SEKRETARIAT: frozenset(_CASE_READ | {P.HANDLE_CASE, P.EDIT_RECORDS, P.IMPORT_DATA, P.EXPORT_DATA,
                                                      P.MANAGE_SERVICE_DIRECTORY}),
    Role.OPERATOR_KABUPATEN: frozenset(_CASE_READ | {P.IMPORT_DATA, P.EXPORT_DATA, P.MANAGE_SERVICE_DIRECTORY}),
    Role.AUDITOR: frozenset(_CASE_READ | {P.VIEW_AUDIT}),
}

CLI_ACTOR_PREFIX = "cli:"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who performs an action: a signed-in user, or the CLI actor `cli:<os user>`.

    The CLI actor holds every permission of its site: whoever can run the CLI can open the database file anyway,
    so refusing it protects nothing; it is audited like a user instead.
    """

    id: str
    name: str
    role: Role | None
    site_code: str | None
    site_role: SiteRole | None = None
    extra_roles: tuple[Role, ...] = ()  # roles held besides `role` (an Admin who is also the Koordinator)
    # Signed in with a password an Admin set (new account, reset): nothing is allowed until the user has chosen
    # their own, so a password read off a note cannot be used to work.
    password_change_required: bool = False

    @classmethod
    def cli(cls, os_user: str, *, site_code: str | None = None, site_role: SiteRole | None = None) -> Actor:
        ident = f"{CLI_ACTOR_PREFIX}{os_user}"
        return cls(id=ident, name=ident, role=None, site_code=site_code, site_role=site_role)

    @property
    def is_cli(self) -> bool:
        return self.id.startswith(CLI_ACTOR_PREFIX)

    def can(self, permission: Permission) -> bool:
        if self.is_cli:
            return True
        if self.password_change_required:
            return False
        return any(permission in ROLE_PERMISSIONS.get(role, frozenset()) for role in self.roles)

    @property
    def roles(self) -> tuple[Role, ...]:
        return ((self.role,) if self.role is not None else ()) + self.extra_roles

    def require(self, permission: Permission) -> None:
        if self.password_change_required and not self.is_cli:
            raise PermissionDenied(f"Akun {self.name} harus mengganti kata sandi lebih dulu sebelum bekerja.")
        if not self.can(permission):
            raise PermissionDenied(
                f"Akun {self.name} tidak berwenang untuk tindakan ini ({permission.value}). "
                "Minta Koordinator atau Admin untuk melakukannya."
            )
