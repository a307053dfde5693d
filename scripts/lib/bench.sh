# shellcheck shell=bash
# shellcheck disable=SC2154 # root is set by build.sh, which sources this file.
# `./build.sh bench`: what a Lambda user pays for (cold start, per-invocation time, memory,
# package size) and what an API user feels (latency), measured in one bounded run.
#
#   1. runtime    the echo function (RuntimeFixture, FIXTURE_MODE=bytes) against SocketFloor
#   2. functions  every packaged function with its database and typical request
#   3. endtoend   routes through `chronoview-local serve`, beside pgbench and bcrypt floors
#   4. marketdata Ingest throughput with 100,000 active alerts, GET /api/candles over two years
#                 of minutes, bytes per stored minute (a database of its own)
#   5. realtime   push latency from the end of an ingestion to the last of 1, 100 and 1,000
#                 WebSocket subscribers through the local WebSocket API, memory per open
#                 connection (a database of its own)
#
# Everything is release-built as it is deployed: the functions by `./build.sh package`, the
# benchmark programs in the same scratch folder with the same flags, so that they reuse its
# compiled dependencies instead of building them a second time. Loopback only; every process
# it starts (function processes, the local API, PostgreSQL) is stopped on the way out.
# Output: a table on stdout, each part's figures in .build/bench/*.json, all of them in
# .build/bench/results.json. Options: --quick (fewer samples, for trying the harness out).

BENCH_OUTPUT=.build/bench
# What bench_stop_services has to stop; globals, because the EXIT trap may run after the
# function that started them has returned.
BENCH_API_PID=""
BENCH_POSTGRES_DIR=""

# bench_build PRODUCT...: release-builds benchmark programs in the packaging scratch folder with
# the packaging flags, so that they reuse its compiled dependencies and run as deployed code does.
bench_build() {
    local flags product
    flags=$(package_al2023_link_flags) || return 1
    for product in "$@"; do
        # shellcheck disable=SC2086
        swift build -c release --scratch-path "$PACKAGE_SCRATCH" --static-swift-stdlib --product "$product" $flags ||
            return 1
    done
}

# bench_start_postgres DIR: a private PostgreSQL (fsync off) in DIR with an empty chronoview
# database; exports DATABASE_URL, a random JWT_SECRET, and BCRYPT_COST (12 unless set).
bench_start_postgres() {
    local dir=$1
    postgres_ensure_installed
    postgres_start "$dir" --ephemeral
    BENCH_POSTGRES_DIR=$dir
    "$(postgres_bin_dir)/psql" "$POSTGRES_URL" -qc "CREATE DATABASE chronoview" >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:$POSTGRES_PORT/chronoview?sslmode=disable"
    JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
    export JWT_SECRET
    export BCRYPT_COST=${BCRYPT_COST:-12}
}

# bench_start_api BIN PORT LOG MAX_ENVIRONMENTS: `chronoview-local serve` from BIN (the release
# functions beside it) on 127.0.0.1:PORT in the background, its output in LOG; sets BENCH_API_PID
# and returns once it answers, or fails with the end of LOG. Without the template's route
# throttling: the load is meant to measure the functions, not API Gateway's per-route limits.
bench_start_api() {
    local bin=$1 port=$2 log=$3 environments=$4
    "$bin/chronoview-local" serve --template "$root/template.yaml" --build-path "$bin" \
        --port "$port" --host 127.0.0.1 --max-environments "$environments" --no-throttling >"$log" 2>&1 &
    BENCH_API_PID=$!
    if ! bench_wait_for_api "$port" "$BENCH_API_PID"; then
        echo "error: the local API did not come up; the end of $log:" >&2
        tail -n 20 "$log" >&2
        return 1
    fi
}

# Stops what bench_start_api and bench_start_postgres started: the local API first (it stops
# its function processes), then the database. Safe to call twice; used as the EXIT trap.
bench_stop_services() {
    trap - EXIT INT TERM
    stop_process "$BENCH_API_PID"
    BENCH_API_PID=""
    if [ -n "$BENCH_POSTGRES_DIR" ]; then postgres_stop "$BENCH_POSTGRES_DIR"; fi
    BENCH_POSTGRES_DIR=""
}

