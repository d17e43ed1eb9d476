"""SQLAlchemy ORM models for the whole domain (domain.md §9). Import this package to register every table."""

from puskesos_desk.data.orm import (  # noqa: F401  (imported for table registration)
    audit,
    casework,
    exchange,
    household,
    merges,
    proposals,
    reference,
    referral,
    register,
    site,
    users,
)
from puskesos_desk.data.orm.base import Base

__all__ = ["Base"]
