"""What a village does with the district's decisions once a return package's rows are in: the consequences that
are more than storing a row.

The rows pass stores the district's rows as they are (a change request now DISETUJUI, a merge). Acting on them —
applying an approved household change to the village's persons and memberships, turning a merged person into a
tombstone that points to the survivor — happens here, in the same transaction, so a package applies whole or not
at all. Each kind of decision has its own module; this one only calls them in order.
"""

from __future__ import annotations

from typing import Any

from puskesos_desk.services.change_arrivals import apply_received_change_decisions
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_rows_pass import RowsPass
from puskesos_desk.services.merge_arrivals import apply_received_merges
from puskesos_desk.services.return_extract import apply_extract_slice


def apply_district_decisions(session: Any, ctx: ServiceContext, run: RowsPass) -> None:
    """Called by the import after every row of a district → village package is stored, before it is recorded."""
    # Each decision kind adds its call here: household change requests, then merges of duplicates.
    apply_received_change_decisions(session, ctx, run)
    apply_received_merges(session, ctx, run)
    apply_extract_slice(session, ctx, run)  # the village's slice of the district's DTSEN extract
