"""Sorting a long list without holding the interpreter for its whole length.

One `sorted()` call is one C call: over the 236,000 manifest rows of a 100,000-person package it held the GIL for
half a second on a worker thread, and the window froze for as long (benchmarks/gui_stalls.py). Sorting runs of
STEP items and merging them in Python gives other threads the interpreter between steps; the result is the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T")
STEP = 16_384  # a run sorts in a few milliseconds


def sorted_in_steps(items: Iterable[T]) -> list[T]:
    values: list[Any] = list(items)
    if len(values) <= STEP:
        return sorted(values)
    runs = [sorted(values[start:start + STEP]) for start in range(0, len(values), STEP)]
    return list(heapq.merge(*runs))
