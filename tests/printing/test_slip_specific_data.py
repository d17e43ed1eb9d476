"""A referral slip never carries specific data (UU PDP Ps. 4; design/domain.md §7.2 point 2): the service directory
has no flag by which a receiving service asks for health, disability or pregnancy data, so no slip prints them —
only identity (masked ids), address, DTSEN standing and the summary the officer wrote for that service."""

from __future__ import annotations

from typing import Any

from puskesos_desk.data.orm.household import Person, PersonPpks
from puskesos_desk.domain.casework import NeedDraft
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.referrals import SLIP_DATA_FIELDS
from puskesos_desk.services import referrals, slips
from puskesos_desk.services.casework import record_need
from tests.printing.pdf_tools import page_texts
from tests.services.factories import WIFE_NIK
from tests.services.referral_rows import Desk, desk, draft

# What the wife's record holds beyond her identity, and the words a slip would need to disclose it.
SPECIFIC_WORDS = ("disabilitas", "fisik", "netra", "kronis", "diabetes", "hamil", "kehamilan", "ppks", "hiv",
                  "odha", "kedisabilitasan")


def give_specific_data(d: Desk, person_id: str) -> None:
    with d.koordinator.db.transaction(d.koordinator.actor) as session:
        person = session.get(Person, person_id)
        assert person is not None
        person.disability = ["FISIK", "SENSORIK_NETRA"]
        person.chronic_illness = "Diabetes melitus"
        person.pregnant = True
        session.add(PersonPpks(person_id=person_id, ppks_code="PPKS-09", source="PETUGAS"))
        session.add(PersonPpks(person_id=person_id, ppks_code="PPKS-16", source="PETUGAS"))
    record_need(d.koordinator, NeedDraft(household_id=d.household.id, person_id=person_id, domain_code="KESEHATAN",
                                         ppks_codes=("PPKS-09",), description="Kontrol gula darah rutin"))


def test_a_slip_for_a_person_with_disability_data_prints_none_of_it(site_db: Any) -> None:
    d = desk(site_db)
    wife = d.household.members[1]
    give_specific_data(d, wife.id)
    service = d.services["DINSOS-PBI-REAKTIVASI"]
    assert not service.needs_full_ids  # nothing in the directory asks for specific data either
    record = referrals.create_referral(d.bo, draft(d, person_id=wife.id))
    assert set(record.data_shared) <= set(SLIP_DATA_FIELDS)  # the disclosure record lists no specific data
    referrals.approve_referral(d.koordinator, record.id)
    pdf = slips.issue_slip(d.koordinator, record.id, paper=Paper.A4)
    text = " ".join(page_texts(pdf)).lower()
    assert "siti aminah" in text  # it is her slip
    leaked = [word for word in SPECIFIC_WORDS if word in text]
    assert leaked == []
    assert WIFE_NIK not in text.replace(" ", "")
