#!/usr/bin/env bash
# ChronoView's one entry point: ./build.sh serve | test | package | app | bench | soak | format
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

for script in scripts/lib/*.sh; do
    # shellcheck source=/dev/null
    source "$script"
done

usage() {
    cat <<USAGE
usage: ./build.sh <command> [options]

  serve [--port N] [--host H] [--env-file F]   run the app and the whole API locally (http://127.0.0.1:3000)
  test                                         check formatting, build, and run every test
  package                                      build every function as a provided.al2023 bootstrap + zip
  app                                          build the single-page app into .build/app
  bench                                        measure cold start, throughput, size and latency
  soak [--minutes N]                           N minutes (3) of load over the whole API: errors, memory, connections
  format                                       format the sources in place
USAGE
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    serve) cmd_serve "$@" ;;
    test) cmd_test "$@" ;;
    package) cmd_package "$@" ;;
    app) cmd_app "$@" ;;
    bench) cmd_bench "$@" ;;
    soak) cmd_soak "$@" ;;
    format) cmd_format "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
esac
