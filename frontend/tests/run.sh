#!/usr/bin/env bash
# Unit tests of the app's pure logic (src/chart, src/market, src/api, ...), with no npm: each
# tests/*.test.ts is bundled by Debian's esbuild and run by Node's built-in test runner.
#   bash frontend/tests/run.sh [OUTDIR]   (OUTDIR keeps the bundles; default: a temporary dir)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -ge 1 && -n "$1" ]]; then
  out="$1"
  mkdir -p "$out"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

shopt -s nullglob
tests=("$here"/*.test.ts)
if [[ ${#tests[@]} -eq 0 ]]; then
  echo "no tests found in $here" >&2
  exit 1
fi

bundles=()
for file in "${tests[@]}"; do
  name="$(basename "$file" .ts)"
  NODE_PATH=/usr/share/nodejs esbuild "$file" --bundle --platform=node --format=esm \
    --target=node20 --outfile="$out/$name.mjs" --log-level=warning
  bundles+=("$out/$name.mjs")
done

# Only this run's bundles: a reused OUTDIR may hold those of tests since removed. The locale is
# pinned (time labels are Intl-formatted); the time zone is not: the tests hold in any.
LC_ALL=C.UTF-8 node --test --test-reporter=dot "${bundles[@]}"
