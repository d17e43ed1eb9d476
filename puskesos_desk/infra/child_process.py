"""Starting the application's helper processes, and the frames they speak over their pipes.

The helpers (the xlsx reader and writer in spreadsheet/, the PDF helper in printing/) run as
`python -P -m <module>` from a source checkout or an installed package. A frozen PyInstaller build has no `-m`:
its entry point (frozen_entry.py) calls the helper's main() when argv[1] is the helper's flag, before anything else
is imported (no Qt, no logging set-up).

Frames are a 4-byte little-endian length and a 4-byte count of buffers, then a pickle (protocol 5), then each
out-of-band buffer as a length and its bytes. Large byte buffers (a rasterised page is 10 MB) travel out of band:
the reader reads them straight into a bytearray the unpickled object then holds, instead of a pickle holding a copy
that is copied again (the desk's memory peaks, benchmarks/walkin.py). Pickle is safe here only because both ends
are this application: a helper reads frames from the process that started it, and the parent from its own child.
"""

from __future__ import annotations

import os
import pickle
import site
import struct
import sys
from pathlib import Path
from typing import Any, BinaryIO

NO_WINDOW = {"creationflags": 0x08000000} if sys.platform == "win32" else {}  # CREATE_NO_WINDOW: no console flash
FRAME_HEADER = struct.Struct("<I")
_COUNTS = struct.Struct("<II")  # the pickle's length, the number of out-of-band buffers


def command(module: str, flag: str, arguments: list[str]) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, flag, *arguments]
    # -P: do not put the current directory on sys.path, so a stray python_calamine.py there is never imported.
    return [sys.executable, "-P", "-m", module, *arguments]


def environment() -> dict[str, str]:
    """The parent's environment; in a source checkout without installation, also the checkout on PYTHONPATH."""
    found = dict(os.environ)
    found["RUST_BACKTRACE"] = "0"  # keep calamine's one-line abort reason ("memory allocation of ... failed")
    root = Path(__file__).resolve().parents[2]
    installed = {Path(folder).resolve() for folder in [*site.getsitepackages(), site.getusersitepackages()]}
    if root not in installed:
        found["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), found.get("PYTHONPATH")]))
    return found


def write_frame(stream: BinaryIO, value: Any) -> None:
    """`value` pickled; what it pickles as a pickle.PickleBuffer is sent out of band, without a copy."""
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    stream.write(_COUNTS.pack(len(payload), len(buffers)))
    stream.write(payload)
    for buffer in buffers:
        raw = buffer.raw()
        stream.write(FRAME_HEADER.pack(raw.nbytes))
        stream.write(raw)
    stream.flush()


class EndOfFrames(EOFError):
    """The other end closed its pipe (or died) before a whole frame arrived."""


def read_frame(stream: BinaryIO) -> Any:
    size, count = _COUNTS.unpack(_exactly(stream, _COUNTS.size))
    payload = _exactly(stream, size)
    buffers = []
    for _ in range(count):
        (length,) = FRAME_HEADER.unpack(_exactly(stream, FRAME_HEADER.size))
        buffer = bytearray(length)
        if stream.readinto(buffer) != length:  # type: ignore[attr-defined]  # a buffered binary stream
            raise EndOfFrames
        buffers.append(buffer)
    return pickle.loads(payload, buffers=buffers)  # our own process at the other end (see above)


def _exactly(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if len(data) < size:
        raise EndOfFrames
    return data
