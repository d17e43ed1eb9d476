"""The exchange-workbook writer: what people see in Excel, what readers get back, and what never reaches the file.

A workbook with every column kind and hostile texts is written once and read back with openpyxl (formats,
validations, panes, properties) and python-calamine (the values the importer will see).
"""

from __future__ import annotations

import math
import shutil
import subprocess
import tempfile
import tracemalloc
import uuid
import weakref
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import ColumnDimension
from python_calamine import CalamineWorkbook, SheetVisibleEnum

from puskesos_desk.spreadsheet.columns import MAX_ROWS, Column, ColumnKind
from puskesos_desk.spreadsheet.writer import (
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    ExchangeWorkbookWriter,
    WorkbookValueError,
)

K = ColumnKind
WIB = timezone(timedelta(hours=7))
SHEET = "Anggota Keluarga"
NIK = "3322014505800003"
NIK_LEADING_ZEROS = "0012345678901234"
HOSTILE = [
    "=1+1",
    "+62 812",
    "-",
    "@SUM(A1)",
    "\tx",
    "\rx",
    '=HYPERLINK("http://x.test","klik")',
    "{=1+1}",
    "http://x.test",
    "1e5",
    "0012",
    "-5",
    "TRUE",
    "_x0041_ bukan escape",
    "  spasi di tepi  ",
]
NAMES = ["Ñoman Śląsk Nguyễn", "王小明", "Σοφία", "Ahmad 😊"]
JOBS = tuple(f"Pekerjaan nomor {number:02d}, contoh" for number in range(1, 41))  # commas and > 255 chars: _daftar


class Status(StrEnum):
    ADA = "ADA"
    PINDAH = "PINDAH"


COLUMNS = (
    Column("nik", "NIK", K.ID_TEXT, help="Nomor Induk Kependudukan, 16 digit.", required=True),
    Column("no_kk", "No. KK", K.ID_TEXT, help="Nomor Kartu Keluarga, 16 digit."),
    Column("telepon", "Telepon", K.ID_TEXT, help="Nomor HP, boleh diawali +62."),
    Column("nama", "Nama Lengkap", K.TEXT, width=30, help="Nama sesuai KK.", required=True),
    Column("umur", "Umur", K.INT, help="Dalam tahun."),
    Column("penghasilan", "Penghasilan", K.DECIMAL, help="Rupiah per bulan."),
    Column("tanggal_lahir", "Tanggal Lahir", K.DATE, help="Tanggal lahir sesuai KK."),
    Column("diubah_pada", "Diubah Pada", K.DATETIME, help="Waktu perubahan terakhir."),
    Column("disabilitas", "Disabilitas", K.BOOL, help="Apakah penyandang disabilitas."),
    Column("status", "Status Keberadaan", K.ENUM, choices=("ADA", "PINDAH"), help="Keberadaan saat ini."),
    Column("pekerjaan", "Pekerjaan", K.ENUM, choices=JOBS, help="Pekerjaan utama."),
)


def sample_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {
            "nik": NIK,
            "no_kk": "3322010101010001",
            "telepon": "+62 812 3456 7890",
            "nama": NAMES[0],
            "umur": -5,
            "penghasilan": Decimal("-1250.5"),
            "tanggal_lahir": date(1980, 5, 5),
            "diubah_pada": datetime(2026, 11, 22, 9, 15, tzinfo=WIB),
            "disabilitas": True,
            "status": Status.ADA,
            "pekerjaan": JOBS[-1],
        },
        {
            "nik": NIK_LEADING_ZEROS,
            "no_kk": None,
            "telepon": "",
            "nama": NAMES[1],
            "umur": None,
            "penghasilan": 0.1,
            "tanggal_lahir": date(1900, 1, 1),
            "diubah_pada": datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
            "disabilitas": False,
            "status": "PINDAH",
            "pekerjaan": None,
        },
        {"nik": "-", "nama": NAMES[2], "tanggal_lahir": date(2026, 2, 28)},
        {"nik": "=1+1", "nama": NAMES[3]},
    ]
    rows += [{"nik": text, "nama": text, "telepon": text} for text in HOSTILE]
    return rows


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "paket.xlsx"
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_instructions("Paket pertukaran data", ["Berkas ini berisi data pribadi (UU 27/2022).", "Kedua."])
        assert writer.add_sheet(SHEET, COLUMNS, iter(sample_rows()), note="Satu baris per orang.") == len(sample_rows())
        writer.add_hidden_sheet("_meta", [["format_version", "1"], ["rumus", "=SUM(1)"], ["kosong", None, "7"]])
        writer.set_custom_properties({"format_version": "1", "sequence": "7", "signature": "=ab+/" * 17})
    return path


