"""Finding a person: a 16-digit NIK or KK number (separators allowed), or a name; and the name index behind the
search-first desk (services/desk_search.py)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from puskesos_desk.data.repositories import search
from puskesos_desk.domain.names import name_similarity, normalize_name
from puskesos_desk.domain.nik import strip_separators
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import PersonHit
from puskesos_desk.domain.search import MatchKind
from puskesos_desk.services.context import ServiceContext


def search_persons(ctx: ServiceContext, text: str, *, rt: str | None = None, rw: str | None = None,
                   limit: int = 50) -> list[PersonHit]:
    ctx.require(Permission.VIEW_CASES)
    query = text.strip()
    if not query:
        return []
    digits = strip_separators(query)
    with ctx.db.reading() as session:
        if digits.isdigit():
            if len(digits) != 16:
                return []
            hits = search.by_nik(session, digits, limit)
            return hits or search.by_kk(session, digits, limit)
        return search.by_name(session, normalize_name(query), limit=limit, rt=rt and rt.zfill(3),
                              rw=rw and rw.zfill(3))


# --- The in-memory name index of the search-first desk ---------------------------------------------------------
#
# Village scale (15,000 persons and an extract of similar size) fits in memory easily, and a typo-tolerant match
# cannot use a B-tree index. The index holds normalised name keys (names.normalize_name) and answers, best first:
# prefix, a word inside the name, all words in any order or a piece of a word, then names one edit away per word.


@dataclass(frozen=True, slots=True)
class NameMatch:
    entry: str
    kind: MatchKind
    score: float  # 1.0 for an exact key; typo matches carry names.name_similarity
    name_key: str


def deletion_variants(token: str) -> set[str]:
    """The token and every way to drop one letter: two tokens one edit apart always share a variant."""
    return {token} | {token[:i] + token[i + 1:] for i in range(len(token))}


def within_one_edit(a: str, b: str) -> bool:
    """True when `b` is `a` with at most one letter dropped, added, changed, or two neighbours swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True  # one letter changed
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i:] == b[i + 1:]  # b has one letter more


MIN_FUZZY_LENGTH = 3  # shorter words are matched as prefixes only: "AN" is one edit from half the village
MIN_PART_LENGTH = 3


