"""Issuing slips: the first print hands the referral over, reprints are recorded, drafts are refused; what the PDF
discloses (masked ids unless decided), and the QR token: it decodes with a real decoder and verifies, while a
tampered or foreign token is refused."""

from __future__ import annotations

import base64
import re
import sqlite3
import uuid
from datetime import date
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp

from puskesos_desk.domain import slip_token
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.slip_token import SlipClaim
from puskesos_desk.services import keys, referral_queries, referrals, slips
from tests.services.factories import HEAD_NIK, KK_NUMBER
from tests.services.referral_rows import Desk, desk, draft, referral_in


@pytest.fixture
def d(site_db: Any) -> Desk:
    return desk(site_db)


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def digits_only_runs(text: str) -> list[str]:
    """16-digit runs, also when a PDF splits a number with spaces or dots."""
    squeezed = re.sub(r"(?<=\d)[ .\u00a0-](?=\d)", "", text)
    return re.findall(r"\d{16}", squeezed)


def qr_texts(pdf: bytes, page: int = 0, dpi: int = 200) -> list[str]:
    image = pdfium.PdfDocument(pdf)[page].render(scale=dpi / 72).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def audit_prints(site_db: Any) -> list[tuple[str, str, str]]:
    with sqlite3.connect(site_db.path) as con:
        return con.execute("SELECT entity_id, recipient, changes FROM audit_event WHERE action = 'PRINT' "
                           "ORDER BY seq").fetchall()


def test_the_first_print_sends_the_referral_and_later_prints_are_reprints(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DISETUJUI)
    first = slips.issue_slip(d.koordinator, referral_id, paper=Paper.F4)
    record = referral_queries.referral_detail(d.koordinator, referral_id).referral
    assert record.status is ReferralStatus.DIKIRIM and record.print_count == 1
    assert record.response_due == date(2026, 3, 5)
    second = slips.issue_slip(d.koordinator, referral_id, paper=Paper.A5, channel=OutputChannel.SIMPAN_PDF)
    assert referral_queries.referral_detail(d.koordinator, referral_id).referral.status is ReferralStatus.DIKIRIM
    assert "Cetak ulang ke-1" not in pdf_text(first) and "Cetak ulang ke-1" in pdf_text(second)
    prints = audit_prints(site_db)
    assert [p[0] for p in prints] == [referral_id, referral_id]
    assert prints[0][1] == "Dinas Sosial Kabupaten Semarang"
    assert '"channel": "CETAK"' in prints[0][2] and '"SIMPAN_PDF"' in prints[1][2] and '"copy": 2' in prints[1][2]
    assert '"nik_disamarkan"' in prints[0][2]


@pytest.mark.parametrize("status", [ReferralStatus.DRAFT, ReferralStatus.DIBATALKAN])
def test_a_draft_or_cancelled_referral_is_not_printed(site_db: Any, d: Desk, status: ReferralStatus) -> None:
    referral_id = referral_in(d, status)
    with pytest.raises(InputRejected, match=r"belum disetujui|dibatalkan"):
        slips.issue_slip(d.koordinator, referral_id)
    assert referral_queries.referral_detail(d.koordinator, referral_id).referral.print_count == 0
    assert audit_prints(site_db) == []


def test_a_draft_preview_is_watermarked_and_records_nothing(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DRAFT)
    text = pdf_text(slips.preview_slip(d.bo, referral_id, Paper.A4))
    assert "DRAF" in text
    assert audit_prints(site_db) == []


def test_the_slip_shows_the_fields_with_masked_ids_and_no_full_number(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DISETUJUI)
    pdf = slips.issue_slip(d.koordinator, referral_id, paper=Paper.F4)
    text = pdf_text(pdf)
    record = referral_queries.referral_detail(d.koordinator, referral_id).referral
    for expected in (record.number, "Dinas Sosial Kabupaten Semarang", "SLAMET RIYADI", "3322••••••••0003",
                     "3322••••••••0007", "Pengaktifan kembali PBI-JK", "Fotokopi KTP-el", "Sri Wahyuni",
                     "Rina Kartika", "Tidak diketahui", "PUSKESOS DESA SUMOGAWE"):
        assert expected.lower() in text.lower(), expected
    assert digits_only_runs(text) == []
    assert text.count("Krajan") == 1 and "Dusun Krajan, RT 001 / RW 002" in text  # the hamlet said once
    assert HEAD_NIK not in pdf.decode("latin-1") and KK_NUMBER not in pdf.decode("latin-1")


