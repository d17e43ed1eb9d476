"""Whether a sender's audit history continues the one it described before (issue 7).

Each package names the sender's audit-chain head ("seq:hash") and, from the second package to the same receiver
on, `audit_prior`: the head it sent in its previous package, recomputed from its log at export. A sender whose
earlier history was altered cannot recompute the head it sent before, so the receiver sees the two differ. This is
a flag for a person to follow up, never a reason to refuse a package.
"""

from __future__ import annotations

AUDIT_PRIOR_FIELD = "audit_prior"  # package meta field (docs/exchange-format.md §5)
REPORT_KEY = "audit_chain"  # the ledger entry's report
INTACT, BROKEN, UNKNOWN = "UTUH", "TERPUTUS", "BELUM_DIKETAHUI"
WORDS = {INTACT: "utuh", BROKEN: "terputus", UNKNOWN: "belum diketahui"}


def head_sequence(head: str) -> int | None:
    """The sequence of a "seq:hash" head, or None when the text is not one."""
    number, _, digest = head.partition(":")
    return int(number) if number.isdigit() and digest else None


def continuity(*, previous_head: str | None, prior: str, new_head: str) -> str:
    """INTACT, BROKEN or UNKNOWN for a package whose sender's previous package (the one right before it) carried
    `previous_head`; None when that package was not received here, so there is nothing to compare with."""
    if not previous_head or head_sequence(previous_head) is None:
        return UNKNOWN
    old_seq, new_seq = head_sequence(previous_head), head_sequence(new_head)
    if old_seq is not None and new_seq is not None and new_seq < old_seq:
        return BROKEN  # the log is shorter than it was: events were removed
    if not prior:
        return UNKNOWN  # a package from an older version of the application
    return INTACT if prior == previous_head else BROKEN
