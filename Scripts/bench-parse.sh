#!/usr/bin/env bash
# Parse benchmark: release build, then `parse-bench` over Samples/ and ../shared/corpus/cables
# (when present) repeated to >= 100 MB, 5 runs, median MB/s and cables/s; peak RSS through
# /usr/bin/time -v when it exists.
#
#   Scripts/bench-parse.sh [parse-bench options and paths]    e.g. --min-mb 200 --runs 9
#
# SCRATCH=.build-NAME selects another build folder (default .build).
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

scratch="${SCRATCH:-.build}"
swift build -c release --scratch-path "$scratch" --product parse-bench >&2
bin="$scratch/release/parse-bench"

args=("$@")
if [ ${#args[@]} -eq 0 ]; then args=(--min-mb 100 --runs 5); fi

if [ -x /usr/bin/time ]; then
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    /usr/bin/time -v -o "$log" "$bin" "${args[@]}"
    awk -F': ' '/Maximum resident set size/ { printf "peak RSS: %.1f MiB (/usr/bin/time -v, whole process)\n", $2 / 1024 }
                /Elapsed \(wall clock\)/ { print "wall: " $2 " (whole process, including loading and the warm-up pass)" }' "$log"
else
    "$bin" "${args[@]}"
fi
