"""What typed text the desk can keep: the one rule for control characters, shared by entry and import.

Everything a person can type is kept verbatim — quotes, `;`, `--`, right-to-left marks, emoji — because every
query binds its values and every document escapes its text. Two things are refused, with a message that says why:

- NUL (code 0) in any text. A PostgreSQL site cannot store it at all, and a SQLite site would then hold data a
  PostgreSQL site refuses; refusing it everywhere keeps both backends and the exchange between them consistent.
- Any other invisible control character (codes 1–31 and 127) in a NAME or an identity number. A name is matched,
  searched and printed on letters; a hidden Esc or bell in it makes two people look alike and cannot be read back
  from paper. Free text (a complaint, a visit note, an address) keeps them verbatim: packages carry them with the
  OOXML `_xHHHH_` escape, which the reader decodes on import.
"""

from __future__ import annotations

NUL = "\x00"
_NAME_CONTROLS = frozenset(chr(code) for code in (*range(32), 127))


def has_nul(text: str) -> bool:
    return NUL in text


def name_problem(text: str, label: str) -> str | None:
    """Why `text` cannot be a name or identity number (None when it can). `label` names the field in Bahasa."""
    if not _NAME_CONTROLS.isdisjoint(text):
        return (f"{label} berisi karakter tak terlihat (kode kendali, misalnya NUL, Tab atau Esc) yang tidak boleh "
                "ada dalam nama. Hapus isinya lalu ketik ulang.")
    return None


def free_text_problem(text: str, label: str) -> str | None:
    """Why `text` cannot be stored as free text (None when it can)."""
    if NUL in text:
        return (f"{label} berisi karakter NUL (kode 0) yang tidak dapat disimpan. Hapus karakter itu (biasanya ikut "
                "tersalin dari berkas lain) lalu simpan lagi.")
    return None
