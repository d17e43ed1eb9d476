"""The bounded reader: rows come back complete, in order and with the importer's types; a reader process that
dies or hangs becomes an UnsafeWorkbook and the application carries on."""

from __future__ import annotations

import dataclasses
import gc
import subprocess
import sys
import threading
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from puskesos_desk.spreadsheet import guard
from puskesos_desk.spreadsheet import reader as reader_module
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook
from puskesos_desk.spreadsheet.guard import Limits, decrypt_to, inspect_xlsx
from puskesos_desk.spreadsheet.reader import SheetBatch, read_sheets
from spreadsheet import hostile

pytestmark = pytest.mark.timeout(120)


def rows_of(batches: list[SheetBatch], sheet: str) -> list[tuple[object, ...]]:
    return [row for batch in batches if batch.sheet == sheet for row in batch.rows]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return hostile.good_workbook(tmp_path / "baik.xlsx")


def test_values_come_back_with_the_importers_types(good: Path) -> None:
    batches = list(read_sheets(good))

    header, siti, budi = rows_of(batches, "Anggota Keluarga")
    assert header == ("nik", "nama", "lahir", "anak", "berat", "kunjungan", "catatan", "aktif")
    assert siti == (
        "3322014505800003",
        "Siti Aminah",
        date(1980, 5, 5),
        3,
        52.5,
        datetime(2026, 11, 2, 9, 30),
        None,
        True,
    )
    assert budi == ("0012345678901234", "Budi", date(2001, 1, 31), 0, 60, datetime(2026, 11, 3, 14, 0), "=1+1", False)
    assert type(siti[3]) is int and type(budi[4]) is int  # calamine's 3.0 and 60.0, integral
    assert type(siti[2]) is date  # a date-only cell is a date, not a datetime


def test_every_worksheet_is_read_hidden_ones_included(good: Path) -> None:
    batches = list(read_sheets(good))

    assert [batch.sheet for batch in batches] == ["Anggota Keluarga", "Rumah Tangga", "_meta"]
    assert rows_of(batches, "_meta") == [("format", 3)]
    assert inspect_xlsx(good).sheet("_meta").hidden  # type: ignore[union-attr]


def test_rows_keep_their_numbers_and_columns_when_data_starts_lower_right(tmp_path: Path) -> None:
    rows = (
        '<row r="3"><c r="C3" t="inlineStr"><is><t>x</t></is></c><c r="D3"><v>1</v></c></row>'
        '<row r="5"><c r="E5"><v>2.5</v></c></row>'
    )
    batches = list(read_sheets(hostile.one_sheet(tmp_path / "geser.xlsx", rows)))

    assert [(batch.first_row, len(batch.rows)) for batch in batches] == [(1, 5)]
    table = batches[0].rows
    assert table[2] == (None, None, "x", 1, None)  # row 3, index 0 is column A
    assert table[4] == (None, None, None, None, 2.5)
    assert table[0] == table[1] == table[3] == (None,) * 5


def test_a_lying_dimension_does_not_change_what_is_read(tmp_path: Path) -> None:
    rows = hostile.cells(1, "a", "b") + hostile.cells(2, 1, 2)
    path = hostile.write_package(tmp_path / "dim.xlsx", {"Data": hostile.sheet_xml(rows, dimension="A1:XFD1048576")})

    assert rows_of(list(read_sheets(path)), "Data") == [("a", "b"), (1, 2)]


def test_three_sheets_in_batches_give_every_row_once_in_order(tmp_path: Path) -> None:
    counts = {"Satu": 2_345, "Dua": 1, "Tiga": 1_000}
    path = hostile.multi_sheet(tmp_path / "tiga.xlsx", counts)

    batches = list(read_sheets(path, ["Tiga", "Satu", "Dua"], batch_rows=500))

    assert all(len(batch.rows) <= 500 for batch in batches)
    for index, (name, count) in enumerate(counts.items()):
        mine = [batch for batch in batches if batch.sheet == name]
        assert [batch.first_row for batch in mine] == list(range(1, count + 1, 500))
        numbered = [(batch.first_row + at, row) for batch in mine for at, row in enumerate(batch.rows)]
        assert numbered == [(number, (index, number, f"baris {number}")) for number in range(1, count + 1)]
    assert [batch.sheet for batch in batches] == ["Tiga"] * 2 + ["Satu"] * 5 + ["Dua"]  # the order asked


