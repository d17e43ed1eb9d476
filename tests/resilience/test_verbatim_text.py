"""Names and free text that look like attacks or junk are kept verbatim, found, exchanged and printed — and the two
things no site can keep (NUL anywhere, control characters in a name) are refused at entry with a Bahasa message.

File names built from such data are one harmless path component (domain/file_names.py) and never leave the folder
they are written to.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import SITE_CODE  # noqa: F401 (the shared fixtures)
from exchange.conftest import Linked
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from puskesos_desk.domain.casework import ComplaintDraft
from puskesos_desk.domain.errors import FieldErrors
from puskesos_desk.domain.exchange_cells import CellProblem, from_cell
from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.domain.exchange_sheets import ColumnKind
from puskesos_desk.domain.extract_values import read_text
from puskesos_desk.domain.file_names import file_in_folder, is_device_name, safe_file_stem
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft, VisitDraft
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.domain.text_input import free_text_problem, name_problem
from puskesos_desk.services import printouts
from puskesos_desk.services.casework import record_complaint
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_return import return_file_name
from puskesos_desk.services.households import household_detail
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.search import search_persons
from puskesos_desk.services.visits import record_visit
from tests.services.test_slips import pdf_text

EXAMPLES = int(os.environ.get("PUSKESOS_HYPOTHESIS_EXAMPLES", "15")) * 10  # pure functions: cheap

SQL = "Robert'); DROP TABLE person;--"
QUOTES = "Siti ' OR 1=1 -- \"Ucok\"; Aminah"
RLO_EMOJI = "Dewi \u202eitsaL 😀"
# Free text keeps even control characters (not NUL): packages carry them as _xHHHH_, which calamine decodes.
FREE = (f"{SQL} | {QUOTES} | {RLO_EMOJI} | esc\x1b[31m bell\x07 unit\x1f tab\there\nbaris dua | _x0041_ literal "
        "| <b>&amp;</b> ]]> %s {0}")
DEVICE_NAMES = ("CON", "PRN", "AUX", "NUL", "COM1", "LPT1", "com9", "Lpt3", "CONIN$", "CLOCK$", "nul.txt",
                "CON .pdf", "COM1.tar.gz")


# --- what the desk keeps: one service round trip, from typing to the district ----------------------------------------


def _hostile_household() -> HouseholdDraft:
    return HouseholdDraft(
        members=(MemberDraft(name=SQL, relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                             no_nik_reason="BELUM_REKAM", birth_place=QUOTES),
                 MemberDraft(name=QUOTES, relation="ISTRI", sex="P", birth_date=date(1985, 7, 20),
                             no_nik_reason="BELUM_REKAM"),
                 MemberDraft(name=RLO_EMOJI, relation="ANAK", sex="P", birth_date=date(2012, 2, 1),
                             no_nik_reason="BELUM_REKAM")),
        address=FREE, rt="1", rw="2", hamlet=QUOTES, no_kk_reason="BELUM_PUNYA")


def _district_rows(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def test_hostile_text_is_kept_found_printed_and_exchanged_verbatim(linked: Linked, tmp_path: Path) -> None:
    village: ServiceContext = linked.village.cli
    registered = register_household(village, _hostile_household()).household
    head, wife, child = registered.members
    visit = record_visit(village, VisitDraft(household_id=registered.id, applicant_person_id=head.id,
                                             applicant_relation="DIRI_SENDIRI", purpose=FREE))
    complaint = record_complaint(village, ComplaintDraft(household_id=registered.id, kind="PENGADUAN",
                                                         category_code="LAINNYA", description=FREE,
                                                         person_id=wife.id, visit_id=visit.id))

    # Read back through the services: names as the desk stores them (upper case), free text to the byte.
    detail = household_detail(village, registered.id)
    assert [m.name for m in detail.members] == [SQL.upper(), QUOTES.upper(), RLO_EMOJI.upper()]
    assert detail.household.address == FREE
    assert [v.purpose for v in detail.visits if v.id == visit.id] == [FREE]
    assert [c.description for c in detail.complaints if c.id == complaint.id] == [FREE]

    # Found by search, by the hostile text itself; and the person table is still there.
    for typed, person in ((SQL, head), (QUOTES, wife), (RLO_EMOJI, child), ("robert drop", head)):
        assert person.id in [hit.person_id for hit in search_persons(village, typed)], typed

    # The receipt renders: markup-looking text is printed as text, and the PDF opens with its words in it.
    shown = " ".join(pdf_text(printouts.receipt_pdf(village, visit.registration_number, channel=None)).split())
    for expected in (SQL.upper(), "<b>&amp;</b>", "_x0041_ literal", "' OR 1=1 --"):
        assert expected in shown, expected

    # Exported in a package and imported at the district: every field arrives byte for byte.
    package = export_package(village, tmp_path / "paket.xlsx", full=True)
    outcome = import_package(linked.district.cli, package.path)
    assert outcome.status is ImportStatus.APPLIED, [m.message for m in outcome.messages]
    url = linked.district.url
    names = _district_rows(url, "SELECT name, birth_place FROM person WHERE household_id = :h ORDER BY birth_date",
                           h=registered.id)
    assert [n for n, _ in names] == [SQL.upper(), QUOTES.upper(), RLO_EMOJI.upper()]
    assert names[0][1] == QUOTES.upper()  # the desk writes places in capitals, like names
    assert _district_rows(url, "SELECT address, hamlet FROM household WHERE id = :h", h=registered.id) == \
        [(FREE, QUOTES)]
    assert _district_rows(url, "SELECT purpose FROM visit WHERE id = :v", v=visit.id) == [(FREE,)]
    assert _district_rows(url, "SELECT description FROM complaint WHERE id = :c", c=complaint.id) == [(FREE,)]
    assert _district_rows(url, "SELECT count(*) FROM person")[0][0] > 3  # no statement ever ran from the data


# --- what the desk refuses at entry ----------------------------------------------------------------------------------


def _refusal(call: object) -> dict[str, str]:
    with pytest.raises(FieldErrors) as caught:
        call()  # type: ignore[operator]
    return caught.value.errors


@pytest.mark.parametrize("bad", ["Siti\x00Aminah", "Siti\x1bAminah", "Siti\tAminah", "Siti\x7f"])
def test_control_characters_in_a_name_are_refused_with_a_bahasa_message(linked: Linked, bad: str) -> None:
    draft = _hostile_household()
    members = (MemberDraft(name=bad, relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                           no_nik_reason="BELUM_REKAM"),)
    errors = _refusal(lambda: register_household(linked.village.cli, HouseholdDraft(
        members=members, address="Dusun Krajan", rt="1", rw="2", no_kk_reason=draft.no_kk_reason)))
    assert "karakter tak terlihat" in errors["members[0].name"]
    assert "Nama anggota ke-1" in errors["members[0].name"]


def test_nul_in_a_nik_free_text_or_a_visitor_name_is_refused(linked: Linked) -> None:
    ctx = linked.village.cli
    base = _hostile_household()
    with_nul_nik = HouseholdDraft(members=(MemberDraft(name="Slamet", relation="KEPALA_KELUARGA", sex="L",
                                                       birth_date=date(1980, 5, 15), nik="332201150580\x000003"),),
                                  address="Dusun Krajan", rt="1", rw="2", no_kk_reason=base.no_kk_reason)
    assert "members[0].nik" in _refusal(lambda: register_household(ctx, with_nul_nik))
    with_nul_address = HouseholdDraft(members=(MemberDraft(
        name="Slamet", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
        no_nik_reason="BELUM_REKAM"),), address="Dusun\x00Krajan", rt="1", rw="2", no_kk_reason=base.no_kk_reason)
    assert "NUL" in _refusal(lambda: register_household(ctx, with_nul_address))["address"]

    household = register_household(ctx, base).household
    head = household.members[0]
    errors = _refusal(lambda: record_visit(ctx, VisitDraft(household_id=household.id, applicant_person_id=head.id,
                                                           applicant_relation="DIRI_SENDIRI", purpose="a\x00b")))
    assert "NUL" in errors["purpose"]
    errors = _refusal(lambda: record_visit(ctx, VisitDraft(household_id=household.id, applicant_person_id="",
                                                           applicant_name="Pak\x1bRT", applicant_relation="LAINNYA",
                                                           subject_person_ids=(head.id,), purpose="Tanya")))
    assert "karakter tak terlihat" in errors["applicant"]
    errors = _refusal(lambda: record_complaint(ctx, ComplaintDraft(household_id=household.id, kind="PENGADUAN",
                                                                   category_code="LAINNYA", description="x\x00")))
    assert "NUL" in errors["description"]


def test_a_package_cell_with_nul_is_a_row_problem_and_an_extract_cell_loses_only_the_nul() -> None:
    for kind in (ColumnKind.TEXT, ColumnKind.ID_TEXT):
        problem = from_cell(kind, "Siti\x00Aminah")
        assert isinstance(problem, CellProblem) and problem.code == "KARAKTER_NUL" and "NUL" in problem.message
    assert from_cell(ColumnKind.TEXT, FREE.replace("\n", " ")) == FREE.replace("\n", " ").strip()
    assert read_text("SITI\x00AMINAH") == "SITI AMINAH"
    assert read_text(SQL) == SQL


def test_text_rules() -> None:
    assert name_problem(SQL, "Nama") is None and name_problem(RLO_EMOJI, "Nama") is None
    assert name_problem("A\x00", "Nama") and name_problem("A\x1f", "Nama")
    assert free_text_problem(FREE, "Uraian") is None
    assert "NUL" in (free_text_problem("a\x00", "Uraian") or "")


# --- file names built from data ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), [
    ("Sumogawe", "Sumogawe"),
    ("../../etc/passwd", "etc-passwd"),
    ("..", "dokumen"),
    ("a/b\\c:d", "a-b-c-d"),
    ("Siti  Aminah. . ", "Siti Aminah"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("COM1", "_COM1"),
    ("LPT1", "_LPT1"),
    ("CONSOLE", "CONSOLE"),
    ("\x00\x01\x1f", "dokumen"),
    (f"Desa {chr(0x202e)}fdp.exe", "Desa-fdp.exe"),
    (SQL, "Robert'); DROP TABLE person;"),
])
def test_safe_file_stem_plain_cases(typed: str, expected: str) -> None:
    assert safe_file_stem(typed) == expected


def _single_component(name: str) -> bool:
    return (name not in ("", ".", "..") and "/" not in name and "\\" not in name and Path(name).name == name
            and not name.endswith((" ", ".")) and not is_device_name(name)
            and all(ord(c) >= 32 and c not in '<>:"|?*' for c in name))


PIECES = st.sampled_from(["..", ".", "/", "\\", ":", " ", "\x00", "\x1f", "\u202e", "CON", "nul", "COM1", "lpt9",
                          "a", "é", "😀", "-", "*", "?", ".pdf"])
HOSTILE_TEXT = st.lists(PIECES, max_size=12).map("".join) | st.text()


@settings(max_examples=EXAMPLES, deadline=None, database=None)
@given(typed=HOSTILE_TEXT | st.sampled_from(DEVICE_NAMES))
def test_safe_file_stem_is_one_harmless_component(typed: str) -> None:
    stem = safe_file_stem(typed)
    assert _single_component(stem), repr(stem)
    assert len(stem.encode()) <= 150
    assert _single_component(stem + ".pdf")  # and stays one with the suffix the callers add


@settings(max_examples=max(20, EXAMPLES // 5), deadline=None, database=None)
@given(typed=HOSTILE_TEXT | st.sampled_from(DEVICE_NAMES))
def test_a_written_file_never_leaves_its_folder(tmp_path_factory: pytest.TempPathFactory, typed: str) -> None:
    root = tmp_path_factory.mktemp("out")
    folder = root / "chosen"
    folder.mkdir()
    path = file_in_folder(folder, typed, ".xlsx")
    path.write_bytes(b"x")
    assert [p.name for p in folder.iterdir()] == [path.name]
    assert [p.name for p in root.iterdir()] == ["chosen"]


def test_every_name_builder_uses_the_safe_stem() -> None:
    from puskesos_desk.ui.dialogs.new_village_dialog import setup_file_name
    from puskesos_desk.ui.pages.rujukan_page import slip_file_name
    from puskesos_desk.ui.widgets.household.print_actions import safe_file_part
    from puskesos_desk.ui.widgets.trusted_sites import card_file_name

    for typed in ("../../x", "CON", "a/b\\c", "..", "nul", "LPT1. ", f"x{chr(0)}y"):
        for built in (setup_file_name(typed), card_file_name(typed), return_file_name(typed, 3),
                      slip_file_name(typed), f"bukti-{safe_file_part(typed)}.pdf"):
            assert _single_component(built), (typed, built)
        assert _single_component(safe_file_part(typed))
    request = ReportRequest(ReportKind.RECAP, ReportMonth.parse("2026-11"), village_code="../CON")
    assert _single_component(request.file_stem("33.22"))
    assert return_file_name("33.22.01.2007", 4) == "33.22.01.2007-paket-4.xlsx"
