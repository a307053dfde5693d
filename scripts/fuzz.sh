#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS]: builds the libFuzzer targets of Fuzz/ and runs each for SECONDS
# (60 by default) over a copy of its seed corpus. See scripts/lib/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2034  # read by the functions of scripts/lib/fuzz.sh
root=$PWD
# shellcheck source=scripts/lib/fuzz.sh
source scripts/lib/fuzz.sh

seconds=${1:-60}
case "$seconds" in
    '' | *[!0-9]*)
        echo "usage: scripts/fuzz.sh [SECONDS]" >&2
        exit 2
        ;;
esac
fuzz_all "$seconds"
