"""A village acts on the district's merges of duplicate persons when a return package brings them.

The person that was merged away, if this village holds it, becomes a tombstone pointing to the survivor and leaves
its household; the change travels back in the village's next package, so the district's copy follows and no
package can bring the person back. The survivor's village changes nothing: the merge record is there to show.

A person who heads a household is not deleted: a household without a head breaks the KK, its printouts and its
cases. It is flagged (`duplicate_of`) and the import says what to do: choose the new head with a household change
request, then remove the member. A district decision never leaves a family without a head behind the desk's back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from puskesos_desk.data.repositories import duplicates as repo
from puskesos_desk.domain.duplicates import MergeDecision, MergeNotice
from puskesos_desk.domain.exchange_records import ImportMessage
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.exchange_rows_pass import RowsPass

MERGES_SHEET = "Penggabungan Warga"
TOMBSTONE_REASON = "digabung oleh kabupaten"


def apply_received_merges(session: Any, ctx: ServiceContext, run: RowsPass) -> None:
    """Called by services/exchange_decisions.py after a district package's rows are stored, in its transaction."""
    stored = set(run.present.get("person_merge", set()))
    stored |= set(run.applied_ids.get("person_merge", ()))
    for merge in repo.merges_by_ids(session, sorted(stored)):
        if merge.deleted_at is not None or merge.decision != MergeDecision.DIGABUNG.value:
            continue
        person = repo.local_person(session, merge.duplicate_person_id)
        if person is None or person.deleted:
            continue  # the survivor's village, or the tombstone is already made
        survivor = _other_side(merge.snapshot, "survivor")
        if person.head_of_household:
            repo.flag_duplicate_of(session, person.person_id, merge.survivor_person_id)
            run.messages.append(ImportMessage(MERGES_SHEET, None, None, "GABUNG_KEPALA_KELUARGA", (
                f"Kabupaten memutuskan data {person.name} (kepala keluarga {person.household_number}) sama dengan data "
                f"di {survivor}. Data ini belum dihapus agar keluarganya tetap punya kepala keluarga: ajukan "
                "pergantian kepala keluarga, lalu keluarkan anggota ini."), "warning"))
            continue
        repo.tombstone_person(session, person.person_id, merge.survivor_person_id, at=run.now,
                              by=f"paket:{run.sender}", today=run.today, reason=TOMBSTONE_REASON)
        run.messages.append(ImportMessage(MERGES_SHEET, None, None, "DIGABUNG", (
            f"Data {person.name} ({person.household_number}) digabung dengan data di {survivor} atas keputusan "
            "kabupaten; data ini kini tercatat sebagai terhapus."), "info"))


def _other_side(snapshot: dict[str, Any] | None, key: str) -> str:
    side = (snapshot or {}).get(key) or {}
    village = side.get("village_name") or side.get("village_code") or "desa lain"
    return f"Desa {village}" if not str(village).lower().startswith(("desa", "kel")) else str(village)


def household_merges(ctx: ServiceContext, household_id: str) -> list[MergeNotice]:
    """The merges that concern a household's members, as its page shows them (newest first)."""
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        person_ids = repo.household_person_ids(session, household_id)
        local = set(person_ids)
        notices = []
        for merge in repo.merges_touching(session, person_ids):
            is_duplicate = merge.duplicate_person_id in local
            mine, theirs = ("duplicate", "survivor") if is_duplicate else ("survivor", "duplicate")
            snapshot = merge.snapshot or {}
            notices.append(MergeNotice(
                merge_id=merge.id, local_is_duplicate=is_duplicate,
                local_name=str((snapshot.get(mine) or {}).get("name") or ""),
                other_name=str((snapshot.get(theirs) or {}).get("name") or ""),
                other_village=_other_side(snapshot, theirs), decided_on=_local_date(merge.decided_at),
            ))
    return notices


def _local_date(moment: Any) -> date:
    return moment.astimezone(local_zone()).date()
