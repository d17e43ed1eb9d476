"""Golden PDFs in tests/_reference: exact bytes under the same reportlab and zlib, the rendered pages otherwise.

Regenerate with `PUSKESOS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/printing -p no:cacheprovider`, then look
at the new files before committing them (see tests/_reference/README.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
import reportlab
from PIL import ImageChops, ImageStat

from tests.printing.pdf_tools import page_texts, render_all

REFERENCE = Path(__file__).resolve().parents[1] / "_reference"
MANIFEST = REFERENCE / "manifest.json"
UPDATE_FLAG = "PUSKESOS_UPDATE_GOLDEN"
REGENERATE = f"{UPDATE_FLAG}=1 .venv/bin/python -m pytest tests/printing -p no:cacheprovider"
#: Mean absolute difference of the grey values of two 72 dpi renderings, as a share of full scale. Measured on the
#: A4 slip: another QR token 0.0058, a logo 0.06; one changed footer word 0.0002 (the text check catches that).
MAX_MEAN_PIXEL_DIFFERENCE = 0.002
RENDER_DPI = 72


@dataclass(frozen=True)
class Toolchain:
    reportlab: str
    zlib: str


def installed_toolchain() -> Toolchain:
    # Byte-exact output depends on reportlab and on the zlib that compresses the page streams.
    return Toolchain(reportlab=reportlab.Version, zlib=zlib.ZLIB_RUNTIME_VERSION)


def _load_manifest() -> dict:
    if MANIFEST.exists():
        return json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {"files": {}}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_golden(name: str, data: bytes) -> None:
    REFERENCE.mkdir(parents=True, exist_ok=True)
    (REFERENCE / name).write_bytes(data)
    manifest = _load_manifest()
    toolchain = installed_toolchain()
    manifest["reportlab"], manifest["zlib"] = toolchain.reportlab, toolchain.zlib
    manifest["files"][name] = _sha256(data)
    manifest["files"] = dict(sorted(manifest["files"].items()))
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def mean_pixel_difference(actual: bytes, expected: bytes) -> list[float]:
    """Per page, the mean absolute grey-value difference (0–1) of the two PDFs rendered at 72 dpi."""
    differences = []
    for left, right in zip(render_all(actual, RENDER_DPI), render_all(expected, RENDER_DPI), strict=True):
        if left.size != right.size:
            differences.append(1.0)
            continue
        delta = ImageChops.difference(left.convert("L"), right.convert("L"))
        differences.append(ImageStat.Stat(delta).mean[0] / 255)
    return differences


def assert_renders_alike(actual: bytes, expected: bytes, name: str) -> None:
    actual_texts, expected_texts = page_texts(actual), page_texts(expected)
    assert len(actual_texts) == len(expected_texts), f"{name}: page count differs from the golden"
    assert actual_texts == expected_texts, f"{name}: extracted text differs from the golden"
    differences = mean_pixel_difference(actual, expected)
    assert max(differences) < MAX_MEAN_PIXEL_DIFFERENCE, (
        f"{name}: pages differ from the golden by {[round(d, 4) for d in differences]} (mean grey value)")


def assert_matches_golden(name: str, data: bytes, *, toolchain: Toolchain | None = None) -> None:
    """`toolchain` stands for the installed one; tests pass another to exercise the rendering comparison."""
    path = REFERENCE / name
    if os.environ.get(UPDATE_FLAG) == "1":
        _write_golden(name, data)
        return
    if not path.exists():
        pytest.fail(f"Golden file tests/_reference/{name} is missing. Create it with `{REGENERATE}` "
                    "and look at it before committing.")
    expected = path.read_bytes()
    manifest = _load_manifest()
    assert manifest["files"].get(name) == _sha256(expected), (
        f"tests/_reference/{name} does not match manifest.json; regenerate with `{REGENERATE}`.")
    made_with = Toolchain(reportlab=manifest.get("reportlab", ""), zlib=manifest.get("zlib", ""))
    if (toolchain or installed_toolchain()) == made_with:
        assert data == expected, (
            f"{name} differs from the golden made with the same reportlab {made_with.reportlab}. If the change is "
            f"intended, regenerate with `{REGENERATE}` and compare the renderings before committing.")
    else:
        assert_renders_alike(data, expected, name)
