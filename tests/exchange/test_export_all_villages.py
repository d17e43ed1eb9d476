"""Return packages for every trusted village at once: one signed file per village, named by village and sequence,
each importable only at its own village; a village whose package fails is reported while the others are written;
a cancel between villages keeps what is done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import DbLocation, rows
from conftest import SITE_CODE, SiteFixture

from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.services import exchange_return
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_return import export_all_villages
from tests.exchange.conftest import Linked
from tests.exchange.scenarios import trusted_village

SECOND_CODE = "33.22.01.2008"


@pytest.fixture
def second_village(linked: Linked, seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    """Another village of the same district, trusting it and trusted by it (no casework yet)."""
    with trusted_village(seeded_location, linked.district, tmp_path / "village2.db", SECOND_CODE,
                         "Puskesos Desa Kedua") as site:
        yield site


def _outgoing(district: SiteFixture) -> list[tuple[str, int, str]]:
    return rows(district, "SELECT receiver_code, sequence, file_name FROM exchange_package "
                          "WHERE direction = 'KELUAR' ORDER BY receiver_code, sequence")


def test_one_package_per_village_each_imports_at_its_own_village(linked: Linked, second_village: SiteFixture,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "balasan"
    out.mkdir()
    outcome = export_all_villages(linked.district.cli, out)

    assert outcome.exit_code == 0 and not outcome.failed and not outcome.cancelled
    assert [p.village for p in outcome.packages] == [SITE_CODE, SECOND_CODE]
    assert sorted(f.name for f in out.iterdir()) == [f"{SITE_CODE}-paket-1.xlsx", f"{SECOND_CODE}-paket-1.xlsx"]
    assert _outgoing(linked.district) == [(SITE_CODE, 1, f"{SITE_CODE}-paket-1.xlsx"),
                                          (SECOND_CODE, 1, f"{SECOND_CODE}-paket-1.xlsx")]
    first, second = outcome.packages
    assert first.outcome.receiver == SITE_CODE and second.outcome.receiver == SECOND_CODE

    # Each verifies and applies at its own village; the other village's file is addressed elsewhere.
    assert import_package(linked.village.cli, first.outcome.path).status is ImportStatus.APPLIED
    assert import_package(second_village.cli, second.outcome.path).status is ImportStatus.APPLIED
    assert import_package(linked.village.cli, second.outcome.path).status is ImportStatus.REJECTED

    again = export_all_villages(linked.district.cli, out)
    assert [p.outcome.path.name for p in again.packages] == [f"{SITE_CODE}-paket-2.xlsx",
                                                             f"{SECOND_CODE}-paket-2.xlsx"]


def test_a_failing_village_is_reported_and_the_other_is_written(linked: Linked, second_village: SiteFixture,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "balasan"
    out.mkdir()
    foreign = out / f"{SITE_CODE}-paket-1.xlsx"
    foreign.write_bytes(b"not ours")  # a file the export must not overwrite

    outcome = export_all_villages(linked.district.cli, out)

    assert outcome.exit_code == 3
    assert [(f.village, "sudah ada" in f.message) for f in outcome.failed] == [(SITE_CODE, True)]
    assert [p.village for p in outcome.packages] == [SECOND_CODE]
    assert foreign.read_bytes() == b"not ours"
    assert _outgoing(linked.district) == [(SECOND_CODE, 1, f"{SECOND_CODE}-paket-1.xlsx")]
    assert import_package(second_village.cli, outcome.packages[0].outcome.path).status is ImportStatus.APPLIED
    assert outcome.as_json()["failed"] == [{"village": SITE_CODE, "name": outcome.failed[0].name,
                                            "message": outcome.failed[0].message}]


def test_an_unexpected_error_in_one_village_does_not_stop_the_next(linked: Linked, second_village: SiteFixture,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    real = exchange_return.export_package

    def broken_for_first(ctx, out, **options):  # type: ignore[no-untyped-def]
        if options["receiver"] == SITE_CODE:
            raise RuntimeError("disk on fire")
        return real(ctx, out, **options)

    monkeypatch.setattr(exchange_return, "export_package", broken_for_first)
    outcome = export_all_villages(linked.district.cli, tmp_path)

    assert [f.village for f in outcome.failed] == [SITE_CODE]
    assert "RuntimeError" in outcome.failed[0].message
    assert [p.village for p in outcome.packages] == [SECOND_CODE]
    assert (tmp_path / f"{SECOND_CODE}-paket-1.xlsx").is_file()


class _CancelOnceSecondVillageStarts(ProgressSink):
    def __init__(self) -> None:
        self.labels: list[tuple[int, int, str]] = []

    def progress(self, done: int, total: int, label: str) -> None:
        self.labels.append((done, total, label))

    def cancelled(self) -> bool:
        return any(done >= 1 for done, _total, _label in self.labels)


def test_cancel_keeps_the_packages_already_made(linked: Linked, second_village: SiteFixture,
                                                        tmp_path: Path) -> None:
    sink = _CancelOnceSecondVillageStarts()
    outcome = export_all_villages(linked.district.cli, tmp_path, sink=sink)

    assert outcome.cancelled and outcome.not_run == (SECOND_CODE,)
    assert [p.village for p in outcome.packages] == [SITE_CODE]
    assert not (tmp_path / f"{SECOND_CODE}-paket-1.xlsx").exists()
    assert _outgoing(linked.district) == [(SITE_CODE, 1, f"{SITE_CODE}-paket-1.xlsx")]
    assert sink.labels[0][:2] == (0, 2)


def test_only_a_district_sends_to_all_villages(linked: Linked, tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match="kabupaten/kota"):
        export_all_villages(linked.village.cli, tmp_path)
    with pytest.raises(InputRejected, match="tidak ditemukan"):
        export_all_villages(linked.district.cli, tmp_path / "missing")
