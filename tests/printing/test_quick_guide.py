"""The one-page "Panduan singkat meja layanan": one page on F4 and A4 in both languages, every step readable in the
text layer, the type as large as the page allows, a loud failure when the text outgrows the page, and goldens."""

from __future__ import annotations

import dataclasses

import pytest

from puskesos_desk.domain.documents import PAPER_MM, Letterhead, Paper
from puskesos_desk.domain.quick_guide import (
    GuideLanguage,
    GuideSection,
    QuickGuideDocument,
    guide_text,
    plain,
)
from puskesos_desk.printing.quick_guide import (
    LARGEST_SIZE,
    SIZE_STEP,
    GuideDoesNotFit,
    fits_one_page,
    fitted_size,
    render_quick_guide,
    rich,
)
from tests.printing.golden import assert_matches_golden
from tests.printing.pdf_tools import all_text, flat, page_count, page_size_mm
from tests.printing.samples import LOGO_PNG, SLIP

PAPERS = (Paper.F4, Paper.A4)
LANGUAGES = tuple(GuideLanguage)
#: The body size the shipped text reaches; more text that shrinks the type below it should be a deliberate choice.
READABLE_SIZE = {Paper.F4: 11.0, Paper.A4: 10.0}
LONG_LETTERHEAD = Letterhead(
    organisation="PUSKESOS KELURAHAN " + "SUKAMAJU KIDUL WETAN " * 3,
    region_lines=("Kecamatan Pagerbarang Selatan, Kabupaten Kepulauan Talaud Utara", "Provinsi Papua Barat Daya"),
    address="Jl. " + "Panjang Sekali Melewati Sawah dan Ladang " * 7,  # the settings allow 300 characters
    contact="Telp. (0298) 000000 · " + "puskesos.kelurahan@example.id " * 5,
    logo_png=LOGO_PNG,
)


def guide(language: GuideLanguage, letterhead: Letterhead = SLIP.letterhead) -> QuickGuideDocument:
    return QuickGuideDocument(letterhead=letterhead, text=guide_text(language))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_page_with_every_step_in_the_text_layer(paper: Paper, language: GuideLanguage) -> None:
    pdf = render_quick_guide(guide(language), paper)
    assert page_count(pdf) == 1
    assert page_size_mm(pdf) == pytest.approx(PAPER_MM[paper], abs=0.5)
    text = flat(all_text(pdf))
    words = guide_text(language)
    assert "PUSKESOS DESA SUMOGAWE" in text
    assert "Jl. Raya Sumogawe No. 1" in text
    assert words.title in text
    for section in words.sections():
        assert plain(section.title) in text
        for step in section.steps:
            assert flat(plain(step)) in text, step
    for key in words.keys:
        assert key.keys in text and key.action in text
    for label in (*words.contact_lines, words.keys_title):
        assert label in text
    assert words.page_label.format(number=1, total=1) in text
    assert words.printed_with in text


def test_the_bold_marks_never_reach_the_page() -> None:
    text = all_text(render_quick_guide(guide(GuideLanguage.ID), Paper.A4))
    assert "*" not in text
    assert "Setujui & tandatangani" in text  # the ampersand printed, not swallowed as markup


def test_marked_words_become_bold_markup_and_the_rest_is_escaped() -> None:
    assert rich("*Setujui & tandatangani* <lalu> cetak") == "<b>Setujui &amp; tandatangani</b> &lt;lalu&gt; cetak"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_type_is_as_large_as_the_page_allows(paper: Paper, language: GuideLanguage) -> None:
    doc = guide(language)
    size = fitted_size(doc, paper)
    assert size >= READABLE_SIZE[paper]
    assert size == LARGEST_SIZE or not fits_one_page(doc, paper, size + SIZE_STEP)


def test_f4_gets_larger_type_than_a4() -> None:
    doc = guide(GuideLanguage.ID)
    assert fitted_size(doc, Paper.F4) > fitted_size(doc, Paper.A4)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_letterhead_with_a_logo_shrinks_the_type_but_stays_one_page(paper: Paper,
                                                                          language: GuideLanguage) -> None:
    long_doc = guide(language, LONG_LETTERHEAD)
    assert fitted_size(long_doc, paper) < fitted_size(guide(language), paper)
    pdf = render_quick_guide(long_doc, paper)
    assert page_count(pdf) == 1
    assert "KIDUL WETAN" in all_text(pdf)


def test_text_too_long_for_one_page_fails_loudly() -> None:
    words = guide_text(GuideLanguage.ID)
    swollen = dataclasses.replace(words, walk_in=GuideSection(words.walk_in.title, words.walk_in.steps * 5))
    with pytest.raises(GuideDoesNotFit, match="does not fit one A4 page"):
        render_quick_guide(QuickGuideDocument(SLIP.letterhead, swollen), Paper.A4)


def test_a5_is_not_offered() -> None:
    with pytest.raises(ValueError, match="F4 and A4"):
        render_quick_guide(guide(GuideLanguage.ID), Paper.A5)


def test_both_languages_have_the_same_steps_and_keys() -> None:
    bahasa, english = guide_text(GuideLanguage.ID), guide_text(GuideLanguage.EN)
    assert [(len(s.steps), s.numbered) for s in bahasa.sections()] == [
        (len(s.steps), s.numbered) for s in english.sections()]
    assert [key.keys for key in bahasa.keys] == [key.keys for key in english.keys]
    assert len(bahasa.contact_lines) == len(english.contact_lines)


def test_same_input_same_bytes() -> None:
    assert render_quick_guide(guide(GuideLanguage.EN), Paper.F4) == render_quick_guide(guide(GuideLanguage.EN),
                                                                                         Paper.F4)


@pytest.mark.parametrize(("name", "language", "paper"), [
    ("quick_guide_id_f4.pdf", GuideLanguage.ID, Paper.F4),
    ("quick_guide_en_a4.pdf", GuideLanguage.EN, Paper.A4),
])
def test_guide_matches_its_golden(name: str, language: GuideLanguage, paper: Paper) -> None:
    assert_matches_golden(name, render_quick_guide(guide(language), paper))
