"""The bundled DejaVu Sans fonts, registered with reportlab once per process.

reportlab's base-14 Helvetica knows only WinAnsi, so names such as "Śląsk" or "Nguyễn" and the ☑/☐ checkboxes would
print as black boxes. The TTFs ship in resources/fonts (never the system's fonts, which differ per machine), and
parsing them costs ~15 ms each, so it happens lazily on the first document and never again.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from puskesos_desk.infra.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> None:
    """Registers the family so that `<b>` in paragraphs selects the bold face. Safe to call before every render."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    # There is no italic face in the bundle: italic markup falls back to the upright faces instead of failing.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
