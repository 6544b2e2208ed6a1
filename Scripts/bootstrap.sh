#!/usr/bin/env bash
# Sets up declass on a fresh Debian machine with Swift at /opt/swift (or on PATH):
# installs the Debian packages that are missing, builds the release binary, and runs
# `declass redact` of a sample cable under the shipped FOIA policy (its release, printed).
#
#   Scripts/bootstrap.sh               install what is missing, build release, run the sample
#   Scripts/bootstrap.sh --deps-only   only install what is missing (used by .ci/run)
#   Scripts/bootstrap.sh --sample-only only run the sample with an existing release build
set -euo pipefail

cd "$(dirname "$0")/.."

# Debian packages the build needs or will need (libxml2 for XML output and XSD validation,
# Vectorscan for policy matching, xmllint to check XML by hand, pkg-config to find them).
PACKAGES=(pkg-config libxml2-dev libvectorscan-dev libxml2-utils)

SAMPLE=Samples/09ASTANA435.txt

install_missing() {
    local missing=()
    local p
    for p in "${PACKAGES[@]}"; do
        if ! dpkg -s "$p" >/dev/null 2>&1; then missing+=("$p"); fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "bootstrap: Debian packages present: ${PACKAGES[*]}"
        return 0
    fi
    echo "bootstrap: installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    # A fresh machine may have no package lists yet: without them apt-get cannot find the packages.
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
}

find_swift() {
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || { echo "bootstrap: swift not found (expected at /opt/swift/usr/bin or on PATH)" >&2; exit 1; }
}

build_release() {
    find_swift
    echo "bootstrap: swift build -c release"
    swift build -c release
}

run_sample() {
    # The main job: the releasable version of a seed cable under the shipped FOIA policy, as of the day
    # after its declassification date (so its paragraphs are released, ¶12's personal details redacted).
    echo "bootstrap: .build/release/declass redact $SAMPLE --policy Policies/foia-release.yaml --as-of 2029-03-13"
    .build/release/declass redact "$SAMPLE" --policy Policies/foia-release.yaml --as-of 2029-03-13
}

case "${1:-}" in
    --deps-only) install_missing ;;
    --sample-only) run_sample ;;
    "") install_missing; build_release; run_sample ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) echo "bootstrap: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac
