"""Dialogs: they receive data, and hand a frozen result back to the caller, who calls the service."""
