"""F1 help on every screen: the page registry, the resolver that finds the screen the user is on, the help window
and the application-wide F1 filter (install_help). Pages are resources/help/<lang>/<page>.html."""

from __future__ import annotations

from puskesos_desk.ui.help.key_filter import install_help, open_page, show_contents, show_help, uninstall_help

__all__ = ["install_help", "open_page", "show_contents", "show_help", "uninstall_help"]
