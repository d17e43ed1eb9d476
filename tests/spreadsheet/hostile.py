"""Builders of the workbooks the guard and the reader are tested with: good ones, odd but harmless ones, hostile ones.

Hostile files are assembled by hand from zipfile and XML strings, so each test states exactly which bytes it is
about, and all of them stay small on disk (the 300 MiB bomb is about 300 KB).
"""

from __future__ import annotations

import random
import struct
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from msoffcrypto.format.ooxml import OOXMLFile

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
WORKSHEET_REL = f"{REL_NS}/worksheet"

# --- A hand-made package -----------------------------------------------------------------------------------------


def sheet_xml(rows: str, *, dimension: str | None = None, namespace: str = f'xmlns="{MAIN_NS}"') -> str:
    """A worksheet part; `rows` is the inside of <sheetData>."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f"{declaration}<worksheet {namespace}>{dim}<sheetData>{rows}</sheetData></worksheet>"


def column_letters(number: int) -> str:
    """1 -> A, 27 -> AA, 16384 -> XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cells(row: int, *values: object) -> str:
    """One canonical <row> with numbers as <v> and text as inline strings, from column A."""
    out = []
    for index, value in enumerate(values):
        ref = f"{column_letters(index + 1)}{row}"
        if isinstance(value, str):
            out.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
        else:
            out.append(f'<c r="{ref}"><v>{value}</v></c>')
    return f'<row r="{row}">{"".join(out)}</row>'


def write_package(
    path: Path,
    sheets: dict[str, str],
    *,
    hidden: Iterable[str] = (),
    shared_strings: str | None = None,
    custom_properties: str | None = None,
    application: str = "Microsoft Excel",
    leave_out: Iterable[str] = (),
    extra_parts: dict[str, str | bytes] | None = None,
) -> Path:
    """A minimal but complete xlsx: one worksheet part per entry of `sheets` (name -> sheet_xml())."""
    hidden = set(hidden)
    hidden_state = ' state="hidden"'
    sheet_entries = "".join(
        f'<sheet name="{name}" sheetId="{index}" r:id="rId{index}"{hidden_state if name in hidden else ""}/>'
        for index, name in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{index}" Type="{WORKSHEET_REL}" Target="worksheets/sheet{index}.xml"/>'
        for index in range(1, len(sheets) + 1)
    )
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
        '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}"><Relationship '
        f'Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f"<sheets>{sheet_entries}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
        f"{rels}</Relationships>",
        "docProps/app.xml": '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org'
        f'/officeDocument/2006/extended-properties"><Application>{application}</Application>'
        "<AppVersion>16.0300</AppVersion></Properties>",
    }
    for index, xml in enumerate(sheets.values(), start=1):
        parts[f"xl/worksheets/sheet{index}.xml"] = xml
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    if custom_properties is not None:
        parts["docProps/custom.xml"] = custom_properties
    parts.update(extra_parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if name not in set(leave_out):
                archive.writestr(name, content)
    return path


def one_sheet(path: Path, rows: str, **options: object) -> Path:
    return write_package(path, {"Data": sheet_xml(rows)}, **options)  # type: ignore[arg-type]


def far_cell(path: Path, ref: str, *, form: str = "canonical") -> Path:
    """Four ordinary cells plus one real cell at `ref`, written in one of the forms calamine accepts."""
    tags = {
        "canonical": f'<c r="{ref}"><v>1</v></c>',
        "reordered": f'<c s="0" r="{ref}"><v>1</v></c>',  # r not first: the regular expressions must not trust order
        "repeated": f'<c r="A3" r="{ref}"><v>1</v></c>',  # quick-xml keeps the last r
        "glued": f'<c r="A3"r="{ref}"><v>1</v></c>',  # no space after the quote: quick-xml still reads the second r
        "quoted_gt": f'<c r="A3" x="&lt;>" r="{ref}"><v>1</v></c>',  # ">" inside a value hides nothing
        "lower_case": f'<c r="{ref.lower()}"><v>1</v></c>',
        "single_quotes": f"<c r='{ref}'><v>1</v></c>",
    }
    rows = cells(1, "a", "b") + cells(2, 1, 2) + f'<row r="3">{tags[form]}</row>'
    return one_sheet(path, rows)


def prefixed_far_cell(path: Path, ref: str) -> Path:
    """The same cell in a sheet that binds the main namespace to a prefix (calamine matches local names)."""
    rows = f'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="{ref}"><x:v>2</x:v></x:c></x:row>'
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData>{rows}'
        "</x:sheetData></x:worksheet>"
    )
    return write_package(path, {"Data": xml})


