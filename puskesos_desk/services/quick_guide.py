"""The one-page "Panduan singkat meja layanan" under the site's letterhead, as PDF bytes.

It holds no personal data, so any signed-in account may print it and nothing is recorded in the audit log.
"""

from __future__ import annotations

from puskesos_desk import printing
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.quick_guide import GUIDE_PAPERS, GuideLanguage, QuickGuideDocument, guide_text
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.letterhead import letterhead


def guide_language(code: str) -> GuideLanguage:
    """"id" or "en" (also "id-ID", "en_GB"…), as the interface language is named."""
    try:
        return GuideLanguage(code.strip().lower()[:2])
    except ValueError:
        raise InputRejected(f"Bahasa panduan \"{code}\" tidak dikenal. Pilih id (Bahasa Indonesia) atau en "
                            "(English).", field="language") from None


def quick_guide_pdf(ctx: ServiceContext, *, paper: Paper, language: GuideLanguage | str) -> bytes:
    if paper not in GUIDE_PAPERS:
        raise InputRejected("Panduan singkat dicetak pada kertas F4 atau A4.", field="paper")
    chosen = language if isinstance(language, GuideLanguage) else guide_language(language)
    document = QuickGuideDocument(letterhead=letterhead(ctx), text=guide_text(chosen))
    return printing.render_quick_guide(document, paper)
