"""Name search at district scale: one interface, a trigram index on each backend.

Every function takes the session and a normalised name key (domain.names.normalize_name) and returns `NameHit`s,
best first, for live persons of live (or no) households; RT/RW narrow through the household.

- `prefix`    the whole name starts with the text: a range on the B-tree `ix_person_name_key` (both backends).
- `substring` a later word starts with the text (NAME_WORD), else the text is a piece inside the name (NAME_PART).
- `fuzzy`     every word typed matches a word of the name exactly, as its start, or one edit away (a letter
              dropped, added, changed, or two neighbours swapped), in any order. Old spellings, doubled letters
              and "M." for Muhammad are already folded by normalize_name, so they match exactly.
- `search`    the desk's cascade: prefix, then substring, then fuzzy, until `limit` hits.

The index is over *distinct* name keys, not persons: a district of 1,000,000 persons has far fewer different
names, and a name's persons are then one B-tree look-up away (`person.name_key`). Two tables on both backends,
kept current by triggers on person (migration 0010):

- `person_name_key(id, name_key, persons)`: each live key and how many live persons carry it. Its trigram index
  serves "keys containing this piece": SQLite an FTS5 `trigram` external-content table `person_name_fts` (the
  key table's INTEGER PRIMARY KEY is the stable rowid FTS5 needs); PostgreSQL a pg_trgm GIN index serving
  `LIKE '%…%'`. Trigrams need 3 characters, so 1–2 characters are answered by `prefix` only.
- `person_name_word(word, name_keys)`: the vocabulary of name words (10^3–10^5 of them) with how many keys hold
  each. Fuzzy corrects each query word against it by looking up all its one-edit variants (≈ 55 × length
  keys, one indexed IN query) plus the words it starts; the query word whose corrections are in the fewest keys
  selects candidate keys through the trigram index, the other words filter them in SQL, and the survivors are
  ranked in Python (fewer corrected words, fewer extra words, then names.name_similarity).

Why this and not similarity ranking over the whole table: FTS5 has no edit distance (its OR-of-trigrams + bm25
trick measured recall@20 0.78 at p95 171 ms, stack-notes part 1 §5), and pg_trgm `%`/`<->` over a million rows
ranks common first names (SITI, MUHAMMAD) above the one misspelt word that matters. Correcting words against a
small vocabulary is exact about "one typo", and runs the same SQL on both backends; only "keys containing these
pieces" is dialect specific. Figures: benchmarks/district_search.py (results.json "district_search").

A future SQLite batch migration that rebuilds `person` drops its triggers with it: run
`install_sqlite_triggers(connection)` afterwards.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, column, func, literal_column, or_, select, table, text
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.domain.names import name_similarity
from puskesos_desk.domain.search import MatchKind

__all__ = [
    "SEARCH_INDEXES", "SEARCH_TABLES", "NameHit", "fuzzy", "include_in_schema_comparison",
    "install_sqlite_triggers", "name_key_matches", "one_edit_variants", "prefix", "search", "substring",
]

ORDERED_SCAN_FROM = 20_000  # persons: from here a paged list walks its order index instead
MIN_TRIGRAM_LENGTH = 3  # FTS5 trigram MATCH and pg_trgm need three characters
MIN_FUZZY_WORD = 3  # shorter words are initials or still being typed: matched as word starts only
MAX_PREFIX_WORDS = 40  # vocabulary words a query word may be the start of ("RIZ" → RIZKY, RIZAL …)
MAX_CANDIDATE_KEYS = 5000  # distinct keys a fuzzy query ranks at most
SCORED_EXTRA = 5  # keys beyond `limit` scored by name similarity to settle ties at the edge
_LETTERS = string.ascii_uppercase

# Objects of the search index that the ORM metadata does not describe (schema comparisons leave them out).
SEARCH_TABLES = frozenset({"person_name_key", "person_name_word", "person_name_fts", "person_name_fts_data",
                           "person_name_fts_idx", "person_name_fts_docsize", "person_name_fts_config",
                           "person_name_fts_content"})
SEARCH_INDEXES = frozenset({"ix_person_name_key_trgm"})

_key = table("person_name_key", column("id"), column("name_key"), column("persons"))
_word = table("person_name_word", column("word"), column("name_keys"))


def include_in_schema_comparison(name: str | None, type_: str, _parent: Any = None) -> bool:
    """For alembic's `include_name`: False for the search index's own tables and indexes."""
    if type_ == "table":
        return name not in SEARCH_TABLES
    if type_ == "index":
        return name not in SEARCH_INDEXES
    return True


@dataclass(frozen=True, slots=True)
class NameHit:
    person_id: str
    name_key: str
    kind: MatchKind
    score: float  # 1.0 for the exact key; similar names carry names.name_similarity


# --- shared pieces ----------------------------------------------------------------------------------------------


def _escape_like(value: str) -> str:
    return value.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _contains(expression: Any, piece: str) -> Any:
    return expression.like(f"%{_escape_like(piece)}%", escape="/")


def _next_key(key: str) -> str:
    return key[:-1] + chr(ord(key[-1]) + 1)


def _placed(query: Any, rt: str | None, rw: str | None) -> Any:
    """Live persons of live (or no) households, optionally in one RT/RW."""
    query = query.join(Household, Household.id == Person.household_id, isouter=True).where(
        Person.deleted_at.is_(None), Household.deleted_at.is_(None))
    if rt:
        query = query.where(Household.rt == rt)
    if rw:
        query = query.where(Household.rw == rw)
    return query


def _fts_phrase(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def _keys_containing(session: Session, pieces: Sequence[str]) -> Any:
    """Distinct live keys containing any of `pieces` (each ≥ 3 characters), through the trigram index."""
    if session.get_bind().dialect.name == "sqlite":
        fts = table("person_name_fts", column("rowid"))
        return (select(_key.c.name_key).select_from(fts).join(_key, _key.c.id == fts.c.rowid)
                .where(literal_column("person_name_fts").op("MATCH")(" OR ".join(map(_fts_phrase, pieces)))))
    return select(_key.c.name_key).where(or_(*(_contains(_key.c.name_key, p) for p in pieces)))


def _persons_of(session: Session, keys: Sequence[str], limit: int, rt: str | None, rw: str | None) -> list[Any]:
    """(id, key) of the live persons carrying `keys`, key by key in the order given, at most `limit`.

    One round trip: at most `limit` persons per key (a window function, SQLite ≥ 3.25 and PostgreSQL), so a
    common key cannot crowd out the better-ranked ones.
    """
    if not keys:
        return []
    numbered = _placed(select(Person.id, Person.name_key, func.row_number().over(
        partition_by=Person.name_key, order_by=Person.id).label("n")), rt, rw).where(
        Person.name_key.in_(list(keys))).subquery()
    rows = session.execute(select(numbered.c.id, numbered.c.name_key, numbered.c.n).where(numbered.c.n <= limit))
    order = {k: i for i, k in enumerate(keys)}
    return [(pid, key) for pid, key, _ in sorted(rows, key=lambda r: (order[r[1]], r[2]))][:limit]


def _hit(person_id: str, key: str, query_key: str, kind: MatchKind) -> NameHit:
    return NameHit(person_id, key, kind, 1.0 if key == query_key else 0.9)


# --- prefix and substring ---------------------------------------------------------------------------------------


def prefix(session: Session, key: str, *, limit: int = 50, rt: str | None = None,
           rw: str | None = None) -> list[NameHit]:
    """Names starting with `key`, alphabetical (the B-tree range; the LIKE only guards non-C collations)."""
    if not key or limit <= 0:
        return []
    condition = and_(Person.name_key >= key, Person.name_key < _next_key(key),
                     Person.name_key.like(f"{_escape_like(key)}%", escape="/"))
    rows = session.execute(_placed(select(Person.id, Person.name_key), rt, rw).where(condition)
                           .order_by(Person.name_key).limit(limit))
    return [_hit(pid, name_key, key, MatchKind.NAME_PREFIX) for pid, name_key in rows]


def substring(session: Session, key: str, *, limit: int = 50, rt: str | None = None,
              rw: str | None = None) -> list[NameHit]:
    """Names (not starting with `key`) where a later word starts with `key`, then those with `key` anywhere.

    The index hands over keys in storage order; only the first few of each kind are taken and sorted, which keeps a
    common piece ("SITI": most of a district) as fast as a rare one.
    """
    if len(key) < MIN_TRIGRAM_LENGTH or limit <= 0:
        return []
    found: dict[str, NameHit] = {}
    seen_keys: set[str] = set()
    for piece, kind in ((" " + key, MatchKind.NAME_WORD), (key, MatchKind.NAME_PART)):
        if len(found) >= limit:
            break
        query = _keys_containing(session, [piece]).where(
            or_(_key.c.name_key < key, _key.c.name_key >= _next_key(key)))
        if seen_keys:
            query = query.where(_key.c.name_key.not_in(sorted(seen_keys)))
        keys = sorted(k for (k,) in session.execute(query.limit(limit)))
        seen_keys.update(keys)
        if not keys:
            continue
        rows = session.execute(_placed(select(Person.id, Person.name_key), rt, rw)
                               .where(Person.name_key.in_(keys)).order_by(Person.name_key)
                               .limit(limit - len(found)))
        for pid, name_key in rows:
            found.setdefault(pid, _hit(pid, name_key, key, kind))
    return list(found.values())[:limit]


def name_key_matches(session: Session, name_key: Any, key: str) -> Any:
    """A WHERE condition for lists paged in SQL (the Warga list): the name starts with `key`, or, from 3
    characters, contains it (a word inside too), through the B-tree and the trigram index of distinct keys."""
    starts = and_(name_key >= key, name_key < _next_key(key))
    if len(key) < MIN_TRIGRAM_LENGTH:
        return starts
    containing = _keys_containing(session, [key])  # the keys starting with `key` among them
    if session.get_bind().dialect.name == "sqlite" and _persons_carrying(session, containing) > ORDERED_SCAN_FROM:
        # A common piece ("SITI": 166,610 of a million persons). SQLite would collect every match through both
        # indexes and sort them all before the first page (4 s); hiding the column from the planner makes it walk
        # the list's own order index and stop at the page (measured 0.1 s). Few matches keep the indexed form.
        return func.coalesce(name_key, "").in_(containing)
    return or_(starts, name_key.in_(containing))


def _persons_carrying(session: Session, keys: Any) -> int:
    """How many live persons carry one of the keys (the key table keeps the count per key)."""
    found = session.scalar(select(func.coalesce(func.sum(_key.c.persons), 0)).where(
        _key.c.name_key.in_(keys.scalar_subquery() if hasattr(keys, "scalar_subquery") else keys)))
    return int(found or 0)


# --- fuzzy ------------------------------------------------------------------------------------------------------


def one_edit_variants(word: str) -> set[str]:
    """The word and every string one letter dropped, added, changed (A–Z), or two neighbours swapped away.

    Also "C?C" for each letter C: keys have doubled letters collapsed, so a letter dropped between two equal ones
    (SASONGKO typed SSONGKO) reaches the key as SONGKO, two edits from SASONGKO.
    """
    variants = {word}
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        variants.update(head + letter + tail for letter in _LETTERS)
        if tail:
            variants.add(head + tail[1:])
            variants.update(head + letter + tail[1:] for letter in _LETTERS)
            variants.update(head + tail[0] + letter + tail for letter in _LETTERS)
            if len(tail) > 1:
                variants.add(head + tail[1] + tail[0] + tail[2:])
    return variants


@dataclass(frozen=True, slots=True)
class _Corrections:
    exact: frozenset[str]  # vocabulary words equal to the query word or starting with it
    near: frozenset[str]  # vocabulary words one edit away
    keys: int  # keys holding any of them: the query word with the fewest selects the candidates

    @property
    def words(self) -> frozenset[str]:
        return self.exact | self.near


def _correct(session: Session, word: str) -> _Corrections:
    # One IN query of ≈ 55 × length keys on the primary key, and a range for the words it starts.
    counts = {w: n for w, n in session.execute(
        select(_word.c.word, _word.c.name_keys).where(_word.c.word.in_(sorted(one_edit_variants(word)))))}
    starting = {w: n for w, n in session.execute(
        select(_word.c.word, _word.c.name_keys).where(_word.c.word > word, _word.c.word < _next_key(word))
        .order_by(_word.c.name_keys.desc()).limit(MAX_PREFIX_WORDS))}
    exact = ({word} & set(counts)) | set(starting)
    return _Corrections(frozenset(exact), frozenset(set(counts) - exact),
                        sum(counts.values()) + sum(starting.values()))


def _rank(corrections: list[_Corrections], initials: list[str], query_words: int,
          key: str) -> tuple[int, int] | None:
    """(corrected words, extra words) of a candidate key, or None when a query word has no partner in it.

    Each word of the name partners one query word only: "SRI SRAI" must not take SRI twice.
    """
    free = key.split()
    extra = max(len(free) - query_words, 0)
    typos = 0
    pending = []
    for fix in corrections:
        partner = next((w for w in free if w in fix.exact), None)
        if partner is None:
            pending.append(fix)
        else:
            free.remove(partner)
    for fix in pending:
        partner = next((w for w in free if w in fix.near), None)
        if partner is None:
            return None
        free.remove(partner)
        typos += 1
    for initial in initials:
        partner = next((w for w in free if w.startswith(initial)), None)
        if partner is None:
            return None
        free.remove(partner)
    return typos, extra


def fuzzy(session: Session, key: str, *, limit: int = 20, rt: str | None = None,
          rw: str | None = None) -> list[NameHit]:
    """Names matching every word typed exactly, as a word start, or one edit away, in any order.

    All words exact → NAME_PART, else NAME_SIMILAR. Best first: fewer corrected words, fewer extra words, then
    the similarity of the whole names.
    """
    query_words = key.split()
    long_words = sorted({w for w in query_words if len(w) >= MIN_FUZZY_WORD})
    initials = [w for w in query_words if len(w) < MIN_FUZZY_WORD]
    if not long_words or limit <= 0:
        return []
    corrections = [_correct(session, w) for w in long_words]
    if any(not fix.words for fix in corrections):
        return []
    selector = min(corrections, key=lambda fix: fix.keys)
    query = _keys_containing(session, sorted(selector.words))
    for fix in corrections:
        if fix is not selector:  # a cheap filter in SQL; the whole-word test follows in Python
            query = query.where(or_(*(_contains(_key.c.name_key, w) for w in sorted(fix.words))))
    ranked = []
    for (name_key,) in session.execute(query.limit(MAX_CANDIDATE_KEYS)):
        order = _rank(corrections, initials, len(query_words), name_key)
        if order is not None:
            ranked.append((order, name_key))
    # Closest length first within a rank; only the best few are scored with the (slow, ≈ 0.3 ms) whole-name
    # similarity, which then orders equal ranks.
    ranked.sort(key=lambda item: (item[0], abs(len(item[1]) - len(key)), item[1]))
    best = sorted(((order, -name_similarity(key, k), k) for order, k in ranked[: limit + SCORED_EXTRA]))
    typos_of = {k: order[0] for order, _, k in best}
    score_of = {k: -negative for _, negative, k in best}
    hits = []
    for pid, name_key in _persons_of(session, [k for _, _, k in best], limit, rt, rw):
        kind = MatchKind.NAME_PART if typos_of[name_key] == 0 else MatchKind.NAME_SIMILAR
        hits.append(NameHit(pid, name_key, kind, 1.0 if name_key == key else score_of[name_key]))
    return hits


# --- the cascade ------------------------------------------------------------------------------------------------


def search(session: Session, key: str, *, limit: int = 50, rt: str | None = None,
           rw: str | None = None) -> list[NameHit]:
    """Prefix, then a word or piece inside, then all words in any order and typos; best first, at most `limit`."""
    if not key or limit <= 0:
        return []
    found: dict[str, NameHit] = {}
    for step in (prefix, substring, fuzzy):
        if len(found) >= limit:
            break
        for hit in step(session, key, limit=limit, rt=rt, rw=rw):
            found.setdefault(hit.person_id, hit)
    return list(found.values())[:limit]


# --- the index itself (created by migration 0010) ---------------------------------------------------------------

# The words of a key as a JSON array for json_each (keys hold letters, digits and single spaces; quotes and
# backslashes are escaped anyway, so a stray character cannot break the trigger).
_SQLITE_WORDS = ("json_each('[\"' || replace(replace(replace({key}, '\\', '\\\\'), '\"', '\\\"'), ' ', '\",\"')"
                 " || '\"]')")
_SQLITE_ADD_PERSON = """INSERT INTO person_name_key(name_key, persons) SELECT {key}, 1 WHERE true
            ON CONFLICT(name_key) DO UPDATE SET persons = persons + 1;"""
_SQLITE_DROP_PERSON = """UPDATE person_name_key SET persons = persons - 1 WHERE name_key = {key};
        DELETE FROM person_name_key WHERE name_key = {key} AND persons <= 0;"""

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER person_name_key_ai AFTER INSERT ON person_name_key BEGIN
        INSERT INTO person_name_fts(rowid, name_key) VALUES (new.id, new.name_key);
        INSERT INTO person_name_word(word, name_keys)
            SELECT DISTINCT value, 1 FROM {_SQLITE_WORDS.format(key='new.name_key')} WHERE value <> ''
            ON CONFLICT(word) DO UPDATE SET name_keys = name_keys + 1;
    END""",
    f"""CREATE TRIGGER person_name_key_ad AFTER DELETE ON person_name_key BEGIN
        INSERT INTO person_name_fts(person_name_fts, rowid, name_key) VALUES ('delete', old.id, old.name_key);
        UPDATE person_name_word SET name_keys = name_keys - 1
            WHERE word IN (SELECT value FROM {_SQLITE_WORDS.format(key='old.name_key')});
        DELETE FROM person_name_word
            WHERE name_keys <= 0 AND word IN (SELECT value FROM {_SQLITE_WORDS.format(key='old.name_key')});
    END""",
    f"""CREATE TRIGGER person_name_key_person_ai AFTER INSERT ON person WHEN new.deleted_at IS NULL BEGIN
        {_SQLITE_ADD_PERSON.format(key='new.name_key')}
    END""",
    f"""CREATE TRIGGER person_name_key_person_au AFTER UPDATE OF name_key, deleted_at ON person
    WHEN old.name_key IS NOT new.name_key OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
        {_SQLITE_DROP_PERSON.format(key='old.name_key').replace(';', ' AND old.deleted_at IS NULL;')}
        {_SQLITE_ADD_PERSON.format(key='new.name_key').replace('WHERE true', 'WHERE new.deleted_at IS NULL')}
    END""",
    f"""CREATE TRIGGER person_name_key_person_ad AFTER DELETE ON person WHEN old.deleted_at IS NULL BEGIN
        {_SQLITE_DROP_PERSON.format(key='old.name_key')}
    END""",
)
SQLITE_TRIGGER_NAMES = ("person_name_key_ai", "person_name_key_ad", "person_name_key_person_ai",
                        "person_name_key_person_au", "person_name_key_person_ad")