def test_a_batch_too_big_for_one_frame_arrives_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_FRAME_BYTES", 4096)  # the reader process is told the same limit
    path = hostile.multi_sheet(tmp_path / "lebar.xlsx", {"A": 1_000})

    batches = list(read_sheets(path, batch_rows=500))

    assert len(batches) > 2
    numbered = [(batch.first_row + at, row[1]) for batch in batches for at, row in enumerate(batch.rows)]
    assert numbered == [(number, number) for number in range(1, 1_001)]


def test_an_unknown_sheet_is_refused_by_name(good: Path) -> None:
    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(good, ["Kunjungan"]))
    assert caught.value.code == "NO_SHEET"
    assert "'Kunjungan'" in caught.value.message


def test_the_guard_runs_before_the_reader(tmp_path: Path) -> None:
    # calamine would abort on this cell; the guard's code proves it never got the file.
    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(hostile.far_cell(tmp_path / "jauh.xlsx", "XFD1048576")))
    assert caught.value.code == "FAR_CELLS"


def test_a_shape_from_before_a_change_does_not_skip_the_guard(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "paket.xlsx"
    path.write_bytes(good.read_bytes())
    shape = inspect_xlsx(path)
    hostile.far_cell(path, "XFD1048576")  # the file is replaced after it was inspected

    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(path, shape=shape))
    assert caught.value.code == "FAR_CELLS"


def test_a_hand_made_shape_does_not_skip_the_guard(tmp_path: Path, good: Path) -> None:
    path = hostile.far_cell(tmp_path / "jauh.xlsx", "XFD1048576")
    # Everything matches this file except that inspect_xlsx did not make it.
    forged = dataclasses.replace(inspect_xlsx(good), path=path, file_stamp=guard._stamp(path))

    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(path, shape=forged))
    assert caught.value.code == "FAR_CELLS"


def test_a_current_shape_is_used_as_it_is(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shape = inspect_xlsx(good)

    def guard_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("inspected twice")

    monkeypatch.setattr(reader_module, "inspect_xlsx", guard_again)
    assert len(list(read_sheets(good, ["Rumah Tangga"], shape=shape))) == 1


def test_a_password_protected_workbook_reads_after_decryption(tmp_path: Path, good: Path) -> None:
    sealed = hostile.encrypted(good, tmp_path / "sandi.xlsx", "Rahasia-123")
    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(sealed))
    assert caught.value.code == "ENCRYPTED"

    opened = decrypt_to(sealed, "Rahasia-123", tmp_path / "terbuka.xlsx")

    assert rows_of(list(read_sheets(opened)), "Rumah Tangga") == [
        ("kk", "alamat"),
        ("3322010101000001", "Dusun Krajan"),
    ]


def test_a_file_calamine_rejects_is_a_reader_failure(tmp_path: Path) -> None:
    path = hostile.one_sheet(tmp_path / "bool.xlsx", '<row r="1"><c r="A1" t="b"><v>x</v></c></row>')

    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(path))

    assert caught.value.code == "READER_FAILED"
    assert "boolean" in (caught.value.detail or "")


@pytest.mark.skipif(
    sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux only (Windows has none: the guard is the defence)"
)
def test_a_reader_killed_by_its_memory_limit_leaves_the_application_running(tmp_path: Path, good: Path) -> None:
    # 50,000 rows x 300 columns passes the guard (15 M cells) but calamine wants a 480 MB grid: under a 256 MiB
    # address-space limit its allocation fails and the reader process aborts.
    path = hostile.one_sheet(
        tmp_path / "berat.xlsx", hostile.cells(1, 1) + '<row r="50000"><c r="KN50000"><v>1</v></c></row>'
    )
    limits = Limits(reader_memory_bytes=256 << 20)

    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(path, limits=limits))

    assert caught.value.code == "READER_FAILED"
    assert "exit status" in (caught.value.detail or "")
    assert rows_of(list(read_sheets(good, ["_meta"])), "_meta") == [("format", 3)]  # and life goes on


