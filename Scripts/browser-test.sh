#!/usr/bin/env bash
# The review page (`declass diff --format html`) in a real browser: installs Debian's chromium and
# libxml2-utils when missing, Playwright for Python and pytest in .venv-ci (Playwright drives the system
# chromium; no browser is downloaded), then runs Tests/browser. Idempotent; quiet when all is there.
#
#   Scripts/browser-test.sh        uses .build/release/declass, else .build/debug/declass (DECLASS_BIN overrides)
# Screenshots and pages go to .ci-out/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")/.."

missing=()
for p in chromium libxml2-utils; do
    if ! dpkg -s "$p" >/dev/null 2>&1; then missing+=("$p"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "browser-test: installing missing Debian packages: ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv-ci/bin/python ]; then
    echo "browser-test: creating .venv-ci"
    python3 -m venv .venv-ci
fi
if ! .venv-ci/bin/python -c 'import playwright, pytest' >/dev/null 2>&1; then
    echo "browser-test: installing playwright and pytest into .venv-ci"
    .venv-ci/bin/pip install -q playwright pytest
fi

if [ -z "${DECLASS_BIN:-}" ]; then
    if [ -x .build/release/declass ]; then DECLASS_BIN=.build/release/declass
    elif [ -x .build/debug/declass ]; then DECLASS_BIN=.build/debug/declass
    else echo "browser-test: no declass binary: run swift build first" >&2; exit 2
    fi
fi
export DECLASS_BIN
mkdir -p .ci-out
exec .venv-ci/bin/python -m pytest -q -p no:cacheprovider Tests/browser