# Succeeds once the local API answers GET /api/health; fails after 90 s or if PID has ended.
bench_wait_for_api() {
    local port=$1 pid=$2
    for _ in $(seq 1 180); do
        kill -0 "$pid" 2>/dev/null || return 1
        if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/api/health', timeout=5)" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

cmd_bench() {
    local quick=false
    while [ $# -gt 0 ]; do
        case "$1" in
            --quick) quick=true ;;
            *) echo "bench: unknown option $1" >&2; return 2 ;;
        esac
        shift
    done
    local spawns=30 invocations=20000 function_spawns=10 seconds=10 market=() realtime=()
    if $quick; then
        spawns=5 invocations=2000 function_spawns=3 seconds=2
        market=(--alerts 10000 --events 5 --years 0.1 --reads 20)
        realtime=(--rounds 30 --rounds 20 --rounds 10)
    fi

    local out=$root/$BENCH_OUTPUT
    rm -rf "$out"
    mkdir -p "$out/logs" "$out/bin"

    echo "==> packaging the functions"
    cmd_package
    echo "==> building the benchmark programs (release, static Swift runtime, as packaged)"
    local bin
    bench_build RuntimeFixture SocketFloor chronoview-bench
    bin=$(swift build -c release --scratch-path "$PACKAGE_SCRATCH" --show-bin-path)
    # Stripped, like every deployed bootstrap, so sizes and load times compare like for like.
    strip --strip-all -o "$out/bin/RuntimeFixture" "$bin/RuntimeFixture"
    strip --strip-all -o "$out/bin/SocketFloor" "$bin/SocketFloor"
    local bench=$bin/chronoview-bench

    "$bench" runtime --ours "$out/bin/RuntimeFixture" --floor "$out/bin/SocketFloor" \
        --spawns "$spawns" --invocations "$invocations" \
        --json "$out/runtime.json" --log-directory "$out/logs" | tee "$out/runtime.txt"

    trap bench_stop_services EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    bench_start_postgres "$out/postgres"

    "$bench" functions --lambda-directory "$root/$PACKAGE_OUTPUT" --spawns "$function_spawns" \
        --env "DATABASE_URL=$DATABASE_URL" --env "JWT_SECRET=$JWT_SECRET" --env "BCRYPT_COST=$BCRYPT_COST" \
        --json "$out/functions.json" --log-directory "$out/logs" | tee "$out/functions.txt"

    "$bench" bcrypt --cost "$BCRYPT_COST" --json "$out/bcrypt.json" | tee "$out/bcrypt.txt"

    # Its own database: 100,000 alerts and two years of candles would weigh on the other parts.
    "$(postgres_bin_dir)/psql" "$POSTGRES_URL" -qc "CREATE DATABASE marketdata" >/dev/null
    local market_url="postgres://postgres@127.0.0.1:$POSTGRES_PORT/marketdata?sslmode=disable"
    "$bench" marketdata --lambda-directory "$root/$PACKAGE_OUTPUT" "${market[@]}" \
        --env "DATABASE_URL=$market_url" --env "JWT_SECRET=$JWT_SECRET" --env "BCRYPT_COST=$BCRYPT_COST" \
        --database-url "$market_url" --json "$out/marketdata.json" --log-directory "$out/logs" |
        tee "$out/marketdata.txt"

    # Its own database too; the template's functions under the local Lambda service, with the
    # local Invoke and WebSocket APIs in the benchmark's own process.
    "$(postgres_bin_dir)/psql" "$POSTGRES_URL" -qc "CREATE DATABASE realtime" >/dev/null
    local realtime_url="postgres://postgres@127.0.0.1:$POSTGRES_PORT/realtime?sslmode=disable"
    "$bench" realtime --lambda-directory "$root/$PACKAGE_OUTPUT" --template "$root/template.yaml" "${realtime[@]}" \
        --env "DATABASE_URL=$realtime_url" --env "JWT_SECRET=$JWT_SECRET" --env "BCRYPT_COST=$BCRYPT_COST" \
        --json "$out/realtime.json" --log-directory "$out/logs" | tee "$out/realtime.txt"

    # Built last, and allowed to fail: the local API is the part most often mid-change, and
    # parts 1 and 2 do not need it. As many environments per function as the highest
    # concurrency, as Lambda would scale to.
    local port
    port=$(postgres_free_port)
    if ! bench_build chronoview-local; then
        echo "error: chronoview-local did not build; skipping the end-to-end part" >&2
    elif bench_start_api "$bin" "$port" "$out/logs/serve.log" 8; then
        "$bench" endtoend --port "$port" --seconds "$seconds" --database-url "$DATABASE_URL" \
            --bcrypt-json "$out/bcrypt.json" --json "$out/endtoend.json" --work-directory "$out" |
            tee "$out/endtoend.txt" || echo "error: the end-to-end benchmark failed" >&2
    fi
    bench_stop_services

    python3 - "$out" <<'PY'
import json, os, platform, sys, datetime
out = sys.argv[1]
results = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "machine": {"cpus": os.cpu_count(), "kernel": platform.release()}}
for part in ("runtime", "functions", "bcrypt", "endtoend", "marketdata", "realtime"):
    path = os.path.join(out, part + ".json")
    if os.path.exists(path):
        with open(path) as f:
            results[part] = json.load(f)
with open(os.path.join(out, "results.json"), "w") as f:
    json.dump(results, f, indent=2, sort_keys=True)
PY
    echo
    echo "==> summary (figures in $BENCH_OUTPUT/results.json)"
    cat "$out"/runtime.txt "$out"/functions.txt "$out"/bcrypt.txt "$out"/endtoend.txt "$out"/marketdata.txt \
        "$out"/realtime.txt 2>/dev/null
}