@pytest.fixture(scope="module")
def book(written: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(written)


@pytest.fixture(scope="module")
def values(written: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(written)).get_sheet_by_name(SHEET).to_python()


def column_letter(key: str) -> str:
    return get_column_letter([column.key for column in COLUMNS].index(key) + 1)


def cell(book: openpyxl.Workbook, key: str, row_index: int) -> openpyxl.cell.Cell:
    """The cell of `key` in data row `row_index` (0-based, below the header)."""
    return book[SHEET][f"{column_letter(key)}{row_index + 2}"]


# --- cells ---------------------------------------------------------------------------------------------------------


def test_nik_kk_and_phone_are_text_cells_formatted_as_text(book: openpyxl.Workbook, values: list[list[object]]) -> None:
    for key, row_index, expected in [
        ("nik", 0, NIK),
        ("nik", 1, NIK_LEADING_ZEROS),
        ("no_kk", 0, "3322010101010001"),
        ("telepon", 0, "+62 812 3456 7890"),
    ]:
        found = cell(book, key, row_index)
        assert (found.value, found.data_type, found.number_format) == (expected, "s", "@")
    assert values[1][0] == NIK and values[2][0] == NIK_LEADING_ZEROS


def column_dimension(book: openpyxl.Workbook, key: str) -> ColumnDimension:
    """The <col> entry covering a column (neighbours with equal settings share one entry)."""
    number = [column.key for column in COLUMNS].index(key) + 1
    found = [dim for dim in book[SHEET].column_dimensions.values() if dim.min <= number <= dim.max]
    assert len(found) == 1
    return found[0]


def test_whole_text_columns_are_formatted_as_text_so_later_typing_stays_text(book: openpyxl.Workbook) -> None:
    for column in COLUMNS:
        expected = {K.DATE: "dd-mm-yyyy", K.INT: "0", K.DECIMAL: "General"}.get(column.kind, "@")
        assert column_dimension(book, column.key).number_format == expected, column.key


def test_formula_like_texts_are_plain_strings(
    written: Path, book: openpyxl.Workbook, values: list[list[object]]
) -> None:
    first = len(sample_rows()) - len(HOSTILE)
    for offset, text in enumerate(HOSTILE):
        for key in ("nik", "nama", "telepon"):
            found = cell(book, key, first + offset)
            assert found.data_type == "s", (key, text)
            if "\r" not in text and "_x" not in text:  # openpyxl leaves _xHHHH_ escapes of inline strings undecoded
                assert found.value == text
        assert values[1 + first + offset][:4] == [text, "", text, text]
    with zipfile.ZipFile(written) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    assert "hyperlink" not in sheet_xml.lower().replace("=hyperlink(", "")


def test_numbers_stay_numbers_even_when_negative(book: openpyxl.Workbook, values: list[list[object]]) -> None:
    assert (cell(book, "umur", 0).value, cell(book, "umur", 0).data_type) == (-5, "n")
    assert cell(book, "penghasilan", 0).value == -1250.5
    assert cell(book, "penghasilan", 1).value == 0.1
    assert values[1][4:6] == [-5.0, -1250.5]


def test_the_largest_integer_a_spreadsheet_keeps_exactly_is_written_exactly(tmp_path: Path) -> None:
    path = tmp_path / "besar.xlsx"
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_sheet(
            "Data", [Column("n", "N", K.INT), Column("d", "D", K.DECIMAL)], [{"n": 10**15 - 1, "d": -(10**15 - 1)}]
        )
    assert openpyxl.load_workbook(path)["Data"]["A2"].value == 10**15 - 1
    assert CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data").to_python()[1] == [1e15 - 1, -(1e15 - 1)]


def test_dates_are_real_dates_shown_day_first(book: openpyxl.Workbook, values: list[list[object]]) -> None:
    for row_index, expected in [(0, date(1980, 5, 5)), (1, date(1900, 1, 1)), (2, date(2026, 2, 28))]:
        found = cell(book, "tanggal_lahir", row_index)
        assert found.is_date and found.number_format == "dd-mm-yyyy"
        assert found.value.date() == expected
        assert values[1 + row_index][6] == expected


def test_datetimes_are_exact_iso_text_with_offset(book: openpyxl.Workbook) -> None:
    assert cell(book, "diubah_pada", 0).value == "2026-11-22T09:15:00+07:00"
    assert cell(book, "diubah_pada", 1).value == "2026-01-02T03:04:05.678901+00:00"
    assert cell(book, "diubah_pada", 0).data_type == "s"


def test_bools_and_enums_are_their_codes_and_missing_values_leave_cells_empty(values: list[list[object]]) -> None:
    header, first, second = values[0], values[1], values[2]
    assert header == [column.header for column in COLUMNS]
    assert first[8:] == ["YA", "ADA", JOBS[-1]]
    assert second[8:] == ["TIDAK", "PINDAH", ""]
    assert second[1] == "" and second[2] == "" and second[4] == ""  # None, "" and None


def test_non_latin_names_round_trip(values: list[list[object]]) -> None:
    assert [row[3] for row in values[1:5]] == NAMES


# --- what people see -----------------------------------------------------------------------------------------------


def test_header_is_styled_frozen_and_filtered(book: openpyxl.Workbook) -> None:
    sheet = book[SHEET]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{column_letter('pekerjaan')}{len(sample_rows()) + 1}"
    for column in COLUMNS:
        header = sheet[f"{column_letter(column.key)}1"]
        assert header.value == column.header and header.font.b
        assert header.fill.fgColor.rgb.endswith("DDEBF7")
        assert column.help in header.comment.text
    assert "Wajib diisi" in sheet["A1"].comment.text and "Wajib diisi" not in sheet["B1"].comment.text


def test_column_widths_follow_the_model(book: openpyxl.Workbook) -> None:
    assert column_dimension(book, "nama").width == pytest.approx(30, abs=1)  # as given
    assert column_dimension(book, "nik").width == pytest.approx(20, abs=1)  # the kind's default
    assert column_dimension(book, "tanggal_lahir").width == pytest.approx(15, abs=1)  # the header is wider


def test_dropdowns_offer_the_right_lists_for_the_whole_column(book: openpyxl.Workbook) -> None:
    rules = {str(rule.sqref): rule for rule in book[SHEET].data_validations.dataValidation}
    expected = {"disabilitas": '"YA,TIDAK"', "status": '"ADA,PINDAH"', "pekerjaan": f"_daftar!$A$1:$A${len(JOBS)}"}
    assert set(rules) == {f"{column_letter(key)}2:{column_letter(key)}{MAX_ROWS}" for key in expected}
    for key, formula in expected.items():
        rule = rules[f"{column_letter(key)}2:{column_letter(key)}{MAX_ROWS}"]
        assert (rule.type, rule.formula1) == ("list", formula)
        assert rule.showErrorMessage and rule.errorStyle in (None, "stop")  # absent means stop: typing is refused
    lists = book[LISTS_SHEET]
    assert lists.sheet_state == "hidden"
    assert [row[0] for row in lists.iter_rows(values_only=True)] == list(JOBS)


@pytest.mark.parametrize(
    ("choices", "inline"),
    [
        (("a" * 127, "b" * 127), True),  # 255 characters with the comma: Excel's limit for a list written in the rule
        (("a" * 128, "b" * 127), False),
        (("a" * 126 + "😊", "b" * 127), False),  # 255 code points but 256 UTF-16 units, which is what Excel counts
        (("Ya, tentu", "Tidak"), False),  # a comma would split the value in an inline list
    ],
)
def test_long_lists_go_to_the_hidden_lists_sheet(tmp_path: Path, choices: tuple[str, ...], inline: bool) -> None:
    path = tmp_path / "daftar.xlsx"
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_sheet("Data", [Column("pilihan", "Pilihan", K.ENUM, choices=choices)], [{"pilihan": choices[0]}])
    book = openpyxl.load_workbook(path)
    [rule] = book["Data"].data_validations.dataValidation
    if inline:
        assert rule.formula1 == '"' + ",".join(choices) + '"'
        assert LISTS_SHEET not in book.sheetnames
    else:
        assert rule.formula1 == f"_daftar!$A$1:$A${len(choices)}"
        assert [row[0] for row in book[LISTS_SHEET].iter_rows(values_only=True)] == list(choices)


def test_meta_sheet_is_hidden_and_holds_plain_strings(written: Path, book: openpyxl.Workbook) -> None:
    meta = book["_meta"]
    assert meta.sheet_state == "hidden"
    assert [[c.value for c in row] for row in meta.iter_rows()] == [
        ["format_version", "1", None],
        ["rumus", "=SUM(1)", None],
        ["kosong", None, "7"],
    ]
    assert {c.data_type for row in meta.iter_rows() for c in row if c.value is not None} == {"s"}
    visibility = {sheet.name: sheet.visible for sheet in CalamineWorkbook.from_path(str(written)).sheets_metadata}
    assert visibility == {
        INSTRUCTIONS_SHEET: SheetVisibleEnum.Visible,
        SHEET: SheetVisibleEnum.Visible,
        "_meta": SheetVisibleEnum.Hidden,
        LISTS_SHEET: SheetVisibleEnum.Hidden,
    }


def test_custom_properties_are_strings(book: openpyxl.Workbook) -> None:
    found = {prop.name: (type(prop).__name__, prop.value) for prop in book.custom_doc_props.props}
    assert found == {
        "format_version": ("StringProperty", "1"),
        "sequence": ("StringProperty", "7"),
        "signature": ("StringProperty", "=ab+/" * 17),
    }


def test_petunjuk_is_first_and_explains_every_column(book: openpyxl.Workbook) -> None:
    assert book.sheetnames[0] == INSTRUCTIONS_SHEET
    assert book.active.title == INSTRUCTIONS_SHEET
    rows = list(book[INSTRUCTIONS_SHEET].iter_rows(values_only=True))
    assert rows[0][0] == "Paket pertukaran data"
    texts = [value for row in rows for value in row if value is not None]
    assert "Berkas ini berisi data pribadi (UU 27/2022)." in texts and "Kedua." in texts
    assert (SHEET, len(sample_rows()), "Satu baris per orang.") in [row[:3] for row in rows]
    documented = {row[1]: row for row in rows if row[0] == SHEET and row[1] in {c.header for c in COLUMNS}}
    assert set(documented) == {column.header for column in COLUMNS}
    for column in COLUMNS:
        assert documented[column.header][4] == column.help
    assert documented["NIK"][3] == "Ya" and documented["No. KK"][3] is None
    assert documented["Status Keberadaan"][5] == "ADA, PINDAH"
    assert "40 pilihan" in documented["Pekerjaan"][5]


def test_petunjuk_documents_every_sheet_when_no_instructions_are_given(tmp_path: Path) -> None:
    path = tmp_path / "tanpa-petunjuk.xlsx"
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_sheet("Rumah Tangga", [Column("no_kk", "No. KK", K.ID_TEXT, help="Nomor KK.")], [])
        writer.add_sheet("Kunjungan", [Column("tanggal", "Tanggal", K.DATE, help="Tanggal datang.")], [])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [INSTRUCTIONS_SHEET, "Rumah Tangga", "Kunjungan"]
    rows = list(book[INSTRUCTIONS_SHEET].iter_rows(values_only=True))
    assert ("Rumah Tangga", "No. KK") in [row[:2] for row in rows]
    assert ("Kunjungan", "Tanggal") in [row[:2] for row in rows]
    assert book["Rumah Tangga"].auto_filter.ref == "A1"  # an empty sheet keeps its header and filter


# --- streaming -----------------------------------------------------------------------------------------------------


class TrackedRow(dict[str, object]):
    """A row that can be watched with a weak reference, to see how many the writer keeps alive."""


def test_rows_are_consumed_one_at_a_time(tmp_path: Path) -> None:
    count = 50_000
    alive = 0
    most_alive = 0

    def forget() -> None:
        nonlocal alive
        alive -= 1

    def rows() -> Iterator[TrackedRow]:
        nonlocal alive, most_alive
        for number in range(count):
            row = TrackedRow(
                nik=f"{3322000000000000 + number}",
                nama=f"WARGA {number}",
                umur=number % 90,
                tanggal_lahir=date(1950, 1, 1) + timedelta(days=number % 20_000),
            )
            weakref.finalize(row, forget)
            alive += 1
            most_alive = max(most_alive, alive)
            yield row

    columns = [
        Column("nik", "NIK", K.ID_TEXT),
        Column("nama", "Nama", K.TEXT),
        Column("umur", "Umur", K.INT),
        Column("tanggal_lahir", "Tanggal Lahir", K.DATE),
    ]
    path = tmp_path / "besar.xlsx"
    with ExchangeWorkbookWriter(path) as writer:
        assert writer.add_sheet("Anggota Keluarga", columns, rows()) == count
    assert most_alive <= 2  # the row being written and the one being made; a list would hold all 50,000
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Anggota Keluarga")
    assert sheet.height == count + 1
    last = list(sheet.iter_rows())[-1]
    assert last == [
        f"{3322000000000000 + count - 1}",
        f"WARGA {count - 1}",
        float((count - 1) % 90),
        date(1950, 1, 1) + timedelta(days=(count - 1) % 20_000),
    ]


def test_memory_stays_flat_while_rows_are_written(tmp_path: Path) -> None:
    # One column keeps tracemalloc's overhead small. Holding the 20,000 converted values would take about 2.6 MiB;
    # streaming peaks near 0.1 MiB (xlsxwriter keeps one row, then appends it to a temporary file).
    rows = ({"nik": f"{3322000000000000 + number}"} for number in range(20_000))
    tracemalloc.start()
    try:
        with ExchangeWorkbookWriter(tmp_path / "datar.xlsx") as writer:
            tracemalloc.reset_peak()
            writer.add_sheet("Data", [Column("nik", "NIK", K.ID_TEXT)], rows)
            _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**20


# --- refusals ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        (Column("nik", "NIK", K.ID_TEXT), 3322014505800003.0),
        (Column("nik", "NIK", K.ID_TEXT), 3322014505800003),
        (Column("umur", "Umur", K.INT), "12"),
        (Column("umur", "Umur", K.INT), True),
        (Column("umur", "Umur", K.INT), 1.5),
        (Column("umur", "Umur", K.INT), 3322014505800003),
        (Column("uang", "Uang", K.DECIMAL), -(10**15)),
        (Column("uang", "Uang", K.DECIMAL), math.nan),
        (Column("uang", "Uang", K.DECIMAL), "1.5"),
        (Column("lahir", "Lahir", K.DATE), datetime(1980, 5, 5, 10, 0)),
        (Column("lahir", "Lahir", K.DATE), date(1899, 12, 31)),
        (Column("lahir", "Lahir", K.DATE), "1980-05-05"),
        (Column("waktu", "Waktu", K.DATETIME), datetime(2026, 11, 22, 9, 15)),
        (Column("waktu", "Waktu", K.DATETIME), "2026-11-22T09:15:00+07:00"),
        (Column("aktif", "Aktif", K.BOOL), "ya"),  # YA/TIDAK exactly are accepted as text; nothing else
        (Column("ya", "Ya", K.BOOL), 1),
        (Column("nama", "Nama", K.TEXT), 12),
    ],
    ids=lambda item: type(item).__name__ if not isinstance(item, Column) else item.kind.name,
)
def test_a_value_that_does_not_fit_its_column_is_refused_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: Column, value: object
) -> None:
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    path = tmp_path / "out" / "paket.xlsx"
    path.parent.mkdir()
    rows = [{column.key: None}, {column.key: value}]
    with pytest.raises(WorkbookValueError) as raised, ExchangeWorkbookWriter(path) as writer:
        writer.add_sheet("Data", [column], rows)
    message = str(raised.value)
    assert "'Data', row 3" in message and repr(column.key) in message
    assert str(value) not in message or str(value) in {"1", "12", "nan"}  # never the value itself (it may be a NIK)
    assert "3322014505800003" not in message
    assert list(path.parent.iterdir()) == []  # neither the workbook nor its partial file
    assert list(private.iterdir()) == []  # the temporary files with the rows are gone


