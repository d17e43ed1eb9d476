"""How far the guard and the reader let a workbook go: sizes, ratios, extents, memory and time."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1 << 20
GiB = 1 << 30


@dataclass(frozen=True)
class Limits:
    max_part_bytes: int = 200 * MiB  # one decompressed part
    max_total_bytes: int = 400 * MiB  # all parts decompressed; also the largest file accepted on disk
    max_ratio: float = 200  # decompressed / compressed, checked for parts larger than ratio_floor_bytes
    ratio_floor_bytes: int = MiB
    max_cells: int = 20_000_000  # rows x columns of one sheet: calamine needs 32 bytes a cell, so 640 MB
    max_rows: int = 1_100_000
    max_cols: int = 300
    max_parts: int = 10_000  # zip entries; zipfile keeps an object per entry in memory
    max_meta_bytes: int = 16 * MiB  # workbook.xml, its relationships and docProps, which are parsed whole
    reader_memory_bytes: int = 2 * GiB  # RLIMIT_AS of the reader process (POSIX only)
    reader_timeout_s: float = 600  # time the caller may spend waiting for the reader process


DEFAULT_LIMITS = Limits()