def prefixed_implied_cells(path: Path, columns: int) -> Path:
    """Prefixed cells without r in a row without r: no `<c` and no `r=` anywhere for a byte scan to notice."""
    rows = "<x:row>" + "<x:c><x:v>1</x:v></x:c>" * columns + "</x:row>"
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData>{rows}'
        "</x:sheetData></x:worksheet>"
    )
    return write_package(path, {"Data": xml})


def implied_far_cells(path: Path, columns: int) -> Path:
    """A row of cells without r: each one is placed in the next column, so the last lands in column `columns`."""
    return one_sheet(path, '<row r="1">' + "<c><v>1</v></c>" * columns + "</row>")


def formulas(path: Path) -> Path:
    rows = (
        cells(1, "a", "b")
        + '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f><v>2</v></c></row>'
        + '<row r="3"><c r="A3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>'
    )
    return one_sheet(path, rows)


# --- Not a workbook at all ----------------------------------------------------------------------------------------


def truncated(source: Path, path: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def csv_renamed(path: Path) -> Path:
    path.write_text("nik;nama;tanggal_lahir\n3322014505800003;Siti Aminah;1980-05-05\n", encoding="utf-8")
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(5).randbytes(4096))
    return path


def legacy_xls(path: Path) -> Path:
    """A minimal compound file (MS-CFB v3, 512-byte sectors) holding a 4096-byte "Workbook" stream: what an
    Excel 97-2003 file looks like to olefile and msoffcrypto. Sector 0 is the FAT, 1 the directory, 2-9 the data."""
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"),
        b"\0" * 16,
        0x3E,  # minor version
        3,  # major version: 512-byte sectors
        0xFFFE,  # little-endian
        9,  # sector shift
        6,  # mini sector shift
        b"\0" * 6,
        0,  # directory sectors (0 in version 3)
        1,  # FAT sectors
        1,  # first directory sector
        0,  # transaction signature
        0x1000,  # mini stream cut-off
        end,  # first mini FAT sector
        0,  # mini FAT sectors
        end,  # first DIFAT sector
        0,  # DIFAT sectors
    )
    header += struct.pack("<109I", 0, *([free] * 108))
    fat = [fat_sector, end, *range(3, 10), end] + [free] * (128 - 10)

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0" if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded),
            kind,
            1,  # black
            no_stream,
            no_stream,
            child,
            b"\0" * 16,
            0,
            0,
            0,
            start,
            size,
        )

    directory = (
        entry("Root Entry", 5, 1, end, 0)
        + entry("Workbook", 2, no_stream, 2, 4096)
        + entry("", 0, no_stream, 0, 0)
        + entry("", 0, no_stream, 0, 0)
    )
    bof = struct.pack("<HHHH", 0x0809, 16, 0x0600, 0x0005) + b"\0" * 12  # BIFF8 BOF, then zeros
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + bof.ljust(4096, b"\0"))
    return path


def encrypted(source: Path, path: Path, password: str) -> Path:
    with source.open("rb") as plain, path.open("wb") as sealed:
        OOXMLFile(plain).encrypt(password, sealed)
    return path


# --- Zip tricks ---------------------------------------------------------------------------------------------------


