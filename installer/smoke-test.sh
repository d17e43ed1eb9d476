#!/usr/bin/env bash
# Build the bundle, then use only the frozen executables: the checks a village PC would need to pass.
#
#   installer/smoke-test.sh              build (installer/build.sh), then test dist/puskesos-desk
#   SKIP_BUILD=1 installer/smoke-test.sh test the bundle already in dist/
#
# Every step runs from a copy of the bundle in another folder (a path with spaces), in a scratch directory, with
# PUSKESOS_HOME there, so nothing touches the developer's own data. Steps: --version; self-test offscreen and
# under Xvfb (xcb); init a district; demo village; slip and desk guide to PDF; site cards, trust, export a
# package (writer process), import it at the district (reader process); a password-protected package both ways;
# an encrypted site (SQLCipher, Argon2); an old schema file upgraded after a backup; the PostgreSQL driver; the
# main window offscreen and under Xvfb (_gui-check); the desktop app started with no command; portable mode.
# Needs: xvfb-run (Debian: xvfb xauth libxcb-icccm4 libxcb-keysyms1; QT_DEBUG_PLUGINS=1 shows what xcb lacks).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
started=$(date +%s)
[[ "${SKIP_BUILD:-0}" == 1 ]] || installer/build.sh

WORK="$(mktemp -d "${TMPDIR:-/tmp}/puskesos-smoke.XXXXXX")"
cleanup() { [[ "${KEEP_SMOKE:-0}" == 1 ]] && echo "kept $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT
APP="$WORK/dipindah ke sini/puskesos-desk"  # the bundle must run from any folder
mkdir -p "$(dirname "$APP")"
cp -a dist/puskesos-desk "$APP"
EXE="$APP/puskesos-desk"
cd "$WORK"  # nothing may depend on the source tree

export PUSKESOS_HOME="$WORK/home" PUSKESOS_AUTO_BACKUP=0
export PUSKESOS_ADMIN_PASSWORD="Sandi-Admin-Uji-2026"
unset PUSKESOS_DB PYTHONPATH PYTHONHOME DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
XVFB=(xvfb-run -a -s "-screen 0 1366x768x24")

step() { printf '\n== %s  (%s s)\n' "$*" "$(( $(date +%s) - started ))"; }
fail() { printf 'SMOKE TEST FAILED: %s\n' "$*" >&2; exit 1; }
# json FILE EXPR: evaluate a Python expression on the parsed JSON (d); the host's python3 only reads our output.
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
run() {  # run NAME ARGS...: the frozen CLI with --json, output kept in NAME.json, must exit 0
    local name="$1" rc=0; shift
    "$EXE" "$@" --json > "$name.json" 2> "$name.err" || rc=$?
    if (( rc != 0 )); then cat "$name.json" "$name.err" >&2; fail "$name (rc $rc)"; fi
}

step "version"
[[ "$("$EXE" --version)" == *"$(python3 "$ROOT/installer/app_version.py")"* ]] || fail "version differs"

step "self-test, offscreen (no display)"
run selftest-offscreen self-test
[[ "$(json selftest-offscreen.json 'd["ok"]')" == True ]] || fail "self-test offscreen"
json selftest-offscreen.json '"; ".join(c["name"]+": "+c["detail"] for c in d["checks"])'
grep -q "platform offscreen" selftest-offscreen.json || fail "self-test did not use offscreen"

step "self-test under Xvfb (xcb)"
"${XVFB[@]}" "$EXE" self-test --json > selftest-xcb.json 2> selftest-xcb.err \
    || { cat selftest-xcb.json selftest-xcb.err >&2; fail "self-test under Xvfb"; }
grep -q "platform xcb" selftest-xcb.json || fail "self-test under Xvfb did not use xcb"

step "init a district, demo village"
run init-kab init --db "$WORK/kabupaten.db" --site 33.22 --role kabupaten --name "Sekretariat SLRT Kabupaten Semarang" \
    --admin admin
run demo demo --db "$WORK/desa.db" --site 33.22.01.2007 --households 40
echo "demo: $(json demo.json 'd["counts"]')"

step "print: a referral slip and the desk guide (PDF)"
run referrals referral list --db "$WORK/desa.db"
number="$(json referrals.json '([r["number"] for r in d["referrals"] if r["status"] == "DISETUJUI"] or [""])[0]')"
[[ -n "$number" ]] || fail "the demo made no approved referral to print"
run slip slip --db "$WORK/desa.db" --out "$WORK/slip.pdf" --paper a5 "$number"
run guide panduan --db "$WORK/desa.db" --out "$WORK/panduan.pdf" --lang en
for pdf in slip.pdf panduan.pdf; do [[ "$(head -c 5 "$pdf")" == "%PDF-" ]] || fail "$pdf is not a PDF"; done

step "exchange: cards, trust, export (writer process), import at the district (reader process)"
run card-kab site-card --db "$WORK/kabupaten.db" --out "$WORK/kartu-kabupaten.json"
run card-desa site-card --db "$WORK/desa.db" --out "$WORK/kartu-desa.json"
run village-add village add --db "$WORK/kabupaten.db" --card "$WORK/kartu-desa.json"
run trust trust --db "$WORK/desa.db" --card "$WORK/kartu-kabupaten.json"
run export export --db "$WORK/desa.db" --out "$WORK/paket.xlsx"
run import import --db "$WORK/kabupaten.db" "$WORK/paket.xlsx"
[[ "$(json import.json 'd["status"]')" == applied ]] || fail "package not applied"
echo "imported: $(json import.json 'd["rows"]')"

step "a password-protected package (msoffcrypto) both ways"
export PAKET_SANDI="Rahasia-Paket-77"
run export-enc export --db "$WORK/desa.db" --out "$WORK/paket-sandi.xlsx" --full --encrypt --password-env PAKET_SANDI
[[ "$(json export-enc.json 'd["encrypted"]')" == True ]] || fail "package not encrypted"
run import-enc import --db "$WORK/kabupaten.db" "$WORK/paket-sandi.xlsx" --password-env PAKET_SANDI
echo "imported: $(json import-enc.json 'd["status"]')"

step "an encrypted site (SQLCipher, Argon2id)"
export PUSKESOS_DB_PASSPHRASE="frasa sandi situs uji 2026"
run init-enc init --db "$WORK/terenkripsi.db" --site 33.22.01.2008 --name "Puskesos Desa Samirono" --admin admin \
    --encrypt --recovery-sheet "$WORK/pemulihan.pdf"
run enc-status encryption status --db "$WORK/terenkripsi.db"
grep -qi '"encrypted": true' enc-status.json || { cat enc-status.json; fail "site not encrypted"; }
unset PUSKESOS_DB_PASSPHRASE

step "an old schema file (0001) is backed up, then upgraded"
cp "$ROOT/tests/_files/puskesos-schema-0001.db" "$WORK/lama.db"
run old-open site-card --db "$WORK/lama.db" --out "$WORK/kartu-lama.json"
compgen -G "$WORK/backups/*" >/dev/null || fail "no backup before the upgrade"
echo "backup: $(ls "$WORK/backups")"

step "PostgreSQL driver (psycopg + its libpq) is in the bundle"
"$EXE" site-card --db "postgresql+psycopg://uji:uji@127.0.0.1:1/uji" --out "$WORK/x.json" --json > pg.json 2>&1 || true
grep -q "Connection refused\|connection failed" pg.json || { cat pg.json; fail "psycopg/libpq not usable"; }

step "the main window, offscreen and under Xvfb (_gui-check)"
export KOOR_SANDI="$(json demo.json '[u["password"] for u in d["users"] if u["username"] == "koordinator"][0]')"
export KOOR_BARU="Sandi-Koordinator-Baru-1"
"$EXE" _gui-check --db "$WORK/desa.db" --user koordinator --password-env KOOR_SANDI --new-password-env KOOR_BARU \
    --pdf "$WORK/slip.pdf" --shot "$WORK/jendela.png" > gui-offscreen.json 2> gui-offscreen.err \
    || { cat gui-offscreen.json gui-offscreen.err >&2; fail "_gui-check offscreen"; }
json gui-offscreen.json '", ".join(d["areas"])'
grep -q 'in helper process [0-9]' gui-offscreen.json || fail "the preview was not rasterised in the PDF helper process"
"${XVFB[@]}" "$EXE" _gui-check --db "$WORK/desa.db" --user koordinator --password-env KOOR_BARU \
    > gui-xcb.json 2> gui-xcb.err || { cat gui-xcb.json gui-xcb.err >&2; fail "_gui-check under Xvfb"; }
grep -q '"platform xcb' gui-xcb.json || fail "_gui-check under Xvfb did not use xcb"

step "the desktop app with no command (puskesos-desk-gui) starts and waits at the sign-in"
set +e
"${XVFB[@]}" timeout 12 "$APP/puskesos-desk-gui" --db "$WORK/desa.db" > gui-start.out 2>&1
rc=$?
set -e
[[ $rc == 124 ]] || { cat gui-start.out; fail "the app ended by itself (rc $rc) instead of waiting at the sign-in"; }
grep -q "starting Puskesos Desk" "$PUSKESOS_HOME/logs/"*.log || fail "no start-up line in the log"

step "portable mode: portable.ini beside the executable keeps every user folder there"
PORTABLE="$WORK/usb/puskesos-desk"
mkdir -p "$WORK/usb" "$WORK/empty-home"
cp -a "$APP" "$PORTABLE"
printf '[portable]\n' > "$PORTABLE/portable.ini"
(unset PUSKESOS_HOME; HOME="$WORK/empty-home" XDG_DATA_HOME= XDG_CONFIG_HOME= XDG_STATE_HOME= XDG_CACHE_HOME= \
    "$PORTABLE/puskesos-desk" init --site 33.22.01.2009 --name "Puskesos Desa Uji" --admin admin --json \
    > portable.json 2> portable.err) || { cat portable.json portable.err >&2; fail "portable init"; }
[[ -f "$PORTABLE/data/puskesos.db" && -d "$PORTABLE/logs" ]] || fail "portable data not beside the executable"
[[ -z "$(ls -A "$WORK/empty-home")" ]] || fail "portable mode wrote into the home folder: $(ls -A "$WORK/empty-home")"

step "Linux menu entry (install-desktop-entry.sh) for the bundle where it is"
XDG_DATA_HOME="$WORK/xdg" "$APP/install-desktop-entry.sh" > /dev/null
entry="$WORK/xdg/applications/puskesos-desk.desktop"
grep -qxF "Exec=\"$APP/puskesos-desk-gui\"" "$entry" || { cat "$entry"; fail "menu entry does not start this bundle"; }
[[ -f "$WORK/xdg/icons/hicolor/256x256/apps/puskesos-desk.png" ]] || fail "menu icon missing"
if command -v desktop-file-validate > /dev/null; then desktop-file-validate "$entry" || fail "invalid menu entry"; fi

printf '\nSMOKE TEST PASSED in %s s (build included unless SKIP_BUILD=1)\n' "$(( $(date +%s) - started ))"
