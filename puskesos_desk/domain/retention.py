"""Retention schedule (UU PDP Ps. 41–44, domain.md §7.2 items 6 and 8): how long each kind of record keeps the
data that identifies a person, and which records are due for anonymisation.

Anonymisation keeps the row, its id, categories, dates, statuses, outcome codes, village code, sex and birth year,
so every report counts the same afterwards; it removes names, numbers, contact details, addresses and free text.

Record types and their documented defaults:

- Case records of a household (visits, complaints, needs, referrals, DTSEN proposals, the household and its
  members): anonymised `case_years` years (default 5) after the household's last activity, when nothing is open.
  The reference is the Dinsos archive retention schedule (Jadwal Retensi Arsip, JRA) for social-service case files;
  each site must confirm the period in its own district's JRA before running the job.
- Notice and consent records: kept exactly as long as the records they cover; they are anonymised with them (the
  guardian's name goes, the legal basis, purposes and dates stay as proof that notice was given).
- Superseded DTSEN/DTKS extract rows: purged `extract_months` months (default 3) after a newer extract of the same
  dataset became active (§7.2 item 8). The import already deletes them when the newer extract is loaded; this period
  is the upper bound for anything left behind. The batch row (file name, SHA-256, counts) stays as import history.
- Exchange rows parked for a decision: their copied field values are cleared `parked_months` months (default 12)
  after the decision. The package ledger holds no personal data (ids, counts, hashes) and is kept.
- Audit events are NEVER anonymised: the log is append-only and hash-chained, and sensitive values in it are keyed
  hashes already. Removing them would break the evidence that the anonymisation itself happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

#: What replaces a name, in every name column of an anonymised record.
ANONYMISED_NAME = "(dianonimkan)"
#: The settings key (data/repositories/sites.get_setting) holding the periods as {RecordType value: int}.
SETTINGS_KEY = "retention.periods"


class RecordType(StrEnum):
    CASE_RECORDS = "case_records"
    EXTRACT_ROWS = "extract_rows"
    PARKED_ROWS = "parked_rows"


class PeriodUnit(StrEnum):
    YEARS = "tahun"
    MONTHS = "bulan"


@dataclass(frozen=True)
class RetentionRule:
    record_type: RecordType
    label: str  # Bahasa, for settings screens and the CLI
    unit: PeriodUnit
    default: int
    minimum: int
    maximum: int
    basis: str  # Bahasa: why this default


RULES: tuple[RetentionRule, ...] = (
    RetentionRule(
        RecordType.CASE_RECORDS, "Data kasus keluarga yang sudah selesai", PeriodUnit.YEARS, 5, 1, 30,
        "Sejak kegiatan terakhir, bila tidak ada rujukan, keluhan atau kebutuhan yang masih terbuka. Acuan: Jadwal "
        "Retensi Arsip (JRA) Dinas Sosial; pastikan masa simpan dengan JRA kabupaten/kota Anda.",
    ),
    RetentionRule(
        RecordType.EXTRACT_ROWS, "Baris data DTSEN/DTKS yang sudah diganti", PeriodUnit.MONTHS, 3, 0, 24,
        "Sejak data yang lebih baru berlaku (UU PDP: data yang diganti tidak disimpan). Riwayat impor tetap ada.",
    ),
    RetentionRule(
        RecordType.PARKED_ROWS, "Salinan baris paket yang sudah diputuskan", PeriodUnit.MONTHS, 12, 1, 60,
        "Sejak keputusan atas baris paket pertukaran data; catatan paket (tanpa data pribadi) tetap disimpan.",
    ),
)
RULE_BY_TYPE: dict[RecordType, RetentionRule] = {rule.record_type: rule for rule in RULES}
NOTICE_CONSENT_BASIS = ("Catatan pemberitahuan dan persetujuan disimpan selama data yang dicakupnya disimpan, dan "
                        "dianonimkan bersama data itu.")
AUDIT_BASIS = ("Log audit tidak pernah dianonimkan: log bersifat tambah-saja dan berantai hash, dan nilai sensitif di "
               "dalamnya sudah tersimpan sebagai hash berkunci.")


@dataclass(frozen=True)
class RetentionSettings:
    periods: Mapping[RecordType, int]

    def period(self, record_type: RecordType) -> int:
        return int(self.periods[record_type])

    def to_json(self) -> dict[str, int]:
        return {record_type.value: int(value) for record_type, value in self.periods.items()}


def default_settings() -> RetentionSettings:
    return RetentionSettings({rule.record_type: rule.default for rule in RULES})


def settings_from_json(stored: Any) -> RetentionSettings:
    """The stored setting, with defaults for anything missing or unreadable (a hand-edited value never stops the
    job from using a documented period)."""
    periods: dict[RecordType, int] = {}
    values = stored if isinstance(stored, Mapping) else {}
    for rule in RULES:
        value = values.get(rule.record_type.value, rule.default)
        periods[rule.record_type] = value if isinstance(value, int) and rule.minimum <= value <= rule.maximum \
            else rule.default
    return RetentionSettings(periods)


def validate_period(record_type: RecordType, value: int) -> str | None:
    """None when acceptable, else the Bahasa message."""
    rule = RULE_BY_TYPE[record_type]
    if not rule.minimum <= value <= rule.maximum:
        return f"{rule.label}: masa simpan harus antara {rule.minimum} dan {rule.maximum} {rule.unit.value}."
    return None


def _months_back(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    # The last valid day of the target month (29 Feb minus a year is 28 Feb).
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def cut_off(record_type: RecordType, settings: RetentionSettings, today: date) -> date:
    """Records whose relevant moment is before this day are due."""
    rule = RULE_BY_TYPE[record_type]
    amount = settings.period(record_type)
    months = amount * 12 if rule.unit is PeriodUnit.YEARS else amount
    return _months_back(today, months)


def cut_off_moment(record_type: RecordType, settings: RetentionSettings, today: date, zone: Any) -> datetime:
    """The cut-off day as an aware moment (start of that local day)."""
    day = cut_off(record_type, settings, today)
    return datetime(day.year, day.month, day.day, tzinfo=zone)


@dataclass(frozen=True)
class HouseholdActivity:
    """What the job knows of one household: its latest activity and whether anything is still open."""

    household_id: str
    last_activity: datetime
    has_open_case: bool


def due_households(activities: Iterable[HouseholdActivity], cut: datetime) -> list[str]:
    """Households with nothing open and no activity since `cut`."""
    return [a.household_id for a in activities if not a.has_open_case and a.last_activity < cut]


def anonymised_birth_date(birth_date: date | None) -> date | None:
    """Only the year stays (age groups by year remain countable); 1 July is the year's midpoint, so an age computed
    from it is off by at most half a year either way."""
    return None if birth_date is None else date(birth_date.year, 7, 1)

