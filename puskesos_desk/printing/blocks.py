"""Reusable content blocks: "label : value" tables, checklists and signature blocks."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from puskesos_desk.domain.documents import ResidentIdentity
from puskesos_desk.printing.dates import long_date_or_dash
from puskesos_desk.printing.flowables import StampSpace, TextLine
from puskesos_desk.printing.styles import Styles, markup

CHECKED = "☑"
UNCHECKED = "☐"

_PLAIN = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0.6),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
]


def plain_table(rows: list[list[object]], widths: Sequence[float], extra: Sequence[tuple] = (),
                row_heights: Sequence[float] | None = None) -> Table:
    """A borderless table without cell padding: the layout grid of the documents."""
    table = Table(rows, colWidths=list(widths), rowHeights=list(row_heights) if row_heights else None)
    table.setStyle(TableStyle([*_PLAIN, *extra]))
    return table


def text_cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """Fixed wording that fits its column is a plain string, which the table draws directly; a Paragraph costs
    ten times as much and a slip has dozens of labels. Anything longer wraps as a Paragraph."""
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return Paragraph(markup(text), style)


def text_style(style: ParagraphStyle, cells: tuple[tuple[int, int], tuple[int, int]]) -> list[tuple]:
    """Table commands that draw string cells in `style`, on the baseline a Paragraph of that style would use."""
    start, stop = cells
    return [("FONT", start, stop, style.fontName, style.fontSize, style.leading)]


def label_table(rows: Sequence[tuple[str, str]], styles: Styles, width: float, label_width: float) -> Table:
    """`Nama      : value` rows; values wrap inside their column and never run past the margin."""
    colon = 3 * mm
    data: list[list[object]] = [
        [text_cell(label, styles.label, label_width), ":", TextLine(value, styles.body)]
        for label, value in rows
    ]
    return plain_table(data, [label_width, colon, width - label_width - colon],
                       extra=text_style(styles.label, ((0, 0), (1, -1))))


def identity_rows(resident: ResidentIdentity) -> list[tuple[str, str]]:
    """Identity lines as given: the service already decided whether NIK and No. KK are masked."""
    born = ", ".join(part for part in (resident.birth_place, long_date_or_dash(resident.birth_date)) if part)
    return [
        ("Nama", resident.name),
        ("NIK", resident.nik or "-"),
        ("No. KK", resident.kk_number or "-"),
        ("Tempat/tanggal lahir", born or "-"),
        ("Jenis kelamin", resident.sex or "-"),
        ("Alamat", resident.address or "-"),
    ]


def checklist(items: Sequence[tuple[str, bool]], styles: Styles, width: float, empty: str) -> Flowable:
    """☑/☐ per (name, checked) pair, or the `empty` wording."""
    if not items:
        return TextLine(empty, styles.body)
    box = 5 * mm
    rows: list[list[object]] = [
        [CHECKED if attached else UNCHECKED, TextLine(name, styles.body)]
        for name, attached in items
    ]
    return plain_table(rows, [box, width - box], extra=text_style(styles.body, ((0, 0), (0, -1))))


def signature_block(styles: Styles, lines: Sequence[str], name: str | None, *, space: float,
                    unsigned: str = "", stamp: bool = False) -> list[Flowable]:
    """Greeting and title lines, room to sign (and stamp), then the name underlined, or the `unsigned` wording."""
    block: list[Flowable] = [TextLine(line, styles.body) for line in lines]
    block.append(StampSpace(space, styles.size - 2) if stamp else Spacer(1, space))
    if name:
        block.append(TextLine(name, styles.body_bold, underline=True))
    else:
        block.append(TextLine(unsigned, styles.body))
    return block


def side_by_side(left: list[Flowable], right: list[Flowable], width: float, *, left_share: float = 0.5) -> Table:
    left_width = width * left_share
    return plain_table([[left, right]], [left_width, width - left_width],
                       extra=[("LEFTPADDING", (1, 0), (1, 0), 4 * mm)])
