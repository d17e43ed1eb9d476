"""The `puskesos-desk` command line. With no arguments it starts the GUI."""

from puskesos_desk.cli.main import main

__all__ = ["main"]
