"""Widgets of the household page and its dialogs."""
