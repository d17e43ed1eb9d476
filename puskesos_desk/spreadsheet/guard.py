"""The xlsx guard: refuse hostile or unusable workbooks before any reader touches a row.

Everything here is decided from the zip directory and from one streaming pass over the parts, in 1 MiB chunks;
nothing is decompressed whole and no third-party parser sees a part before it passed. What is checked, in order
(the measured reasons are in stack-notes part 2 §0 and §6):

1. the first bytes: empty, OLE container (password-protected OOXML or legacy .xls), text (CSV, HTML), not a zip;
2. the zip directory: entry count, duplicate names, declared sizes and compression ratios. Both python-calamine
   and zipfile enforce the declared sizes while reading, so checking them before decompressing is sound;
3. every XML part: no NUL byte (UTF-16 tricks), no DOCTYPE/ENTITY declaration (Excel never writes one);
4. every worksheet: the farthest cell. python-calamine allocates rows x columns x 32 bytes and aborts the whole
   process (an uncatchable SIGABRT) when that fails, so extents are refused here, not discovered by the reader.

The extent scan (extent.py) has a fast path for the canonical XML that Excel, LibreOffice, xlsxwriter and openpyxl write
(`<row r="7" ...>`, `<c r="B7" ...>`, one space between attributes): regular expressions look only for cells that
break that form or lie beyond the bounds learned so far. Anything else (prefixed tags, cells without `r`,
reordered or repeated attributes) is parsed again with expat, which follows the same positions calamine uses and
refuses what is not well-formed XML (a repeated attribute that calamine would quietly read) as CORRUPT.

On Windows the reader process has no memory limit, so there these limits are the only bound on calamine.
"""

from __future__ import annotations

import errno
import logging
import os
import posixpath
import struct
import weakref
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple
from xml.etree import ElementTree

import msoffcrypto
from msoffcrypto import exceptions as office_errors

from puskesos_desk.spreadsheet.decrypt import OLE_MAGIC, decrypt_to
from puskesos_desk.spreadsheet.errors import UnsafeWorkbook, os_reason
from puskesos_desk.spreadsheet.extent import SheetExtent, scan_sheet
from puskesos_desk.spreadsheet.limits import DEFAULT_LIMITS, GiB, Limits, MiB
from puskesos_desk.spreadsheet.xml_parts import CHUNK_BYTES, xml_chunks

__all__ = ["CHUNK_BYTES", "DEFAULT_LIMITS", "GiB", "Limits", "MiB", "SheetShape", "WorkbookShape", "decrypt_to",
           "inspect_xlsx", "is_current"]

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class SheetShape:
    name: str
    state: str  # "visible", "hidden" or "veryHidden", as workbook.xml says
    kind: str  # "worksheet", "chartsheet", "dialogsheet" or "macrosheet"
    part: str  # path of the sheet part inside the zip
    max_row: int  # 1-based extent of the cells present; 0 for an empty sheet
    max_col: int
    formula_count: int = 0
    formula_cells: tuple[str, ...] = ()  # the first few, e.g. ("B2", "C2")
    formula_rows: frozenset[int] = frozenset()  # every row with a formula in it

    @property
    def hidden(self) -> bool:
        return self.state != "visible"


@dataclass(frozen=True)
class PackageSizes:
    file_bytes: int
    parts: int
    uncompressed_bytes: int
    largest_part: str
    largest_part_bytes: int
    max_ratio: float  # over parts larger than Limits.ratio_floor_bytes; 0 when none is


@dataclass(frozen=True, eq=False)
class WorkbookShape:
    path: Path
    sheets: tuple[SheetShape, ...]
    custom_properties: dict[str, str]  # docProps/custom.xml; values as text (LibreOffice turns 7 into 7.0)
    application: str | None  # docProps/app.xml <Application>: the program that saved the file last
    app_version: str | None
    sizes: PackageSizes
    limits: Limits
    file_stamp: tuple[int, ...] = field(repr=False)  # see _stamp()
    scanned: frozenset[str] | None = None  # the sheets whose cells were scanned; None: every sheet (see inspect_xlsx)

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    @property
    def has_formulas(self) -> bool:
        return any(sheet.formula_count for sheet in self.sheets)

    def sheet(self, name: str) -> SheetShape | None:
        return next((sheet for sheet in self.sheets if sheet.name == name), None)

    def scanned_sheet(self, name: str) -> bool:
        """True when the cells of sheet `name` passed the extent scan, so that a reader may load it."""
        return self.scanned is None or name in self.scanned


