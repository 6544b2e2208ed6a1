#!/usr/bin/env bash
# Sweep benchmark: a synthetic archive of N cables built from ../shared/corpus/cables (distinct ids, the
# corpus's varied sizes, folders of 1,000), then, in the same run, `cat` over the same files (the floor)
# and `declass sweep` end to end under Policies/foia-release.yaml with each job count, RUNS runs each;
# prints the median wall time, MB/s, cables/s, median CPU time (user + system) and peak memory
# (/usr/bin/time -v) of each.
#
#   Scripts/bench-sweep.sh [N] [JOBS ...]        e.g. Scripts/bench-sweep.sh 10000 1 2
#
# RUNS=3 (runs per figure), AS_OF=2026-11-27, SCRATCH=.build (build folder), BENCH_DIR=bench-out.
#
# Each run writes into a folder of its own, and the outputs are deleted only after the last timed run:
# ext4 without a journal (this machine's root file system) skips, when it creates a file, every inode freed
# in the last 1 to 6 minutes (`recently_deleted` in fs/ext4/ialloc.c), so a sweep started just after tens of
# thousands of files were deleted spends most of its system time scanning past them (10,000 cables, 2 jobs:
# 11.4 s with 3.9 s of system time, against 7.2 s and 1.3 s with none freed). For the same reason a run
# waits until 6 minutes have passed since the previous run of this script deleted its outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
[ -x /usr/bin/time ] || { echo "bench-sweep: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 2; }

n="${1:-10000}"; shift || true
jobs=("$@"); [ ${#jobs[@]} -gt 0 ] || jobs=(1 2)
runs="${RUNS:-3}"; as_of="${AS_OF:-2026-11-27}"; scratch="${SCRATCH:-.build}"; bench="${BENCH_DIR:-bench-out}"

swift build -c release --scratch-path "$scratch" --product declass >&2
declass="$scratch/release/declass"
corpus="$bench/corpus-$n"
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    python3 Scripts/make-corpus.py "$n" "$corpus"
    touch "$corpus/.complete"
fi
deleted="$bench/.outputs-deleted-at"
outs="$bench/sweep-runs"
if [ -e "$outs" ] || [ -e "$bench/sweep-out" ]; then   # left by an interrupted run
    rm -rf "$outs" "$bench/sweep-out"; touch "$deleted"
fi
if [ -f "$deleted" ]; then
    wait_s=$(( $(stat -c %Y "$deleted") + 360 - $(date +%s) ))
    if [ "$wait_s" -gt 0 ]; then
        echo "bench-sweep: waiting ${wait_s} s: the last run's outputs were deleted less than 6 minutes ago (see the comment at the top)" >&2
        sleep "$wait_s"
    fi
fi
mkdir -p "$outs"
finish() { rm -rf "$outs"; touch "$deleted"; }
trap finish EXIT
bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $n cables, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') in $corpus; $(nproc) cores; as of $as_of; $runs runs each"

# One timed run: prints "wall_seconds peak_kib cpu_seconds" (CPU: user + system, which a busy host
# inflates much less than the wall time).
timed() {
    local log; log=$(mktemp)
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || true
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
                /User time/ { u = $2 } /System time/ { y = $2 }
                /Maximum resident set size/ { m = $2 } END { printf "%.3f %d %.2f\n", s, m, u + y }' "$log"
    rm -f "$log"
}

# Median of RUNS runs of a command: prints a report line.
report() {
    local label=$1; shift
    local walls=() mems=() cpus=()
    for ((r = 0; r < runs; r++)); do
        read -r w m c < <(timed "$@")
        [ "$label" = cat ] || mv "$bench/sweep-out" "$outs/${label// /}-$r"
        walls+=("$w"); mems+=("$m"); cpus+=("$c")
    done
    local wall mem cpu
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
    awk -v l="$label" -v w="$wall" -v m="$mem" -v c="$cpu" -v b="$bytes" -v n="$n" -v all="${walls[*]}" \
        'BEGIN { printf "%-10s median %7.2f s  %8.1f MB/s  %9.0f cables/s  CPU %6.2f s  peak %6.1f MiB   (runs: %s s)\n", l, w, b / 1e6 / w, n / w, c, m / 1024, all }'
}

find "$corpus" -name '*.txt' -print0 | xargs -0 cat >/dev/null   # warm the page cache
report cat sh -c "find '$corpus' -name '*.txt' -print0 | xargs -0 cat > /dev/null"
for j in "${jobs[@]}"; do
    report "sweep -j$j" "$declass" sweep "$corpus" --policy Policies/foia-release.yaml --as-of "$as_of" \
        --out "$bench/sweep-out" --jobs "$j" --quiet
done
