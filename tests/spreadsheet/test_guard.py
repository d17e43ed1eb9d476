"""The guard: every hostile file is refused with its own code and a message an officer can act on, before any
reader sees it; good and odd-but-harmless files are described correctly."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from puskesos_desk.spreadsheet import guard
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook
from puskesos_desk.spreadsheet.extent import SheetExtent
from puskesos_desk.spreadsheet.guard import CHUNK_BYTES, Limits, decrypt_to, inspect_xlsx
from spreadsheet import hostile

pytestmark = pytest.mark.timeout(120)  # bounded time: a hang fails the test instead of stalling the suite

BAHASA_WORDS = ("berkas", "lembar", "kata sandi", "buku kerja")
ENGLISH_WORDS = (" the ", " file ", "error", "invalid", "cannot")


def refusal(path: Path, limits: Limits | None = None) -> UnsafeWorkbook:
    with pytest.raises(UnsafeWorkbook) as caught:
        inspect_xlsx(path, limits or Limits())
    assert_for_officer(caught.value.message)
    return caught.value


def assert_for_officer(message: str) -> None:
    lowered = f" {message.lower()} "
    assert any(word in lowered for word in BAHASA_WORDS), message
    assert not any(word in lowered for word in ENGLISH_WORDS), message


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return hostile.good_workbook(tmp_path / "baik.xlsx")


# --- Good files are described ------------------------------------------------------------------------------------


def test_good_workbook_is_described(good: Path) -> None:
    shape = inspect_xlsx(good)

    assert shape.sheet_names == ["Anggota Keluarga", "Rumah Tangga", "_meta"]
    assert [sheet.hidden for sheet in shape.sheets] == [False, False, True]
    assert [(sheet.max_row, sheet.max_col) for sheet in shape.sheets] == [(3, 8), (2, 2), (1, 2)]
    assert not shape.has_formulas
    assert shape.application == "Microsoft Excel"
    # Values are text whatever their type in the file: LibreOffice turns 3 into 3.0 on a re-save.
    assert shape.custom_properties == {"format_version": "3", "package": "0b6f1f4e-paket", "ratio": "7.5"}
    with zipfile.ZipFile(good) as archive:
        largest = max(archive.infolist(), key=lambda info: info.file_size)
        assert shape.sizes.parts == len(archive.infolist())
    assert (shape.sizes.largest_part, shape.sizes.largest_part_bytes) == (largest.filename, largest.file_size)
    assert shape.sizes.file_bytes == good.stat().st_size


CUSTOM_AFTER_LIBREOFFICE = (
    '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="schema_version"><vt:r8>7.0</vt:r8>'
    '</property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="locked"><vt:bool>true'
    "</vt:bool></property></Properties>"
)


def test_custom_properties_as_libreoffice_rewrites_them(tmp_path: Path) -> None:
    path = hostile.one_sheet(
        tmp_path / "lo.xlsx",
        hostile.cells(1, 1),
        custom_properties=CUSTOM_AFTER_LIBREOFFICE,
        application="LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2",
    )

    shape = inspect_xlsx(path)

    assert shape.custom_properties == {"schema_version": "7.0", "locked": "true"}  # int(float(v)) is the caller's
    assert (shape.application or "").startswith("LibreOffice/7.4")


def test_a_declaration_in_the_properties_is_refused_before_they_are_parsed(tmp_path: Path) -> None:
    custom = CUSTOM_AFTER_LIBREOFFICE.replace("?><Properties", '?><!DOCTYPE p [<!ENTITY e "x">]><Properties')
    path = hostile.one_sheet(tmp_path / "prop.xlsx", hostile.cells(1, 1), custom_properties=custom)
    assert refusal(path).code == "DTD"


def test_formulas_are_reported_with_their_cells(tmp_path: Path) -> None:
    shape = inspect_xlsx(hostile.formulas(tmp_path / "rumus.xlsx"))

    sheet = shape.sheets[0]
    assert shape.has_formulas
    assert sheet.formula_count == 2
    assert sheet.formula_cells == ("B2", "A3")


def test_a_dimension_claiming_the_whole_grid_is_ignored(tmp_path: Path) -> None:
    rows = hostile.cells(1, "a", "b") + hostile.cells(2, 1, 2)
    path = hostile.write_package(tmp_path / "dim.xlsx", {"Data": hostile.sheet_xml(rows, dimension="A1:XFD1048576")})

    sheet = inspect_xlsx(path).sheets[0]

    assert (sheet.max_row, sheet.max_col) == (2, 2)


@pytest.mark.parametrize("form", ["reordered", "lower_case", "single_quotes"])
def test_unusual_but_valid_cell_tags_are_measured_by_position(tmp_path: Path, form: str) -> None:
    sheet = inspect_xlsx(hostile.far_cell(tmp_path / "odd.xlsx", "D7", form=form)).sheets[0]

    assert (sheet.max_row, sheet.max_col) == (7, 4)


def test_prefixed_tags_and_cells_without_reference_are_measured(tmp_path: Path) -> None:
    prefixed = inspect_xlsx(hostile.prefixed_far_cell(tmp_path / "prefix.xlsx", "E9")).sheets[0]
    implied = inspect_xlsx(hostile.implied_far_cells(tmp_path / "implied.xlsx", 300)).sheets[0]

    assert (prefixed.max_row, prefixed.max_col) == (9, 5)
    assert (implied.max_row, implied.max_col) == (1, 300)  # exactly at Limits.max_cols: accepted


# --- Not a workbook ----------------------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "kosong.xlsx").write_bytes(b"")
    assert refusal(tmp_path / "kosong.xlsx").code == "EMPTY"


def test_missing_file_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    assert refusal(tmp_path / "tidak-ada.xlsx").code == "UNREADABLE"


def test_truncated_workbook(tmp_path: Path, good: Path) -> None:
    assert refusal(hostile.truncated(good, tmp_path / "potong.xlsx")).code == "TRUNCATED"


def test_csv_renamed_xlsx(tmp_path: Path) -> None:
    refused = refusal(hostile.csv_renamed(tmp_path / "data.xlsx"))

    assert refused.code == "CSV"
    assert refused.message == (
        "Berkas ini bukan buku kerja Excel (.xlsx): isinya teks CSV. Buka di Excel lalu simpan sebagai .xlsx, "
        "atau minta pengirim mengirim ulang paket dari aplikasi."
    )


def test_html_saved_as_excel(tmp_path: Path) -> None:
    (tmp_path / "web.xlsx").write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    assert refusal(tmp_path / "web.xlsx").code == "MARKUP"


def test_random_bytes(tmp_path: Path) -> None:
    assert refusal(hostile.random_bytes(tmp_path / "acak.xlsx")).code == "NOT_ZIP"


def test_legacy_xls_renamed(tmp_path: Path) -> None:
    # A real compound file with a Workbook stream: the path olefile and msoffcrypto take for Excel 97-2003.
    assert refusal(hostile.legacy_xls(tmp_path / "lama.xlsx")).code == "LEGACY_XLS"


def test_damaged_compound_file(tmp_path: Path) -> None:
    whole = hostile.legacy_xls(tmp_path / "lama.xls").read_bytes()
    (tmp_path / "rusak.xlsx").write_bytes(whole[:600])
    assert refusal(tmp_path / "rusak.xlsx").code == "CORRUPT"


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = hostile.one_sheet(tmp_path / "zip.xlsx", hostile.cells(1, 1), leave_out=["xl/workbook.xml"])
    assert refusal(path).code == "NO_WORKBOOK"


@pytest.mark.parametrize(
    ("parts", "code"),
    [({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}, "ODS"),
     ({"xl/workbook.bin": b"\x83\x01\x00"}, "XLSB")],
)  # fmt: skip
def test_other_spreadsheet_formats_are_named(tmp_path: Path, parts: dict[str, str | bytes], code: str) -> None:
    path = tmp_path / "lain.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert refusal(path).code == code


# --- Password protection -----------------------------------------------------------------------------------------


def test_password_protected_workbook(tmp_path: Path, good: Path) -> None:
    refused = refusal(hostile.encrypted(good, tmp_path / "sandi.xlsx", "Rahasia-123"))
    assert refused.code == "ENCRYPTED"


def test_decrypt_with_the_right_password_gives_the_workbook_back(tmp_path: Path, good: Path) -> None:
    sealed = hostile.encrypted(good, tmp_path / "sandi.xlsx", "Rahasia-123")

    opened = decrypt_to(sealed, "Rahasia-123", tmp_path / "terbuka.xlsx")

    assert opened.read_bytes() == good.read_bytes()
    assert inspect_xlsx(opened).sheet_names == ["Anggota Keluarga", "Rumah Tangga", "_meta"]


@pytest.mark.parametrize("password", ["rahasia-123", ""])
def test_decrypt_with_a_wrong_password_writes_nothing(tmp_path: Path, good: Path, password: str) -> None:
    sealed = hostile.encrypted(good, tmp_path / "sandi.xlsx", "Rahasia-123")

    with pytest.raises(UnsafeWorkbook) as caught:
        decrypt_to(sealed, password, tmp_path / "terbuka.xlsx")

    assert caught.value.code == "BAD_PASSWORD"
    assert_for_officer(caught.value.message)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["baik.xlsx", "sandi.xlsx"]


def test_decrypt_refuses_a_workbook_without_password(tmp_path: Path, good: Path) -> None:
    with pytest.raises(UnsafeWorkbook) as caught:
        decrypt_to(good, "apa saja", tmp_path / "terbuka.xlsx")
    assert caught.value.code == "NOT_ENCRYPTED"


# --- Zip bombs and lies ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile.zip_bomb(tmp_path_factory.mktemp("bom") / "bom.xlsx", mebibytes=300)


def test_zip_bomb_is_refused_without_decompressing(bomb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert bomb.stat().st_size < 2_000_000  # 300 MiB of spaces in about 300 KB

    def no_decompression(*args: object, **kwargs: object) -> None:
        raise AssertionError("the guard opened a part")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_decompression)
    refused = refusal(bomb)

    assert refused.code == "BOMB"


@pytest.mark.parametrize(
    "limits",
    [Limits(max_part_bytes=1000), Limits(max_total_bytes=5000)],  # the good workbook is bigger than that
    ids=["part", "total-and-file"],
)
def test_parts_too_large_with_an_ordinary_ratio(good: Path, limits: Limits) -> None:
    assert refusal(good, limits).code == "TOO_LARGE"


def test_too_many_parts(tmp_path: Path) -> None:
    extra = {f"xl/media/x{index}.png": b"" for index in range(50)}
    path = hostile.one_sheet(tmp_path / "banyak.xlsx", hostile.cells(1, 1), extra_parts=extra)
    assert refusal(path, Limits(max_parts=20)).code == "TOO_LARGE"


def test_zip_whose_headers_lie_about_the_size(tmp_path: Path) -> None:
    refused = refusal(hostile.lying_sizes(tmp_path / "bohong.xlsx"))
    assert refused.code == "CORRUPT"
    assert "CRC" in (refused.detail or "")


def test_two_parts_with_the_same_name(tmp_path: Path) -> None:
    path = hostile.one_sheet(tmp_path / "ganda.xlsx", hostile.cells(1, 1))
    with warnings.catch_warnings(), zipfile.ZipFile(path, "a") as archive:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        archive.writestr("xl/worksheets/sheet1.xml", hostile.sheet_xml('<row r="1"><c r="XFD1048576"/></row>'))
    assert refusal(path).code == "CORRUPT"


def test_sheet_pointing_at_another_part_is_measured_like_a_sheet(tmp_path: Path) -> None:
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{hostile.PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{hostile.WORKSHEET_REL}" Target="workbook.xml"/></Relationships>'
    )
    path = hostile.one_sheet(
        tmp_path / "aneh.xlsx", hostile.cells(1, 1), extra_parts={"xl/_rels/workbook.xml.rels": rels}
    )

    sheet = inspect_xlsx(path).sheets[0]

    assert (sheet.part, sheet.max_row, sheet.max_col) == ("xl/workbook.xml", 0, 0)


@pytest.mark.parametrize("target", ["../../etc/passwd", "worksheets/tidak-ada.xml"])
def test_sheet_pointing_outside_the_package(tmp_path: Path, target: str) -> None:
    rels = (
        f'<?xml version="1.0"?><Relationships xmlns="{hostile.PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{hostile.WORKSHEET_REL}" Target="{target}"/></Relationships>'
    )
    path = hostile.one_sheet(
        tmp_path / "luar.xlsx", hostile.cells(1, 1), extra_parts={"xl/_rels/workbook.xml.rels": rels}
    )
    assert refusal(path).code == "CORRUPT"


def test_sheet_pointing_at_a_missing_part(tmp_path: Path) -> None:
    path = hostile.one_sheet(tmp_path / "hilang.xlsx", hostile.cells(1, 1), leave_out=["xl/worksheets/sheet1.xml"])
    assert refusal(path).code == "CORRUPT"


# --- XML declarations --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("shared_strings", [hostile.BILLION_LAUGHS, hostile.XXE], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused(tmp_path: Path, shared_strings: str) -> None:
    assert refusal(hostile.with_shared_strings(tmp_path / "entitas.xlsx", shared_strings)).code == "DTD"


def test_a_declaration_split_across_two_chunks_is_found(tmp_path: Path) -> None:
    rows = "".join(hostile.cells(row, f"nama {row}", row) for row in range(1, 20_000))
    head = hostile.sheet_xml(rows)
    assert len(head) > CHUNK_BYTES
    head = head[: head.rfind("<", 0, CHUNK_BYTES - 1)]
    xml = head + " " * (CHUNK_BYTES - 1 - len(head)) + "<!DOCTYPE x>"  # "<" ends the first chunk, "!" starts the next
    path = hostile.write_package(tmp_path / "belah.xlsx", {"Data": xml})
    assert refusal(path).code == "DTD"


def test_nul_bytes_in_an_xml_part(tmp_path: Path) -> None:
    path = hostile.write_package(tmp_path / "nul.xlsx", {"Data": hostile.sheet_xml(hostile.cells(1, 1)) + "\x00"})
    assert refusal(path).code == "CORRUPT"


# --- Far-away cells ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "corner"),
    [("XFD1048576", "XFD1048576"), ("Z1048576", "Z1048576"), ("KO1", "KO1"), ("A1100001", "A1100001")],
)
def test_far_cells_are_refused(tmp_path: Path, ref: str, corner: str) -> None:
    refused = refusal(hostile.far_cell(tmp_path / "jauh.xlsx", ref))

    assert refused.code == "FAR_CELLS"
    assert f"'Data' berisi data yang terbentang sampai sel {corner}," in refused.message


def test_a_partial_scan_measures_only_the_named_sheets(tmp_path: Path) -> None:
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = hostile.write_package(tmp_path / "sebagian.xlsx", {
        "_meta": hostile.sheet_xml(hostile.cells(1, "kunci", "nilai") + hostile.cells(2, "a", "b")),
        "Data": hostile.sheet_xml(hostile.cells(1, "x") + far),
    })

    shape = inspect_xlsx(path, sheets=["_meta"])

    assert shape.scanned == frozenset({"_meta"})
    assert shape.scanned_sheet("_meta") and not shape.scanned_sheet("Data")
    assert [(sheet.name, sheet.max_row, sheet.max_col) for sheet in shape.sheets] == [("_meta", 2, 2), ("Data", 0, 0)]
    assert refusal(path).code == "FAR_CELLS"  # the full scan still finds the far cell


def test_a_full_scan_after_a_partial_one_scans_only_the_rest(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile.write_package(tmp_path / "dua-kali.xlsx", {
        "_meta": hostile.sheet_xml(hostile.cells(1, "kunci", "nilai") + hostile.cells(2, "a", "=b")),
        "Data": hostile.sheet_xml(hostile.cells(1, "x", "y") + hostile.cells(3, 1, 2, 3)),
    })
    partial = inspect_xlsx(path, sheets=["_meta"])
    scanned: list[str] = []
    real_scan = guard.scan_sheet

    def recording_scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, extent: SheetExtent) -> SheetExtent:
        scanned.append(extent.sheet)
        return real_scan(archive, info, extent)

    monkeypatch.setattr(guard, "scan_sheet", recording_scan)

    completed = inspect_xlsx(path, after=partial)
    assert scanned == ["Data"]
    assert completed.scanned is None and completed.sheets == inspect_xlsx(path).sheets

    scanned.clear()
    hostile.write_package(path, {"_meta": hostile.sheet_xml(hostile.cells(1, "k")),  # the file changed since
                                 "Data": hostile.sheet_xml(hostile.cells(1, "x"))})
    assert inspect_xlsx(path, after=partial).sheet("_meta").max_col == 1  # type: ignore[union-attr]
    assert sorted(scanned) == ["Data", "_meta"]


def test_a_partial_scan_leaves_the_other_sheet_parts_to_the_full_scan(tmp_path: Path) -> None:
    """calamine opens no sheet part but the one asked for (tests/spreadsheet/test_reader.py), so a part the partial
    scan skipped is first looked at, and refused, by the full scan that must pass before it is read."""
    path = hostile.write_package(tmp_path / "dtd.xlsx", {
        "_meta": hostile.sheet_xml(hostile.cells(1, "kunci", "nilai")),
        "Data": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + hostile.sheet_xml(hostile.cells(1, "x")),
    })

    assert inspect_xlsx(path, sheets=["_meta"]).scanned == frozenset({"_meta"})
    assert refusal(path).code == "DTD"


@pytest.mark.parametrize("form", ["reordered", "lower_case", "single_quotes"])
def test_far_cells_in_unusual_tags_are_refused(tmp_path: Path, form: str) -> None:
    assert refusal(hostile.far_cell(tmp_path / "jauh.xlsx", "XFD1048576", form=form)).code == "FAR_CELLS"


@pytest.mark.parametrize("form", ["repeated", "glued", "quoted_gt"])
def test_a_repeated_reference_attribute_is_refused(tmp_path: Path, form: str) -> None:
    # calamine would place the cell at the second r; expat calls the tag malformed. Refused either way.
    assert refusal(hostile.far_cell(tmp_path / "ulang.xlsx", "XFD1048576", form=form)).code == "CORRUPT"


def test_far_cells_behind_a_prefix_or_without_reference_are_refused(tmp_path: Path) -> None:
    assert refusal(hostile.prefixed_far_cell(tmp_path / "prefix.xlsx", "XFD1048576")).code == "FAR_CELLS"
    assert refusal(hostile.implied_far_cells(tmp_path / "implied.xlsx", 301)).code == "FAR_CELLS"
    assert refusal(hostile.prefixed_implied_cells(tmp_path / "both.xlsx", 301)).code == "FAR_CELLS"


def test_a_far_cell_hidden_among_many_rows_is_found(tmp_path: Path) -> None:
    # Several chunks of ordinary ascending rows with one far cell out of order in the middle: the fast scan learns
    # its bounds from the last cell of each chunk, so this is the case it must not miss.
    rows = [hostile.cells(row, f"nama {row}", row, "3322014505800003") for row in range(1, 40_001)]
    rows[20_000] = '<row r="20001"><c r="A20001"><v>1</v></c><c r="Z999999"><v>1</v></c></row>'
    path = hostile.one_sheet(tmp_path / "sembunyi.xlsx", "".join(rows))
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size > 3 * CHUNK_BYTES

    refused = refusal(path)

    assert refused.code == "FAR_CELLS"
    assert "Z999999" in refused.message


def test_an_out_of_order_row_inside_the_limits_is_measured(tmp_path: Path) -> None:
    rows = [hostile.cells(row, f"nama {row}", row) for row in range(1, 40_001)]
    rows[20_000] = '<row r="20001"><c r="A20001"><v>1</v></c><c r="E77777"><v>1</v></c></row>'
    path = hostile.one_sheet(tmp_path / "acak.xlsx", "".join(rows))

    sheet = inspect_xlsx(path).sheets[0]

    assert (sheet.max_row, sheet.max_col) == (77_777, 5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=st.lists(st.tuples(st.integers(1, 5000), st.integers(1, 800)), min_size=1, max_size=30),
    max_rows=st.integers(1, 5000),
    max_cols=st.integers(1, 800),
)
def test_extent_is_exact_or_refused(tmp_path: Path, cells: list[tuple[int, int]], max_rows: int, max_cols: int) -> None:
    """Cells in any order: the guard reports the true extent, and refuses exactly when it passes the limits."""
    tags = "".join(f'<row r="{row}"><c r="{hostile.column_letters(col)}{row}"><v>1</v></c></row>' for row, col in cells)
    path = hostile.one_sheet(tmp_path / "sifat.xlsx", tags)
    true_rows, true_cols = max(row for row, _ in cells), max(col for _, col in cells)
    limits = Limits(max_rows=max_rows, max_cols=max_cols, max_cells=max_rows * max_cols // 2)
    beyond = true_rows > max_rows or true_cols > max_cols or true_rows * true_cols > limits.max_cells

    if beyond:
        assert refusal(path, limits).code == "FAR_CELLS"
    else:
        sheet = inspect_xlsx(path, limits).sheets[0]
        assert (sheet.max_row, sheet.max_col) == (true_rows, true_cols)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_bytes_never_escape_as_another_exception(tmp_path: Path, flips: list[tuple[float, int]]) -> None:
    """Whatever bytes change, the guard answers with a shape or an UnsafeWorkbook, nothing else."""
    source = tmp_path / "asli.xlsx"
    if not source.exists():
        hostile.good_workbook(source)
    data = bytearray(source.read_bytes())
    for where, value in flips:
        data[int(where * len(data))] = value
    damaged = tmp_path / "rusak.xlsx"
    damaged.write_bytes(bytes(data))

    try:
        inspect_xlsx(damaged)
    except UnsafeWorkbook as refused:
        assert_for_officer(refused.message)