# Shapes made by inspect_xlsx, so that the reader can tell a guarded shape from one built by hand.
_ISSUED: weakref.WeakSet[WorkbookShape] = weakref.WeakSet()


def is_current(shape: WorkbookShape, path: str | os.PathLike[str], limits: Limits) -> bool:
    """True when `shape` came from inspect_xlsx for this very file, unchanged since, under the same limits."""
    try:
        return (
            shape in _ISSUED
            and shape.limits == limits
            and shape.path.resolve() == Path(path).resolve()
            and shape.file_stamp == _stamp(Path(path))
        )
    except OSError:
        return False


def inspect_xlsx(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS, *,
                 sheets: Collection[str] | None = None, after: WorkbookShape | None = None) -> WorkbookShape:
    """Check the workbook at `path` and describe it; raise UnsafeWorkbook when it must not be read.

    `sheets` limits step 4 (nearly all the time on a large workbook) to the named sheets: steps 1-3 cover every
    other part as always, the other sheet parts are not opened at all, and a reader may load only the named sheets
    (WorkbookShape.scanned; the others show an extent of 0). python-calamine opens no sheet part but the one asked
    for, so the skipped parts stay unread until a full scan passed them. An importer reads a package's `_meta`
    sheet this way while the data sheets are scanned.

    `after`: a partial shape of this same file, unchanged since, under the same limits (is_current): the cells of
    the sheets it scanned are not scanned again. Any other shape is ignored.
    """
    known = {sheet.name: sheet for sheet in after.sheets if after.scanned_sheet(sheet.name)} \
        if after is not None and is_current(after, path, limits) else {}
    try:
        shape = _inspect(Path(path), limits, None if sheets is None else frozenset(sheets), known)
    except UnsafeWorkbook as refused:
        log.info("workbook %s refused: %s (%s)", Path(path).name, refused.code, refused.detail)
        raise
    _ISSUED.add(shape)
    return shape


def _inspect(path: Path, limits: Limits, only: frozenset[str] | None, known: dict[str, SheetShape]) -> WorkbookShape:
    try:
        stamp = _stamp(path)
        if stamp[0] == 0:
            raise UnsafeWorkbook("EMPTY")
        if stamp[0] > limits.max_total_bytes:
            raise UnsafeWorkbook("TOO_LARGE", what=f"{stamp[0] / MiB:.0f} MB", detail=f"file of {stamp[0]} bytes")
        with path.open("rb") as handle:
            head = handle.read(4096)
            if not head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
                raise _refusal_for_non_zip(path, head)
            _check_central_directory(handle, stamp[0], limits)
        with zipfile.ZipFile(path) as archive:
            shape = _inspect_archive(path, archive, limits, stamp, only, known)
    except UnsafeWorkbook:
        raise
    except OSError as exc:
        if exc.errno == errno.EINVAL:  # zipfile seeking to an offset a damaged directory gave it
            raise UnsafeWorkbook("CORRUPT", detail=repr(exc)) from exc
        raise UnsafeWorkbook("UNREADABLE", reason=os_reason(exc), detail=repr(exc)) from exc
    except zipfile.BadZipFile as exc:
        code = "TRUNCATED" if "not a zip file" in str(exc) or "Truncated" in str(exc) else "CORRUPT"
        raise UnsafeWorkbook(code, detail=repr(exc)) from exc
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, struct.error) as exc:
        # zipfile's ways of saying a member cannot be read: bad deflate data, cut data, an unknown method.
        raise UnsafeWorkbook("CORRUPT", detail=repr(exc)) from exc
    except (ElementTree.ParseError, LookupError) as exc:  # parts not well-formed, or in an unknown encoding
        raise UnsafeWorkbook("CORRUPT", detail=repr(exc)) from exc
    return shape


def _stamp(path: Path) -> tuple[int, ...]:
    """What changes when the file is rewritten or replaced: size, times, and the file's identity on disk."""
    info = path.stat()
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


