"""The exchange sheets cover every field of every table they carry, so a round trip loses nothing."""

from __future__ import annotations

import pytest

from puskesos_desk.data.orm.base import Base
from puskesos_desk.domain.exchange_sheets import (
    DISTRICT_SHEETS,
    HUMAN_NUMBER_FIELD,
    LOCAL_ONLY,
    SYSTEM_COLUMNS,
    VILLAGE_SHEETS,
    ColumnKind,
    SheetSpec,
)

RECORD_COLUMNS = {"id", "created_at", "created_by", "updated_at", "updated_by", "row_version", "deleted_at",
                  "deleted_by", "deleted_reason", "origin_site"}
SHEETS = {spec.name: spec for spec in (*VILLAGE_SHEETS, *DISTRICT_SHEETS)}.values()


@pytest.mark.parametrize("spec", SHEETS, ids=lambda s: s.name)
def test_every_field_of_the_table_travels_or_is_declared_local(spec: SheetSpec) -> None:
    table = Base.metadata.tables[spec.table]
    fields = {c.name for c in table.columns} - RECORD_COLUMNS - set(LOCAL_ONLY.get(spec.table, ()))
    own = {c.key for c in spec.columns}
    if "number" in fields:
        own.add("number")  # carried by the NOMOR system column
    assert fields == own, (spec.name, sorted(fields ^ own))
    assert spec.table not in HUMAN_NUMBER_FIELD or HUMAN_NUMBER_FIELD[spec.table] in fields


@pytest.mark.parametrize("spec", SHEETS, ids=lambda s: s.name)
def test_keys_and_headers_are_unique_and_identity_numbers_are_text(spec: SheetSpec) -> None:
    assert len(set(spec.keys)) == len(spec.keys)
    headers = [c.header for c in (*SYSTEM_COLUMNS, *spec.columns)]
    assert len(set(headers)) == len(headers)
    for column in spec.columns:
        if column.key in {"nik", "kk_number", "phone", "card_number", "rt", "rw", "village_code", "postal_code"}:
            assert column.kind is ColumnKind.ID_TEXT, column.key


def test_sheet_names_fit_excel_and_parents_come_before_children() -> None:
    for spec in SHEETS:
        assert len(spec.name) <= 31 and not set(spec.name) & set("[]:*?/\\")
    order = [spec.table for spec in VILLAGE_SHEETS]
    assert order.index("household") < order.index("person") < order.index("visit") < order.index("referral")
    assert order.index("referral") < order.index("referral_event")
