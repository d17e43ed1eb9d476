"""Where the CLI takes a package password from: `--password-file FILE`, `--password-env NAME`, the variable
PUSKESOS_PACKAGE_PASSWORD, or a prompt when stdin is a terminal. Without a terminal and without a password the
command stops at once with exit 3 and says how to give one: a script must never hang waiting for input.

The password is never printed, logged or stored.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from puskesos_desk.domain.errors import InputRejected

PASSWORD_ENV = "PUSKESOS_PACKAGE_PASSWORD"
HOW_TO_GIVE = (f"Berikan kata sandinya dengan --password-file FILE (berkas berisi kata sandi saja) atau variabel "
               f"lingkungan {PASSWORD_ENV}.")


def given_password(args: argparse.Namespace, *, default_env: bool = True) -> str | None:
    """The password named on the command line (file, then the named variable), else the default variable."""
    file_name = getattr(args, "password_file", None)
    if file_name:
        return _read_password_file(Path(file_name))
    env_name = getattr(args, "password_env", None)
    if env_name:
        value = os.environ.get(env_name)
        if not value:
            raise InputRejected(f"Variabel lingkungan {env_name} kosong; isi dengan kata sandi berkas.")
        return value
    if default_env:
        return os.environ.get(PASSWORD_ENV) or None
    return None


def explicitly_given(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "password_file", None) or getattr(args, "password_env", None))


def _read_password_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputRejected(f"Berkas kata sandi {path} tidak dapat dibaca: "
                            f"{getattr(exc, 'strerror', None) or 'bukan teks UTF-8'}.") from exc
    # One trailing line end only (what `echo` and editors add); other spaces may be part of the password.
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise InputRejected(f"Berkas kata sandi {path} kosong.")
    return text


def prompted_password(*, why: str, confirm: bool) -> str:
    """Ask on the terminal (twice when `confirm`); without a terminal, refuse at once (exit 3)."""
    if not sys.stdin.isatty():
        raise InputRejected(f"{why} {HOW_TO_GIVE} Perintah ini tidak menunggu ketikan karena tidak dijalankan di "
                            "terminal.")
    password = getpass.getpass("Kata sandi berkas: ")
    if not password:
        raise InputRejected("Kata sandi kosong; perintah dibatalkan.")
    if confirm and getpass.getpass("Ulangi kata sandi: ") != password:
        raise InputRejected("Kata sandi dan ulangannya tidak sama; perintah dibatalkan.")
    return password
