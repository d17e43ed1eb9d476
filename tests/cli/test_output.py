"""`emit`: one JSON object with --json, readable lines otherwise; NIK and No. KK masked unless --unmask."""

from __future__ import annotations

import json

import pytest

from puskesos_desk.cli.output import emit, emit_error

NIK = "3322011505800003"
KK = "3322010101200001"
NIK_MASKED = "3322••••••••0003"
KK_MASKED = "3322••••••••0001"


def _record() -> dict[str, object]:
    return {
        "nama": "Siti Aminah",
        "nik": NIK,
        "keluarga": {"no_kk": KK, "anggota": [{"nik": NIK, "umur": 46}]},
        "telepon": "081234567890",
        "nomor_15_digit": "332201150580000",
    }


def test_json_output_masks_every_nik_and_kk(capsys: pytest.CaptureFixture[str]) -> None:
    emit(_record(), as_json=True, unmask=False)
    out = capsys.readouterr().out
    data = json.loads(out)
    assert NIK not in out
    assert KK not in out
    assert data["nik"] == NIK_MASKED
    assert data["keluarga"]["no_kk"] == KK_MASKED
    assert data["keluarga"]["anggota"][0]["nik"] == NIK_MASKED
    # Not NIK-shaped: left alone.
    assert data["nama"] == "Siti Aminah"
    assert data["telepon"] == "081234567890"
    assert data["nomor_15_digit"] == "332201150580000"
    assert data["keluarga"]["anggota"][0]["umur"] == 46


def test_json_output_with_unmask_shows_nik_and_kk(capsys: pytest.CaptureFixture[str]) -> None:
    emit(_record(), as_json=True, unmask=True)
    data = json.loads(capsys.readouterr().out)
    assert data == _record()


def test_text_output_masks_nik_unless_unmasked(capsys: pytest.CaptureFixture[str]) -> None:
    emit({"nik": NIK, "nama": "Siti"}, as_json=False, unmask=False)
    masked = capsys.readouterr().out
    assert masked.splitlines() == [f"nik: {NIK_MASKED}", "nama: Siti"]

    emit({"nik": NIK, "nama": "Siti"}, as_json=False, unmask=True)
    assert capsys.readouterr().out.splitlines() == [f"nik: {NIK}", "nama: Siti"]


def test_json_output_masks_a_nik_inside_a_longer_text(capsys: pytest.CaptureFixture[str]) -> None:
    """A message or detail that quotes a NIK is CLI output too: the rule is "any 16-digit string"."""
    emit({"detail": f"NIK {NIK} sudah terdaftar pada KK {KK}."}, as_json=True, unmask=False)
    out = capsys.readouterr().out
    assert json.loads(out)["detail"] == f"NIK {NIK_MASKED} sudah terdaftar pada KK {KK_MASKED}."
    assert NIK not in out
    assert KK not in out


def test_text_lines_given_by_a_command_are_masked_too(capsys: pytest.CaptureFixture[str]) -> None:
    emit({"nik": NIK}, as_json=False, unmask=False, lines=[f"Warga dengan NIK {NIK} terdaftar."])
    out = capsys.readouterr().out
    assert NIK not in out
    assert out == f"Warga dengan NIK {NIK_MASKED} terdaftar.\n"

    emit({"nik": NIK}, as_json=False, unmask=True, lines=[f"Warga dengan NIK {NIK} terdaftar."])
    assert capsys.readouterr().out == f"Warga dengan NIK {NIK} terdaftar.\n"


def test_emit_error_json_is_one_object_and_message_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    emit_error("Kode wilayah tidak dikenali.", code=3, as_json=True, detail="rincian")
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"ok": False, "error": "Kode wilayah tidak dikenali.", "exit_code": 3,
                                        "detail": "rincian"}
    assert captured.err == "Kesalahan: Kode wilayah tidak dikenali.\nrincian\n"

    emit_error("Dibatalkan.", code=1, as_json=False)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "Kesalahan: Dibatalkan.\n"
