"""Withdrawing an explicit consent: it stops new sharing (a referral to a non-government body needs consent again),
the notice under the public-service basis cannot be withdrawn, and only roles that record visits may do it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from backends import rows

from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.records import VisitDraft
from puskesos_desk.services import referrals, subject_access
from puskesos_desk.services.consents import withdraw_consent
from puskesos_desk.services.visits import record_visit
from tests.services.referral_rows import Desk, desk, draft


@pytest.fixture
def d(site_db: Any) -> Desk:
    return desk(site_db)


def _consents(d: Desk) -> dict[str, str]:
    head = d.household.members[0]
    return {c.legal_basis: c.id for c in subject_access.consent_list(d.koordinator, head.id)}


def _give_consent(d: Desk) -> None:
    head = d.household.members[0]
    record_visit(d.bo, VisitDraft(household_id=d.household.id, applicant_person_id=head.id,
                                  applicant_relation="DIRI_SENDIRI", purpose="Bantuan biaya berobat",
                                  consent_purposes=("RUJUKAN_NON_PEMERINTAH",), consent_method="TANDA_TANGAN"))


def test_a_withdrawn_consent_stops_a_new_non_government_referral(site_db: Any, d: Desk) -> None:
    _give_consent(d)
    baznas = draft(d, "BAZNAS-KAB", documents_attached=())
    referrals.create_referral(d.bo, baznas)  # consent given: allowed
    withdraw_consent(d.bo, _consents(d)["PS20A_PERSETUJUAN"], reason="Warga menarik persetujuan")
    with pytest.raises(FieldErrors) as caught:
        referrals.create_referral(d.bo, baznas)
    assert "consent" in caught.value.errors
    lines = subject_access.consent_list(d.koordinator, d.household.members[0].id)
    assert [c.withdrawn_at is not None for c in lines] == [False, True]
    (reason,) = rows(site_db, "SELECT reason FROM audit_event WHERE action = 'STATUS_CHANGE' AND entity = 'consent'")
    assert reason == ("Warga menarik persetujuan",)


def test_the_notice_is_not_a_consent_and_a_withdrawal_happens_once(d: Desk) -> None:
    _give_consent(d)
    consents = _consents(d)
    with pytest.raises(InputRejected, match="bukan persetujuan"):
        withdraw_consent(d.bo, consents["PS20E_PELAYANAN_PUBLIK"], reason="Coba")
    with pytest.raises(InputRejected):
        withdraw_consent(d.bo, consents["PS20A_PERSETUJUAN"], reason="  ")
    withdraw_consent(d.bo, consents["PS20A_PERSETUJUAN"], reason="Permintaan warga")
    with pytest.raises(InputRejected, match="sudah dicabut"):
        withdraw_consent(d.bo, consents["PS20A_PERSETUJUAN"], reason="Lagi")


def test_a_role_that_records_no_visits_cannot_withdraw(d: Desk) -> None:
    _give_consent(d)
    operator = replace(d.bo, actor=replace(d.bo.actor, id="u-siks", name="operator", role=Role.OPERATOR_SIKS))
    with pytest.raises(PermissionDenied):
        withdraw_consent(operator, _consents(d)["PS20A_PERSETUJUAN"], reason="Permintaan warga")
