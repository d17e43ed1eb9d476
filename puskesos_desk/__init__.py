"""Puskesos Desk: the front-office desk of a village Puskesos and the district SLRT secretariat."""

__version__ = "0.1.0"
APP_NAME = "Puskesos Desk"
APP_ID = "puskesos-desk"
