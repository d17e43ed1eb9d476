"""The DTSEN/DTKS extract repository: the fixture loader, superseding, and what the desk reads back."""

from __future__ import annotations

from datetime import date

import pytest
from backends import rows

from puskesos_desk.data.repositories import register
from puskesos_desk.domain.errors import InputRejected

ROWS = [
    {"nik": "3322 0160 0785 0004", "kk_number": "3322-0101-0115-0007", "name": "Siti Aminah",
     "birth_date": "1985-07-20", "sex": "p", "relation": "ISTRI", "address": "Dusun Krajan", "rt": "1", "rw": 2,
     "village_code": "33.22.01.2007", "village_name": "Sumogawe", "desil_national": 3,
     "programs": {"PKH": True, "PBI_JK": {"aktif": True, "periode": "2026-Q3"}, "SEMBAKO": False},
     "family_id": "DTSEN-1"},
    {"nik": "3322011505800003", "kk_number": "3322010101150007", "name": "Hj. Slamet Rijadi",
     "birth_date": date(1980, 5, 15), "sex": "L", "relation": "KEPALA_KELUARGA", "rt": "001", "rw": "002",
     "desil_national": 3, "programs": {"PKH": "YA"}, "family_id": "DTSEN-1"},
    {"nik": None, "name": "Painem", "birth_date": None, "rt": "", "rw": "", "family_id": "DTSEN-2"},
]


def _load(site_db, rows, *, dataset="DTSEN", as_of=date(2026, 9, 30)) -> str:
    with site_db.db.transaction(site_db.cli.actor) as session:
        return register.load_register_rows(session, dataset=dataset, as_of=as_of, file_name="ekstrak.xlsx",
                                           rows=rows)


def _rows(site_db, sql: str, *args: object) -> list[tuple]:
    return rows(site_db, sql, *args)


def test_loader_stores_a_batch_and_normalised_rows(site_db) -> None:
    batch_id = _load(site_db, ROWS)
    assert _rows(site_db, "SELECT dataset, as_of, file_name, rows_total, rows_imported, status, length(sha256) "
                          "FROM register_batch") == [("DTSEN", "2026-09-30", "ekstrak.xlsx", 3, 3, "AKTIF", 64)]
    stored = _rows(site_db, "SELECT nik, kk_number, name, name_key, birth_date, sex, rt, rw, desil_national "
                            "FROM register_record WHERE batch_id = ? ORDER BY id", batch_id)
    assert stored == [
        ("3322016007850004", "3322010101150007", "SITI AMINAH", "SITI AMINAH", "1985-07-20", "P", "001", "002", 3),
        ("3322011505800003", "3322010101150007", "HJ. SLAMET RIJADI", "SLAMET RIJADI", "1980-05-15", "L", "001",
         "002", 3),
        (None, None, "PAINEM", "PAINEM", None, None, "", "", None),
    ]
    # The batch itself is audited (the desk index watches for it); the rows are bulk data, not audited one by one.
    assert _rows(site_db, "SELECT count(*) FROM audit_event WHERE entity = 'register_batch' AND entity_id = ?",
                 batch_id) == [(1,)]
    with site_db.db.reading() as session:
        entries = register.active_entries(session)
    assert [e.programs for e in entries] == [("PBI_JK", "PKH"), ("PKH",), ()]
    assert {(e.dataset, e.as_of, e.batch_id) for e in entries} == {("DTSEN", date(2026, 9, 30), batch_id)}


def test_new_batch_replaces_the_active_one_of_the_same_dataset(site_db) -> None:
    first = _load(site_db, ROWS[:1], as_of=date(2026, 6, 30))
    dtks = _load(site_db, ROWS[2:], dataset="DTKS", as_of=date(2024, 12, 1))
    second = _load(site_db, ROWS[1:2], as_of=date(2026, 9, 30))
    statuses = dict(_rows(site_db, "SELECT id, status FROM register_batch"))
    assert statuses == {first: "DIGANTI", dtks: "AKTIF", second: "AKTIF"}
    with site_db.db.reading() as session:
        active = register.active_entries(session)
        assert {e.batch_id for e in active} == {dtks, second}
        assert [b.status for b in register.batches(session, dataset="DTSEN")] == ["AKTIF", "DIGANTI"]
        assert register.active_with_nik(session, "3322016007850004") == []
    # The superseded rows are kept (the import issue decides when to purge them), just not searched.
    assert _rows(site_db, "SELECT count(*) FROM register_record WHERE batch_id = ?", first) == [(1,)]


def test_family_entries_follow_the_family_id(site_db) -> None:
    _load(site_db, ROWS)
    with site_db.db.reading() as session:
        first = register.active_entries(session)[0]
        family = register.family_entries(session, first.record_id)
    assert [e.name for e in family] == ["SITI AMINAH", "HJ. SLAMET RIJADI"]


@pytest.mark.parametrize(("dataset", "rows", "message"), [
    ("BDT", ROWS, "Jenis data"),
    ("DTSEN", [*ROWS, {"nik": "3322011505800003", "name": "  "}], "Baris 4"),
])
def test_bad_batches_are_refused_and_nothing_is_stored(site_db, dataset, rows, message) -> None:
    _load(site_db, ROWS[:1])
    with pytest.raises(InputRejected, match=message):
        _load(site_db, rows, dataset=dataset)
    assert _rows(site_db, "SELECT status FROM register_batch") == [("AKTIF",)]
    assert _rows(site_db, "SELECT count(*) FROM register_record") == [(1,)]
