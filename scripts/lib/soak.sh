# shellcheck shell=bash
# shellcheck disable=SC2154 # root is set by build.sh, which sources this file.
# `./build.sh soak [--minutes N]`: a bounded soak of the whole API through the local API, as
# `./build.sh bench`'s end-to-end part runs it (release functions under `chronoview-local serve`,
# a private PostgreSQL, loopback only): 16 clients playing users of the app for N minutes
# (3 by default) after a 30 s warm-up, with every response checked against the contract, and
# every 5 s the memory of each execution environment and the database's connections sampled.
# Prints the figures and a PASS/FAIL per criterion, writes them to .build/bench/soak.json, and
# fails if any criterion does. BCRYPT_COST is 12 (what `./build.sh serve` uses) unless set.
# Shares its start and stop functions with bench.sh.

cmd_soak() {
    local minutes=3
    while [ $# -gt 0 ]; do
        case "$1" in
            --minutes)
                [ $# -ge 2 ] || { echo "soak: --minutes needs a value" >&2; return 2; }
                minutes=$2
                shift
                ;;
            *) echo "soak: unknown option $1" >&2; return 2 ;;
        esac
        shift
    done
    if ! [[ $minutes =~ ^[0-9]+([.][0-9]+)?$ ]]; then
        echo "soak: --minutes takes a positive number, not $minutes" >&2
        return 2
    fi

    # Its own folder under the bench's: a soak must not wipe, or be wiped by, the other figures.
    local out=$root/$BENCH_OUTPUT work=$root/$BENCH_OUTPUT/soak
    rm -rf "$work" "$out/soak.json" "$out/soak.txt"
    mkdir -p "$work/logs"

    echo "==> packaging the functions"
    cmd_package
    echo "==> building chronoview-bench and chronoview-local (release, static Swift runtime, as packaged)"
    bench_build chronoview-bench chronoview-local
    local bin
    bin=$(swift build -c release --scratch-path "$PACKAGE_SCRATCH" --show-bin-path)

    trap bench_stop_services EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    bench_start_postgres "$work/postgres"
    local port concurrency=16
    port=$(postgres_free_port)
    # As many environments per function as clients, as Lambda would scale to.
    bench_start_api "$bin" "$port" "$work/logs/serve.log" "$concurrency"

    echo "==> soaking for $minutes min at concurrency $concurrency (BCRYPT_COST=$BCRYPT_COST)"
    local status=0
    "$bin/chronoview-bench" soak --port "$port" --serve-pid "$BENCH_API_PID" --minutes "$minutes" \
        --concurrency "$concurrency" --database-url "$DATABASE_URL" --psql "$(postgres_bin_dir)/psql" \
        --bcrypt-cost "$BCRYPT_COST" --json "$out/soak.json" | tee "$out/soak.txt" || status=$?
    bench_stop_services
    if [ "$status" -ne 0 ]; then
        echo "error: the soak failed (figures in $BENCH_OUTPUT/soak.json, the local API's log in $BENCH_OUTPUT/soak/logs)" >&2
    fi
    return "$status"
}