class NameIndex:
    """Entries (any string id) with a normalised name key. Not thread-safe: the caller holds a lock."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._sorted: list[tuple[str, str]] = []  # (name key, entry)
        self._joined: list[tuple[str, str]] = []  # (name key without spaces, entry): "NURHASANAH" = "NUR HASANAH"
        self._by_token: dict[str, set[str]] = {}
        self._tokens: list[str] = []  # sorted distinct tokens, for prefix ranges
        self._variants: dict[str, set[str]] = {}

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]]) -> NameIndex:
        index = cls()
        for entry, key in items:
            if key:
                index._keys[entry] = key
        index._sorted = sorted((k, e) for e, k in index._keys.items())
        index._joined = sorted((k.replace(" ", ""), e) for e, k in index._keys.items())
        for entry, key in index._keys.items():
            for token in set(key.split()):
                index._by_token.setdefault(token, set()).add(entry)
        index._tokens = sorted(index._by_token)
        for token in index._tokens:
            for variant in deletion_variants(token):
                index._variants.setdefault(variant, set()).add(token)
        return index

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, entry: object) -> bool:
        return entry in self._keys

    def add(self, entry: str, key: str) -> None:
        if entry in self._keys:
            self.remove(entry)
        if not key:
            return
        self._keys[entry] = key
        insort(self._sorted, (key, entry))
        insort(self._joined, (key.replace(" ", ""), entry))
        for token in set(key.split()):
            holders = self._by_token.get(token)
            if holders is None:
                holders = self._by_token[token] = set()
                insort(self._tokens, token)
                for variant in deletion_variants(token):
                    self._variants.setdefault(variant, set()).add(token)
            holders.add(entry)

    def remove(self, entry: str) -> None:
        key = self._keys.pop(entry, None)
        if key is None:
            return
        _remove_sorted(self._sorted, (key, entry))
        _remove_sorted(self._joined, (key.replace(" ", ""), entry))
        for token in set(key.split()):
            holders = self._by_token.get(token)
            if holders is None:
                continue
            holders.discard(entry)
            if not holders:
                del self._by_token[token]
                _remove_sorted(self._tokens, token)
                for variant in deletion_variants(token):
                    tokens = self._variants.get(variant)
                    if tokens is not None:
                        tokens.discard(token)
                        if not tokens:
                            del self._variants[variant]

    def search(self, query_key: str, *, limit: int = 50,
               accept: Callable[[str], bool] | None = None) -> list[NameMatch]:
        """Best first: prefix, word inside, all words / piece of a word, then typos (most similar first).

        Within the exact kinds names are in alphabetical order (an exact key first); `accept` filters entries (the
        RT/RW narrowing) before they count against `limit`.
        """
        if not query_key or limit <= 0:
            return []
        ok = accept or _always
        found: dict[str, NameMatch] = {}

        def take(entries: Iterable[str], kind: MatchKind) -> bool:
            batch = sorted((self._keys[e], e) for e in entries if e not in found and ok(e))
            for key, entry in batch:
                found[entry] = NameMatch(entry, kind, 1.0 if key == query_key else 0.9, key)
                if len(found) >= limit:
                    return True
            return False

        # 1. The whole name starts with the text: a range of the sorted keys, already alphabetical.
        start = bisect_left(self._sorted, (query_key, ""))
        prefix_hits = []
        for key, entry in self._sorted[start:]:
            if not key.startswith(query_key):
                break
            if ok(entry):
                prefix_hits.append(entry)
                if len(prefix_hits) >= limit:
                    break
        if take(prefix_hits, MatchKind.NAME_PREFIX):
            return list(found.values())

        words = query_key.split()
        # 2. A later word of the name starts with the text ("AMINAH" in "SITI AMINAH", "RIYADI S" in "SLAMET RIYADI
        #    SUSILO").
        needle = " " + query_key
        inner = (e for e in self._entries_with_token_prefix(words[0]) if needle in " " + self._keys[e])
        if take(inner, MatchKind.NAME_WORD):
            return list(found.values())

        # 3. Every word typed starts a word of the name in any order, or the text is a piece inside the name.
        part: set[str] = set()
        if len(words) > 1:
            part = self._entries_matching_all(words, fuzzy=False)
        if len(query_key) >= MIN_PART_LENGTH:
            part |= {e for e, k in self._keys.items() if query_key in k}
        if take(part, MatchKind.NAME_PART):
            return list(found.values())

        # 4. Typos: every word typed is one edit from a word of the name (or starts one), or the text equals the
        #    name without its spaces. Ranked by the similarity of the whole names.
        similar = self._entries_matching_all(words, fuzzy=True)
        joined = query_key.replace(" ", "")
        start = bisect_left(self._joined, (joined, ""))
        for key, entry in self._joined[start:]:
            if not key.startswith(joined):
                break
            similar.add(entry)
        scored = sorted(
            (-name_similarity(query_key, self._keys[e]), self._keys[e], e)
            for e in similar if e not in found and ok(e)
        )
        for negative, key, entry in scored[: limit - len(found)]:
            found[entry] = NameMatch(entry, MatchKind.NAME_SIMILAR, -negative, key)
        return list(found.values())

    def _entries_with_token_prefix(self, prefix: str) -> set[str]:
        out: set[str] = set()
        start = bisect_left(self._tokens, prefix)
        for token in self._tokens[start:]:
            if not token.startswith(prefix):
                break
            out |= self._by_token[token]
        return out

    def _similar_tokens(self, word: str) -> set[str]:
        candidates: set[str] = set()
        for variant in deletion_variants(word):
            candidates |= self._variants.get(variant, set())
        return {t for t in candidates if within_one_edit(word, t)}

    def _entries_matching_all(self, words: list[str], *, fuzzy: bool) -> set[str]:
        result: set[str] | None = None
        for word in sorted(set(words), key=len, reverse=True):  # longest (most selective) word first
            matching = self._entries_with_token_prefix(word)
            if fuzzy and len(word) >= MIN_FUZZY_LENGTH:
                for token in self._similar_tokens(word):
                    matching |= self._by_token[token]
            result = matching if result is None else result & matching
            if not result:
                return set()
        return result or set()


def _always(_entry: str) -> bool:
    return True


def _remove_sorted(items: list[Any], value: Any) -> None:
    position = bisect_left(items, value)
    if position < len(items) and items[position] == value:
        del items[position]
