#!/usr/bin/env bash
# Puskesos Desk quick start for a fresh Debian 12 / Ubuntu machine (the README's two commands).
#
#   bash scripts/quickstart.sh app    install, create the demo site on the embedded SQLite default, start the app
#   bash scripts/quickstart.sh test   install with the test extras and run the test suite: everything on SQLite
#                                     (in two shards side by side), and alongside it the data, exchange, district
#                                     and report tests again on a throwaway PostgreSQL server (.ci/postgres.sh;
#                                     127.0.0.1:55432, removed after)
#
# Debian packages are installed only when missing (with sudo when not root). Python packages go into .venv:
# Debian refuses pip installs into the system Python (PEP 668).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
PYTHON="${PYTHON:-python3}"

# Qt offscreen needs these (tests, self-test); a real display additionally needs the xcb libraries below.
DEB_COMMON="python3-venv libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
DEB_DISPLAY="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1"

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "Not a Debian-based system: install Qt's runtime libraries yourself."; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

make_venv() {
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip
}

case "$mode" in
  app)
    # shellcheck disable=SC2086
    install_debian_packages $DEB_COMMON $DEB_DISPLAY
    make_venv
    .venv/bin/python -m pip install -q -e .
    # Creates the demo site and a year of activity on first run (prints the demo accounts); later runs keep it.
    .venv/bin/puskesos-desk demo || echo "Demo data not added (see the message above); starting the app anyway."
    exec .venv/bin/puskesos-desk
    ;;
  test)
    # shellcheck disable=SC2086
    install_debian_packages $DEB_COMMON postgresql sqlite3
    make_venv
    .venv/bin/python -m pip install -q -e ".[test]"
    # Three pytest processes run side by side on the machine's cores: pass 1 (every test, on SQLite) split in two
    # shards (the second is "everything the first does not take", so no test can fall between them) and pass 2
    # (tests/postgres_suite.txt on PostgreSQL). Their outputs are printed one after the other.
    trap 'bash .ci/postgres.sh stop' EXIT
    # shellcheck disable=SC1091
    source .ci/postgres.sh start
    # Shard A: the GUI test files (F1 help on every screen, the first-run wizard, the pages, the screen fit); shard B:
    # every other test, by the same glob, so no test can fall between them. Each pass lists its slowest tests.
    shard_a_glob="tests/ui/test_*.py"
    logs_dir=$(mktemp -d)
    # shellcheck disable=SC2046  # the suite file lists paths and globs, one per line
    PUSKESOS_TEST_BACKEND=postgresql .venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 \
      $(grep -v '^#' tests/postgres_suite.txt) >"$logs_dir/pass2" 2>&1 &
    pass2=$!
    # shellcheck disable=SC2086
    .venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 "--ignore-glob=$shard_a_glob" >"$logs_dir/pass1b" 2>&1 &
    pass1b=$!
    status=0
    echo "=== Pass 1, shard A, on SQLite: $shard_a_glob"
    # shellcheck disable=SC2086  # the glob is meant to expand here
    .venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 $shard_a_glob || status=$?
    pass1b_status=0
    wait "$pass1b" || pass1b_status=$?
    echo "=== Pass 1, shard B, on SQLite: every other test"
    cat "$logs_dir/pass1b"
    pass2_status=0
    wait "$pass2" || pass2_status=$?
    echo "=== Pass 2: data, exchange, district and report tests, on PostgreSQL"
    cat "$logs_dir/pass2"; rm -rf "$logs_dir"
    [ "$pass1b_status" -eq 0 ] || status=$pass1b_status
    [ "$pass2_status" -eq 0 ] || status=$pass2_status
    exit "$status"
    ;;
  *)
    echo "usage: bash scripts/quickstart.sh app|test" >&2
    exit 2
    ;;
esac
