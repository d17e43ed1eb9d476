"""The pure rules of an exchange package: meta parsing, refusals, row classes and acknowledgement ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from puskesos_desk.domain.canonical import FORMAT_ID
from puskesos_desk.domain.enums import PackageKind
from puskesos_desk.domain.exchange_package import (
    FORMAT_VERSION,
    PackageMeta,
    PackageRefused,
    ReceiverCopy,
    RowClass,
    Scope,
    classify,
    format_ranges,
    missing_sequences,
    parse_ranges,
    resolved_version,
)


def _meta(**changes: str) -> dict[str, str]:
    meta = PackageMeta(package_id="p-1", kind=PackageKind.DESA_KE_KABUPATEN, sender_site="33.22.01.2007",
                       sender_name="Puskesos Desa Sumogawe", sender_key_fingerprint="SHA256:AAAA",
                       receiver_site="33.22", sequence=7, previous_package_id="p-0", scope=Scope.DELTA,
                       created_at="2026-11-22T01:00:00+00:00", app_version="0.1.0", rows={"Rumah Tangga": 3},
                       audit_head="12:abc", acknowledged="1-2", signature="c2ln")
    return {**meta.fields(), **changes}


def test_meta_fields_round_trip_and_numbers_resaved_as_floats_still_parse() -> None:
    fields = _meta(sequence="7.0", format_version=f"{FORMAT_VERSION}.0", **{"rows.Rumah Tangga": "3.0"})
    meta = PackageMeta.parse(fields)
    assert (meta.sequence, meta.format_version, meta.rows) == (7, FORMAT_VERSION, {"Rumah Tangga": 3})
    assert meta.kind is PackageKind.DESA_KE_KABUPATEN and meta.acknowledged == "1-2"
    assert PackageMeta.parse(meta.fields()) == meta


@pytest.mark.parametrize(("changes", "code"), [
    ({"format": "something-else"}, "NOT_A_PACKAGE"),
    ({"format_version": str(FORMAT_VERSION + 1)}, "FUTURE_VERSION"),
    ({"format_version": "1"}, "PAST_VERSION"),  # district packages of version 1 lacked the merge sheet
    ({"format_version": "x"}, "META_DAMAGED"),
    ({"kind": "DESA_KE_DESA"}, "META_DAMAGED"),
    ({"signature": ""}, "META_DAMAGED"),
    ({"sequence": "7.5"}, "META_DAMAGED"),
])
def test_meta_refusals_have_codes_and_bahasa_messages(changes: dict[str, str], code: str) -> None:
    with pytest.raises(PackageRefused) as caught:
        PackageMeta.parse(_meta(**changes))
    assert caught.value.code == code
    assert "paket" in caught.value.message.lower() or "versi" in caught.value.message.lower()


def test_a_future_version_is_refused_before_anything_else_is_read() -> None:
    with pytest.raises(PackageRefused) as caught:
        PackageMeta.parse({"format": FORMAT_ID, "format_version": "9"})
    assert caught.value.code == "FUTURE_VERSION" and "versi 9" in caught.value.message


@pytest.mark.parametrize(("copy", "version", "base", "expected"), [
    (None, 1, 0, RowClass.NEW),
    (ReceiverCopy(version=3, same_content=True, peer_version=None), 5, 2, RowClass.IDENTICAL),
    (ReceiverCopy(version=2, same_content=False, peer_version=2), 3, 2, RowClass.CHANGED),
    (ReceiverCopy(version=3, same_content=False, peer_version=2), 3, 2, RowClass.CONFLICT),
    (ReceiverCopy(version=4, same_content=False, peer_version=4), 3, 2, RowClass.STALE),
    (ReceiverCopy(version=2, same_content=False, peer_version=None), 3, 2, RowClass.CHANGED),
])
def test_classification_never_takes_the_last_write(copy: ReceiverCopy | None, version: int, base: int,
                                                    expected: RowClass) -> None:
    assert classify(copy, row_version=version, base_version=base) is expected


def test_a_decided_conflict_is_newer_than_both_sides() -> None:
    assert resolved_version(4, 6) == 7 and resolved_version(9, 2) == 10


@given(st.sets(st.integers(min_value=1, max_value=500), max_size=60))
def test_acknowledgement_ranges_round_trip(numbers: set[int]) -> None:
    assert parse_ranges(format_ranges(numbers)) == numbers


def test_ranges_are_compact_and_malformed_parts_are_ignored() -> None:
    assert format_ranges({1, 2, 3, 5, 7, 8}) == "1-3,5,7-8"
    assert parse_ranges("1-3, x, 9-7, 5") == {1, 2, 3, 5}
    assert parse_ranges("1-99999999") == set()  # a range too long to be real is ignored, not expanded


def test_missing_sequences_are_the_gaps_below_the_incoming_one() -> None:
    assert missing_sequences({1, 2, 4}, 7) == [3, 5, 6]
    assert missing_sequences(set(), 1) == []
