"""The hostile corpus: bad files built from a REAL exported package and a REAL district extract workbook.

Each entry is a builder plus what each importer must make of it:

- a refusal code (the UnsafeWorkbook code for the package import, its lower-case form for the extract import, or
  a PackageRefused / ExtractRefused code): status rejected, a Bahasa message, nothing written but the audit event
  that records the refusal;
- HANDLED: read to the end without a crash; the outcome is not a refusal (rows may be rejected, parked or flagged).

Most entries take a real file apart and spoil one part, so the damage reaches the deep code (the sheet extents, the
shared strings, the relationships, the signed rows) instead of stopping at the first bytes. The bombs are streamed:
no builder holds more than a few MiB in memory, and the whole corpus is about 10 MB on disk.
"""

from __future__ import annotations

import random
import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from spreadsheet import hostile

HANDLED = "HANDLED"
NO_AS_OF = "no_as_of"  # a package read as an extract: its title rows carry no "keadaan per tanggal"
RLO = "\u202e"
MARKER = "QQ-SPIDOL-QQ"  # a text that is written once with openpyxl, then replaced at byte level

Builder = Callable[[Path, Path], Path]  # (source workbook, target) -> target


@dataclass(frozen=True)
class Entry:
    name: str  # also the file name (plus .xlsx)
    build: Builder
    package: str  # expected outcome of the package import
    extract: str  # expected outcome of the DTSEN extract import
    source: str = "package"  # which real file the builder starts from: "package" or "extract"


# --- zip plumbing -----------------------------------------------------------------------------------------------


