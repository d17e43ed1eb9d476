"""Typed failures. Each carries a message in Bahasa Indonesia that the UI and CLI show as it is."""

from __future__ import annotations


class PuskesosError(Exception):
    """Base of every expected failure: the message is for the user, in plain Bahasa Indonesia."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class InputRejected(PuskesosError):
    """The user's input cannot be accepted as it is (CLI exit 3)."""

    exit_code = 3

    def __init__(self, message: str, *, field: str | None = None, detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.field = field


class FieldErrors(InputRejected):
    """Several fields are wrong at once; `errors` maps a field name to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        lines = "; ".join(errors.values())
        super().__init__(f"Data belum lengkap atau tidak valid: {lines}")
        self.errors = dict(errors)


class PermissionDenied(PuskesosError):
    exit_code = 3


class NotFound(PuskesosError):
    exit_code = 3


class Conflict(PuskesosError):
    """Someone else saved a newer version of the record (optimistic locking)."""

    exit_code = 3


class DatabaseProblem(PuskesosError):
    """The database file cannot be used: locked, read-only, corrupt, or from a newer version."""

    exit_code = 3


class SchemaTooNew(DatabaseProblem):
    pass


class DatabaseLocked(DatabaseProblem):
    pass


class DatabaseReadOnly(DatabaseProblem):
    pass


class DatabaseCorrupt(DatabaseProblem):
    pass


class DatabaseUnreachable(DatabaseProblem):
    """The server does not answer: down, wrong address or port, network or firewall, connection timed out."""


class DatabaseConnectionLost(DatabaseProblem):
    """The connection broke while working; the transaction was rolled back by the server."""


class DatabaseLoginFailed(DatabaseProblem):
    """The server refused the user name or password."""


class DatabaseMissing(DatabaseProblem):
    """The server has no database of that name."""


class DatabaseAccessDenied(DatabaseProblem):
    """The database role may not do what the application asked (grants are missing)."""


class SiteNotInitialised(DatabaseProblem):
    pass


class Cancelled(PuskesosError):
    """The person stopped a long operation; nothing was changed or written."""

    exit_code = 1
