"""The search-first desk: one text box for NIK, No. KK or a name, over registered persons and the active DTSEN/DTKS
extract together.

Village scale (see benchmarks/search_latency.py): each process keeps an in-memory index per database, loaded with
portable SQL and kept current through the audit log — every write through the application appends audit events, so
before each search one primary-key read (the last audit sequence number) tells whether anything changed, and only
the persons and households written since are reloaded. A new extract batch reloads the extract part. Matching a
name by prefix, word, piece and typo is then a few dictionary look-ups.

District scale answers from the database instead, when the site is a KABUPATEN or the database holds more than
DATABASE_SEARCH_ABOVE live persons (decided once per database and process). Why there: the index grows linearly
with persons and extract rows — a village of 15,000 persons and 15,000 extract rows loads in 0.84 s (results.json
"search"), so a district's 1,000,000 persons and an extract of similar size would cost about a minute and gigabytes
of memory on every PC before the first search, and again after every imported package. A KABUPATEN's data grows
with every village package, so it takes the database path from its first person; elsewhere 60,000 (four large
villages, a load of about 3 s) is where waiting for the index stops paying off against indexed queries of a few
ms each (benchmarks/district_search.py). On that path:

- NIK / No. KK exact through the B-tree indexes on person, household and the extract;
- names of registered persons through data.repositories.name_search (prefix → substring → typo, trigram index of
  distinct name keys on both backends);
- extract rows by NIK / No. KK exact and by name *prefix* (the B-tree on the extract's name key). The extract has
  no trigram index, so a family known only to the extract is not found by a word inside its name or by a typo
  there; registered persons are, and an extract row tied to one shows on that person's hit as before;
- the hits are then built with the very code of the in-memory path (`_Rows`) over just the rows they involve: the
  persons found, the complete extract groups found (same NIK, else same name key + birth date), the registered
  persons those groups belong to, and the extract rows tied to each person. So kinds, order, RT/RW filtering,
  limits and every DeskHit field are the same as the village path gives for the same data.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
import weakref
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from puskesos_desk.data.db import Database, DbSession
from puskesos_desk.data.repositories import desk_rows, name_search, sites
from puskesos_desk.data.repositories import register as register_repo
from puskesos_desk.data.repositories import search as search_repo
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.domain.search import (
    DeskHit,
    IndexedPerson,
    MatchKind,
    QueryKind,
    RegisterBatchInfo,
    RegisterStatus,
    parse_query,
)
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.search import NameIndex, NameMatch

log = logging.getLogger(__name__)

DATABASE_SEARCH_ABOVE = 60_000  # live persons; beyond this (or at a KABUPATEN) the desk answers from the database
DISTRICT_PREFIX_ROWS = 3  # extract rows read per wanted group on the database path (a person is in DTSEN and DTKS)
FULL_RELOAD_AFTER_EVENTS = 5000  # beyond this many audit events since the last look, reloading everything is cheaper
_WATCHED = ("person", "household", "register_batch")
_DATASET_ORDER = {"DTSEN": 0, "DTKS": 1, "P3KE": 2}
Identity = tuple[str, date]


def _identity(name_key: str, birth_date: date | None) -> Identity | None:
    return (name_key, birth_date) if name_key and birth_date else None


def _register_order(row: RegisterStatus) -> tuple[int, int, int]:
    return (_DATASET_ORDER.get(row.dataset, 9), -row.as_of.toordinal(), row.record_id)


def _discard(mapping: dict[Any, set[str]], key: object, value: str) -> None:
    holders = mapping.get(key) if key else None
    if holders is not None:
        holders.discard(value)
        if not holders:
            del mapping[key]


@dataclass
class _Persons:
    rows: dict[str, IndexedPerson] = field(default_factory=dict)
    names: NameIndex = field(default_factory=NameIndex)
    by_nik: dict[str, set[str]] = field(default_factory=dict)
    by_kk: dict[str, set[str]] = field(default_factory=dict)
    by_identity: dict[Identity, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: list[IndexedPerson]) -> _Persons:
        part = cls(rows={r.id: r for r in rows}, names=NameIndex.build((r.id, r.name_key) for r in rows))
        for row in rows:
            part._link(row)
        return part

    def _link(self, row: IndexedPerson) -> None:
        if row.nik:
            self.by_nik.setdefault(row.nik, set()).add(row.id)
        if row.kk_number:
            self.by_kk.setdefault(row.kk_number, set()).add(row.id)
        identity = _identity(row.name_key, row.birth_date)
        if identity:
            self.by_identity.setdefault(identity, set()).add(row.id)

    def remove(self, person_id: str) -> None:
        row = self.rows.pop(person_id, None)
        if row is None:
            return
        self.names.remove(person_id)
        _discard(self.by_nik, row.nik, person_id)
        _discard(self.by_kk, row.kk_number, person_id)
        _discard(self.by_identity, _identity(row.name_key, row.birth_date), person_id)

    def upsert(self, row: IndexedPerson) -> None:
        self.remove(row.id)
        self.rows[row.id] = row
        self.names.add(row.id, row.name_key)
        self._link(row)


@dataclass
class _Register:
    """Extract rows grouped per person (same NIK, else same name key + birth date) across active batches."""

    groups: dict[str, list[RegisterStatus]] = field(default_factory=dict)
    names: NameIndex = field(default_factory=NameIndex)
    by_nik: dict[str, list[RegisterStatus]] = field(default_factory=dict)
    by_kk: dict[str, set[str]] = field(default_factory=dict)  # No. KK → groups
    nik_groups: dict[str, set[str]] = field(default_factory=dict)  # NIK → groups
    by_identity: dict[Identity, list[RegisterStatus]] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: list[RegisterStatus]) -> _Register:
        part = cls()
        group_of: dict[object, str] = {}
        for row in sorted(rows, key=_register_order):
            identity = _identity(row.name_key, row.birth_date)
            key: object = row.nik or identity or row.record_id
            group = group_of.setdefault(key, f"R{row.record_id}")
            part.groups.setdefault(group, []).append(row)
            if row.nik:
                part.by_nik.setdefault(row.nik, []).append(row)
                part.nik_groups.setdefault(row.nik, set()).add(group)
            if identity:
                part.by_identity.setdefault(identity, []).append(row)
            if row.kk_number:
                part.by_kk.setdefault(row.kk_number, set()).add(group)
        part.names = NameIndex.build((g, rows_[0].name_key) for g, rows_ in part.groups.items())
        return part


def _place_ok(rt: str | None, rw: str | None, row_rt: str, row_rw: str) -> bool:
    return (not rt or row_rt == rt) and (not rw or row_rw == rw)


class _Rows:
    """Persons and extract rows, and the hits made of them: the whole database (the in-memory DeskIndex), or the
    slice of it one query needs (the database path, `_database_slice`). Both build hits with this same code."""

    def __init__(self, persons: _Persons | None = None, register: _Register | None = None) -> None:
        self.persons = persons or _Persons()
        self.register = register or _Register()

    def _registers_of(self, person: IndexedPerson) -> tuple[RegisterStatus, ...]:
        linked = [replace(r, linked_by="NIK") for r in self.register.by_nik.get(person.nik or "", [])]
        identity = _identity(person.name_key, person.birth_date)
        if identity:
            for row in self.register.by_identity.get(identity, []):
                if not (row.nik and row.nik in self.persons.by_nik):
                    linked.append(replace(row, linked_by="NAMA_TANGGAL_LAHIR"))
        return tuple(sorted(linked, key=_register_order))

    def _person_of_group(self, group: str) -> str | None:
        """The registered person an extract group belongs to, if any (by NIK, else by name key + birth date)."""
        rows = self.register.groups[group]
        for row in rows:
            holders = self.persons.by_nik.get(row.nik or "")
            if holders:
                return min(holders)
        for row in rows:
            identity = _identity(row.name_key, row.birth_date)
            holders = self.persons.by_identity.get(identity) if identity else None
            if holders:
                return min(holders)
        return None

    def person_hit(self, person_id: str, kind: MatchKind, score: float = 1.0) -> DeskHit:
        p = self.persons.rows[person_id]
        return DeskHit(
            name=p.name, birth_date=p.birth_date, sex=p.sex, rt=p.rt, rw=p.rw, nik=p.nik, matched_by=kind,
            score=score, person_id=p.id, household_id=p.household_id, household_number=p.household_number,
            kk_number=p.kk_number, relation=p.relation, residence_status=p.residence_status,
            registers=self._registers_of(p),
        )

    def group_hit(self, group: str, kind: MatchKind, score: float = 1.0) -> DeskHit:
        rows = tuple(self.register.groups[group])
        first = rows[0]
        return DeskHit(
            name=first.name, birth_date=first.birth_date, sex=first.sex or "", rt=first.rt, rw=first.rw,
            nik=first.nik, matched_by=kind, score=score, kk_number=first.kk_number, relation=first.relation or "",
            registers=rows,
        )

    def merge(self, person_matches: list[NameMatch], group_matches: list[NameMatch], *, rt: str | None,
              rw: str | None, limit: int) -> list[DeskHit]:
        """Name matches of persons and of extract groups, best first; a group that belongs to a registered person
        becomes that person's hit (once)."""
        matches: list[tuple[tuple[int, float, str], str, NameMatch]] = []
        for match in person_matches:
            matches.append(((match.kind.rank, -match.score, match.name_key), "P", match))
        for match in group_matches:
            matches.append(((match.kind.rank, -match.score, match.name_key), "R", match))
        matches.sort(key=lambda item: item[0])
        hits: list[DeskHit] = []
        seen: set[str] = set()
        for _order, source, match in matches:
            person_id = match.entry if source == "P" else self._person_of_group(match.entry)
            if person_id is not None:
                person = self.persons.rows[person_id]
                if person_id in seen or not _place_ok(rt, rw, person.rt, person.rw):
                    continue
                seen.add(person_id)
                hits.append(self.person_hit(person_id, match.kind, match.score))
            else:
                hits.append(self.group_hit(match.entry, match.kind, match.score))
            if len(hits) >= limit:
                break
        return hits

    def by_number(self, digits: str, rt: str | None, rw: str | None, limit: int) -> list[DeskHit]:
        for kind, persons, groups in (
            (MatchKind.NIK, self.persons.by_nik.get(digits, set()), self.register.nik_groups.get(digits, set())),
            (MatchKind.KK, self.persons.by_kk.get(digits, set()), self.register.by_kk.get(digits, set())),
        ):
            hits = [self.person_hit(p, kind) for p in persons]
            hits += [self.group_hit(g, kind) for g in groups if self._person_of_group(g) is None]
            hits = [h for h in hits if _place_ok(rt, rw, h.rt, h.rw)]
            if hits:
                # A family in its KK order: head first, then by birth date.
                hits.sort(key=lambda h: (h.relation != "KEPALA_KELUARGA", h.birth_date or date.max, h.name))
                return hits[:limit]
        return []


