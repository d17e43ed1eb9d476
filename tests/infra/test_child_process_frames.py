"""The frames between the app and its helper processes: large pixel buffers travel out of band, uncopied."""

from __future__ import annotations

import io

import pytest

from puskesos_desk.infra.child_process import EndOfFrames, read_frame, write_frame
from puskesos_desk.printing.raster import Bitmap, Raster


def _raster() -> Raster:
    pixels = bytearray(range(256)) * 4096  # 1 MiB
    return Raster(sizes_pt=((595.0, 842.0),), pages=(Bitmap(512, 512, 2048, pixels),), dpi=150.0)


def test_a_raster_arrives_whole_with_its_pixels_read_straight_into_a_bytearray() -> None:
    stream = io.BytesIO()
    write_frame(stream, ("ok", _raster()))
    # The pixels are written once, beside a small pickle: not inside it (where they would be copied twice).
    assert len(stream.getvalue()) < 1024 * 1024 + 1024
    stream.seek(0)
    kind, raster = read_frame(io.BufferedReader(stream))  # type: ignore[arg-type]
    assert kind == "ok" and raster == _raster()
    assert isinstance(raster.pages[0].data, bytearray)


def test_frames_follow_each_other_and_the_end_of_the_pipe_is_said() -> None:
    stream = io.BytesIO()
    for value in (("item", 1), ("ok", _raster()), ("ok", None)):
        write_frame(stream, value)
    stream.seek(0)
    reader = io.BufferedReader(stream)  # type: ignore[arg-type]
    assert read_frame(reader) == ("item", 1)
    assert read_frame(reader)[1].pages[0].width == 512
    assert read_frame(reader) == ("ok", None)
    with pytest.raises(EndOfFrames):
        read_frame(reader)


@pytest.mark.parametrize("cut", [3, 20, 1024 * 1024 // 2])
def test_a_frame_cut_short_is_the_end_of_the_frames_not_a_half_object(cut: int) -> None:
    stream = io.BytesIO()
    write_frame(stream, ("ok", _raster()))
    truncated = io.BufferedReader(io.BytesIO(stream.getvalue()[:cut]))  # type: ignore[arg-type]
    with pytest.raises(EndOfFrames):
        read_frame(truncated)
