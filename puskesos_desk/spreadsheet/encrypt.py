"""Protecting a finished workbook with a password: real Office encryption (Agile: AES-256, SHA-512), the kind Excel
writes and Excel and LibreOffice ask a password for (stack-notes part 2 §3). decrypt.py opens it again.

The plain workbook is written first to a temporary file next to the target (so no clear copy goes to another disk),
encrypted into `<target>.partial`, flushed and renamed: the target is either the whole encrypted file or absent, and
the plain copy is removed whatever happens.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile


def encrypt_to(plain: str | os.PathLike[str], password: str, out_path: str | os.PathLike[str]) -> Path:
    """Encrypt the xlsx at `plain` into `out_path` (whole or not at all). `plain` is left for the caller."""
    if not password:
        raise ValueError("an empty password does not protect anything")
    target = Path(out_path)
    partial = target.with_name(target.name + ".partial")
    try:
        with Path(plain).open("rb") as source, partial.open("wb") as sink:
            OOXMLFile(source).encrypt(password, sink)
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


@contextmanager
def plain_then_encrypted(out_path: str | os.PathLike[str], password: str | None) -> Iterator[Path]:
    """Yield the path the caller writes the finished plain workbook to; on a clean exit it becomes `out_path`,
    encrypted with `password` (or as it is when `password` is None). The plain temporary file never survives."""
    target = Path(out_path)
    if password is None:
        yield target
        return
    plain = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:12]}.tmp.xlsx")
    try:
        yield plain
        encrypt_to(plain, password, target)
    finally:
        plain.unlink(missing_ok=True)

