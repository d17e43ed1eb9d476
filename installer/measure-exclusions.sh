#!/usr/bin/env bash
# Measure what each rule of installer/bundle_rules.py saves: build with every rule, then once without each rule,
# then with none. Prints a Markdown table for docs/packaging.md (and writes it to $OUT/exclusions.md).
#
#   installer/measure-exclusions.sh            about 12 builds: 20-30 minutes on 2 cores
#   RULES="strip qt_plugins" installer/measure-exclusions.sh    only these rules
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${PYTHON:-.venv/bin/python}"
OUT="${OUT:-build/measure-exclusions}"
mkdir -p "$OUT"
RULES="${RULES:-$("$PY" -c 'import sys; sys.path.insert(0, "installer"); import bundle_rules; print(*bundle_rules.RULE_NAMES)')}"

build() {  # build NAME SKIP: prints "bytes files"
    local name="$1" skip="$2"
    PUSKESOS_BUNDLE_SKIP_RULES="$skip" "$PY" -m PyInstaller --noconfirm --log-level ERROR \
        --distpath "$OUT/$name/dist" --workpath "$OUT/$name/work" installer/puskesos-desk.spec >"$OUT/$name.log" 2>&1
    "$PY" -c 'import sys; sys.path.insert(0, "installer"); import bundle_size; from pathlib import Path
b, f = bundle_size.folder_size(Path(sys.argv[1])); print(b, f)' "$OUT/$name/dist/puskesos-desk"
    rm -rf "$OUT/$name"
}

read -r all_bytes all_files < <(build all "")
read -r none_bytes none_files < <(build none all)
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
{
    echo "| rule | bundle without this rule | saved by the rule |"
    echo "|---|---|---|"
    for rule in $RULES; do
        read -r bytes files < <(build "without-$rule" "$rule")
        echo "| \`$rule\` | $(mib "$bytes") MiB, $files files | $(mib $((bytes - all_bytes))) MiB, $((files - all_files)) files |"
    done
    echo "| every rule | $(mib "$all_bytes") MiB, $all_files files | — |"
    echo "| no rule | $(mib "$none_bytes") MiB, $none_files files | $(mib $((none_bytes - all_bytes))) MiB, $((none_files - all_files)) files in all |"
} | tee "$OUT/exclusions.md"
