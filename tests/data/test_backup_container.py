"""The sealed backup container: a round trip with the real key derivation, a wrong password, a cut or changed file,
and nothing left behind when opening fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from puskesos_desk.data import backup_container as container

PASSWORD = "cadangan-kantor-77"


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "asli.db"
    path.write_bytes(bytes(range(256)) * 4096 * 3 + b"ekor")  # three full chunks and a short one
    return path


def test_round_trip_with_the_shipped_key_derivation(plain: Path, tmp_path: Path) -> None:
    sealed = tmp_path / "c.db.enc"
    container.encrypt_file(plain, sealed, PASSWORD)
    assert container.is_container(sealed) and not list(tmp_path.glob("*.partial"))
    head = sealed.read_bytes()[:container.HEADER_SIZE]
    assert head[8:13] == bytes([1, 1, container.SCRYPT_LOG2_N, 8, 1])
    container.decrypt_file(sealed, tmp_path / "buka.db", PASSWORD)
    assert (tmp_path / "buka.db").read_bytes() == plain.read_bytes()


@pytest.mark.parametrize("size", [0, container.CHUNK_SIZE])
def test_empty_and_exact_chunk_sizes_round_trip(tmp_path: Path, size: int) -> None:
    source = tmp_path / "s"
    source.write_bytes(b"a" * size)
    container.encrypt_file(source, tmp_path / "s.enc", PASSWORD, log2_n=12)
    container.decrypt_file(tmp_path / "s.enc", tmp_path / "o", PASSWORD)
    assert (tmp_path / "o").read_bytes() == source.read_bytes()


def test_a_wrong_password_says_so_and_writes_nothing(plain: Path, tmp_path: Path) -> None:
    sealed = tmp_path / "c.enc"
    container.encrypt_file(plain, sealed, PASSWORD, log2_n=12)
    with pytest.raises(container.BackupPasswordWrong, match="Kata sandi cadangan salah"):
        container.decrypt_file(sealed, tmp_path / "out.db", "Cadangan-kantor-77")
    assert not (tmp_path / "out.db").exists() and not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("damage", ["cut_at_chunk", "cut_inside", "flip_byte", "flip_header"])
def test_a_cut_or_changed_file_is_refused(plain: Path, tmp_path: Path, damage: str) -> None:
    sealed = tmp_path / "c.enc"
    container.encrypt_file(plain, sealed, PASSWORD, log2_n=12)
    data = bytearray(sealed.read_bytes())
    block = container.CHUNK_SIZE + 16
    if damage == "cut_at_chunk":
        data = data[:container.HEADER_SIZE + 2 * block]
    elif damage == "cut_inside":
        data = data[:-7]
    elif damage == "flip_byte":
        data[container.HEADER_SIZE + block + 99] ^= 1
    else:
        data[20] ^= 1  # the salt: the key check fails, read as a wrong password
    sealed.write_bytes(bytes(data))
    expected = container.BackupPasswordWrong if damage == "flip_header" else container.BackupFileDamaged
    with pytest.raises(expected):
        container.decrypt_file(sealed, tmp_path / "out.db", PASSWORD)
    assert not (tmp_path / "out.db").exists()


def test_a_file_that_is_no_container_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "x.enc"
    other.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert not container.is_container(other)
    with pytest.raises(container.BackupFileDamaged, match="bukan berkas cadangan"):
        container.decrypt_file(other, tmp_path / "o", PASSWORD)
