"""What every service call needs: the database, who acts, and the clock (injectable for tests and demo data)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo

from puskesos_desk.data.db import Database
from puskesos_desk.domain.permissions import Actor, Permission


def _now() -> datetime:
    return datetime.now(UTC)


def local_zone() -> tzinfo:
    """The PC's own time zone (WIB, WITA or WIT): dates people read are local dates."""
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    actor: Actor
    clock: Callable[[], datetime] = field(default=_now)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.now().astimezone(local_zone()).date()

    def require(self, permission: Permission) -> None:
        self.actor.require(permission)
