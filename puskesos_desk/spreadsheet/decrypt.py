"""Opening a password-protected workbook (Agile encryption from Excel, Standard from LibreOffice) into a plain
xlsx that must then pass the guard like any other file."""

from __future__ import annotations

import os
from pathlib import Path

import msoffcrypto
from msoffcrypto import exceptions as office_errors

from puskesos_desk.spreadsheet.errors import UnsafeWorkbook, os_reason
from puskesos_desk.spreadsheet.limits import DEFAULT_LIMITS, Limits, MiB

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # an OLE container: encrypted OOXML, or a legacy .xls


def decrypt_to(
    path: str | os.PathLike[str],
    password: str,
    out_path: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Path:
    """Decrypt a password-protected xlsx (Agile from Excel, Standard from LibreOffice) into `out_path`.

    The output is written whole or not at all; it is an ordinary xlsx that still has to pass inspect_xlsx.
    """
    source, target = Path(path), Path(out_path)
    partial = target.with_name(target.name + ".partial")
    try:
        if source.stat().st_size > limits.max_total_bytes:
            raise UnsafeWorkbook("TOO_LARGE", what=f"{source.stat().st_size / MiB:.0f} MB")
        with source.open("rb") as handle:
            if handle.read(len(OLE_MAGIC)) != OLE_MAGIC:
                raise UnsafeWorkbook("NOT_ENCRYPTED")
            office = msoffcrypto.OfficeFile(handle)
            if office.format != "ooxml":
                raise UnsafeWorkbook("LEGACY_XLS", detail=f"OLE format {office.format}")
            if not password:
                raise UnsafeWorkbook("BAD_PASSWORD", detail="empty password")
            try:
                office.load_key(password=password, verify_password=True)
            except office_errors.InvalidKeyError as exc:
                raise UnsafeWorkbook("BAD_PASSWORD", detail=repr(exc)) from exc
            with partial.open("wb") as sink:
                office.decrypt(sink, verify_integrity=True)
        os.replace(partial, target)
    except UnsafeWorkbook:
        raise
    except OSError as exc:
        raise UnsafeWorkbook("UNREADABLE", reason=os_reason(exc), detail=repr(exc)) from exc
    except Exception as exc:  # msoffcrypto and olefile: damaged container, failed integrity check, unknown cipher
        raise UnsafeWorkbook("CORRUPT", detail=f"decrypting: {exc!r}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return target
