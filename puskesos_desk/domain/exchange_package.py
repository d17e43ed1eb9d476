"""An exchange package's identity and the rules an import applies to it (docs/exchange-format.md §1, §5, §7).

Pure: the `_meta` fields and their parsing, why a package is refused (a machine code and a Bahasa message each),
how a row is classified against the receiver's copy of its record, and the acknowledgement ranges a return package
carries. The services read files and databases; every decision about what a row *is* is made here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from puskesos_desk.domain.canonical import FORMAT_ID
from puskesos_desk.domain.enums import PackageKind
from puskesos_desk.domain.errors import InputRejected

FORMAT_VERSION = 2  # 2: holidays, the village DTSEN slice and merges in district packages; audit_prior
OLDEST_VERSION = 2  # a version-1 district package lacks sheets a village now acts on (merges): refused
META_SHEET = "_meta"
MANIFEST_HEADER = ("sheet", "id", "hash")
ROWS_PREFIX = "rows."
# Optional `_meta` fields (§_meta; readers that do not know them ignore them, so the format stays version 1):
ENROLMENT_CARD = "enrolment_card"  # a village's site card, while its set-up-file enrolment is open
ENROLMENT_PROOF = "enrolment_proof"  # HMAC-SHA256 of that card under the key derived from the enrolment code
SENDER_CARD = "sender_card"  # a district's site card, so a village can trust it after confirming the fingerprint
REQUIRE_PASSWORD_FIELD = "require_password"  # "1"/"0" in district packages: exports must carry a password


class Scope(StrEnum):
    DELTA = "DELTA"
    FULL = "FULL"


class RowClass(StrEnum):
    """What an incoming row is to the receiver (§7.3). STALE: the receiver already holds a later version of the
    record from the same sender (an out-of-order package); it is skipped like an identical row."""

    NEW = "new"
    IDENTICAL = "identical"
    CHANGED = "changed"
    CONFLICT = "conflict"
    EDITED = "edited"
    REJECTED = "rejected"
    STALE = "stale"


ROW_CLASS_LABELS: dict[RowClass, str] = {
    RowClass.NEW: "baru", RowClass.IDENTICAL: "sama", RowClass.CHANGED: "berubah", RowClass.CONFLICT: "konflik",
    RowClass.EDITED: "diubah di luar aplikasi", RowClass.REJECTED: "ditolak", RowClass.STALE: "versi lama",
}


class ImportStatus(StrEnum):
    APPLIED = "applied"
    WOULD_APPLY = "would-apply"
    ALREADY_APPLIED = "already-applied"
    REJECTED = "rejected"


# --- refusals ---------------------------------------------------------------------------------------------------

_RESEND = "minta pengirim mengirim ulang paket dari aplikasi"
REFUSALS: dict[str, str] = {
    "NOT_A_PACKAGE": "Buku kerja ini bukan paket pertukaran Puskesos Desk (lembar _meta tidak ada). Pilih berkas "
    f"paket yang dibuat aplikasi, atau {_RESEND}.",
    "META_DAMAGED": f"Keterangan paket (lembar _meta) rusak atau tidak lengkap ({{detail}}); {_RESEND}.",
    "PAST_VERSION": "Paket ini dibuat dengan format versi {version} oleh versi lama Puskesos Desk; aplikasi ini "
    "memerlukan versi {known}. Minta pengirim memperbarui Puskesos Desk lalu membuat paketnya lagi.",
    "FUTURE_VERSION": "Paket ini dibuat dengan format versi {version}, lebih baru dari yang dikenal aplikasi ini "
    "(versi {known}). Perbarui Puskesos Desk terlebih dahulu, lalu impor lagi.",
    "OWN_PACKAGE": "Paket ini dibuat oleh situs ini sendiri; yang diimpor adalah paket dari situs lain.",
    "WRONG_RECEIVER": "Paket ini ditujukan untuk {receiver}, bukan untuk situs ini ({own}). Pastikan berkasnya "
    "benar.",
    "WRONG_KIND": "Paket jenis {kind} tidak dapat diimpor di situs {role}.",
    "UNKNOWN_SENDER": "Pengirim paket ini ({sender}) belum dipercaya. Sidik jari kuncinya: {fingerprint}. "
    "Percayai kartu situsnya dulu (Pengaturan → Situs tepercaya) setelah mencocokkan sidik jari ini lewat telepon.",
    "KEY_MISMATCH": "Paket ini ditandatangani dengan kunci lain ({fingerprint}) daripada kunci {sender} yang "
    "dipercaya ({trusted}). Paket tidak diimpor; hubungi pengirim lewat telepon.",
    "BAD_SIGNATURE": "Tanda tangan paket tidak cocok: keterangan paket atau daftar barisnya telah diubah atau "
    f"rusak. Paket tidak diimpor; {_RESEND}.",
    "MISSING_SHEET": f"Lembar '{{sheet}}' tidak ada di paket ini; {_RESEND}.",
    "MISSING_COLUMN": "Kolom wajib '{column}' tidak ada di lembar '{sheet}' (mungkin terhapus saat dibuka di Excel); "
    f"{_RESEND}.",
    "MANIFEST_MISMATCH": "Isi paket tidak sesuai dengan daftar barisnya: {detail}. Ada baris yang ditambah atau "
    f"dihapus di luar aplikasi; {_RESEND}.",
    "CANCELLED": "Impor dibatalkan; tidak ada data yang berubah.",
    "PASSWORD_REQUIRED": "Paket ini tidak dilindungi kata sandi, padahal kabupaten/kota mewajibkan paket pertukaran "
    "dilindungi kata sandi. Paket tidak diimpor; minta desa membuat paketnya lagi dengan \"Lindungi dengan kata "
    "sandi\" dan memberitahukan kata sandinya lewat telepon.",
}


# Refusals whose detail is a Bahasa sentence for the user (the others' details are technical or already in the text).
_DETAIL_APPENDED = frozenset({"UNKNOWN_SENDER"})


class PackageRefused(InputRejected):
    """The whole package is refused before any row is applied. `code` is a key of REFUSALS."""

    def __init__(self, code: str, *, detail: str | None = None, **context: object) -> None:
        message = REFUSALS[code].format(detail=detail or "", **context)
        if detail and code in _DETAIL_APPENDED:
            message = f"{message} {detail}"
        super().__init__(message, detail=detail)
        self.code = code
        self.context = dict(context)


# --- the _meta fields -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageMeta:
    package_id: str
    kind: PackageKind
    sender_site: str
    sender_name: str
    sender_key_fingerprint: str
    receiver_site: str
    sequence: int
    previous_package_id: str
    scope: Scope
    created_at: str  # ISO-8601 UTC, kept as written: it is signed text
    app_version: str
    rows: dict[str, int]
    audit_head: str
    acknowledged: str = ""  # the receiver's packages to the sender that the sender has applied: "1-6,8"
    format_version: int = FORMAT_VERSION
    signature: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # fields a newer minor writer added; signed all the same

    def fields(self) -> dict[str, str]:
        """Every field as text, in the form `_meta` and the custom properties carry (signature included)."""
        values = {
            "format": FORMAT_ID, "format_version": str(self.format_version), "package_id": self.package_id,
            "kind": self.kind.value, "sender_site": self.sender_site, "sender_name": self.sender_name,
            "sender_key_fingerprint": self.sender_key_fingerprint, "receiver_site": self.receiver_site,
            "sequence": str(self.sequence), "previous_package_id": self.previous_package_id,
            "scope": self.scope.value, "created_at": self.created_at, "app_version": self.app_version,
            "audit_head": self.audit_head, "acknowledged": self.acknowledged,
        }
        values.update({f"{ROWS_PREFIX}{sheet}": str(count) for sheet, count in self.rows.items()})
        values.update(self.extra)
        if self.signature:
            values["signature"] = self.signature
        return values

    @classmethod
    def parse(cls, pairs: Mapping[str, str]) -> PackageMeta:
        """The meta of a package from its `_meta` key/value pairs. Raises PackageRefused."""
        if pairs.get("format") != FORMAT_ID:
            raise PackageRefused("NOT_A_PACKAGE")
        version = _integer(pairs, "format_version")
        if version > FORMAT_VERSION:
            raise PackageRefused("FUTURE_VERSION", version=version, known=FORMAT_VERSION)
        if version < 1:
            raise PackageRefused("META_DAMAGED", detail="format_version")
        if version < OLDEST_VERSION:
            raise PackageRefused("PAST_VERSION", version=version, known=FORMAT_VERSION)
        try:
            kind = PackageKind(pairs.get("kind", ""))
            scope = Scope(pairs.get("scope", ""))
        except ValueError:
            raise PackageRefused("META_DAMAGED", detail="kind/scope") from None
        for key in ("package_id", "sender_site", "receiver_site", "created_at", "signature"):
            if not pairs.get(key):
                raise PackageRefused("META_DAMAGED", detail=key)
        rows = {key[len(ROWS_PREFIX):]: _integer(pairs, key) for key in pairs if key.startswith(ROWS_PREFIX)}
        known = {"format", "format_version", "package_id", "kind", "sender_site", "sender_name",
                 "sender_key_fingerprint", "receiver_site", "sequence", "previous_package_id", "scope", "created_at",
                 "app_version", "audit_head", "acknowledged", "signature"}
        extra = {k: v for k, v in pairs.items() if k not in known and not k.startswith(ROWS_PREFIX)}
        return cls(
            package_id=pairs["package_id"], kind=kind, sender_site=pairs["sender_site"],
            sender_name=pairs.get("sender_name", ""), sender_key_fingerprint=pairs.get("sender_key_fingerprint", ""),
            receiver_site=pairs["receiver_site"], sequence=_integer(pairs, "sequence"),
            previous_package_id=pairs.get("previous_package_id", ""), scope=scope, created_at=pairs["created_at"],
            app_version=pairs.get("app_version", ""), rows=rows, audit_head=pairs.get("audit_head", ""),
            acknowledged=pairs.get("acknowledged", ""), format_version=version, signature=pairs["signature"],
            extra=extra,
        )


def _integer(pairs: Mapping[str, str], key: str) -> int:
    """Integers arrive as text; a LibreOffice re-save may have turned "7" into "7.0"."""
    try:
        number = float(pairs.get(key, ""))
    except ValueError:
        raise PackageRefused("META_DAMAGED", detail=key) from None
    if not number.is_integer():
        raise PackageRefused("META_DAMAGED", detail=key)
    return int(number)


# --- classification ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReceiverCopy:
    """What the receiver knows of a record an incoming row names."""

    version: int
    same_content: bool  # every carried field (deletion included) equals the incoming row's
    peer_version: int | None  # the sender's version of the record as the receiver last learnt it


def classify(copy: ReceiverCopy | None, *, row_version: int, base_version: int) -> RowClass:
    """The class of a valid row whose hash matches (§7.3); never last-write-wins."""
    if copy is None:
        return RowClass.NEW
    if copy.same_content:
        return RowClass.IDENTICAL
    if copy.peer_version is not None and row_version <= copy.peer_version:
        return RowClass.STALE  # a later version from the same sender arrived first
    if copy.version == base_version:
        return RowClass.CHANGED
    if copy.peer_version is not None and copy.version == copy.peer_version:
        # The receiver still holds exactly what this sender sent last: it changed nothing since, whatever base the
        # sender wrote (it may not have seen the receiver's acknowledgement yet).
        return RowClass.CHANGED
    return RowClass.CONFLICT


def resolved_version(receiver_version: int, sender_version: int) -> int:
    """The version a record takes when a conflict is decided: above both sides, so each sees it as newer."""
    return max(receiver_version, sender_version) + 1


# --- acknowledgement ranges -------------------------------------------------------------------------------------

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")


def format_ranges(numbers: Iterable[int]) -> str:
    """{1, 2, 3, 5} → "1-3,5"."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = previous = None
    for number in ordered:
        if previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = number
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}-{previous}")
    return ",".join(parts)


def parse_ranges(text: str, *, limit: int = 1_000_000) -> set[int]:
    """"1-3,5" → {1, 2, 3, 5}. Malformed parts are ignored (acknowledgements are advisory); ranges are capped."""
    numbers: set[int] = set()
    for part in text.split(","):
        match = _RANGE.match(part)
        if not match:
            continue
        start = int(match[1])
        end = int(match[2]) if match[2] else start
        if end < start or end - start > limit:
            continue
        numbers.update(range(start, end + 1))
    return numbers


def missing_sequences(received: Iterable[int], sequence: int) -> list[int]:
    """The sequences below `sequence` not yet received from the sender: warnings, never refusals."""
    have = set(received)
    return [n for n in range(1, sequence) if n not in have]