# --- 1. What a file is when it is not a zip -------------------------------------------------------------------

_TEXT_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def _refusal_for_non_zip(path: Path, head: bytes) -> UnsafeWorkbook:
    if head.startswith(OLE_MAGIC):
        return _refusal_for_ole(path)
    text = _as_text(head)
    if text is None:
        return UnsafeWorkbook("NOT_ZIP", detail=f"starts with {head[:8].hex()}")
    if text.lstrip().startswith("<"):
        return UnsafeWorkbook("MARKUP", detail="HTML or XML text")
    return UnsafeWorkbook("CSV", detail="plain text")


def _as_text(head: bytes) -> str | None:
    """The head decoded as text when it reads as text (UTF-8, UTF-16 with BOM or Windows-1252), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the head is still UTF-8; an error earlier means another code page.
        text = head[: exc.start].decode("utf-8") if exc.start >= len(head) - 3 else head.decode("cp1252", "replace")
    controls = sum(1 for char in text if ord(char) in _TEXT_CONTROL or char == "\ufffd")
    return text if controls <= len(text) // 100 else None


def is_encrypted_workbook(path: str | os.PathLike[str]) -> bool:
    """A password-protected xlsx, told apart the same way the guard refuses one (False for a legacy .xls, a damaged
    container, anything else)."""
    try:
        with Path(path).open("rb") as handle:
            if handle.read(len(OLE_MAGIC)) != OLE_MAGIC:
                return False
    except OSError:
        return False
    return _refusal_for_ole(Path(path)).code == "ENCRYPTED"


def _refusal_for_ole(path: Path) -> UnsafeWorkbook:
    """OLE compound files: a password-protected xlsx (an EncryptionInfo stream) or a legacy Office file."""
    try:
        with path.open("rb") as handle:
            office = msoffcrypto.OfficeFile(handle)
            encrypted = office.format == "ooxml" and office.is_encrypted()
    except office_errors.FileFormatError as exc:  # an OLE file, but no Office stream msoffcrypto knows
        return UnsafeWorkbook("LEGACY_XLS", detail=repr(exc))
    except Exception as exc:  # olefile and msoffcrypto raise many kinds of errors on a damaged container
        return UnsafeWorkbook("CORRUPT", detail=f"OLE container: {exc!r}")
    if encrypted:
        return UnsafeWorkbook("ENCRYPTED", detail=f"OOXML {getattr(office, 'type', '?')} encryption")
    return UnsafeWorkbook("LEGACY_XLS", detail=f"OLE format {office.format}")


# --- 2. The zip directory ---------------------------------------------------------------------------------------

_EOCD = struct.Struct("<4sHHHHIIH")
_ZIP64_LOCATOR = struct.Struct("<4sIQI")
_ZIP64_EOCD = struct.Struct("<4sQHHIIQQQQ")


def _check_central_directory(handle: BinaryIO, file_bytes: int, limits: Limits) -> None:
    """Read the entry count from the end record before zipfile builds one object per entry."""
    tail_bytes = min(file_bytes, _EOCD.size + 0xFFFF)
    handle.seek(file_bytes - tail_bytes)
    tail = handle.read(tail_bytes)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        raise UnsafeWorkbook("TRUNCATED", detail="no end of central directory record")
    _, disk, _, _, entries, directory_bytes, directory_at, _ = _EOCD.unpack_from(tail, at)
    if disk != 0:
        raise UnsafeWorkbook("CORRUPT", detail="multi-disk zip")
    if entries == 0xFFFF or directory_bytes == 0xFFFFFFFF or directory_at == 0xFFFFFFFF:
        locator_at = at - _ZIP64_LOCATOR.size
        if locator_at < 0 or tail[locator_at : locator_at + 4] != b"PK\x06\x07":
            raise UnsafeWorkbook("CORRUPT", detail="zip64 markers without a zip64 locator")
        record_at = _ZIP64_LOCATOR.unpack_from(tail, locator_at)[2]
        handle.seek(record_at)
        record = handle.read(_ZIP64_EOCD.size)
        if len(record) < _ZIP64_EOCD.size or record[:4] != b"PK\x06\x06":
            raise UnsafeWorkbook("CORRUPT", detail="zip64 end record missing")
        entries, directory_bytes = _ZIP64_EOCD.unpack(record)[7:9]
    if entries > limits.max_parts:
        raise UnsafeWorkbook("TOO_LARGE", what=f"{entries} bagian", detail=f"{entries} zip entries")
    if directory_bytes > file_bytes:
        raise UnsafeWorkbook("TRUNCATED", detail="central directory larger than the file")


def _check_members(infos: list[zipfile.ZipInfo], file_bytes: int, limits: Limits) -> PackageSizes:
    seen: set[str] = set()
    total = 0
    worst_ratio = 0.0
    largest = max(infos, key=lambda info: info.file_size, default=None)
    for info in infos:
        folded = info.filename.lower()
        if folded in seen:  # which copy a reader would take is unknowable: refuse
            raise UnsafeWorkbook("CORRUPT", detail=f"duplicate part {info.filename}")
        seen.add(folded)
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeWorkbook("CORRUPT", detail=f"{info.filename}: method {info.compress_type}, encrypted entry")
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            worst_ratio = max(worst_ratio, ratio)
            if ratio > limits.max_ratio:
                raise UnsafeWorkbook("BOMB", detail=f"{info.filename}: {info.file_size} bytes, ratio {ratio:.0f}")
        if info.file_size > limits.max_part_bytes:
            raise UnsafeWorkbook(
                "TOO_LARGE", what=f"bagian {info.file_size / MiB:.0f} MB", detail=f"{info.filename} {info.file_size}"
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise UnsafeWorkbook("TOO_LARGE", what=f"lebih dari {limits.max_total_bytes / MiB:.0f} MB", detail="total")
    return PackageSizes(
        file_bytes=file_bytes,
        parts=len(infos),
        uncompressed_bytes=total,
        largest_part=largest.filename if largest else "",
        largest_part_bytes=largest.file_size if largest else 0,
        max_ratio=round(worst_ratio, 1),
    )


# --- 3. The parts -----------------------------------------------------------------------------------------------

_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_APP = "docprops/app.xml"
_CUSTOM = "docprops/custom.xml"
_PARSED_PARTS = (_WORKBOOK, _WORKBOOK_RELS, _APP, _CUSTOM)  # lower case: zip names are matched case-blind
_SHEET_FOLDERS = ("xl/worksheets/", "xl/dialogsheets/", "xl/macrosheets/")
# Media and binary parts: no reader parses them as XML, and their bytes would trip the NUL check.
_BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", ".ico", ".wdp")
_SHEET_KINDS = {"worksheet": "worksheet", "chartsheet": "chartsheet", "dialogsheet": "dialogsheet",
                "xlMacrosheet": "macrosheet", "xlIntlMacrosheet": "macrosheet"}  # fmt: skip


def _inspect_archive(path: Path, archive: zipfile.ZipFile, limits: Limits, stamp: tuple[int, ...],
                     only: frozenset[str] | None, known: dict[str, SheetShape]) -> WorkbookShape:
    infos = archive.infolist()
    sizes = _check_members(infos, stamp[0], limits)
    by_name = {info.filename.lower(): info for info in infos}
    if _WORKBOOK not in by_name:
        raise _refusal_for_other_zip(by_name)

    parsed: dict[str, bytes] = {}
    for name in _PARSED_PARTS:
        info = by_name.get(name)
        if info is not None:
            if info.file_size > limits.max_meta_bytes:
                raise UnsafeWorkbook("TOO_LARGE", what=f"bagian {info.filename} {info.file_size / MiB:.0f} MB")
            parsed[name] = b"".join(xml_chunks(archive, info))  # checked for NUL and DTD before parsing
    declared = _declared_sheets(parsed[_WORKBOOK], parsed.get(_WORKBOOK_RELS))
    for sheet in declared:
        if sheet.part not in by_name:
            raise UnsafeWorkbook("CORRUPT", detail=f"sheet {sheet.name!r} points at missing {sheet.part}")

    sheet_parts = {sheet.part: sheet.name for sheet in declared}
    extents: dict[str, SheetExtent] = {}
    for folded, info in by_name.items():
        if folded in sheet_parts or (folded.startswith(_SHEET_FOLDERS) and folded.endswith(".xml")):
            extent = SheetExtent(sheet_parts.get(folded, info.filename), limits)
            earlier = known.get(extent.sheet) if folded in sheet_parts else None
            if earlier is not None and by_name[folded].filename == earlier.part:
                extents[folded] = extent.taken_from(earlier)
            elif only is None or extent.sheet in only:
                extents[folded] = scan_sheet(archive, info, extent)
            else:  # left out of a partial scan: parsed by nobody until a full scan passed it
                extents[folded] = extent
        elif folded not in parsed and not folded.endswith(_BINARY_SUFFIXES):
            for _ in xml_chunks(archive, info):
                pass

    application, app_version = _application(parsed.get(_APP))
    return WorkbookShape(
        path=path,
        sheets=tuple(
            SheetShape(
                name=sheet.name,
                state=sheet.state,
                kind=sheet.kind,
                part=by_name[sheet.part].filename,
                max_row=extents[sheet.part].max_row,
                max_col=extents[sheet.part].max_col,
                formula_count=extents[sheet.part].formula_count,
                formula_cells=tuple(extents[sheet.part].formula_cells),
                formula_rows=frozenset(extents[sheet.part].formula_rows),
            )
            for sheet in declared
        ),
        custom_properties=_custom_properties(parsed.get(_CUSTOM)),
        application=application,
        app_version=app_version,
        sizes=sizes,
        limits=limits,
        file_stamp=stamp,
        scanned=only,
    )


def _refusal_for_other_zip(by_name: dict[str, zipfile.ZipInfo]) -> UnsafeWorkbook:
    if "xl/workbook.bin" in by_name:
        return UnsafeWorkbook("XLSB", detail="xl/workbook.bin")
    if "content.xml" in by_name and "mimetype" in by_name:
        return UnsafeWorkbook("ODS", detail="OpenDocument package")
    return UnsafeWorkbook("NO_WORKBOOK", detail="no xl/workbook.xml")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _DeclaredSheet(NamedTuple):
    name: str
    state: str
    kind: str
    part: str  # lower case, like the keys of by_name


def _declared_sheets(workbook_xml: bytes, rels_xml: bytes | None) -> list[_DeclaredSheet]:
    """Sheets in workbook order with their state, kind and part, resolved the way readers resolve them."""
    targets: dict[str, tuple[str, str]] = {}
    if rels_xml:
        for rel in ElementTree.fromstring(rels_xml):
            if _local(rel.tag) == "Relationship" and rel.get("TargetMode") != "External":
                targets[rel.get("Id", "")] = (rel.get("Type", ""), rel.get("Target", ""))
    sheets = []
    for element in ElementTree.fromstring(workbook_xml).iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((value for key, value in element.attrib.items() if key.endswith("}id")), None)
        name = element.get("name")
        if name is None or rel_id not in targets:
            raise UnsafeWorkbook("CORRUPT", detail=f"sheet {name!r} without a relationship")
        rel_type, target = targets[rel_id]
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        kind = rel_type.rpartition("/")[2]
        state = element.get("state", "visible")
        sheets.append(_DeclaredSheet(name, state, _SHEET_KINDS.get(kind, kind), posixpath.normpath(part).lower()))
    return sheets


def _custom_properties(xml: bytes | None) -> dict[str, str]:
    properties: dict[str, str] = {}
    for element in ElementTree.fromstring(xml) if xml else ():
        name = element.get("name")
        if _local(element.tag) == "property" and name:
            value = next(iter(element), None)  # <vt:lpwstr>, <vt:i4>, <vt:r8>, <vt:bool>, <vt:filetime>, ...
            properties[name] = (value.text or "") if value is not None else ""
    return properties


def _application(xml: bytes | None) -> tuple[str | None, str | None]:
    found: dict[str, str] = {}
    for element in ElementTree.fromstring(xml) if xml else ():
        if _local(element.tag) in ("Application", "AppVersion") and element.text:
            found[_local(element.tag)] = element.text.strip()
    return found.get("Application"), found.get("AppVersion")


# --- 4. Cell extents of a worksheet -----------------------------------------------------------------------------

