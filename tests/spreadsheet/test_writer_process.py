"""The writer in its own process: the same workbook as the in-process writer, and the same promises when it fails
(no file, no partial file, no temporary file with personal data, the error raised in the application)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from puskesos_desk.spreadsheet.columns import Column, ColumnKind
from puskesos_desk.spreadsheet.writer import ExchangeWorkbookWriter, WorkbookValueError
from puskesos_desk.spreadsheet.writer_process import WorkbookWriterProcess

K = ColumnKind
COLUMNS = (
    Column("nik", "NIK", K.ID_TEXT, required=True),
    Column("nama", "Nama Lengkap", K.TEXT, width=30),
    Column("umur", "Umur", K.INT),
    Column("lahir", "Tanggal Lahir", K.DATE),
    Column("status", "Status", K.ENUM, choices=("ADA", "PINDAH")),
)


def rows(count: int) -> Iterator[dict[str, object]]:
    for number in range(count):
        yield {"nik": f"33220145058{number:05d}", "nama": f"WARGA Ñ {number} =1+1", "umur": number % 90,
               "lahir": date(1950 + number % 70, 1 + number % 12, 1 + number % 28), "status": "ADA"}


def write(writer: ExchangeWorkbookWriter | WorkbookWriterProcess, count: int) -> dict[str, int]:
    with writer:
        writer.add_instructions("Paket uji", ["Satu paragraf."])
        counts = {"Data": writer.add_sheet("Data", COLUMNS, rows(count), note="Satu baris per orang."),
                  "Kosong": writer.add_sheet("Kosong", COLUMNS, iter(()))}
        counts["_meta"] = writer.add_hidden_sheet("_meta", [("kunci", "nilai"), ("id", None)])
        writer.set_custom_properties({"paket": "uji"})
    return counts


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The writer process's temporary folder (it holds rows in clear): TMPDIR reaches the child."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def test_the_process_writes_the_same_sheets_as_the_in_process_writer(tmp_path: Path, private_tmp: Path) -> None:
    here, there = tmp_path / "here.xlsx", tmp_path / "there.xlsx"
    count = 5_000  # more than one batch, more than a pipe buffer
    assert write(ExchangeWorkbookWriter(here), count) == write(WorkbookWriterProcess(there), count) == {
        "Data": count, "Kosong": 0, "_meta": 2}
    with zipfile.ZipFile(here) as a, zipfile.ZipFile(there) as b:
        parts = [name for name in a.namelist() if name.startswith("xl/")]
        assert parts == [name for name in b.namelist() if name.startswith("xl/")]
        for name in [*parts, "docProps/custom.xml"]:
            assert a.read(name) == b.read(name), name
    assert list(private_tmp.iterdir()) == []


def test_a_text_too_long_is_raised_here_and_nothing_is_left(tmp_path: Path, private_tmp: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    many = [*rows(3000), {"nik": "1", "nama": "x" * 32_768}, *rows(20_000)]  # the child fails early and drains
    with pytest.raises(WorkbookValueError, match="longer than 32,767"), WorkbookWriterProcess(out / "p.xlsx") as w:
        w.add_sheet("Data", COLUMNS, many)
        w.add_sheet("Lagi", COLUMNS, rows(10))
    assert list(out.iterdir()) == []
    assert list(private_tmp.iterdir()) == []


def test_a_value_of_the_wrong_kind_names_its_row(tmp_path: Path, private_tmp: Path) -> None:
    with pytest.raises(WorkbookValueError, match="'Data', row 3"), WorkbookWriterProcess(tmp_path / "p.xlsx") as w:
        w.add_sheet("Data", COLUMNS, [{"umur": 1}, {"umur": "dua"}])
    assert list(tmp_path.iterdir()) == [private_tmp]


def test_an_export_that_fails_in_the_application_leaves_nothing(tmp_path: Path, private_tmp: Path) -> None:
    def failing() -> Iterator[dict[str, object]]:
        yield from rows(2500)
        raise ConnectionError("database went away")

    with pytest.raises(ConnectionError), WorkbookWriterProcess(tmp_path / "p.xlsx") as writer:
        writer.add_sheet("Data", COLUMNS, failing())
    assert list(tmp_path.iterdir()) == [private_tmp]
    assert list(private_tmp.iterdir()) == []


def test_a_folder_that_does_not_exist_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        WorkbookWriterProcess(tmp_path / "tidak-ada" / "p.xlsx")


def test_a_full_disk_or_vanished_folder_is_an_os_error(tmp_path: Path, private_tmp: Path) -> None:
    folder = tmp_path / "hilang"
    folder.mkdir()
    writer = WorkbookWriterProcess(folder / "p.xlsx")
    writer.add_sheet("Data", COLUMNS, rows(10))
    folder.rmdir()  # the USB stick was pulled before the workbook was closed
    with pytest.raises(OSError):  # noqa: PT011 (the errno depends on the platform)
        writer.close()
    assert list(private_tmp.iterdir()) == []