class DeskIndex(_Rows):
    """Registered persons and active extract rows of one database, kept current through the audit log."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.seq: int | None = None
        self.loads = 0  # full loads so far (tests and the benchmark look at it)
        self.from_database: bool | None = None  # decided at the first search (`_answers_from_database`)

    def ensure_current(self, session: DbSession) -> None:
        head = search_repo.audit_head(session)
        if self.seq is not None and head == self.seq:
            return
        started = time.perf_counter()
        imported = self.seq is not None and bool(
            search_repo.changed_entities(session, after=self.seq, entities=("exchange_package",)))
        # An imported package writes its rows in bulk with one audit event, so it asks for a full reload.
        if self.seq is None or head - self.seq > FULL_RELOAD_AFTER_EVENTS or head < self.seq or imported:
            # Tens of thousands of new objects and no garbage among them: pausing the cyclic collector halves the
            # time, and keeps it from running on this worker thread meanwhile.
            collecting = gc.isenabled()
            gc.disable()
            try:
                self.persons = _Persons.build(search_repo.index_persons(session))
                self.register = _Register.build(register_repo.active_entries(session))
            finally:
                if collecting:
                    gc.enable()
            self.loads += 1
            log.info("desk index loaded: %d persons, %d extract groups in %.0f ms", len(self.persons.rows),
                     len(self.register.groups), (time.perf_counter() - started) * 1000)
        else:
            changed = search_repo.changed_entities(session, after=self.seq, entities=_WATCHED)
            if changed.get("register_batch"):
                self.register = _Register.build(register_repo.active_entries(session))
            person_ids = changed.get("person", set())
            household_ids = changed.get("household", set())
            if person_ids or household_ids:
                fresh = search_repo.index_persons(session, person_ids=person_ids, household_ids=household_ids)
                for person_id in person_ids - {p.id for p in fresh}:
                    self.persons.remove(person_id)
                for row in fresh:
                    self.persons.upsert(row)
            log.debug("desk index updated (%d entities) in %.1f ms", sum(map(len, changed.values())),
                      (time.perf_counter() - started) * 1000)
        self.seq = head

    def search(self, text: str, *, rt: str | None, rw: str | None, limit: int) -> list[DeskHit]:
        query = parse_query(text)
        if query.kind is QueryKind.ID_NUMBER:
            return self.by_number(query.value, rt, rw, limit)
        if query.kind is not QueryKind.NAME:
            return []

        def person_ok(entry: str) -> bool:
            p = self.persons.rows[entry]
            return _place_ok(rt, rw, p.rt, p.rw)

        def group_ok(entry: str) -> bool:
            first = self.register.groups[entry][0]
            return _place_ok(rt, rw, first.rt, first.rw)

        return self.merge(self.persons.names.search(query.value, limit=limit, accept=person_ok),
                          self.register.names.search(query.value, limit=limit, accept=group_ok),
                          rt=rt, rw=rw, limit=limit)


_indexes: weakref.WeakKeyDictionary[Database, DeskIndex] = weakref.WeakKeyDictionary()
_indexes_lock = threading.Lock()


def desk_index(db: Database) -> DeskIndex:
    with _indexes_lock:
        index = _indexes.get(db)
        if index is None:
            index = _indexes[db] = DeskIndex()
        return index


def _zero_pad(value: str | None) -> str | None:
    text = (value or "").strip()
    return text.zfill(3) if text else None


# --- the database path (district scale) --------------------------------------------------------------------------


def _answers_from_database(db: Database, index: DeskIndex) -> bool:
    if index.from_database is None:
        with db.reading() as session:
            site = sites.get_site_row(session)
            district = site is not None and site.role == SiteRole.KABUPATEN.value
            index.from_database = district or desk_rows.live_person_count(session) > DATABASE_SEARCH_ABOVE
    return index.from_database


def _unique_persons(rows: list[IndexedPerson]) -> list[IndexedPerson]:
    return list({p.id: p for p in rows}.values())


def _database_slice(session: DbSession, persons: list[IndexedPerson], seeds: list[RegisterStatus]) -> _Rows:
    """What building the hits of these persons and these extract rows' groups looks at, read from the database."""
    # The seeds' whole groups (rows sharing the NIK; rows without NIK sharing name key + birth date).
    group_rows = desk_rows.register_with_niks(session, {r.nik for r in seeds if r.nik})
    group_rows += desk_rows.register_with_identities(
        session, {i for r in seeds if not r.nik and (i := _identity(r.name_key, r.birth_date))})
    group_rows += [r for r in seeds if not r.nik and not _identity(r.name_key, r.birth_date)]
    # The registered persons those groups belong to (all holders: the lowest id is taken). A group keyed by a NIK
    # that someone holds belongs to them; only the others are tied by name key + birth date.
    holders = desk_rows.persons_holding_niks(session, {r.nik for r in group_rows if r.nik})
    held = {p.nik for p in holders}
    persons = persons + holders + desk_rows.persons_with_identities(
        session, {i for r in group_rows if r.nik not in held and (i := _identity(r.name_key, r.birth_date))})
    persons = _unique_persons(persons)
    # Each person's own extract rows; a row tied by name + birth date only counts when its NIK is nobody's.
    own_rows = desk_rows.register_with_niks(session, {p.nik for p in persons if p.nik})
    own_rows += desk_rows.register_with_identities(
        session, {i for p in persons if (i := _identity(p.name_key, p.birth_date))})
    known_niks = {p.nik for p in persons if p.nik}
    persons += desk_rows.persons_holding_niks(session, {r.nik for r in own_rows if r.nik} - known_niks)
    rows = {r.record_id: r for r in group_rows + own_rows}
    return _Rows(_Persons.build(_unique_persons(persons)), _Register.build(list(rows.values())))


