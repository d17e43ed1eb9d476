"""Indonesian personal names: a normalised key for search and duplicate detection, and a similarity score.

The key is for matching only, never for display. It tolerates the ways one person's name is written differently
across KTP, KK, DTKS extracts and paper forms:

- letter case, accents, apostrophes ("Ma'ruf" = "Maruf"), hyphens and brackets;
- titles in front ("H.", "Hj.", "Drs.", "Ny.") and degrees after a comma ("S.Pd.", "SE");
- abbreviations and variants of very common name parts (Muhammad, Siti, Nur, Abdul, Ahmad);
- the pre-1972 (Van Ophuijsen / Soewandi) spelling still found on older documents ("Soekarno", "Djoko");
- doubled letters ("Muhammad"/"Muhamad", "Anni"/"Ani").

``normalize_name`` is idempotent: ``normalize_name(normalize_name(x)) == normalize_name(x)``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["fold_diacritics", "name_similarity", "name_tokens", "normalize_name"]

# Letters that NFKD does not decompose into base letter + accent.
_SPECIAL_LETTERS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
})
# Apostrophes mark the Arabic 'ain ("Ma'ruf", "Syafi'i") and are often left out: drop them without a space.
_APOSTROPHES = re.compile(r"['`´‘’ʼʻ]")
# Everything else that is not a letter, digit, dot or comma separates words ("Nur-Hasanah", "Siti (alm)").
_SEPARATORS = re.compile(r"[^\w.,]|_")

# Titles before the name. Only at the start: as a last token "H." is usually an initial ("Budi H.").
_LEADING_TITLES = frozenset({
    "H", "HAJI", "HAJAH", "NY", "NYONYA", "TN", "TUAN", "SDR", "SDRI", "SDRA", "BPK", "BAPAK", "IBU",
    "KYAI", "KIAI", "USTADZ", "USTAD", "USTADZAH", "USTADAH",
})
# Titles and markers that are never part of a name, wherever they stand.
_TITLES_ANYWHERE = frozenset({
    "HJ", "HJH", "HAJJAH", "KH", "DR", "DRS", "DRA", "DRG", "DRH", "IR", "PROF", "ALM", "ALMH", "ALMARHUM",
    "ALMARHUMAH",
})
# Degrees that cannot be confused with a name or initials, with or without dots ("S.Pd." / "SPd").
_DEGREES_ANYWHERE = frozenset({
    "SPD", "SPDI", "SPDSD", "SAG", "SKOM", "SSOS", "SKEP", "SKM", "SST", "SSI", "SPSI", "SFARM", "SKED", "SKEB",
    "SHUT", "STP", "STR", "SIKOM", "AMD", "AMDKEB", "AMDKEP", "AMDKES", "AMAPD", "AMK", "MPD",
    "MPDI", "MSI", "MKOM", "MKES", "MAG", "MHUM", "MSC", "MAP", "MKEP", "MSOS", "BSC", "MBA", "PHD",
})
# Degrees that are also plausible initials or name parts ("M.H." = Mohammad Husni; "ST" = Siti).
_DEGREES_AMBIGUOUS = frozenset({"SE", "SH", "ST", "SP", "SS", "MM", "MH", "MT", "MA", "ME", "BA", "NS", "SIP"})
# The ambiguous ones are dropped at the end of a name without a comma only in these common cases ("Budi
# Santoso SE"), and only when two name words stay, so a short name is never eaten.
_TRAILING_BARE_DEGREES = frozenset({"SE", "SH", "ST", "MM", "MH", "MT"})
_MIN_NAME_WORDS = 2
# A dotted token after a comma is a degree even if unlisted ("S.Kep.Ns", "M.Pd.I").
_GENERIC_DOTTED = re.compile(r"[A-Z]{1,4}(?:\.[A-Z]{1,4})+")

# Variant spellings of very common name parts, mapped to one canonical form.
_GROUPS: dict[str, tuple[str, ...]] = {
    "MUHAMMAD": (
        "MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD", "MOCHAMMAD", "MOCHAMAD", "MOHAMMED", "MOHAMED", "MUHAMMED",
        "MUHAMED", "MUCHAMMAD", "MUCHAMAD", "MOEHAMMAD", "MOEHAMAD", "MUHHAMAD", "MOCH", "MOH", "MUH", "MHD",
        "MOHD", "MUHD", "MUCH", "MOCHD",
    ),
    "SITI": ("SITI", "SITTI"),
    "NUR": ("NUR", "NURUL", "NOER", "NOOR", "NOERUL"),
    "ABDUL": ("ABDUL", "ABDOEL", "ABD"),
    # Explicit, because ch -> kh alone makes Achmad AKHMAD but leaves Ahmad as AHMAD.
    "AHMAD": ("AHMAD", "ACHMAD", "AKHMAD", "AHMED", "ACHMED", "AHMET", "ACHMET"),
}
# Only as the first word of a name: elsewhere a lone "M" is an initial, and "ST" may be a degree.
_FIRST_WORD = {"M": "MUHAMMAD", "ST": "SITI"}

# Pre-1972 spelling -> EYD. j -> y is left out on purpose: modern "j" is common ("Joko") and would collide.
_OLD_SPELLING = (("OE", "U"), ("DJ", "J"), ("TJ", "C"), ("SJ", "SY"), ("NJ", "NY"), ("CH", "KH"))
_DOUBLED = re.compile(r"([A-Z])\1+")

_MAX_PASSES = 10


@dataclass(slots=True)
class _Token:
    text: str  # upper case; internal dots kept ("S.PD"), outer dots removed
    dotted: bool  # written with a dot, i.e. an abbreviation


def fold_diacritics(text: str) -> str:
    """Removes accents and compatibility forms: "Ségara Ñoman ＡＢ" -> "Segara Noman AB"."""
    if text.isascii():
        return text  # nothing to fold; most names, and an import folds every one
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


@lru_cache(maxsize=16384)  # words repeat across names far more than names do
def _skeleton(word: str) -> str:
    """Old spelling to EYD and doubled letters collapsed, repeated until stable.

    Repeating matters: "PANDJI" -> "PANJI" -> "PANYI" must end where a modern "PANJI" ends, or the key would not
    be stable.
    """
    previous = None
    while previous != word:
        previous = word
        for old, new in _OLD_SPELLING:
            word = word.replace(old, new)
        word = _DOUBLED.sub(r"\1", word)
    return word


# Titles and degrees are matched on their letters as written, not on the skeleton: collapsing doubled letters would
# turn the degree "SST" into "ST" (Siti) and "MM" into the initial "M".
_LEADING_KEYS = _LEADING_TITLES | _TITLES_ANYWHERE
_ANYWHERE_KEYS = _TITLES_ANYWHERE | _DEGREES_ANYWHERE
_GROUP_OF = {_skeleton(v): _skeleton(canon) for canon, variants in _GROUPS.items() for v in variants}
_FIRST_WORD_OF = {k: _skeleton(v) for k, v in _FIRST_WORD.items()}
# Dotted forms recognised as one token even though they contain dots, e.g. "K.H." or "S.Pd.I".
_KNOWN_DOTTED = frozenset({
    "K.H", "S.PD", "S.PD.I", "S.PD.SD", "S.AG", "S.KOM", "S.SOS", "S.KEP", "S.KM", "S.ST", "S.SI", "S.PSI",
    "S.FARM", "S.KED", "S.KEB", "S.HUT", "S.H.I", "S.E.I", "S.TP", "S.TR", "S.I.KOM", "S.IKOM", "A.MD",
    "A.MD.KEB", "A.MD.KEP", "A.MD.KES", "A.MA", "A.MA.PD", "A.MK", "M.PD", "M.PD.I", "M.SI", "M.KOM", "M.KES",
    "M.AG", "M.HUM", "M.SC", "M.AP", "M.KEP", "M.SOS", "B.SC", "PH.D",
    # ambiguous with initials: handled by position
    "S.E", "S.H", "S.T", "S.P", "S.S", "S.IP", "M.M", "M.H", "M.T", "M.A", "M.E", "B.A",
})
_KNOWN_DOTTED_MAX_PARTS = max(len(d.split(".")) for d in _KNOWN_DOTTED)


def _bare(token: _Token) -> str:
    return token.text.replace(".", "")


def _split_raw(raw: str) -> list[_Token]:
    """One whitespace-separated word into tokens: "HJ.SITI" -> HJ., SITI; "S.PD.I" stays one token."""
    dotted = raw.endswith(".")
    key = raw.strip(".")
    if not key:
        return []
    if "." not in key:
        return [_Token(key, dotted)]
    parts = [p for p in key.split(".") if p]
    tokens: list[_Token] = []
    i = 0
    while i < len(parts):
        for j in range(min(len(parts), i + _KNOWN_DOTTED_MAX_PARTS), i + 1, -1):
            joined = ".".join(parts[i:j])
            if joined in _KNOWN_DOTTED:
                tokens.append(_Token(joined, True))
                i = j
                break
        else:
            # A part followed by another part had a dot between them: it is an abbreviation.
            tokens.append(_Token(parts[i], i + 1 < len(parts) or dotted))
            i += 1
    return tokens


def _tokens(segment: str) -> list[_Token]:
    return [t for raw in segment.split() for t in _split_raw(raw)]


def _is_degree_after_comma(token: _Token) -> bool:
    bare = _bare(token)
    return (
        bare in _ANYWHERE_KEYS
        or bare in _DEGREES_AMBIGUOUS
        or token.text in _KNOWN_DOTTED
        or ("." in token.text and _GENERIC_DOTTED.fullmatch(token.text) is not None)
    )


def _strip_main(tokens: list[_Token]) -> list[_Token]:
    start = 0
    while start < len(tokens) and _bare(tokens[start]) in _LEADING_KEYS:
        start += 1
    kept = [t for t in tokens[start:] if not _is_degree_anywhere(t)]
    while len(kept) > _MIN_NAME_WORDS and _is_trailing_degree(kept[-1]):
        kept.pop()
    return kept


def _is_degree_anywhere(token: _Token) -> bool:
    bare = _bare(token)
    return bare in _ANYWHERE_KEYS or (token.text in _KNOWN_DOTTED and bare not in _DEGREES_AMBIGUOUS)


def _is_trailing_degree(token: _Token) -> bool:
    bare = _bare(token)
    # A dotted ambiguous degree ("S.H.") is good evidence at the end; a bare one only for the common few.
    if bare in _TRAILING_BARE_DEGREES:
        return True
    return "." in token.text and token.text in _KNOWN_DOTTED and bare in _DEGREES_AMBIGUOUS


def _explode(tokens: list[_Token]) -> list[_Token]:
    # A dotted form that survived (e.g. "M.H." at the start = Mohammad Husni) is a row of initials.
    return [_Token(p, True) for t in tokens for p in t.text.split(".") if p]


def _normalize_once(name: str) -> str:
    text = _APOSTROPHES.sub("", fold_diacritics(name).upper())
    text = _SEPARATORS.sub(" ", text)
    main_text, *rest = text.split(",")
    main = _tokens(main_text)
    extra = [t for segment in rest for t in _tokens(segment)]

    kept = _explode(_strip_main(main) + [t for t in extra if not _is_degree_after_comma(t)])
    if not kept:
        # Nothing but titles ("Haji") is still a name to search for.
        kept = _explode(main + extra)

    words: list[str] = []
    for index, token in enumerate(kept):
        bare = re.sub(r"[\W_]", "", token.text)
        if not bare:
            continue
        if index == 0 and len(kept) > 1 and bare in _FIRST_WORD_OF:
            words.append(_FIRST_WORD_OF[bare])
            continue
        key = _skeleton(bare)
        words.append(_GROUP_OF.get(key, key))
    return " ".join(words)


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """The search and duplicate key of a name: "Hj. Siti Aminah, S.Pd." -> "SITI AMINAH"."""
    return _plain_key(name) or _normalized(name)


# A plain name: ASCII letters in words separated by single spaces, as most KTP names are written.
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
# Words whose treatment depends on where they stand in a name (titles, degrees, first-word abbreviations).
_POSITIONAL = _LEADING_KEYS | _ANYWHERE_KEYS | _DEGREES_AMBIGUOUS | _TRAILING_BARE_DEGREES | frozenset(_FIRST_WORD_OF)


def _plain_key(name: str) -> str:
    """The key of a plain name none of whose words depends on its position, word by word from cached word keys;
    "" when the name needs the full rules. The same key as _normalized (tests/domain/test_names.py checks it):
    such a name keeps every word, and each becomes its group or skeleton. An import makes the key of every
    person, and the full rules took 28 µs a name (benchmarks/exchange_import.py)."""
    if not _PLAIN.fullmatch(name):
        return ""
    words = name.upper().split(" ")
    if not _POSITIONAL.isdisjoint(words):
        return ""
    keys = [_word_key(word) for word in words]
    # The full rules run passes until the key is stable: stop here only where a second pass would change nothing.
    if not _POSITIONAL.isdisjoint(keys) or any(_word_key(key) != key for key in keys):
        return ""
    return " ".join(keys)


def _word_key(word: str) -> str:
    key = _skeleton(word)
    return _GROUP_OF.get(key, key)


def _normalized(name: str) -> str:
    """normalize_name by the full rules."""
    key = _normalize_once(name)
    # One pass can expose a rule for the next ("HADJI M. ALI": HADJI becomes the title HAJI, then M is first).
    # Cached because duplicate search compares one name with many candidates.
    for _ in range(_MAX_PASSES):
        again = _normalize_once(key)
        if again == key:
            break
        key = again
    return key


def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(normalize_name(name).split())


def _jaro(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    used = [False] * len(b)
    matched_a: list[str] = []
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not used[j] and b[j] == ch:
                used[j] = True
                matched_a.append(ch)
                break
    if not matched_a:
        return 0.0
    matched_b = [b[j] for j in range(len(b)) if used[j]]
    transpositions = sum(x != y for x, y in zip(matched_a, matched_b, strict=True)) / 2
    m = len(matched_a)
    return (m / len(a) + m / len(b) + (m - transpositions) / m) / 3


def _jaro_winkler(a: str, b: str) -> float:
    jaro = _jaro(a, b)
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def _token_score(ta: tuple[str, ...], tb: tuple[str, ...]) -> float:
    # Each word's best partner on the other side, weighted by length, in both directions so that an extra word on
    # either side ("Siti" vs "Siti Aminah") lowers the score.
    def side(xs: tuple[str, ...], ys: tuple[str, ...]) -> float:
        return sum(len(x) * max(_jaro_winkler(x, y) for y in ys) for x in xs)

    total = sum(map(len, ta)) + sum(map(len, tb))
    return (side(ta, tb) + side(tb, ta)) / total


def name_similarity(a: str, b: str) -> float:
    """0..1 similarity of two names, after normalisation; 1.0 means the same key.

    The best of three views: the words joined without spaces ("Nurhasanah" vs "Nur Hasanah"), the words sorted
    (word order differs between documents), and a word-by-word match.
    """
    ka, kb = normalize_name(a), normalize_name(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    ta, tb = tuple(ka.split()), tuple(kb.split())
    joined = _jaro_winkler("".join(ta), "".join(tb))
    ordered = _jaro_winkler(" ".join(sorted(ta)), " ".join(sorted(tb)))
    score = max(joined, ordered, _token_score(ta, tb))
    # Different keys never score a full 1.0, so 1.0 keeps meaning "same key".
    return min(score, 0.999)