def install_sqlite_triggers(connection: Connection) -> None:
    for statement in SQLITE_TRIGGERS:
        connection.execute(text(statement))


def fill_sqlite_index(connection: Connection) -> None:
    """Index the persons already stored, in bulk (faster than row by row through the triggers)."""
    connection.execute(text("INSERT INTO person_name_key(name_key, persons) SELECT name_key, count(*) FROM person "
                            "WHERE deleted_at IS NULL GROUP BY name_key"))
    connection.execute(text("INSERT INTO person_name_fts(person_name_fts) VALUES ('rebuild')"))
    connection.execute(text(
        "INSERT INTO person_name_word(word, name_keys) SELECT value, count(DISTINCT k.id) FROM person_name_key k, "
        f"{_SQLITE_WORDS.format(key='k.name_key')} WHERE value <> '' GROUP BY value"))


# PostgreSQL keeps the counts with statement-level triggers over transition tables: a bulk COPY of a district is
# one grouped upsert instead of a million row triggers; rows are upserted in key order, so two writers touching the
# same keys queue instead of deadlocking.
_PG_KEY_DELTA = """
        INSERT INTO person_name_key(name_key, persons)
        SELECT name_key, sum(d) FROM (
            SELECT o.name_key, -1 AS d FROM {old} o WHERE o.deleted_at IS NULL
            UNION ALL SELECT n.name_key, 1 AS d FROM {new} n WHERE n.deleted_at IS NULL
        ) AS change GROUP BY name_key HAVING sum(d) <> 0 ORDER BY name_key
        ON CONFLICT (name_key) DO UPDATE SET persons = person_name_key.persons + excluded.persons;
        DELETE FROM person_name_key WHERE persons <= 0;"""