def _exact_score(hit: name_search.NameHit, key: str) -> float:
    """Exact kinds score 1.0 for the exact key and 0.9 otherwise (as NameIndex does; name_search gives words typed
    in another order their similarity); typos keep their similarity."""
    if hit.kind is MatchKind.NAME_SIMILAR:
        return hit.score
    return 1.0 if hit.name_key == key else 0.9


def _search_database(session: DbSession, text: str, *, rt: str | None, rw: str | None,
                     limit: int) -> list[DeskHit]:
    query = parse_query(text)
    if query.kind is QueryKind.ID_NUMBER:
        digits = query.value
        persons = desk_rows.persons_with_nik(session, digits) + desk_rows.persons_with_kk(session, digits)
        seeds = desk_rows.register_with_niks(session, [digits]) + desk_rows.register_with_kk(session, digits)
        return _database_slice(session, persons, seeds).by_number(digits, rt, rw, limit)
    if query.kind is not QueryKind.NAME or limit <= 0:
        return []
    key = query.value
    found = name_search.search(session, key, limit=limit, rt=rt, rw=rw)
    persons = search_repo.index_persons(session, person_ids={h.person_id for h in found})
    seeds = desk_rows.register_name_prefix(session, key, limit=limit * DISTRICT_PREFIX_ROWS, rt=rt, rw=rw)
    rows = _database_slice(session, persons, seeds)
    # Scored and ordered as the in-memory index does: by kind, the exact key first, then name key and id.
    person_matches = sorted((NameMatch(h.person_id, h.kind, _exact_score(h, key), h.name_key) for h in found
                             if h.person_id in rows.persons.rows),
                            key=lambda m: (m.kind.rank, -m.score, m.name_key, m.entry))
    seed_ids = {s.record_id for s in seeds}
    seeded = {group for group, members in rows.register.groups.items() if any(r.record_id in seed_ids for r in members)}
    wanted = sorted((members[0].name_key, group) for group in seeded
                    if (members := rows.register.groups[group])[0].name_key.startswith(key)
                    and _place_ok(rt, rw, members[0].rt, members[0].rw))
    group_matches = [NameMatch(group, MatchKind.NAME_PREFIX, 1.0 if name_key == key else 0.9, name_key)
                     for name_key, group in wanted[:limit]]
    return rows.merge(person_matches, group_matches, rt=rt, rw=rw, limit=limit)