def zip_bomb(path: Path, mebibytes: int = 300) -> Path:
    """A sheet part of `mebibytes` MiB of spaces, written in 1 MiB pieces so it is never held in memory."""
    write_package(path, {"Data": sheet_xml(cells(1, 1))})
    block = b" " * (1 << 20)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet2.xml", "w") as part,
    ):
        part.write(f'<worksheet xmlns="{MAIN_NS}">'.encode())
        for _ in range(mebibytes):
            part.write(block)
        part.write(b"<sheetData/></worksheet>")
    return path


def lying_sizes(path: Path, declared: int = 4096) -> Path:
    """A sheet of about 200 KB whose zip headers (local and central) claim `declared` bytes."""
    one_sheet(path, "".join(cells(row, f"nama {row}", row, row * 2) for row in range(1, 2001)))
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        local_header = archive.getinfo(name.decode()).header_offset
    struct.pack_into("<I", data, local_header + 22, declared)  # uncompressed size in the local header
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # and in the central directory entry of the same part
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            struct.pack_into("<I", data, at + 24, declared)
            break
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def with_edited_xml(source: Path, path: Path, part: int, edits: Iterable[tuple[float, int]]) -> Path:
    """A copy of `source` whose `part`-th XML part has single bytes replaced (at relative positions), zipped again
    with correct CRCs, so the damage reaches the XML parsers instead of stopping at zipfile's checks."""
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml_parts = sorted(name for name in parts if name.endswith((".xml", ".rels")))
    name = xml_parts[part % len(xml_parts)]
    data = bytearray(parts[name])
    for where, value in edits:
        data[int(where * len(data))] = value
    parts[name] = bytes(data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part_name, content in parts.items():
            archive.writestr(part_name, content)
    return path


# --- XML tricks ---------------------------------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + f']><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)

XXE = (
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&x;</t></si></sst>'
)


def with_shared_strings(path: Path, shared_strings: str) -> Path:
    return one_sheet(path, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared_strings=shared_strings)


# --- Good workbooks, written the way our writer and Excel write them ---------------------------------------------

GOOD_ROWS = [
    ["nik", "nama", "lahir", "anak", "berat", "kunjungan", "catatan", "aktif"],
    ["3322014505800003", "Siti Aminah", date(1980, 5, 5), 3, 52.5, datetime(2026, 11, 2, 9, 30), None, True],
    ["0012345678901234", "Budi", date(2001, 1, 31), 0, 60.0, datetime(2026, 11, 3, 14, 0), "=1+1", False],
]


def good_workbook(path: Path) -> Path:
    """Two visible sheets and a hidden one, with text NIKs, numbers, dates, an empty cell and custom properties."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    text = workbook.add_format({"num_format": "@"})
    day = workbook.add_format({"num_format": "dd-mm-yyyy"})
    moment = workbook.add_format({"num_format": "dd-mm-yyyy hh:mm"})
    data = workbook.add_worksheet("Anggota Keluarga")
    for row, values in enumerate(GOOD_ROWS):
        for col, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, datetime):
                data.write_datetime(row, col, value, moment)
            elif isinstance(value, date):
                data.write_datetime(row, col, datetime(value.year, value.month, value.day), day)
            elif isinstance(value, str):
                data.write_string(row, col, value, text if col == 0 else None)
            else:
                data.write(row, col, value)
    other = workbook.add_worksheet("Rumah Tangga")
    other.write_row(0, 0, ["kk", "alamat"])
    other.write_row(1, 0, ["3322010101000001", "Dusun Krajan"])
    meta = workbook.add_worksheet("_meta")
    meta.write_row(0, 0, ["format", 3])
    meta.hide()
    workbook.set_custom_property("format_version", 3)
    workbook.set_custom_property("package", "0b6f1f4e-paket")
    workbook.set_custom_property("ratio", 7.5)
    workbook.close()
    return path


def multi_sheet(path: Path, row_counts: dict[str, int]) -> Path:
    """Sheets whose every row is (sheet index, row number): batches can be checked for order and completeness."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for index, (name, count) in enumerate(row_counts.items()):
        sheet = workbook.add_worksheet(name)
        for row in range(count):
            sheet.write_row(row, 0, [index, row + 1, f"baris {row + 1}"])
    workbook.close()
    return path
