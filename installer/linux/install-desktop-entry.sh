#!/usr/bin/env bash
# Add Puskesos Desk to this user's application menu (no root needed), from wherever this folder was unpacked.
#   ./install-desktop-entry.sh            install or update the menu entry and icons
#   ./install-desktop-entry.sh --remove   remove them again (the data in ~/.local/share/puskesos-desk stays)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
entry="$data/applications/puskesos-desk.desktop"
if [[ "${1:-}" == "--remove" ]]; then
    rm -f "$entry"
    find "$data/icons/hicolor" -path "*/apps/puskesos-desk.png" -delete 2>/dev/null || true
    echo "Removed $entry"
    exit 0
fi
mkdir -p "$data/applications"
for icon in "$here"/share/icons/hicolor/*/apps/puskesos-desk.png; do
    size="$(basename "$(dirname "$(dirname "$icon")")")"
    mkdir -p "$data/icons/hicolor/$size/apps"
    cp "$icon" "$data/icons/hicolor/$size/apps/puskesos-desk.png"
done
# Exec and TryExec point at this folder's executable, quoted as the Desktop Entry spec asks.
exe="$here/puskesos-desk-gui"
quoted="\"${exe//\"/\\\"}\""
sed -e "s|^Exec=.*|Exec=$quoted|" -e "s|^TryExec=.*|TryExec=$exe|" \
    "$here/share/applications/puskesos-desk.desktop" > "$entry"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "Installed $entry"