def test_text_too_long_for_a_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "panjang.xlsx"
    with pytest.raises(WorkbookValueError, match="longer than 32,767"), ExchangeWorkbookWriter(path) as writer:
        writer.add_sheet("Data", [Column("catatan", "Catatan", K.TEXT)], [{"catatan": "x" * 32_768}])
    assert not path.exists()


def test_a_failing_row_source_leaves_no_file(tmp_path: Path) -> None:
    def rows() -> Iterator[dict[str, object]]:
        yield {"nama": "SITI"}
        raise ConnectionError("database went away")

    path = tmp_path / "paket.xlsx"
    with pytest.raises(ConnectionError), ExchangeWorkbookWriter(path) as writer:
        writer.add_sheet("Data", [Column("nama", "Nama", K.TEXT)], rows())
    assert list(tmp_path.iterdir()) == []


def test_a_sheet_that_failed_half_way_abandons_the_workbook_even_if_the_error_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "paket.xlsx"
    columns = [Column("umur", "Umur", K.INT)]
    with pytest.raises(RuntimeError, match="abandoned"), ExchangeWorkbookWriter(path) as writer:
        with pytest.raises(WorkbookValueError):
            writer.add_sheet("Data", columns, [{"umur": 1}, {"umur": "dua"}])
        with pytest.raises(RuntimeError, match="abandoned"):
            writer.add_sheet("Lain", columns, [{"umur": 3}])
    assert list(tmp_path.iterdir()) == []


