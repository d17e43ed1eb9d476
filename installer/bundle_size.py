"""Write dist/bundle-size.json: the app's bundle against a bare PySide6 window bundled in the same run.

    python installer/bundle_size.py --app dist/puskesos-desk --bare build/bare/dist/bare-window \\
        --archive dist/puskesos-desk-0.1.0-linux-x86_64.tar.gz --out dist/bundle-size.json [--enforce]

Bytes are the sum of regular files' sizes (a symbolic link counts as a file of size 0: the archive stores it so).
The goal is the bare bundle + 30 MiB; --enforce exits 1 when the app's bundle is larger.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import UTC, datetime
from pathlib import Path

GOAL_MARGIN_BYTES = 30 * 1024 * 1024


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of every file under `folder`, symbolic links counted as files of size 0."""
    total = files = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            files += 1
            if not path.is_symlink():
                total += path.stat().st_size
    return total, files


def measure(app: Path, bare: Path, archive: Path | None) -> dict[str, object]:
    app_bytes, app_files = folder_size(app)
    bare_bytes, bare_files = folder_size(bare)
    return {
        "app_bytes": app_bytes,
        "app_files": app_files,
        "bare_bytes": bare_bytes,
        "bare_files": bare_files,
        "goal_bytes": bare_bytes + GOAL_MARGIN_BYTES,
        "within_goal": app_bytes <= bare_bytes + GOAL_MARGIN_BYTES,
        "archive_bytes": archive.stat().st_size if archive is not None else None,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, required=True)
    parser.add_argument("--bare", type=Path, required=True)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--enforce", action="store_true")
    args = parser.parse_args()
    result = measure(args.app, args.bare, args.archive)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    mib = 1024 * 1024
    print(f"bundle {result['app_bytes'] / mib:.1f} MiB in {result['app_files']} files; bare window "
          f"{result['bare_bytes'] / mib:.1f} MiB; goal {result['goal_bytes'] / mib:.1f} MiB; archive "
          f"{(result['archive_bytes'] or 0) / mib:.1f} MiB -> {args.out}")
    if args.enforce and not result["within_goal"]:
        print("bundle is larger than the goal (bare window + 30 MiB): see docs/packaging.md")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
