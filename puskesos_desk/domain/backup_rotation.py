"""Which automatic backups to keep: grandfather-father-son over the daily backups of a site's backup folder.

Kept: the newest backup of each of the 7 most recent days that have one, of each of the 4 most recent ISO weeks,
and of each of the 12 most recent months; everything else is deleted. Buckets count only periods that have a
backup, so a PC left off for three weeks still keeps its last seven daily backups rather than an empty week.
Backups taken before a migration are kept apart (the newest few), and manual backups are never rotated: they are
the user's files in the user's folder.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_BEFORE_MIGRATION = 5


@dataclass(frozen=True, slots=True)
class RotationPolicy:
    daily: int = KEEP_DAILY
    weekly: int = KEEP_WEEKLY
    monthly: int = KEEP_MONTHLY


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _iso_week(moment: datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def _newest_per_bucket(taken: list[tuple[datetime, str]], bucket: Callable[[datetime], Hashable],
                       count: int) -> set[str]:
    """The newest name in each of the `count` most recent buckets (`taken` is sorted newest first)."""
    kept: set[str] = set()
    seen: set[Hashable] = set()
    for moment, name in taken:
        key = bucket(moment)
        if key in seen:
            continue
        if len(seen) >= count:
            break
        seen.add(key)
        kept.add(name)
    return kept


def backups_to_keep(backups: Iterable[tuple[str, datetime]], policy: RotationPolicy = RotationPolicy()) -> set[str]:
    """Names of the automatic backups to keep; (name, taken_at) pairs in any order."""
    taken = sorted(((moment, name) for name, moment in backups), reverse=True)
    return (_newest_per_bucket(taken, _day, policy.daily)
            | _newest_per_bucket(taken, _iso_week, policy.weekly)
            | _newest_per_bucket(taken, _month, policy.monthly))


def backups_to_delete(backups: Iterable[tuple[str, datetime]], policy: RotationPolicy = RotationPolicy()) -> set[str]:
    pairs = list(backups)
    return {name for name, _ in pairs} - backups_to_keep(pairs, policy)


def newest(backups: Iterable[tuple[str, datetime]], count: int) -> set[str]:
    """The `count` newest names (pre-migration backups: only the last few matter)."""
    ordered = sorted(((moment, name) for name, moment in backups), reverse=True)
    return {name for _, name in ordered[:count]}