def test_success_leaves_only_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "paket.xlsx"
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_sheet("Data", [Column("nama", "Nama", K.TEXT)], [{"nama": "SITI"}])
    assert list(tmp_path.iterdir()) == [path]
    with pytest.raises(RuntimeError, match="closed"):
        writer.add_sheet("Lagi", [Column("nama", "Nama", K.TEXT)], [])


def test_hidden_sheet_takes_strings_only(tmp_path: Path) -> None:
    with pytest.raises(WorkbookValueError, match="expected str"), ExchangeWorkbookWriter(tmp_path / "a.xlsx") as w:
        w.add_hidden_sheet("_meta", [["rows", 7]])


@pytest.mark.parametrize(
    ("properties", "error"),
    [
        ({"sequence": 7}, TypeError),
        ({"sequence": 7.0}, TypeError),
        ({"signature": "x" * 256}, ValueError),
        ({"": "x"}, ValueError),
    ],
)
def test_custom_properties_must_be_short_strings(
    tmp_path: Path, properties: dict[str, object], error: type[Exception]
) -> None:
    with ExchangeWorkbookWriter(tmp_path / "a.xlsx") as writer, pytest.raises(error):
        writer.set_custom_properties(properties)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", [INSTRUCTIONS_SHEET, "petunjuk", LISTS_SHEET, "_DAFTAR", "Data"])