def search_desk(ctx: ServiceContext, text: str, *, rt: str | None = None, rw: str | None = None,
                limit: int = 50) -> list[DeskHit]:
    """NIK or No. KK (16 digits, separators allowed) exactly, or a name by prefix, word, piece and typo; over
    registered persons and the active DTSEN/DTKS extract, best first, optionally narrowed to one RT/RW."""
    ctx.require(Permission.VIEW_CASES)
    if parse_query(text).kind not in (QueryKind.ID_NUMBER, QueryKind.NAME):
        return []
    index = desk_index(ctx.db)
    if _answers_from_database(ctx.db, index):
        with ctx.db.reading() as session:
            return _search_database(session, text, rt=_zero_pad(rt), rw=_zero_pad(rw), limit=limit)
    with ctx.db.reading() as session, index.lock:
        index.ensure_current(session)
        return index.search(text, rt=_zero_pad(rt), rw=_zero_pad(rw), limit=limit)


def refresh_desk_index(ctx: ServiceContext) -> int:
    """Load or bring the index up to date ahead of the first keystroke; returns the number of persons indexed (at
    district scale nothing is loaded: the number of live persons the database answers for)."""
    ctx.require(Permission.VIEW_CASES)
    index = desk_index(ctx.db)
    if _answers_from_database(ctx.db, index):
        with ctx.db.reading() as session:
            return desk_rows.live_person_count(session)
    with ctx.db.reading() as session, index.lock:
        index.ensure_current(session)
        return len(index.persons.rows)


