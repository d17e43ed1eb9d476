"""Name search through one interface on both backends: B-tree prefix, trigram substring, vocabulary-corrected typos,
and the triggers that keep the index current (data/repositories/name_search.py, migration 0010).

Every test runs on SQLite (a fresh file) in the SQLite pass and on PostgreSQL (a fresh database on the server in
PUSKESOS_TEST_PG) in the PostgreSQL pass (tests/backends.py).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from backends import ON_POSTGRES
from sqlalchemy import select, text

from puskesos_desk.data.db import Database
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.repositories import name_search
from puskesos_desk.data.repositories import search as search_repo
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.search import MatchKind
from puskesos_desk.services.bootstrap import open_database

PG_ENV = "PUSKESOS_TEST_PG"
ACTOR = Actor.cli("pytest")


def _pg_admin(url: str):
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("name_search") / "template.db"
    open_database(f"sqlite:///{path}").db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database to copy (CREATE DATABASE … TEMPLATE) for each test."""
    server = os.environ.get(PG_ENV, "")
    if not server:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test name search on")
    name = f"search_tpl{uuid.uuid4().hex[:10]}"
    with _pg_admin(server) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    open_database(f"{server.rsplit('/', 1)[0]}/{name}").db.dispose()
    yield name
    with _pg_admin(server) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated, empty database on the backend of this test pass (a copy of a migrated template)."""
    if not ON_POSTGRES:
        path = tmp_path / "cari.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        database = Database(f"sqlite:///{path}")
        yield database
        database.dispose()
        return
    template = request.getfixturevalue("pg_template")
    server = os.environ[PG_ENV]
    name = f"search_t{uuid.uuid4().hex[:12]}"
    with _pg_admin(server) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    database = Database(f"{server.rsplit('/', 1)[0]}/{name}")
    try:
        yield database
    finally:
        database.dispose()
        with _pg_admin(server) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def add(db: Database, *names: str, rt: str = "001") -> list[str]:
    """Register one household per name (the person its head); returns the person ids."""
    ids = []
    with db.transaction(ACTOR) as session:
        for name in names:
            household = Household(number=f"H-{uuid.uuid4().hex[:10]}", head_name=name, rt=rt, rw="002",
                                  village_code="33.22.01.2007")
            session.add(household)
            session.flush()
            person = Person(household_id=household.id, name=name, name_key=normalize_name(name), sex="P",
                            relation="KEPALA_KELUARGA")
            session.add(person)
            session.flush()
            ids.append(person.id)
    return ids


def keys(hits: list[name_search.NameHit]) -> list[str]:
    return [h.name_key for h in hits]


def find(db: Database, fn, text_: str, **options: object) -> list[name_search.NameHit]:
    with db.reading() as session:
        return fn(session, normalize_name(text_), **options)


def test_prefix_is_alphabetical_and_narrows_by_rt(db: Database) -> None:
    add(db, "Siti Aminah", "Siti Rahayu", "Slamet Riyadi")
    add(db, "Siti Badriyah", rt="004")
    assert keys(find(db, name_search.prefix, "siti")) == ["SITI AMINAH", "SITI BADRIYAH", "SITI RAHAYU"]
    assert keys(find(db, name_search.prefix, "Siti", rt="004")) == ["SITI BADRIYAH"]
    assert keys(find(db, name_search.prefix, "S", limit=2)) == ["SITI AMINAH", "SITI BADRIYAH"]
    assert all(h.kind is MatchKind.NAME_PREFIX for h in find(db, name_search.prefix, "s"))


def test_substring_finds_a_later_word_before_a_piece_inside(db: Database) -> None:
    add(db, "Siti Aminah", "Aminah", "Tuminah", "Nur Aminah Sari", "Budi Santoso")
    hits = find(db, name_search.substring, "aminah")
    # "AMINAH" itself starts with the text: that is prefix's answer, not substring's.
    assert keys(hits) == ["NUR AMINAH SARI", "SITI AMINAH"]
    assert {h.kind for h in hits} == {MatchKind.NAME_WORD}
    piece = find(db, name_search.substring, "mina")
    assert [(h.name_key, h.kind) for h in piece] == [
        ("AMINAH", MatchKind.NAME_PART), ("NUR AMINAH SARI", MatchKind.NAME_PART),
        ("SITI AMINAH", MatchKind.NAME_PART), ("TUMINAH", MatchKind.NAME_PART)]


def test_one_and_two_characters_are_answered_by_prefix_only(db: Database) -> None:
    add(db, "Ani", "Siti Aminah", "Dani")
    assert find(db, name_search.substring, "an") == []
    assert keys(find(db, name_search.search, "an")) == ["ANI"]
    assert keys(find(db, name_search.search, "a")) == ["ANI"]


@pytest.mark.parametrize(("typed", "error"), [
    ("Siti Amnah", "letter dropped"),
    ("Siti Ammiinah", "letters doubled"),
    ("Siti Amniah", "neighbours swapped"),
    ("Siti Aminaj", "letter changed"),
    ("Siti Aminahh Rahayu", "extra word typed: no match, see below"),
])
def test_fuzzy_finds_a_name_with_one_typo(db: Database, typed: str, error: str) -> None:
    target, other = add(db, "Siti Aminah", "Siti Rahayu")
    found = [h.person_id for h in find(db, name_search.search, typed, limit=20)]
    if "no match" in error:
        assert target not in found  # every word typed must be in the name
    else:
        assert found[0] == target, error
        assert other not in found


def test_fuzzy_folds_old_spelling_and_muhammad_abbreviations(db: Database) -> None:
    sukarno, djoko, muhammad = add(db, "Sukarno Wijaya", "Joko Susilo", "Muhammad Rizky")
    assert find(db, name_search.search, "Soekarno Wijaya")[0].person_id == sukarno
    assert find(db, name_search.search, "Djoko Soesilo")[0].person_id == djoko
    assert find(db, name_search.search, "M. Rizky")[0].person_id == muhammad
    assert find(db, name_search.search, "Moh Rizki")[0].person_id == muhammad  # abbreviation and a typo


def test_fuzzy_ranks_exact_words_first_and_uses_each_name_word_once(db: Database) -> None:
    sari, = add(db, "Sri Sari")
    add(db, "Sri Wahyuni", "Sri Rahayu Sari Dewi")
    hits = find(db, name_search.fuzzy, "Sri Srai")  # SRAI is one edit from SARI and from SRI
    assert hits[0].person_id == sari and hits[0].kind is MatchKind.NAME_SIMILAR
    assert "SRI WAHYUNI" not in keys(hits)  # SRI cannot partner both query words
    words_any_order = find(db, name_search.fuzzy, "Sari Sri")
    assert words_any_order[0].person_id == sari and words_any_order[0].kind is MatchKind.NAME_PART


def test_a_letter_dropped_between_equal_letters_is_still_one_typo(db: Database) -> None:
    target, = add(db, "Ahmad Sasongko")
    # SSONGKO collapses to SONGKO in the key: two edits from SASONGKO, unless the search knows about collapsing.
    assert find(db, name_search.search, "Ahmad Ssongko")[0].person_id == target


def test_tombstoned_and_renamed_persons_leave_the_index(db: Database) -> None:
    gone, renamed, _ = add(db, "Wagiman Sutrisno", "Paijo Wiryo", "Wagiyem Sutrisni")
    with db.transaction(ACTOR) as session:
        session.get(Person, gone).deleted_at = datetime.now(UTC)
        person = session.get(Person, renamed)
        person.name, person.name_key = "Sarijo Wiryo", "SARIJO WIRYO"
    assert keys(find(db, name_search.search, "wagiman")) == []
    assert keys(find(db, name_search.fuzzy, "Wagimn Sutrisno")) == []
    assert keys(find(db, name_search.search, "paijo")) == []
    assert keys(find(db, name_search.substring, "rijo")) == ["SARIJO WIRYO"]
    with db.reading() as session:
        words = {w: n for w, n in session.execute(text("SELECT word, name_keys FROM person_name_word"))}
        counted = {k: n for k, n in session.execute(text("SELECT name_key, persons FROM person_name_key"))}
    assert "WAGIMAN" not in words and "PAIJO" not in words and words["SUTRISNI"] == 1
    assert counted == {"SARIJO WIRYO": 1, "WAGIYEM SUTRISNI": 1}


def test_index_counts_follow_inserts_updates_and_deletes(db: Database) -> None:
    first, second = add(db, "Siti Aminah", "Siti Aminah")
    with db.reading() as session:
        assert session.scalar(text("SELECT persons FROM person_name_key WHERE name_key = 'SITI AMINAH'")) == 2
    with db.transaction(ACTOR) as session:
        session.delete(session.get(Person, first))
    assert [h.person_id for h in find(db, name_search.substring, "mina")] == [second]
    with db.transaction(ACTOR) as session:
        session.delete(session.get(Person, second))
    assert find(db, name_search.substring, "mina") == []
    with db.reading() as session:
        assert session.scalar(text("SELECT count(*) FROM person_name_key")) == 0
        assert session.scalar(text("SELECT count(*) FROM person_name_word")) == 0


def test_index_objects_of_each_backend_are_in_place(db: Database) -> None:
    add(db, "Siti Aminah", "Budi Santoso")
    with db.transaction(ACTOR) as session:
        person = session.scalars(select(Person).where(Person.name_key == "BUDI SANTOSO")).one()
        person.name, person.name_key = "Budi Susanto", "BUDI SUSANTO"
    with db.engine.begin() as connection:
        if db.engine.dialect.name == "sqlite":
            # Fails ("database disk image is malformed") when the external-content FTS5 index and its table
            # disagree, i.e. when a trigger left a stale entry behind.
            connection.execute(text("INSERT INTO person_name_fts(person_name_fts, rank) VALUES ('integrity-check', 1)"))
        else:
            indexes = connection.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = "
                                              "'ix_person_name_key_trgm'")).scalars().all()
            assert indexes and "gin_trgm_ops" in indexes[0]
    assert keys(find(db, name_search.substring, "santoso")) == []
    assert keys(find(db, name_search.substring, "usant")) == ["BUDI SUSANTO"]


def test_repository_by_name_uses_the_index(db: Database) -> None:
    add(db, "Siti Aminah", "Aminah", "Nur Aminah Sari")
    with db.reading() as session:
        hits = search_repo.by_name(session, "AMINAH")
    assert [h.name for h in hits] == ["Aminah", "Nur Aminah Sari", "Siti Aminah"]
    assert {h.rt for h in hits} == {"001"}


def test_one_edit_variants_cover_every_single_edit() -> None:
    variants = name_search.one_edit_variants("ANI")
    assert {"ANI", "NI", "AI", "AN", "NAI", "AIN", "ANIS", "BANI", "ANA", "ANNI"} <= variants
    assert "INA" not in variants  # two edits


@pytest.mark.parametrize("ordered_scan_from", [0, 1_000_000])
def test_list_condition_finds_prefix_and_inner_word_with_few_or_many_matches(
        db: Database, ordered_scan_from: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Warga list's name filter: the same persons whether the piece is rare (indexed OR) or common (walk of the
    list's order index on SQLite), tombstones left out."""
    from sqlalchemy import select

    from puskesos_desk.data.orm.household import Person as PersonRow

    monkeypatch.setattr(name_search, "ORDERED_SCAN_FROM", ordered_scan_from)
    add(db, "Siti Aminah", "Aminah", "Nur Aminah Sari", "Budi Santoso", "Aminudin")
    with db.reading() as session:
        condition = name_search.name_key_matches(session, PersonRow.name_key, "AMINAH")
        found = session.scalars(select(PersonRow.name_key).where(condition, PersonRow.deleted_at.is_(None))
                                .order_by(PersonRow.name_key)).all()
    assert found == ["AMINAH", "NUR AMINAH SARI", "SITI AMINAH"]


