"""Property: whatever valid data a village holds, a package carries it to the district field for field, and once the
district has acknowledged it the village has nothing left to send."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from backends import DbLocation
from conftest import SiteFixture
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.domain.exchange_sheets import VILLAGE_SHEETS
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from tests.exchange.scenarios import (
    VILLAGE_CODE,
    Vocabulary,
    bare_pair,
    copied_site,
    field_differences,
    open_district,
    open_village,
    records,
    village_dataset,
    vocabulary,
    write_dataset,
)

EXAMPLES = int(os.environ.get("PUSKESOS_HYPOTHESIS_EXAMPLES", "15"))


@pytest.fixture(scope="module")
def pair(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> tuple[DbLocation, DbLocation]:
    return bare_pair(seeded_location, tmp_path_factory.mktemp("round-trip"))


@pytest.fixture(scope="module")
def vocab(pair: tuple[DbLocation, DbLocation]) -> Vocabulary:
    village = open_village(pair[0])
    try:
        return vocabulary(village)
    finally:
        village.db.dispose()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          print_blob=True)
@given(data=st.data())
def test_every_field_of_every_record_arrives_and_nothing_is_left_to_send(pair: tuple[DbLocation, DbLocation],
                                                                        vocab: Vocabulary, data: st.DataObject) -> None:
    dataset = data.draw(village_dataset(vocab), label="village data")
    with tempfile.TemporaryDirectory(prefix="round-trip-") as folder:
        work = Path(folder)
        with copied_site(pair[0], work / "village.db") as village_at, \
                copied_site(pair[1], work / "district.db") as district_at:
            _round_trip(open_village(village_at), open_district(district_at), work, dataset)


def _round_trip(village: SiteFixture, district: SiteFixture, work: Path, dataset: Any) -> None:
    """Send the village data, compare field for field, answer, and check nothing is left to send."""
    try:
        write_dataset(village, dataset)
        package = export_package(village.cli, work / "desa-1.xlsx")
        outcome = import_package(district.cli, package.path)

        assert outcome.status is ImportStatus.APPLIED
        problems = [m for m in outcome.messages if m.severity != "info"]
        assert not problems, problems
        sent = sum(package.rows.values())
        assert outcome.rows.get(RowClass.NEW, 0) + outcome.rows.get(RowClass.IDENTICAL, 0) == sent
        generated = sum(len(rows) for rows in dataset.values())
        assert outcome.rows.get(RowClass.NEW, 0) == generated

        differences = []
        for spec in VILLAGE_SHEETS:
            mine = records(village, spec.table)
            assert len(mine) == package.rows[spec.name]
            differences += field_differences(spec, mine, records(district, spec.table, sorted(mine)))
        assert not differences, "\n".join(differences[:40])

        answer = export_package(district.cli, work / "kabupaten-1.xlsx", receiver=VILLAGE_CODE)
        calendar = {"Hari Libur", "Tahun Libur"}  # the district's holiday calendar goes out once
        assert sum(n for sheet, n in answer.rows.items() if sheet not in calendar) == 0, answer.rows
        assert import_package(village.cli, answer.path).status is ImportStatus.APPLIED
        again = export_package(village.cli, work / "desa-2.xlsx")
        assert again.sequence == 2
        assert sum(again.rows.values()) == 0, again.rows
    finally:
        village.db.dispose()
        district.db.dispose()
