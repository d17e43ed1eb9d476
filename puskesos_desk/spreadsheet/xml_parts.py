"""Streaming an XML part of a zip safely: bounded chunks that never end inside a tag, each checked for NUL bytes
and markup declarations (DOCTYPE/ENTITY) before anything parses it."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

from puskesos_desk.spreadsheet.errors import UnsafeWorkbook
from puskesos_desk.spreadsheet.limits import MiB

CHUNK_BYTES = MiB
_DECLARATION = re.compile(rb"<!(?!--|\[CDATA\[)")  # <!DOCTYPE, <!ENTITY, ...; comments and CDATA are harmless


def xml_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The decompressed part in chunks of about 1 MiB that never end inside a tag, each checked for NUL bytes
    and markup declarations. A tag longer than a chunk is refused (Excel writes none near that size)."""
    carry = b""
    with archive.open(info) as stream:
        while block := stream.read(CHUNK_BYTES):
            data = carry + block if carry else block
            cut = data.rfind(b"<")
            if cut >= 0 and data.find(b">", cut) < 0:
                data, carry = data[:cut], data[cut:]
                if len(carry) > CHUNK_BYTES:
                    raise UnsafeWorkbook("CORRUPT", detail=f"{info.filename}: a tag longer than {CHUNK_BYTES} bytes")
            else:
                carry = b""
            check_markup(data, info.filename)
            yield data
    if carry:
        check_markup(carry, info.filename)
        yield carry


def check_markup(data: bytes, part: str) -> None:
    if b"\x00" in data:  # not XML 1.0; a UTF-16 part would hide its tags from a byte scan
        raise UnsafeWorkbook("CORRUPT", detail=f"{part}: NUL byte")
    if b"!" in data and (found := _DECLARATION.search(data)):
        raise UnsafeWorkbook("DTD", detail=f"{part}: {found.group()!r} at chunk offset {found.start()}")