def _index_counts(session: object) -> dict[str, int]:
    return dict(session.execute(text("SELECT name_key, persons FROM person_name_key")).all())  # type: ignore[attr-defined]


def _live_counts(session: object) -> dict[str, int]:
    return dict(session.execute(text(  # type: ignore[attr-defined]
        "SELECT name_key, count(*) FROM person WHERE deleted_at IS NULL GROUP BY name_key")).all())


def _triggers(session: object) -> list[tuple[str, str]]:
    """The search index's row triggers as stored (SQLite); PostgreSQL's statement triggers are never touched."""
    if ON_POSTGRES:
        return []
    return session.execute(text(  # type: ignore[attr-defined]
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")).all()


def _person_rows(household_id: str, names: list[str], *, deleted: set[str] = frozenset()) -> list[dict[str, object]]:
    now = datetime.now(UTC)
    return [{"id": str(uuid.uuid4()), "household_id": household_id, "name": name, "name_key": normalize_name(name),
             "sex": "L", "relation": "ANAK", "birth_place": "", "residence_status": "TETAP", "citizenship": "WNI",
             "nik_check": {}, "documents": [], "disability": [], "created_at": now, "created_by": "pytest",
             "updated_at": now, "updated_by": "pytest", "row_version": 1,
             "deleted_at": now if name in deleted else None} for name in names]


def test_bulk_person_inserts_keep_the_index_as_the_row_trigger_would(db: Database) -> None:
    """exchange_rows.insert_rows catches the name index up once per batch on SQLite (name_index_bulk): the counts,
    the trigram search and the word vocabulary come out as if every row had gone through the row trigger."""
    from puskesos_desk.data.repositories import exchange_rows

    (existing,) = add(db, "Siti Aminah")
    with db.reading() as session:
        household_id = session.get(Person, existing).household_id
        triggers = _triggers(session)
    names = ["Siti Aminah", "Siti Aminah", "Bambang Priyo", "Sri Wahyuni", "Gone Person"]
    with db.transaction(ACTOR) as session:
        exchange_rows.insert_rows(session, "person", _person_rows(household_id, names, deleted={"Gone Person"}))
    with db.reading() as session:
        assert _index_counts(session) == _live_counts(session) == {"SITI AMINAH": 3, "BAMBANG PRIYO": 1,
                                                                     "SRI WAHYUNI": 1}
        words = dict(session.execute(text("SELECT word, name_keys FROM person_name_word")).all())
    assert words == {"SITI": 1, "AMINAH": 1, "BAMBANG": 1, "PRIYO": 1, "SRI": 1, "WAHYUNI": 1}
    with db.reading() as session:
        assert _triggers(session) == triggers  # put back exactly as it was
    assert keys(find(db, name_search.substring, "ahyu")) == ["SRI WAHYUNI"]
    assert find(db, name_search.search, "gone person") == []
    # The row trigger is back in charge after the batch: a single registration is counted at once.
    add(db, "Sri Wahyuni")
    with db.reading() as session:
        assert _index_counts(session)["SRI WAHYUNI"] == 2


def test_a_failed_bulk_batch_leaves_the_rows_out_and_the_trigger_in_place(db: Database) -> None:
    from puskesos_desk.data.repositories import exchange_rows

    (existing,) = add(db, "Siti Aminah")
    with db.reading() as session:
        household_id = session.get(Person, existing).household_id
        triggers = _triggers(session)
    rows = _person_rows(household_id, ["Budi Santoso", "Budi Santoso"])
    rows[1]["id"] = rows[0]["id"]  # the second row collides with the first: the batch fails as a whole
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"), db.transaction(ACTOR) as session:
        exchange_rows.insert_rows(session, "person", rows)
    with db.reading() as session:
        assert _index_counts(session) == _live_counts(session) == {"SITI AMINAH": 1}
        assert _triggers(session) == triggers  # the rollback brought the dropped trigger back
    add(db, "Budi Santoso")
    with db.reading() as session:
        assert _index_counts(session)["BUDI SANTOSO"] == 1
