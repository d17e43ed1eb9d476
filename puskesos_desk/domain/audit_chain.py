"""The audit log's hash chain, as pure functions so that writing and verifying share one definition.

Each event's hash covers the previous event's hash and a canonical JSON of its own fields; changing or deleting
any stored event breaks every hash after it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "seq", "id", "occurred_at", "actor_id", "actor_name", "device", "action", "entity", "entity_id",
    "changes", "reason", "recipient", "purpose", "site_code",
)


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    payload = {name: fields.get(name) for name in HASHED_FIELDS}
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_json(payload).encode("utf-8"))
    return digest.hexdigest()
