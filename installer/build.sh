#!/usr/bin/env bash
# Build the one-folder bundle and its archive (Linux; Windows: installer/windows/build.ps1).
#
#   installer/build.sh
#
# Produces
#   dist/puskesos-desk/                                the bundle: puskesos-desk (CLI; no command = the app),
#                                                      puskesos-desk-gui (link), _internal/, share/ (menu entry,
#                                                      icons), install-desktop-entry.sh
#   dist/puskesos-desk-<version>-linux-x86_64.tar.gz   the same folder as one archive
#   dist/bundle-size.json                              its size against a bare PySide6 window built now too
# Needs: the dev venv (.venv, pip install -e ".[dev]"), binutils (objdump/strip). About 2 minutes on 2 cores.
# Environment: PYTHON (default .venv/bin/python), DIST_DIR (dist), BUILD_DIR (build),
#   PUSKESOS_BUNDLE_SKIP_RULES (installer/bundle_rules.py; measuring only), PUSKESOS_BUNDLE_SIZE_NO_FAIL=1 (do not
#   fail when the bundle is over its size goal).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${PYTHON:-.venv/bin/python}"
DIST="${DIST_DIR:-dist}"
BUILD="${BUILD_DIR:-build}"
VERSION="$("$PY" installer/app_version.py)"
ARCH="$(uname -m)"
BUNDLE="$DIST/puskesos-desk"
ARCHIVE="$DIST/puskesos-desk-$VERSION-linux-$ARCH.tar.gz"
started=$(date +%s)

echo "== Puskesos Desk $VERSION: bundle"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$BUILD/pyinstaller" \
    installer/puskesos-desk.spec

# Linux has no console/windowed distinction: the GUI name is the same program (no command opens the app).
ln -sfn puskesos-desk "$BUNDLE/puskesos-desk-gui"
mkdir -p "$BUNDLE/share/applications"
cp installer/linux/puskesos-desk.desktop "$BUNDLE/share/applications/"
for png in installer/icons/puskesos-desk-*.png; do
    size="${png##*-}"; size="${size%.png}"
    mkdir -p "$BUNDLE/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$BUNDLE/share/icons/hicolor/${size}x${size}/apps/puskesos-desk.png"
done
cp installer/linux/install-desktop-entry.sh "$BUNDLE/"

# A bundle that cannot start is not worth archiving (the full check is installer/smoke-test.sh).
QT_QPA_PLATFORM=offscreen "$BUNDLE/puskesos-desk" --version

echo "== archive"
rm -f "$DIST"/puskesos-desk-*-linux-*.tar.gz
tar -C "$DIST" -czf "$ARCHIVE" puskesos-desk

echo "== bare PySide6 window (size yardstick, PyInstaller defaults)"
"$PY" -m PyInstaller --noconfirm --log-level WARN --onedir --name bare-window \
    --distpath "$BUILD/bare/dist" --workpath "$BUILD/bare/work" --specpath "$BUILD/bare" \
    installer/bare/bare_window.py
QT_QPA_PLATFORM=offscreen "$BUILD/bare/dist/bare-window/bare-window" --quit

enforce=(--enforce)
[[ "${PUSKESOS_BUNDLE_SIZE_NO_FAIL:-0}" == 1 ]] && enforce=()
"$PY" installer/bundle_size.py --app "$BUNDLE" --bare "$BUILD/bare/dist/bare-window" --archive "$ARCHIVE" \
    --out "$DIST/bundle-size.json" "${enforce[@]}"
echo "== built $BUNDLE and $ARCHIVE in $(( $(date +%s) - started )) s"
