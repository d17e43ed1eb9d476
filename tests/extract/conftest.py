"""The extract tests import into the shared site fixture (Desa Sumogawe, Kec. Getasan, Kab. Semarang)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from puskesos_desk.domain.extract_records import ExtractOutcome

SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")
EXTRACT_TABLES = ("register_batch", "register_record", "register_issue")


def query(path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def extract_state(path: Path) -> dict[str, list[tuple]]:
    """Everything the extract tables hold, to show a refused import changed nothing."""
    return {table: sorted(query(path, f'SELECT * FROM "{table}"'), key=repr) for table in EXTRACT_TABLES}


def assert_no_unmasked_ids(outcome: ExtractOutcome) -> None:
    for message in outcome.messages:
        assert not SIXTEEN_DIGITS.search(message.message), message.message
