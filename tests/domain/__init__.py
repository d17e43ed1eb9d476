"""Tests of the pure domain layer."""

from __future__ import annotations
