from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from puskesos_desk.domain.names import fold_diacritics, name_similarity, name_tokens, normalize_name


def same(*names: str) -> None:
    keys = {normalize_name(n) for n in names}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "variant",
    [
        "Muhammad Ali", "Muhamad Ali", "Mohammad Ali", "Mohamad Ali", "Mochammad Ali", "Mohamed Ali",
        "Muhammed Ali", "Moch. Ali", "Moh. Ali", "Muh. Ali", "Mhd. Ali", "M. Ali", "M Ali", "M.Ali", "MOCH ALI",
        "muhammad ali", "H. M. Ali", "Moechammad Ali",
    ],
)
def test_muhammad_variants(variant: str) -> None:
    assert normalize_name(variant) == normalize_name("MUHAMMAD ALI")


def test_lone_m_elsewhere_is_an_initial() -> None:
    assert normalize_name("Budi Santoso M.") == "BUDI SANTOSO M"
    assert normalize_name("M") == "M"
    assert name_tokens("Ali M. Yusuf") == ("ALI", "M", "YUSUF")


def test_titles_and_degrees() -> None:
    same("Hj. Siti Aminah, S.Pd.", "SITI AMINAH", "Siti Aminah, S.Pd.I", "Hj Siti Aminah SPd", "Ny. Siti Aminah")
    same("Drs. H. Abd. Rahman, M.Pd.", "Abdul Rahman", "Abd Rahman, S.Ag., M.Si.")
    same("Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D.", "Budi Santoso")
    same("K.H. Abdurrahman Wahid", "KH Abdurrahman Wahid", "Abdurrahman Wahid")
    same("Siti Aminah (Almh.)", "Almarhumah Siti Aminah", "Siti Aminah")
    same("Siti Aminah, S.Kep., Ns.", "Siti Aminah, A.Md.Kep", "Siti Aminah")


def test_ambiguous_degrees_need_context() -> None:
    # After a comma, or at the end of a name that keeps two words, "SE"/"SH" are degrees.
    same("Budi Santoso, SE", "Budi Santoso SE", "Budi Santoso, S.E.", "Budi Santoso S.H.", "Budi Santoso")
    # A short name is never eaten down to one word.
    assert normalize_name("Budi SE") == "BUDI SE"
    # "M.H." at the start is Mohammad Husni, not Magister Hukum.
    assert normalize_name("M.H. Thamrin") == normalize_name("Muhammad H Thamrin")
    # "H" is a title only in front; at the end it is an initial.
    assert normalize_name("Budi H.") == "BUDI H"


def test_siti() -> None:
    same("St. Nurhaliza", "Siti Nurhaliza", "ST NURHALIZA", "Sitti Nurhaliza")


def test_nur_and_abdul() -> None:
    same("Nur Hasanah", "Nurul Hasanah", "Noer Hasanah", "Noor Hasanah")
    same("Abdul Kadir", "Abd. Kadir", "Abdoel Kadir")


def test_ahmad() -> None:
    same("Achmad Yani", "Akhmad Yani", "Ahmad Yani", "Ahmed Yani")


def test_old_spelling() -> None:
    same("Soekarno", "Sukarno")
    same("Djoko", "Joko")
    same("Sjahrir", "Syahrir")
    same("Njoman", "Nyoman")
    same("Chairul Tanjung", "Khairul Tanjung")
    same("Pandji", "Panji")  # both end as PANYI: the key only has to agree, not be pretty
    # tj -> c, but j -> y is not applied (modern "j" is common), so Tjahjono and Cahyono stay different keys.
    assert normalize_name("Tjahjono") == "CAHJONO"
    assert normalize_name("Tjahjono") != normalize_name("Cahyono")
    assert name_similarity("Tjahjono", "Cahyono") > 0.85


def test_doubled_letters() -> None:
    same("Anni", "Ani")
    same("Muhammad", "Muhamad")
    same("Abdurrahman", "Abdurahman")


def test_punctuation_and_spaces() -> None:
    same("Ma'ruf Amin", "Maruf Amin", "Ma’ruf  Amin", "  ma'ruf amin ")
    same("Nur-Hasanah", "Nur Hasanah")
    assert normalize_name("") == ""
    assert normalize_name("  ,. ") == ""


def test_diacritics() -> None:
    assert fold_diacritics("Ségara Ñoman Ünal") == "Segara Noman Unal"
    assert fold_diacritics("Ｓｉｔｉ") == "Siti"
    assert fold_diacritics("Łukasz Øster") == "Lukasz Oster"
    same("José", "Jose")


def test_only_titles_is_still_a_name() -> None:
    assert normalize_name("Haji") == "HAJI"