def test_a_reader_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    path = hostile.multi_sheet(tmp_path / "lama.xlsx", {"A": 20_000})  # parsing alone takes far more than 1 ms

    with pytest.raises(UnsafeWorkbook) as caught:
        list(read_sheets(path, limits=Limits(reader_timeout_s=0.001)))

    assert caught.value.code == "TIMEOUT"
    assert "0.001 detik" in caught.value.message


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every reader process started during the test, in order."""
    processes: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        process = real_popen(*args, **kwargs)  # type: ignore[call-overload]
        processes.append(process)
        return process

    monkeypatch.setattr(reader_module.subprocess, "Popen", recording_popen)
    return processes


def test_an_abandoned_read_stops_its_reader(tmp_path: Path, started: list[subprocess.Popen[bytes]]) -> None:
    path = hostile.multi_sheet(tmp_path / "banyak.xlsx", {"A": 5_000, "B": 5_000})

    batches = read_sheets(path, batch_rows=100)
    assert next(batches).first_row == 1
    batches.close()

    assert len(started) == 1
    assert started[0].returncode is not None  # killed and reaped, not left running


def test_a_standby_reader_serves_the_read_that_takes_it_and_an_unused_one_is_stopped(
        good: Path, started: list[subprocess.Popen[bytes]]) -> None:
    used, unused = reader_module.StandbyReader(intake=True), reader_module.StandbyReader()
    assert len(started) == 2 and "--intake" in started[0].args and "--intake" not in started[1].args

    people = "Anggota Keluarga"
    read = reader_module.SheetRead(good, [people], shape=inspect_xlsx(good), standby=used)
    try:
        assert rows_of(list(read.batches()), people) == rows_of(list(read_sheets(good, [people])), people)
    finally:
        read.close()
    unused.close()

    assert len(started) == 3  # the read above started none of its own; read_sheets did
    assert all(process.returncode is not None for process in started)  # each ended and reaped
    with pytest.raises(ValueError, match="taken or closed"):
        used.take(guard.DEFAULT_LIMITS)
    other = reader_module.StandbyReader(Limits(reader_memory_bytes=guard.DEFAULT_LIMITS.reader_memory_bytes // 2))
    with pytest.raises(ValueError, match="limits it was started with"):
        reader_module.SheetRead(good, [people], standby=other)
    assert started[-1].wait(timeout=10) is not None


def test_the_intake_code_loads_without_the_rest_of_lokal_and_checks_niks_as_the_full_library_does() -> None:
    # What a reader started with --intake does before its request comes: lokal's package module is left empty.
    niks = ["3322011801180661", "3322015801180661", "9922011801180661", "3399011801180661", "3322013213180661",
            "0000000000000000", "3322011801180000", "33220118011806", "3322 0118 0118 0661", "3174094506950003"]
    program = (
        "import json, sys\n"
        "from datetime import date\n"
        "from puskesos_desk.spreadsheet.child import load_intake_code\n"
        "load_intake_code()\n"
        "from puskesos_desk.domain.nik import check_nik\n"
        "checks = [check_nik(n, today=date(2026, 11, 24)) for n in json.loads(sys.argv[1])]\n"
        "print(json.dumps({'samaran': 'lokal.samaran' in sys.modules, 'checks': [[c.value, [e.message for e in "
        "c.errors], [w.message for w in c.warnings]] for c in checks]}))\n"
    )
    import json

    from puskesos_desk.domain.nik import check_nik

    done = subprocess.run([sys.executable, "-c", program, json.dumps(niks)], capture_output=True, text=True,
                          timeout=60, check=True)
    lean = json.loads(done.stdout)
    full = [[c.value, [e.message for e in c.errors], [w.message for w in c.warnings]]
            for c in (check_nik(n, today=date(2026, 11, 24)) for n in niks)]
    assert lean["samaran"] is False
    assert lean["checks"] == full
    assert any(errors for _, errors, _ in full) and any(warnings for _, _, warnings in full)
    assert any(not errors and not warnings for _, errors, warnings in full)


def test_a_partial_shape_reads_only_the_sheets_it_scanned(tmp_path: Path) -> None:
    # A cell at XFD1048576 makes calamine abort when it loads that sheet: reading `_meta` beside it proves that
    # calamine opens no sheet part but the one asked for (what a partial guard relies on).
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = hostile.write_package(tmp_path / "sebagian.xlsx", {
        "_meta": hostile.sheet_xml(hostile.cells(1, "kunci", "nilai")),
        "Data": hostile.sheet_xml(hostile.cells(1, "x") + far),
    })
    partial = inspect_xlsx(path, sheets=["_meta"])

    assert rows_of(list(read_sheets(path, ["_meta"], shape=partial)), "_meta") == [("kunci", "nilai")]
    for names in (["Data"], None):
        with pytest.raises(ValueError, match="not scanned"):
            list(read_sheets(path, names, shape=partial))


def test_an_aborted_read_ends_the_wait_of_another_thread(tmp_path: Path) -> None:
    path = hostile.multi_sheet(tmp_path / "panjang.xlsx", {"A": 100_000})
    read = reader_module.SheetRead(path, ["A"], batch_rows=100)
    first_batch = threading.Event()
    outcome: list[BaseException | int] = []

    def take_all() -> None:
        taken = 0
        try:
            for batch in read.batches():
                taken += len(batch.rows)
                first_batch.set()
                time.sleep(0.01)  # slower than the reader: it is always ahead, or waiting for the pipe
        except BaseException as exc:
            outcome.append(exc)
            return
        outcome.append(taken)

    taker = threading.Thread(target=take_all)
    taker.start()
    assert first_batch.wait(30)
    read.abort()
    taker.join(30)
    read.close()

    assert not taker.is_alive()
    assert isinstance(outcome[0], UnsafeWorkbook) and outcome[0].code == "READER_FAILED"


def test_reading_in_this_process_leaves_the_collector_as_it_found_it(good: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The reader turns the cyclic collector off while it reads a sheet (child._batches); a harness reading in
    # its own process (read_in_this_process) gets it back on, also when it stops reading halfway.
    monkeypatch.setattr(reader_module, "_in_process", True)
    assert gc.isenabled()

    assert rows_of(list(read_sheets(good, ["Rumah Tangga"])), "Rumah Tangga")[0] == ("kk", "alamat")
    assert gc.isenabled()
    batches = read_sheets(good, ["Anggota Keluarga", "Rumah Tangga"], batch_rows=1)
    next(batches)
    assert not gc.isenabled()  # off while the sheet is being read
    batches.close()
    assert gc.isenabled()


MARKUP_BYTES = list(b'<>"=/ rc019AZ\x00!&;tsvf:')


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    part=st.integers(0, 50),
    edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(MARKUP_BYTES)), min_size=1, max_size=4),
)
def test_damaged_xml_gives_rows_or_a_refusal(tmp_path: Path, part: int, edits: list[tuple[float, int]]) -> None:
    """Damage inside the XML (not caught by the zip CRC): rows come back, or an UnsafeWorkbook; never a crash."""
    source = tmp_path / "asli.xlsx"
    if not source.exists():
        hostile.good_workbook(source)
    damaged = hostile.with_edited_xml(source, tmp_path / "rusak.xlsx", part, edits)

    assert outcome_of_reading(damaged) in {"rows", "CORRUPT", "DTD", "FAR_CELLS", "NO_WORKBOOK", "READER_FAILED"}


def outcome_of_reading(path: Path) -> str:
    try:
        batches = list(read_sheets(path))
    except UnsafeWorkbook as refused:
        return refused.code
    return "rows" if all(isinstance(batch.rows, list) for batch in batches) else "not rows"
