"""Giving freed memory back to the operating system (glibc), so a desk open all day stays small on a 4 GB PC.

glibc keeps memory freed by Python and Qt in its heap and in one arena per thread that ever allocated; the resident
size then stays at the day's peak. `limit_arenas()` (before any worker thread starts) caps the arenas and fixes the
size from which blocks are mapped on their own; `trim()` returns free heap pages. Both do nothing where glibc is
not the allocator (Windows, macOS, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

_M_ARENA_MAX = -8  # mallopt parameters (malloc.h)
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 256 * 1024
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
    """Cap the arenas, and give every allocation of MMAP_THRESHOLD or more its own mapping.

    glibc's default threshold moves up to the size of the largest block freed (up to 32 MB): after one preview page
    (10 MB) every later page image, print band and query buffer is carved from the heap, where it stays resident
    after it is freed. A fixed threshold stops that: such blocks go back to the system as soon as they are freed.
    """
    libc = _glibc()
    if libc is None:
        return False
    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    return bool(libc.mallopt(_M_ARENA_MAX, count))


def trim() -> bool:
    """True when memory was given back."""
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
