#!/usr/bin/env bash
# Sweep benchmark: a synthetic archive of N cables built from ../shared/corpus/cables (distinct ids, the
# corpus's varied sizes, folders of 1,000), then, in the same run, `cat` over the same files (the floor)
# and `declass sweep` end to end under Policies/foia-release.yaml with each job count, RUNS runs each;
# prints the median wall time, MB/s, cables/s and peak memory (/usr/bin/time -v) of each.
#
#   Scripts/bench-sweep.sh [N] [JOBS ...]        e.g. Scripts/bench-sweep.sh 10000 1 2
#
# RUNS=3 (runs per figure), AS_OF=2026-11-27, SCRATCH=.build (build folder), BENCH_DIR=bench-out.
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
bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $n cables, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') in $corpus; $(nproc) cores; as of $as_of; $runs runs each"

# One timed run: prints "wall_seconds peak_kib".
timed() {
    local log; log=$(mktemp)
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || true
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
                /Maximum resident set size/ { m = $2 } END { printf "%.3f %d\n", s, m }' "$log"
    rm -f "$log"
}

# Median of RUNS runs of a command: prints a report line.
report() {
    local label=$1; shift
    local walls=() mems=()
    for ((r = 0; r < runs; r++)); do
        [ "$label" = cat ] || rm -rf "$bench/sweep-out"
        read -r w m < <(timed "$@")
        walls+=("$w"); mems+=("$m")
    done
    local wall mem
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
    awk -v l="$label" -v w="$wall" -v m="$mem" -v b="$bytes" -v n="$n" -v all="${walls[*]}" \
        'BEGIN { printf "%-10s median %7.2f s  %8.1f MB/s  %9.0f cables/s  peak %6.1f MiB   (runs: %s s)\n", l, w, b / 1e6 / w, n / w, m / 1024, all }'
}

find "$corpus" -name '*.txt' -print0 | xargs -0 cat >/dev/null   # warm the page cache
report cat sh -c "find '$corpus' -name '*.txt' -print0 | xargs -0 cat > /dev/null"
for j in "${jobs[@]}"; do
    report "sweep -j$j" "$declass" sweep "$corpus" --policy Policies/foia-release.yaml --as-of "$as_of" \
        --out "$bench/sweep-out" --jobs "$j" --quiet
done