def test_reserved_and_repeated_sheet_names_are_refused(tmp_path: Path, name: str) -> None:
    with ExchangeWorkbookWriter(tmp_path / "a.xlsx") as writer:
        writer.add_sheet("Data", [Column("nama", "Nama", K.TEXT)], [])
        with pytest.raises(ValueError, match="already used or reserved"):
            writer.add_sheet(name, [Column("nama", "Nama", K.TEXT)], [])


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: Column("status", "Status", K.ENUM), "needs choices"),
        (lambda: Column("nama", "Nama", K.TEXT, choices=("A",)), "only ENUM columns take choices"),
        (lambda: Column("status", "Status", K.ENUM, choices=("A", "A")), "repeat a value"),
        (lambda: Column("status", "Status", K.ENUM, choices=("A", "")), "non-empty strings"),
        (lambda: Column("", "Nama", K.TEXT), "needs a key and a header"),
        (lambda: Column("nama", "Nama", K.TEXT, width=300), "width"),
    ],
)
def test_column_model_refuses_ambiguous_columns(make: Callable[[], Column], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        make()


def test_a_sheet_with_repeated_keys_or_headers_is_refused(tmp_path: Path) -> None:
    with ExchangeWorkbookWriter(tmp_path / "a.xlsx") as writer:
        with pytest.raises(ValueError, match="repeats the column key"):
            writer.add_sheet("A", [Column("nama", "Nama", K.TEXT), Column("nama", "Nama 2", K.TEXT)], [])
        with pytest.raises(ValueError, match="repeats the column header"):
            writer.add_sheet("B", [Column("nama", "Nama", K.TEXT), Column("nama2", "Nama", K.TEXT)], [])


# --- LibreOffice re-save -------------------------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed here; .ci/run installs libreoffice-calc-nogui so this runs in CI",
)
def test_a_libreoffice_resave_keeps_every_value_text_as_text_and_the_dropdowns(written: Path, tmp_path: Path) -> None:
    profile = tmp_path / f"lo-profile-{uuid.uuid4().hex}"  # one profile per run: a shared one fails silently
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(written),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    resaved = out / written.name
    assert resaved.exists()  # soffice exits 0 even when the conversion failed

    before, after = CalamineWorkbook.from_path(str(written)), CalamineWorkbook.from_path(str(resaved))
    for name in (SHEET, "_meta", LISTS_SHEET):  # what the importer reads is unchanged, hostile texts included
        assert after.get_sheet_by_name(name).to_python() == before.get_sheet_by_name(name).to_python(), name

    book = openpyxl.load_workbook(resaved)
    assert book.sheetnames == [INSTRUCTIONS_SHEET, SHEET, "_meta", LISTS_SHEET]
    assert [sheet.sheet_state for sheet in book] == ["visible", "visible", "hidden", "hidden"]
    nik = book[SHEET]["A2"]
    assert (nik.value, nik.data_type, nik.number_format) == (NIK, "s", "@")
    first = len(sample_rows()) - len(HOSTILE)
    assert book[SHEET][f"D{first + 2}"].value == "=1+1" and book[SHEET][f"D{first + 2}"].data_type == "s"
    assert cell(book, "tanggal_lahir", 0).is_date
    # LibreOffice keeps the lists but cuts their range to about a thousand rows below the data.
    formulas = {rule.formula1 for rule in book[SHEET].data_validations.dataValidation}
    assert formulas == {'"YA,TIDAK"', '"ADA,PINDAH"', f"_daftar!$A$1:$A${len(JOBS)}"}
    properties = {prop.name: (type(prop).__name__, prop.value) for prop in book.custom_doc_props.props}
    assert properties["sequence"] == ("StringProperty", "7")
