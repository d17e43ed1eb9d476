"""Sorting in steps gives exactly what sorted() gives, across run boundaries and with ties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from puskesos_desk.domain import stepwise_sort
from puskesos_desk.domain.stepwise_sort import sorted_in_steps

ROWS = st.tuples(st.sampled_from(["ORANG", "KELUARGA", "RUJUKAN"]), st.text(max_size=6), st.text(max_size=4))


@settings(max_examples=60, deadline=None)
@given(st.lists(ROWS, max_size=300), st.integers(min_value=1, max_value=40))
def test_same_order_as_sorted_whatever_the_step(rows: list[tuple[str, str, str]], step: int) -> None:
    original = stepwise_sort.STEP
    stepwise_sort.STEP = step  # small runs: many merges even for short lists
    try:
        assert sorted_in_steps(iter(rows)) == sorted(rows)
    finally:
        stepwise_sort.STEP = original


def test_a_long_list_is_sorted_through_several_runs() -> None:
    rows = [(f"S{n % 7}", f"{(n * 7919) % 100_003:06d}", "h") for n in range(3 * stepwise_sort.STEP + 5)]
    assert sorted_in_steps(rows) == sorted(rows)
