"""A new extract replaces the old one in one transaction; every bad input is refused with a clear message and
leaves the previous extract exactly as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from puskesos_desk.data.repositories import register
from puskesos_desk.domain.errors import Cancelled
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.services import extract_import
from puskesos_desk.services.extract_import import import_extract
from tests.extract import workbooks as wb
from tests.extract.conftest import assert_no_unmasked_ids, extract_state, query
from tests.spreadsheet import hostile


def test_reimport_replaces_the_previous_extract_of_the_same_dataset(site_db, tmp_path) -> None:
    first = import_extract(site_db.cli, wb.district_workbook(tmp_path / "oktober.xlsx"))
    dtks = import_extract(site_db.cli, wb.dtks_workbook(tmp_path / "dtks.xlsx"))
    newer_rows = [{"NIK": wb.HEAD, "NAMA": "SLAMET RIJADI", "DESA/KELURAHAN": "SUMOGAWE", "KECAMATAN": "GETASAN",
                   "DESIL NASIONAL": 2, "PKH": "Y"}]
    second = import_extract(site_db.cli, wb.district_workbook(
        tmp_path / "januari.xlsx", newer_rows, as_of_title="Keadaan per tanggal: 02 Januari 2027"))

    assert second.status == "imported"
    assert second.as_of == date(2027, 1, 2)
    assert dict(query(site_db.path, "SELECT id, status FROM register_batch")) == {
        first.batch_id: "DIGANTI", dtks.batch_id: "AKTIF", second.batch_id: "AKTIF"}
    # The old extract is purged, not kept: its batch row stays as history, its rows and issues are gone.
    assert query(site_db.path, "SELECT count(*) FROM register_record WHERE batch_id = ?", first.batch_id) == [(0,)]
    assert query(site_db.path, "SELECT count(*) FROM register_issue WHERE batch_id = ?", first.batch_id) == [(0,)]
    assert query(site_db.path, "SELECT rows_imported FROM register_batch WHERE id = ?", first.batch_id) == [(5,)]
    # Another dataset is another extract: the DTKS rows stay.
    assert query(site_db.path, "SELECT count(*) FROM register_record WHERE batch_id = ?", dtks.batch_id) == [(3,)]
    with site_db.db.reading() as session:
        dtsen = [e for e in register.active_entries(session) if e.dataset == "DTSEN"]
    assert [(e.nik, e.desil, e.as_of) for e in dtsen] == [(wb.HEAD, 2, date(2027, 1, 2))]
    events = query(site_db.path, "SELECT action, entity, entity_id, purpose FROM audit_event "
                                 "WHERE action = 'IMPORT' ORDER BY seq")
    assert [(action, entity, entity_id) for action, entity, entity_id, _ in events] == [
        ("IMPORT", "register_batch", first.batch_id), ("IMPORT", "register_batch", dtks.batch_id),
        ("IMPORT", "register_batch", second.batch_id)]


def _empty_sheet(path: Path) -> Path:
    return wb.write_table(path, (), [], sheet_name="DTSEN")


def _no_nik_column(path: Path) -> Path:
    return wb.write_table(path, ("NAMA", "ALAMAT", "DESA"), [{"NAMA": "SITI", "ALAMAT": "KRAJAN", "DESA": "X"}])


def _only_other_desa(path: Path) -> Path:
    return wb.district_workbook(path, [row for row in wb.district_rows()
                                       if row.get("DESA/KELURAHAN") in ("TAJUK", "KOPENG")])


def _password_protected(path: Path) -> Path:
    return hostile.encrypted(wb.district_workbook(path.with_name("plain.xlsx")), path, "rahasia-dinsos")


def _broken(path: Path) -> Path:
    return hostile.truncated(wb.district_workbook(path.with_name("whole.xlsx")), path)


def _only_header(path: Path) -> Path:
    return wb.district_workbook(path, [])


def _all_damaged(path: Path) -> Path:
    return wb.district_workbook(path, [{"NIK": int(wb.HEAD), "NAMA": "SLAMET", "DESA/KELURAHAN": "SUMOGAWE"},
                                       {"NIK": "3.32201E+15", "NAMA": "SITI", "DESA/KELURAHAN": "SUMOGAWE"}])


@pytest.mark.parametrize(("make", "code", "words"), [
    (_empty_sheet, "empty_sheet", "kosong"),
    (_no_nik_column, "no_nik_column", "kolom NIK"),
    (_only_other_desa, "no_rows_of_village", "desa/kelurahan lain"),
    (_password_protected, "encrypted", "dilindungi kata sandi"),
    (_broken, "truncated", "terpotong"),
    (_only_header, "empty_sheet", "tidak berisi baris data"),
    (_all_damaged, "nothing_importable", "berformat Teks"),
], ids=lambda value: getattr(value, "__name__", None))
def test_bad_input_is_refused_and_the_previous_extract_stays(site_db, tmp_path, make, code, words) -> None:
    before = import_extract(site_db.cli, wb.district_workbook(tmp_path / "sebelumnya.xlsx"))
    assert before.status == "imported"
    state = extract_state(site_db.path)

    outcome = import_extract(site_db.cli, make(tmp_path / "kiriman.xlsx"))

    assert outcome.status == "rejected"
    assert outcome.exit_code == 3
    assert outcome.batch_id is None
    assert outcome.rows["imported"] == 0
    assert outcome.messages[0].code == code
    assert words in outcome.messages[0].message
    assert "paket" not in outcome.messages[0].message  # an extract is no exchange package
    assert_no_unmasked_ids(outcome)
    assert extract_state(site_db.path) == state
    refusal = query(site_db.path, "SELECT entity, reason FROM audit_event WHERE action = 'IMPORT' ORDER BY seq DESC "
                                  "LIMIT 1")
    assert refusal == [("register_extract", outcome.messages[0].message)]


def test_refusal_counts_what_it_saw(site_db, tmp_path) -> None:
    outcome = import_extract(site_db.cli, _only_other_desa(tmp_path / "lain.xlsx"))
    assert outcome.rows == {"imported": 0, "other_desa": 2, "nik_damaged": 0, "rejected": 0, "warnings": 0,
                            "total": 2}
    assert "Desa Sumogawe (33.22.01.2007)" in outcome.messages[0].message


def test_password_protected_file_imports_with_its_password(site_db, tmp_path) -> None:
    path = _password_protected(tmp_path / "terkunci.xlsx")
    outcome = import_extract(site_db.cli, path, password="rahasia-dinsos")
    assert outcome.status == "imported"
    assert outcome.rows["imported"] == 5
    wrong = import_extract(site_db.cli, path, password="salah")
    assert (wrong.status, wrong.messages[0].code) == ("rejected", "bad_password")


def test_no_as_of_date_is_refused_until_one_is_given(site_db, tmp_path) -> None:
    path = wb.district_workbook(tmp_path / "tanpa-tanggal.xlsx", as_of_title="Desa Sumogawe")
    refused = import_extract(site_db.cli, path)
    assert (refused.status, refused.messages[0].code) == ("rejected", "no_as_of")
    assert query(site_db.path, "SELECT count(*) FROM register_batch") == [(0,)]
    given = import_extract(site_db.cli, path, as_of=date(2026, 10, 1))
    assert (given.status, given.as_of) == ("imported", date(2026, 10, 1))


def test_cancel_changes_nothing(site_db, tmp_path) -> None:
    import_extract(site_db.cli, wb.dtks_workbook(tmp_path / "dtks.xlsx"))
    state = extract_state(site_db.path)

    class StopAtOnce(ProgressSink):
        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled, match="tidak berubah"):
        import_extract(site_db.cli, wb.district_workbook(tmp_path / "dtsen.xlsx"), sink=StopAtOnce())
    assert extract_state(site_db.path) == state


def test_rows_stream_in_batches_and_a_duplicate_across_batches_takes_out_both(site_db, tmp_path,
                                                                                monkeypatch) -> None:
    monkeypatch.setattr(extract_import, "BATCH_ROWS", 4)
    rows = [{"NIK": wb.nik(1, 1, 1960 + index, 100 + index), "NAMA": f"WARGA {index}",
             "DESA/KELURAHAN": "SUMOGAWE", "KECAMATAN": "GETASAN", "DESIL NASIONAL": 1 + index % 10}
            for index in range(60)]
    rows.append({**rows[1], "NAMA": "WARGA KEMBAR"})  # the second row's NIK again, many batches later
    seen: list[tuple[int, int]] = []

    class Recorder(ProgressSink):
        def progress(self, done: int, total: int, label: str) -> None:
            seen.append((done, total))

    outcome = import_extract(site_db.cli, wb.district_workbook(tmp_path / "banyak.xlsx", rows), sink=Recorder())

    assert outcome.rows == {"imported": 59, "other_desa": 0, "nik_damaged": 0, "rejected": 2, "warnings": 0,
                            "total": 61}
    assert len(seen) >= 5  # a report per batch the reader sent after the first rows
    assert seen[-1][0] == seen[-1][1]
    assert query(site_db.path, "SELECT count(*) FROM register_record WHERE nik = ?", rows[1]["NIK"]) == [(0,)]
    assert query(site_db.path, "SELECT count(*) FROM register_record") == [(59,)]
    assert sorted(m.row for m in outcome.messages if m.code == "duplicate") == [7, 66]


def test_messages_per_code_are_capped_and_the_rest_summarised(site_db, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(extract_import.MESSAGE_LIMITS, "warning", 2)
    rows = [{"NIK": " ".join([wb.nik(2, 2, 1950 + i, 200 + i)[:8], wb.nik(2, 2, 1950 + i, 200 + i)[8:]]),
             "NAMA": f"WARGA {i}", "DESA/KELURAHAN": "SUMOGAWE"} for i in range(5)]
    outcome = import_extract(site_db.cli, wb.district_workbook(tmp_path / "spasi.xlsx", rows))
    separators = [m for m in outcome.messages if m.code == "nik_separators"]
    assert [m.row for m in separators] == [6, 7, None]
    assert "3 baris lain" in separators[-1].message
    assert query(site_db.path, "SELECT count(*) FROM register_issue WHERE code = 'nik_separators'") == [(5,)]
    assert outcome.rows["warnings"] == 5