_PG_CHANGED = ("(SELECT {side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.name_key IS DISTINCT FROM "
               "n.name_key OR (o.deleted_at IS NULL) <> (n.deleted_at IS NULL))")
_PG_NONE = "(SELECT * FROM {rows} WHERE false)"
_PG_WORD_DELTA = """
        INSERT INTO person_name_word(word, name_keys)
        SELECT w, sum(d) FROM (
            SELECT DISTINCT o.id, w, -1 AS d FROM {old} o, unnest(string_to_array(o.name_key, ' ')) AS w WHERE w <> ''
            UNION ALL
            SELECT DISTINCT n.id, w, 1 AS d FROM {new} n, unnest(string_to_array(n.name_key, ' ')) AS w WHERE w <> ''
        ) AS change GROUP BY w HAVING sum(d) <> 0 ORDER BY w
        ON CONFLICT (word) DO UPDATE SET name_keys = person_name_word.name_keys + excluded.name_keys;
        DELETE FROM person_name_word WHERE name_keys <= 0;"""

POSTGRES_FUNCTIONS = (
    f"""CREATE OR REPLACE FUNCTION person_name_key_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN {_PG_KEY_DELTA.format(old=_PG_NONE.format(rows='new_rows'), new='new_rows')}
        ELSIF TG_OP = 'DELETE' THEN {_PG_KEY_DELTA.format(old='old_rows', new=_PG_NONE.format(rows='old_rows'))}
        ELSE {_PG_KEY_DELTA.format(old=_PG_CHANGED.format(side='o'), new=_PG_CHANGED.format(side='n'))}
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION person_name_word_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN {_PG_WORD_DELTA.format(old=_PG_NONE.format(rows='new_rows'), new='new_rows')}
        ELSE {_PG_WORD_DELTA.format(old='old_rows', new=_PG_NONE.format(rows='old_rows'))}
        END IF;
        RETURN NULL;
    END $$""",
)
POSTGRES_TRIGGERS = (
    ("person", "person_name_key_insert", "INSERT", "NEW TABLE AS new_rows", "person_name_key_sync"),
    ("person", "person_name_key_update", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
     "person_name_key_sync"),
    ("person", "person_name_key_delete", "DELETE", "OLD TABLE AS old_rows", "person_name_key_sync"),
    ("person_name_key", "person_name_word_insert", "INSERT", "NEW TABLE AS new_rows", "person_name_word_sync"),
    ("person_name_key", "person_name_word_delete", "DELETE", "OLD TABLE AS old_rows", "person_name_word_sync"),
)


def install_postgres_triggers(connection: Connection) -> None:
    for function in POSTGRES_FUNCTIONS:
        connection.execute(text(function))
    for on, name, event, referencing, function in POSTGRES_TRIGGERS:
        connection.execute(text(f"CREATE TRIGGER {name} AFTER {event} ON {on} REFERENCING {referencing} "
                                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"))


def fill_postgres_index(connection: Connection) -> None:
    connection.execute(text("INSERT INTO person_name_key(name_key, persons) SELECT name_key, count(*) FROM person "
                            "WHERE deleted_at IS NULL GROUP BY name_key"))
    connection.execute(text(
        "INSERT INTO person_name_word(word, name_keys) SELECT w, count(DISTINCT k.id) FROM person_name_key k, "
        "unnest(string_to_array(k.name_key, ' ')) AS w WHERE w <> '' GROUP BY w"))
