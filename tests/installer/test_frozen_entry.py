"""The bundle's one entry point: the role argv[1] names (reader, writer, PDF helper, GUI check) or the command line,
and the worker command lines a frozen app builds are the ones it dispatches."""

from __future__ import annotations

import sys

import pytest

from puskesos_desk import cli, frozen_entry
from puskesos_desk.infra import child_process
from puskesos_desk.printing import helper, helper_child
from puskesos_desk.spreadsheet import child, reader, worker_process, writer_child
from puskesos_desk.spreadsheet.guard import DEFAULT_LIMITS
from puskesos_desk.ui import bundle_check


@pytest.fixture
def roles(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    called: list[tuple[str, list[str]]] = []
    for name, module in (("reader", child), ("writer", writer_child), ("pdf-helper", helper_child),
                         ("gui-check", bundle_check)):
        monkeypatch.setattr(module, "main", lambda argv, _name=name: called.append((_name, argv)) or 7)
    monkeypatch.setattr(cli, "main", lambda argv: called.append(("cli", argv)) or 5)
    return called


def test_flags_are_the_ones_the_spreadsheet_workers_use() -> None:
    assert frozen_entry.READER_FLAG == worker_process.READER_FLAG == child.FROZEN_FLAG
    assert frozen_entry.WRITER_FLAG == worker_process.WRITER_FLAG
    assert frozen_entry.PDF_HELPER_FLAG == helper_child.HELPER_FLAG == helper.HELPER_FLAG


@pytest.mark.parametrize(("argv", "expected"), [
    (["--xlsx-reader-child", "--memory-bytes", "1"], ("reader", ["--memory-bytes", "1"])),
    (["--xlsx-writer-child", "/tmp/out.xlsx"], ("writer", ["/tmp/out.xlsx"])),
    (["--pdf-helper-child"], ("pdf-helper", [])),
    (["_gui-check", "--user", "admin"], ("gui-check", ["--user", "admin"])),
    (["self-test", "--json"], ("cli", ["self-test", "--json"])),
    ([], ("cli", [])),  # no command: the CLI opens the desktop app
])
def test_argv_picks_the_role(roles: list, argv: list[str], expected: tuple[str, list[str]]) -> None:
    assert frozen_entry.main(argv) in {5, 7}
    assert roles == [expected]


def test_the_frozen_reader_and_writer_commands_come_back_to_their_roles(
        roles: list, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the app starts as a child when frozen is `<exe> <flag> ...`: the entry must route it."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/puskesos-desk/puskesos-desk")
    reader_command = reader._command(DEFAULT_LIMITS, intake=True)  # an import's data reader, the longest command
    writer_command = worker_process.command("puskesos_desk.spreadsheet.writer_child", worker_process.WRITER_FLAG,
                                            ["/tmp/paket.xlsx"])
    helper_command = child_process.command("puskesos_desk.printing.helper_child", helper.HELPER_FLAG, [])
    for command in (reader_command, writer_command, helper_command):
        assert command[0] == sys.executable
        frozen_entry.main(command[1:])
    assert [role for role, _ in roles] == ["reader", "writer", "pdf-helper"]
    assert roles[0][1][-1] == "--intake" and roles[1][1] == ["/tmp/paket.xlsx"]
