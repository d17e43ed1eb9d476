"""The slip token's byte layout: round trip, size, and refusal of anything that is not a token."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from puskesos_desk.domain import slip_token
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.slip_token import SlipClaim

SIGNATURE = bytes(range(64))


@given(
    referral=st.uuids(),
    destination=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20),
    days=st.integers(min_value=0, max_value=65535),
)
def test_a_claim_survives_packing_encoding_and_decoding(referral: uuid.UUID, destination: str, days: int) -> None:
    expires = date.fromordinal(slip_token.EPOCH.toordinal() + days)
    claim = SlipClaim(referral_id=str(referral), site_code="33.22.01.2007", destination=destination,
                      expires_on=expires)
    body = slip_token.pack(claim)
    token = slip_token.encode(body, SIGNATURE)
    assert slip_token.looks_like_token(token)
    assert slip_token.decode(token) == (body, SIGNATURE, claim)


def test_a_typical_token_is_short_enough_for_a_small_qr_and_carries_no_personal_data() -> None:
    claim = SlipClaim(referral_id=str(uuid.uuid4()), site_code="33.22.01.2007", destination="DINSOS-PBI-REAKTIVASI",
                      expires_on=date(2027, 11, 22))
    token = slip_token.encode(slip_token.pack(claim), SIGNATURE)
    assert len(token) <= 160
    assert "/" not in token and "+" not in token and "=" not in token  # base64url, unpadded: types on any keyboard


@pytest.mark.parametrize("text", [
    "", "001/RJK/PUSKESOS-3322012007/XI/2026", "bukan kode!", "A" * 200,
    slip_token.encode(b"\x02" + bytes(40), SIGNATURE),  # unknown version
])
def test_anything_else_is_refused_in_bahasa(text: str) -> None:
    with pytest.raises(InputRejected, match="bukan kode QR surat rujukan"):
        slip_token.decode(text)
