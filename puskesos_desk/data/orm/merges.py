"""The district's decisions on likely duplicate persons across villages (issue 7).

A decision is its own record: the district never edits a village's person rows. The two person ids are plain text,
not foreign keys, because at a village one of the two persons does not exist; the snapshot lets that village show
who the other side is without having the record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, UTCDateTime
from puskesos_desk.data.orm.household import Person


class PersonMerge(RecordMixin, Base):
    __tablename__ = "person_merge"

    duplicate_person_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    survivor_person_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    decision: Mapped[str] = mapped_column(String(16), nullable=False)  # MergeDecision
    match_kind: Mapped[str] = mapped_column(String(24), nullable=False)  # MatchKind
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    decided_by: Mapped[str] = mapped_column(String(80), nullable=False)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # {"duplicate": {...}, "survivor": {...}}: name, birth date, village code and name, household number, masked NIK.
    snapshot: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)


# Duplicate detection groups every person of the district by NIK and by (name_key, birth_date) and counts the
# villages in each group. Covering indexes let SQLite answer that from the index alone: with the single-column
# indexes of household.py it read a table row per person (18 s for 200,000 persons). Declared here, next to the
# feature that needs them, so the person model stays as it is; they attach to the person table like any other.
Index("ix_person_duplicate_nik", Person.nik, Person.origin_site, Person.deleted_at)
Index("ix_person_duplicate_name", Person.name_key, Person.birth_date, Person.origin_site, Person.deleted_at)
