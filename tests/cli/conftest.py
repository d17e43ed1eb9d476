"""Fixtures for the CLI tests: run the CLI in-process or as a real subprocess, and make fresh database copies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from backends import DbLocation, clone, drop

from puskesos_desk.cli import main
from tests.cli._helpers import copy_db


@dataclass(frozen=True)
class CliResult:
    rc: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """`main([...])` in this process; argparse's SystemExit (usage errors, --version) becomes the exit code."""

    def run(*args: object) -> CliResult:
        capsys.readouterr()
        try:
            rc = main([str(a) for a in args])
        except SystemExit as exc:
            rc = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(rc, captured.out, captured.err)

    return run


@pytest.fixture
def run_subprocess() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`python -m puskesos_desk ...` as a child; it inherits PUSKESOS_HOME and QT_QPA_PLATFORM from the test."""

    def run(*args: object, env: dict[str, str] | None = None, prefix: list[str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
        child_env = dict(os.environ)
        child_env.update(env or {})
        command = [*(prefix or []), sys.executable, "-m", "puskesos_desk", *(str(a) for a in args)]
        return subprocess.run(command, capture_output=True, text=True, env=child_env, timeout=timeout, check=False)

    return run


@pytest.fixture
def fresh_db(seeded_template: Path, tmp_path: Path) -> Callable[[str], Path]:
    """A new, migrated database with reference data but no site, as a file under tmp_path."""

    def make(name: str) -> Path:
        return copy_db(seeded_template, tmp_path / name)

    return make


@pytest.fixture
def fresh_location(seeded_location: DbLocation, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Like fresh_db on the backend under test: the URL of a new, migrated database with reference data but no site
    (what `--db` takes on both backends, and what tests._helpers reads). Dropped after the test on PostgreSQL."""
    made: list[DbLocation] = []

    def make(name: str) -> str:
        made.append(clone(seeded_location, tmp_path, name))
        return made[-1].url

    yield make
    for location in made:
        drop(location)
