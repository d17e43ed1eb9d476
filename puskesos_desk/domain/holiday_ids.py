"""Holiday records get the same UUID at every site, derived from what makes them unique (day and name; a year).

Every site seeds the national holidays itself. With random IDs, the district's calendar rows would be new records at
a village that already holds the same days under other IDs, and collide there on the unique (day, name) — the same
reason example services have derived IDs (domain/reference.py). Never change the namespace: it is part of the data.
"""

from __future__ import annotations

import uuid
from datetime import date

HOLIDAY_NAMESPACE = uuid.UUID("9d3e5b7a-1c2f-4e8d-b6a0-7f4c2e9d1a35")


def holiday_id(day: date, name: str) -> str:
    return str(uuid.uuid5(HOLIDAY_NAMESPACE, f"holiday/{day.isoformat()}/{name}"))


def holiday_year_id(year: int) -> str:
    return str(uuid.uuid5(HOLIDAY_NAMESPACE, f"holiday_year/{year}"))