def parts_of(source: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(source) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rezip(parts: list[tuple[str, bytes]], target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return target


DATA_SHEETS = ("Anggota Keluarga", "DTSEN")  # the sheet of people in the package and in the extract


def data_sheet_part(source: Path) -> str:
    """The part of the sheet of people (the first worksheet when neither is there)."""
    with zipfile.ZipFile(source) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    sheets = re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', workbook)
    rel_id = next((rid for name, rid in sheets if name in DATA_SHEETS), sheets[0][1])
    target = re.search(rf'<Relationship [^>]*Id="{rel_id}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rel_id}"', rels)
    assert target is not None
    path = target.group(1)
    return path.lstrip("/") if path.startswith("/") else f"xl/{path}"


def edited(change: Callable[[str, bytes], bytes | None]) -> Builder:
    """A builder that passes every part through `change(name, data)`; None drops the part."""

    def build(source: Path, target: Path) -> Path:
        out = []
        for name, data in parts_of(source):
            new = change(name, data)
            if new is not None:
                out.append((name, new))
        return rezip(out, target)

    return build


def in_part(part: str | Callable[[Path], str], change: Callable[[bytes], bytes]) -> Builder:
    def build(source: Path, target: Path) -> Path:
        wanted = part(source) if callable(part) else part
        return edited(lambda name, data: change(data) if name == wanted else data)(source, target)

    return build


def shared_strings(data: bytes) -> Builder:
    """Replace the shared strings part, or add one (our writer writes inline strings): the guard reads every part."""

    def build(source: Path, target: Path) -> Path:
        return rezip([*((n, d) for n, d in parts_of(source) if n != "xl/sharedStrings.xml"),
                      ("xl/sharedStrings.xml", data)], target)

    return build


def with_extra(name: str, data: bytes) -> Builder:
    def build(source: Path, target: Path) -> Path:
        return rezip([*parts_of(source), (name, data)], target)

    return build


def streamed_extra(name: str, head: bytes, filler: bytes, mebibytes: int, tail: bytes) -> Builder:
    """Append a part of `mebibytes` MiB written in 1 MiB pieces (a bomb that is never held in memory)."""

    def build(source: Path, target: Path) -> Path:
        target.write_bytes(source.read_bytes())
        block = (filler * ((1 << 20) // len(filler) + 1))[: 1 << 20]
        with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as out:
            out.write(head)
            for _ in range(mebibytes):
                out.write(block)
            out.write(tail)
        return target

    return build


def replaced_part(name: str, head: bytes, filler: bytes, mebibytes: int, tail: bytes) -> Builder:
    """Replace an existing part by a streamed bomb of the same name."""

    def build(source: Path, target: Path) -> Path:
        rezip([(n, d) for n, d in parts_of(source) if n != name], target)
        return streamed_extra(name, head, filler, mebibytes, tail)(target, target.with_suffix(".tmp")).replace(
            target)

    return build


def bytes_only(make: Callable[[Path], Path]) -> Builder:
    return lambda _source, target: make(target)


def cut(keep: Callable[[int], int]) -> Builder:
    def build(source: Path, target: Path) -> Path:
        data = source.read_bytes()
        target.write_bytes(data[: keep(len(data))])
        return target

    return build


def flipped_directory(seed: int) -> Builder:
    """Flip bytes in the central directory (names, sizes, offsets), keeping the end record intact."""

    def build(source: Path, target: Path) -> Path:
        data = bytearray(source.read_bytes())
        start, end = data.rfind(b"PK\x01\x02"), data.rfind(b"PK\x05\x06")
        first = data.find(b"PK\x01\x02")
        rng = random.Random(seed)
        for _ in range(12):
            at = rng.randrange(first + 4, max(start, end - 1))
            data[at] ^= 0xFF
        target.write_bytes(bytes(data))
        return target

    return build


def directory_field(offset: int, value: int, size: str = "<H") -> Builder:
    """Set one field of every central directory entry (e.g. 8 = flags, 10 = compression method)."""

    def build(source: Path, target: Path) -> Path:
        data = bytearray(source.read_bytes())
        at = data.find(b"PK\x01\x02")
        while at >= 0:
            struct.pack_into(size, data, at + offset, value)
            at = data.find(b"PK\x01\x02", at + 4)
        target.write_bytes(bytes(data))
        return target

    return build


def lying_size(source: Path, target: Path) -> Path:
    """The data sheet's declared uncompressed size (local header and directory) says 4096 bytes."""
    target.write_bytes(source.read_bytes())
    data = bytearray(target.read_bytes())
    name = data_sheet_part(source).encode()
    with zipfile.ZipFile(target) as archive:
        local = archive.getinfo(name.decode()).header_offset
    struct.pack_into("<I", data, local + 22, 4096)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46: at + 46 + length] == name:
            struct.pack_into("<I", data, at + 24, 4096)
        at = data.find(b"PK\x01\x02", at + 4)
    target.write_bytes(bytes(data))
    return target


def sheet_edit(change: Callable[[bytes], bytes]) -> Builder:
    return in_part(data_sheet_part, change)


def _insert_before(tag: bytes, text: bytes) -> Callable[[bytes], bytes]:
    return lambda data: data.replace(tag, text + tag, 1)


def _far_row(ref: str) -> bytes:
    row = int(re.sub(r"[A-Z]", "", ref))
    return f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'.encode()


# --- cell-level edits through openpyxl, then byte replacement -----------------------------------------------------


def cell_text(text: bytes, *, column: str) -> Builder:
    """Set one cell (first data row, column headed `column`, first sheet that has one) to `text`: raw UTF-8 XML
    bytes, so escapes and forbidden bytes survive.

    openpyxl writes a unique marker into the cell (that is where the row becomes a hand edit); the marker is then
    replaced in the saved XML by `text`."""

    def build(source: Path, target: Path) -> Path:
        workbook = openpyxl.load_workbook(source)
        for sheet in (workbook[name] for name in DATA_SHEETS if name in workbook.sheetnames):
            found = [(cell.row, cell.column) for row in sheet.iter_rows(max_row=12) for cell in row
                     if str(cell.value or "").strip().upper() == column.upper()]
            if found:
                header_row, col = found[0]
                sheet.cell(row=header_row + 1, column=col, value=MARKER)
                break
        else:
            raise LookupError(column)
        staged = target.with_suffix(".stage.xlsx")
        workbook.save(staged)
        parts = [(name, data.replace(MARKER.encode(), text)) for name, data in parts_of(staged)]
        staged.unlink()
        return rezip(parts, target)

    return build


# --- the many-parts files ---------------------------------------------------------------------------------------


def many_sheets(count: int, *, share_part: bool) -> Builder:
    """`count` sheets: each its own part (10,000 zip entries), or all declared over the data sheet's one part."""

    def build(source: Path, target: Path) -> Path:
        parts = dict(parts_of(source))
        data_part = data_sheet_part(source)
        declared = "".join(f'<sheet name="S{i}" sheetId="{i + 1000}" r:id="rX{i}"/>' for i in range(count))
        rels = "".join(
            f'<Relationship Id="rX{i}" Type="{hostile.WORKSHEET_REL}" '
            f'Target="{data_part[3:] if share_part else f"worksheets/x{i}.xml"}"/>' for i in range(count))
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</sheets>", declared.encode() + b"</sheets>")
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>", rels.encode() + b"</Relationships>")
        items = list(parts.items())
        if not share_part:
            tiny = hostile.sheet_xml(hostile.cells(1, 1)).encode()
            items += [(f"xl/worksheets/x{i}.xml", tiny) for i in range(count)]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
            for name, data in items:
                archive.writestr(name, data)
        return target

    return build


def evil_member(name: str) -> Builder:
    return with_extra(name, b'<?xml version="1.0"?><x>jahat</x>')


def html_renamed(target: Path) -> Path:
    target.write_text("<html><body><table><tr><td>NIK</td><td>NAMA</td></tr></table></body></html>")
    return target


def empty(target: Path) -> Path:
    target.write_bytes(b"")
    return target


def ods_like(target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return target


def xlsb_like(target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return target


def csv_of_extract(target: Path) -> Path:
    target.write_text("NIK;NAMA;DESA/KELURAHAN\n3322011505800003;SLAMET RIJADI;SUMOGAWE\n", encoding="utf-8")
    return target


def macro_enabled(source: Path, target: Path) -> Path:
    """An .xlsm (macro part and macro content type) renamed to .xlsx: our readers never run macros."""
    parts = dict(parts_of(source))
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
    parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    return rezip(list(parts.items()), target)


DOCTYPE_LAUGHS = hostile.BILLION_LAUGHS.encode()
XXE_SST = hostile.XXE.encode()
XXE_PREFIX = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
SST_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{hostile.MAIN_NS}">'.encode()
STYLES_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{hostile.MAIN_NS}"><cellXfs>'.encode()


def _doctype_first(data: bytes) -> bytes:
    """Put a DOCTYPE with an external entity right after the XML declaration."""
    end = data.find(b"?>") + 2
    return data[:end] + b'<!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + data[end:]


# --- the corpus -------------------------------------------------------------------------------------------------

# Spoilers applied to both real files. (name, builder, expected code of the guard, or None when it passes).
_GUARD_REFUSALS: list[tuple[str, Builder, str]] = [
    ("terpotong-separuh", cut(lambda n: n // 2), "TRUNCATED"),
    ("terpotong-ekor", cut(lambda n: n - 100), "TRUNCATED"),
    ("terpotong-kepala", cut(lambda n: 1000), "TRUNCATED"),
    ("bersandi", lambda s, t: hostile.encrypted(s, t, "Rahasia-Dinsos-1"), "ENCRYPTED"),
    ("bom-lembar-tambahan", streamed_extra("xl/worksheets/sheet99.xml", f'<worksheet xmlns="{hostile.MAIN_NS}">'
                                           .encode(), b" ", 64, b"<sheetData/></worksheet>"), "BOMB"),
    ("bom-shared-strings", replaced_part("xl/sharedStrings.xml", SST_HEAD, b"<si><t>a</t></si>", 48, b"</sst>"),
     "BOMB"),
    ("bom-styles", replaced_part("xl/styles.xml", STYLES_HEAD, b'<xf numFmtId="0" fontId="0"/>', 48,
                                 b"</cellXfs></styleSheet>"), "BOMB"),
    ("ukuran-bohong", lying_size, "CORRUPT"),
    ("billion-laughs", shared_strings(DOCTYPE_LAUGHS), "DTD"),
    ("xxe-shared-strings", shared_strings(XXE_SST), "DTD"),
    ("xxe-lembar", sheet_edit(_doctype_first), "DTD"),
    ("xxe-workbook", in_part("xl/workbook.xml", _doctype_first), "DTD"),
    ("xxe-content-types", in_part("[Content_Types].xml", _doctype_first), "DTD"),
    ("sepuluh-ribu-lembar", many_sheets(10_000, share_part=False), "TOO_LARGE"),
    ("kolom-16384", sheet_edit(_insert_before(b"</sheetData>", _far_row("XFD3"))), "FAR_CELLS"),
    ("sel-jauh-z1048576", sheet_edit(_insert_before(b"</sheetData>", _far_row("Z1048576"))), "FAR_CELLS"),
    ("sel-jauh-xfd1048576", sheet_edit(_insert_before(b"</sheetData>", _far_row("XFD1048576"))), "FAR_CELLS"),
    ("relasi-hilang", in_part("xl/_rels/workbook.xml.rels", lambda d: re.sub(
        rb'<Relationship [^>]*worksheet"[^>]*/>', b"", d, count=1)), "CORRUPT"),
    ("relasi-ke-bagian-tiada", in_part("xl/_rels/workbook.xml.rels", lambda d: re.sub(
        rb'Target="worksheets/sheet1.xml"', b'Target="worksheets/tiada.xml"', d, count=1)), "CORRUPT"),
    ("relasi-naik-folder", in_part("xl/_rels/workbook.xml.rels", lambda d: re.sub(
        rb'Target="worksheets/sheet1.xml"', b'Target="../../../../etc/passwd"', d, count=1)), "CORRUPT"),
    ("relasi-absolut", in_part("xl/_rels/workbook.xml.rels", lambda d: re.sub(
        rb'Target="worksheets/sheet1.xml"', b'Target="/etc/passwd"', d, count=1)), "CORRUPT"),
    ("workbook-hilang", edited(lambda n, d: None if n == "xl/workbook.xml" else d), "NO_WORKBOOK"),
    ("nama-ganda", lambda s, t: rezip([*parts_of(s), ("XL/WORKBOOK.XML", b"<x/>")], t), "CORRUPT"),
    ("nul-dalam-xml", sheet_edit(lambda d: d.replace(b"<sheetData>", b"<sheetData>\x00", 1)), "CORRUPT"),
    # Cut after a whole row, so the guard's fast scan sees only well-formed cells and calamine meets the end.
    ("lembar-terpotong-xml", sheet_edit(lambda d: d[: d.rfind(b"</row>", 0, len(d) // 2) + 6]), "READER_FAILED"),
    ("workbook-bukan-xml", in_part("xl/workbook.xml", lambda d: d[:-20]), "CORRUPT"),
    ("direktori-dibalik", flipped_directory(3), "CORRUPT"),
    ("entri-terenkripsi", directory_field(8, 1), "CORRUPT"),
    ("metode-kompresi-asing", directory_field(10, 99), "CORRUPT"),
]

# Odd but harmless: the guard lets them through; what happens next depends on the importer.
_PASSING: list[tuple[str, Builder, str, str]] = [
    # (name, builder, package outcome, extract outcome) when built from the package ...
    ("dimensi-seluruh-grid", sheet_edit(lambda d: re.sub(rb'<dimension ref="[^"]*"/>',
                                                         b'<dimension ref="A1:XFD1048576"/>', d, count=1)),
     HANDLED, NO_AS_OF),
    ("xlsm-berganti-nama", macro_enabled, HANDLED, NO_AS_OF),
    ("lembar-berbagi-bagian", many_sheets(200, share_part=True), HANDLED, NO_AS_OF),
    ("anggota-naik-folder", evil_member("../../lepas.xml"), HANDLED, NO_AS_OF),
    ("anggota-absolut", evil_member("/tmp/puskesos-lepas.xml"), HANDLED, NO_AS_OF),
    ("anggota-backslash", evil_member("..\\..\\lepas.xml"), HANDLED, NO_AS_OF),
]


def _cell_entries() -> list[Entry]:
    """Cells with text no officer typed: the rows are hand edits (package) or imported verbatim/flagged (extract)."""
    texts = {
        "rlo": f"Siti {RLO}hanimA".encode(),
        "kontrol-escape": b"Siti _x0001__x0007_Aminah",
        "nul-escape": b"Siti _x0000_Aminah",
        "kontrol-mentah": b"Siti \x01\x1b[31m Aminah",  # not well-formed XML; calamine reads it anyway
        "teks-1mb": "".join(random.Random(1).choices("abcdefghijklmnopqrstuvwxyz ", k=1 << 20)).encode(),
        "sql-injeksi": b"Robert&apos;); DROP TABLE person;--",
        "formula-teks": b"=HYPERLINK(&quot;http://contoh.invalid&quot;)",
    }
    entries = []
    for key, text in texts.items():
        entries.append(Entry(f"paket-sel-{key}", cell_text(text, column="NAMA"), HANDLED, NO_AS_OF))
        entries.append(Entry(f"ekstrak-sel-{key}", cell_text(text, column="NAMA"), "NOT_A_PACKAGE", HANDLED,
                             source="extract"))
    return entries


def corpus() -> list[Entry]:
    entries: list[Entry] = []
    for name, build, code in _GUARD_REFUSALS:
        entries.append(Entry(f"paket-{name}", build, code, code.lower()))
        # The package import reads _meta first: a damaged data sheet of an extract is "not a package" to it.
        package_code = "NOT_A_PACKAGE" if code == "READER_FAILED" else code
        entries.append(Entry(f"ekstrak-{name}", build, package_code, code.lower(), source="extract"))
    for name, build, package, extract in _PASSING:
        entries.append(Entry(f"paket-{name}", build, package, extract))
        entries.append(Entry(f"ekstrak-{name}", build, "NOT_A_PACKAGE", HANDLED, source="extract"))
    entries += _cell_entries()
    entries += [
        Entry("kosong", bytes_only(empty), "EMPTY", "empty"),
        Entry("bukan-zip-acak", bytes_only(hostile.random_bytes), "NOT_ZIP", "not_zip"),
        Entry("csv-berganti-nama", bytes_only(csv_of_extract), "CSV", "csv"),
        Entry("html-berganti-nama", bytes_only(html_renamed), "MARKUP", "markup"),
        Entry("xls-lama", bytes_only(hostile.legacy_xls), "LEGACY_XLS", "legacy_xls"),
        Entry("ods", bytes_only(ods_like), "ODS", "ods"),
        Entry("xlsb", bytes_only(xlsb_like), "XLSB", "xlsb"),
    ]
    return entries


def build_corpus(sources: dict[str, Path], folder: Path) -> dict[str, tuple[Entry, Path]]:
    """Build every entry into `folder` (one sub-folder per file, so stray files next to an input can be seen).

    Every package entry starts from the same export; those the package import must handle are imported into a
    fresh copy of the district each (test_hostile_corpus), so none of them is merely "already imported"."""
    built = {}
    for entry in corpus():
        home = folder / entry.name
        home.mkdir(parents=True, exist_ok=True)
        target = home / f"{entry.name}.xlsx"
        entry.build(sources[entry.source], target)
        built[entry.name] = (entry, target)
    return built
