"""Giving freed memory back to the operating system (glibc), so a desk open all day stays small on a 4 GB PC.

glibc keeps memory freed by Python and Qt in its heap and in one arena per thread that ever allocated; the resident
size then stays at the day's peak. `limit_arenas()` (before any worker thread starts) caps the arenas; `trim()`
returns free heap pages. Both do nothing where glibc is not the allocator (Windows, macOS, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

_M_ARENA_MAX = -8  # mallopt parameter (malloc.h)
ARENAS = 2  # the GUI thread and one shared by the workers (database reads, the single write worker)


@cache
def _glibc() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    except (OSError, AttributeError):  # not glibc
        return None
    return libc


def limit_arenas(count: int = ARENAS) -> bool:
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, count))


def trim() -> bool:
    """True when memory was given back."""
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
