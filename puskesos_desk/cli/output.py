"""CLI output: one JSON object with --json, readable lines otherwise; NIK and KK masked unless --unmask."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from puskesos_desk.domain.nik import mask_id

# Any run of exactly 16 digits is treated as a NIK or KK number, also inside a sentence.
_SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")


def mask_text(text: str) -> str:
    return _SIXTEEN_DIGITS.sub(lambda match: mask_id(match.group(0)), text)


def _plain(value: Any, unmask: bool) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value), unmask)
    if isinstance(value, dict):
        return {str(k): _plain(v, unmask) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v, unmask) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and not unmask:
        return mask_text(value)
    return value


def emit(result: dict[str, Any], *, as_json: bool, unmask: bool, lines: list[str] | None = None) -> None:
    data = _plain(result, unmask)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for line in lines if lines is not None else [f"{k}: {v}" for k, v in data.items()]:
            sys.stdout.write(f"{line if unmask else mask_text(line)}\n")
    sys.stdout.flush()


def emit_error(message: str, *, code: int, as_json: bool, detail: str | None = None) -> None:
    if as_json:
        payload: dict[str, Any] = {"ok": False, "error": message, "exit_code": code}
        if detail:
            payload["detail"] = detail
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()
    sys.stderr.write(f"Kesalahan: {message}\n")
    if detail:
        sys.stderr.write(f"{detail}\n")
