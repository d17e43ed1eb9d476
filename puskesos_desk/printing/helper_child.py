"""The PDF helper process: lays documents out with reportlab and turns PDF pages into bitmaps with PDFium.

Started by printing/helper.py as `python -m puskesos_desk.printing.helper_child` (a frozen build: the executable
with HELPER_FLAG). It serves one request at a time until its input ends, which is how the desktop app retires it.

Requests (frames of infra/child_process.py on stdin):
    ("render", renderer name, args)    ("rasterise", pdf, dpi, limit)    ("bands", pdf, dpi)
    ("merge", [pdf, ...])              ("sizes", pdf)
Answers on stdout: ("ok", value), or for "bands" one ("item", PageStart | Band) per page and band before the
("ok", None); ("error", kind, message, pickled exception or None) when the work failed. Every request is a pure
function of its arguments, so a request the helper could not finish can be sent again to a new helper.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO

from puskesos_desk.infra.child_process import EndOfFrames, read_frame, write_frame
from puskesos_desk.infra.heap import limit_arenas, trim
from puskesos_desk.printing import raster
from puskesos_desk.printing.helper import HELPER_FLAG
from puskesos_desk.printing.renderers import renderer

__all__ = ["HELPER_FLAG", "main", "serve"]


def main(argv: Sequence[str] | None = None) -> int:
    del argv  # no arguments: everything comes in the requests
    limit_arenas(1)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print from any library must not corrupt the answers
    with os.fdopen(0, "rb", closefd=False) as requests:
        while True:
            try:
                request = read_frame(requests)
            except EndOfFrames:
                return 0
            serve(request, answers)
            gc.collect()
            trim()  # a day-long helper gives back each document's memory


def serve(request: tuple[Any, ...], answers: BinaryIO) -> None:
    try:
        match request:
            case ("render", name, args):
                write_frame(answers, ("ok", renderer(name)(*args)))
            case ("rasterise", pdf, dpi, limit):
                write_frame(answers, ("ok", raster.rasterise(pdf, dpi, limit)))
            case ("bands", pdf, dpi):
                for item in raster.print_bands(pdf, dpi):
                    write_frame(answers, ("item", item))
                write_frame(answers, ("ok", None))
            case ("merge", pdfs):
                write_frame(answers, ("ok", raster.merge_pdfs(pdfs)))
            case ("sizes", pdf):
                write_frame(answers, ("ok", raster.page_sizes_pt(pdf)))
            case _:
                raise ValueError(f"unknown request {str(request)[:100]}")
    except (BrokenPipeError, EndOfFrames):
        raise
    except Exception as exc:  # sent to the parent, which raises it there
        write_frame(answers, ("error", type(exc).__name__, str(exc)[:2000], _portable(exc)))


def _portable(exc: Exception) -> bytes | None:
    """The exception pickled, when it survives the trip (most of ours do; some libraries' do not)."""
    try:
        payload = pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(payload)  # our own bytes, checked before they are sent
    except Exception:
        return None
    return payload


if __name__ == "__main__":
    sys.exit(main())