def register_batches(ctx: ServiceContext) -> list[RegisterBatchInfo]:
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        return register_repo.batches(session)


# DTKS hubungan_kepkel codes 1–8 (domain.md §5.2) and common spellings → hubungan_kk codes.
_RELATION_BY_DTKS = {"1": "KEPALA_KELUARGA", "3": "ANAK", "4": "MENANTU", "5": "CUCU", "6": "ORANG_TUA",
                     "7": "PEMBANTU", "8": "LAINNYA"}
_RELATION_WORDS = {"KEPALA": "KEPALA_KELUARGA", "KRT": "KEPALA_KELUARGA", "ORANG TUA": "ORANG_TUA",
                   "FAMILI": "FAMILI_LAIN", "FAMILI LAIN": "FAMILI_LAIN", "ISTERI": "ISTRI"}
_RELATION_CODES = {"KEPALA_KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU", "ORANG_TUA", "MERTUA",
                   "FAMILI_LAIN", "PEMBANTU", "LAINNYA"}


def relation_from_register(value: str | None, sex: str | None) -> str:
    """An extract's relation (DTKS code 1–8 or words) as a hubungan_kk code; "" when it cannot be told."""
    text = " ".join((value or "").replace("_", " ").replace("/", " ").upper().split())
    if not text:
        return ""
    if text == "2":
        return "SUAMI" if sex == "L" else "ISTRI"
    if text in _RELATION_BY_DTKS:
        return _RELATION_BY_DTKS[text]
    code = text.replace(" ", "_")
    if code in _RELATION_CODES:
        return code
    if text.startswith("ISTRI") and "SUAMI" in text:
        return "SUAMI" if sex == "L" else "ISTRI"
    return _RELATION_WORDS.get(text, "")


def draft_from_register(ctx: ServiceContext, record_id: int) -> HouseholdDraft:
    """A registration form prefilled from an extract row and the rest of its family in the same batch.

    The officer still checks every field with the resident; nothing is saved here.
    """
    ctx.require(Permission.REGISTER)
    with ctx.db.reading() as session:
        rows = register_repo.family_entries(session, record_id)
    chosen = next(r for r in rows if r.record_id == record_id)
    members = []
    for row in rows:
        members.append(MemberDraft(
            name=row.name, relation=relation_from_register(row.relation, row.sex), sex=row.sex or "",
            birth_date=row.birth_date, nik=row.nik or "",
        ))
    heads = [i for i, m in enumerate(members) if m.relation == "KEPALA_KELUARGA"]
    if heads and heads[0] != 0:
        members.insert(0, members.pop(heads[0]))
    village = chosen.village_code if chosen.village_code and len(chosen.village_code) == 13 else ""
    return HouseholdDraft(
        members=tuple(members), address=chosen.address, rt=chosen.rt, rw=chosen.rw,
        kk_number=chosen.kk_number or "", village_code=village,
    )