def test_similarity() -> None:
    typo = name_similarity("Siti Aminah", "Siti Amina")
    unrelated = name_similarity("Siti Aminah", "Budi Santoso")
    assert typo > 0.9
    assert unrelated < 0.7
    assert typo > unrelated
    assert name_similarity("Siti Aminah", "Hj. Siti Aminah, S.Pd.") == 1.0
    assert name_similarity("Nurhasanah", "Nur Hasanah") > 0.95
    assert name_similarity("Aminah Siti", "Siti Aminah") > 0.95
    assert name_similarity("Siti", "Siti Aminah") < name_similarity("Siti Aminah", "Siti Amina")
    assert name_similarity("", "Siti") == 0.0


def test_similarity_orders_candidates() -> None:
    query = "Sri Wahyuni"
    candidates = ["Sri Wahyuningsih", "Sri Wahyni", "Dwi Wahyuni", "Budi Santoso"]
    ranked = sorted(candidates, key=lambda c: name_similarity(query, c), reverse=True)
    assert ranked[0] == "Sri Wahyni"
    assert ranked[-1] == "Budi Santoso"


_PARTS = st.sampled_from([
    "H.", "Hj.", "Hj", "M.", "M", "Moch.", "Muh", "St.", "ST", "Siti", "Nur", "Noer", "Abd.", "Achmad", "Soekarno",
    "Djoko", "Tjahjono", "Pandji", "SE", "S.E.", "S.Pd.", "M.H.", "Drs.", "K.H.", "Ny.", "Hadji", "MM", "Anni", ",",
    "(alm)", "Ma'ruf", "José", "S.ST", "SST", "Nj.", "Tjhin", "-", "Budi", "Aminah",
])
_NAMES = st.one_of(
    st.lists(_PARTS, max_size=7).map(" ".join),
    st.lists(_PARTS, max_size=7).map("".join),
    st.text(alphabet="abcdehijkmnorstuyADHJMST.,'- éñ", max_size=30),
    st.text(max_size=20),
)


@settings(max_examples=500, deadline=None)
@given(_NAMES)
def test_normalize_is_idempotent(name: str) -> None:
    key = normalize_name(name)
    assert normalize_name(key) == key
    assert key == key.strip()
    assert "  " not in key
    assert name_tokens(name) == tuple(key.split())


@settings(max_examples=200, deadline=None)
@given(_NAMES, _NAMES)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    score = name_similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(name_similarity(b, a))
    assert (score == 1.0) == (normalize_name(a) == normalize_name(b) != "")


# Plain names (letters and single spaces), with every kind of word the rules treat by position.
_PLAIN_WORDS = st.sampled_from([
    "H", "Haji", "Hj", "Hadji", "M", "Moch", "Muh", "St", "ST", "Siti", "Sitti", "Nur", "Noer", "Nurul", "Abd",
    "Achmad", "Ahmad", "Soekarno", "Djoko", "Tjahjono", "Pandji", "Panji", "SE", "SH", "MM", "Ny", "KH", "Drs",
    "SST", "Anni", "Ani", "Budi", "Aminah", "Santoso", "Nj", "Tjhin", "Oemar", "Sjahrir", "Chairul", "Alm", "Ibu",
    "Dewi", "Lestari", "Wahyu", "Sri", "Ma", "Spd", "Mpd", "Ir", "Dr", "Mukhammad", "Tuan", "Nyoman", "Kadek",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PLAIN_WORDS, min_size=1, max_size=6), st.booleans())
def test_the_plain_name_shortcut_gives_the_key_of_the_full_rules(words: list[str], upper: bool) -> None:
    from puskesos_desk.domain import names

    name = " ".join(words)
    name = name.upper() if upper else name
    shortcut = names._plain_key(name)
    assert shortcut in ("", names._normalized(name))


def test_the_plain_name_shortcut_takes_the_common_names() -> None:
    from puskesos_desk.domain import names

    assert names._plain_key("SITI AMINAH") == "SITI AMINAH" == names._normalized("SITI AMINAH")
    assert names._plain_key("Djoko Santoso") == names._normalized("Djoko Santoso") == "JOKO SANTOSO"
    assert names._plain_key("Moch Ali") == names._normalized("Moch Ali") == "MUHAMAD ALI"
    assert names._plain_key("Budi Santoso SE") == ""  # a trailing degree depends on its place: the full rules
    assert names._plain_key("M Ali") == "" and normalize_name("M Ali") == "MUHAMAD ALI"
    assert names._plain_key("Siti  Aminah") == "" and names._plain_key("Siti-Aminah") == ""