def test_full_ids_are_printed_only_when_decided_and_the_disclosure_says_so(site_db: Any, d: Desk) -> None:
    record = referrals.create_referral(d.bo, draft(d, full_ids_on_slip=True))
    referrals.approve_referral(d.koordinator, record.id)
    text = pdf_text(slips.issue_slip(d.koordinator, record.id))
    assert set(digits_only_runs(text)) == {HEAD_NIK, KK_NUMBER}
    assert '"nik_lengkap"' in audit_prints(site_db)[0][2]


def test_both_qr_codes_decode_to_a_token_that_leads_back_to_the_referral(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DISETUJUI)
    pdf = slips.issue_slip(d.koordinator, referral_id, paper=Paper.A4)
    codes = qr_texts(pdf)
    assert len(codes) == 2 and codes[0] == codes[1]
    token = codes[0]
    assert not re.search(r"\d{16}", token) and "SLAMET" not in token.upper()
    assert referral_queries.find_referral(d.koordinator, token).id == referral_id
    _, _, claim = slip_token.decode(token)
    assert claim.site_code == "33.22.01.2007" and claim.destination == "DINSOS-PBI-REAKTIVASI"
    assert claim.expires_on == date(2027, 3, 2)


def test_a_tampered_token_is_refused(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DISETUJUI)
    token = qr_texts(slips.issue_slip(d.koordinator, referral_id, paper=Paper.A4))[0]
    raw = bytearray(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    raw[18] ^= 0x01  # one bit of the expiry date (bytes 17–18)
    tampered = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    with pytest.raises(InputRejected, match="tanda tangannya tidak cocok"):
        referral_queries.find_referral(d.koordinator, tampered)
    flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]  # a character of the signature
    with pytest.raises(InputRejected, match="tidak sah"):
        referral_queries.find_referral(d.koordinator, flipped)


def test_a_token_from_another_puskesos_is_refused_even_with_a_valid_signature(site_db: Any, d: Desk) -> None:
    public, seed = keys.generate_key_pair()
    claim = SlipClaim(referral_id=str(uuid.uuid4()), site_code="33.22.01.2008", destination="DINSOS-PBI-REAKTIVASI",
                      expires_on=date(2027, 1, 1))
    body = slip_token.pack(claim)
    foreign = slip_token.encode(body, keys.sign(seed, body))
    assert keys.verify(public, body, keys.sign(seed, body))
    with pytest.raises(InputRejected, match=r"Puskesos lain \(kode wilayah 33\.22\.01\.2008\)"):
        referral_queries.find_referral(d.koordinator, foreign)


def test_a_token_signed_with_another_key_under_our_code_is_refused(site_db: Any, d: Desk) -> None:
    _, seed = keys.generate_key_pair()
    referral_id = referral_in(d, ReferralStatus.DISETUJUI)
    claim = SlipClaim(referral_id=referral_id, site_code="33.22.01.2007", destination="DINSOS-PBI-REAKTIVASI",
                      expires_on=date(2027, 1, 1))
    body = slip_token.pack(claim)
    with pytest.raises(InputRejected, match="tidak sah"):
        referral_queries.find_referral(d.koordinator, slip_token.encode(body, keys.sign(seed, body)))


def test_batch_printing_sends_every_approved_referral_in_one_pdf(site_db: Any, d: Desk) -> None:
    ids = [referral_in(d, ReferralStatus.DISETUJUI) for _ in range(3)]
    ready = [r.id for r in referral_queries.ready_to_print(d.koordinator)]
    assert ready == ids
    pdf = slips.issue_slips(d.koordinator, ready, paper=Paper.F4)
    text = pdf_text(pdf)
    for record in referral_queries.list_referrals(d.koordinator):
        assert record.number in text and record.status is ReferralStatus.DIKIRIM
    assert referral_queries.ready_to_print(d.koordinator) == []
    assert len(audit_prints(site_db)) == 3
