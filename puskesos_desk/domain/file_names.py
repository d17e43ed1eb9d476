"""Safe file names built from data (a village's or person's name, a letter number), and paths inside a folder.

A suggested or written file name may contain what people typed: `..`, `/`, `\\`, `:`, a Windows device name
(`CON`, `NUL`, `COM1`, `LPT1` — reserved with any extension, in any case), trailing dots or spaces (Windows drops
them, so two names collide), control characters. `safe_file_stem` turns any text into one harmless path component;
`file_in_folder` joins a stem to a folder and checks the result stays inside it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_STEM_BYTES = 150  # UTF-8 bytes: well under the 255-byte limit of common file systems, with room for a suffix
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]+')
_DASHES = re.compile(r"[-\s]*-[-\s]*|\s+")
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
                      *(f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³"))})


def safe_file_stem(text: str, fallback: str = "dokumen") -> str:
    """One path component from any text: no separators, no `..`, no device name, never empty.

    Letters (also non-Latin), digits and ordinary punctuation stay, so a name remains recognisable; every run of
    forbidden characters becomes one "-"."""
    cleaned = _FORBIDDEN.sub("-", unicodedata.normalize("NFC", text))
    cleaned = _DASHES.sub(lambda m: "-" if "-" in m.group() else " ", cleaned)
    cleaned = cleaned.strip(" .-").encode()[:MAX_STEM_BYTES].decode(errors="ignore").rstrip(" .-")
    if not cleaned:
        return fallback
    if is_device_name(cleaned):
        cleaned = f"_{cleaned}"  # Windows reserves 'CON' also as 'con.txt'; '_CON' is an ordinary name
    return cleaned


def is_device_name(name: str) -> bool:
    """Whether Windows treats `name` as a device: the part before the first dot, trailing spaces ignored."""
    return name.split(".")[0].rstrip(" ").upper() in _DEVICES


def file_in_folder(folder: Path, stem: str, suffix: str) -> Path:
    """`folder`/<safe stem><suffix>; raises ValueError should the result ever resolve outside `folder`."""
    path = folder / f"{safe_file_stem(stem)}{suffix}"
    if path.resolve().parent != folder.resolve():
        raise ValueError(f"file name leaves its folder: {path}")
    return path
