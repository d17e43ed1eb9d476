"""The packages pyproject.toml lists are exactly the code packages plus the mapped resources package: automatic
discovery cannot see puskesos_desk.resources (resources/ is mapped into the package), and a built wheel once
shipped without it. A subpackage added to the code must be added to the list."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_lists_every_package_and_the_resources() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = config["packages"]
    found = find_packages(where=str(ROOT), include=["puskesos_desk", "puskesos_desk.*"])
    assert sorted(listed) == sorted([*found, "puskesos_desk.resources"])
    assert config["package-dir"]["puskesos_desk.resources"] == "resources"
    assert "**/*" in config["package-data"]["puskesos_desk.resources"]
    assert {"migrations/*.ini", "migrations/*.mako"} <= set(config["package-data"]["puskesos_desk.data"])
