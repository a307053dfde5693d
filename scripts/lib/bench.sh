# `./build.sh bench`: what a Lambda user pays for (cold start, per-invocation time, memory,
# package size) and what an API user feels (latency), measured in one bounded run.
#
#   1. runtime    the echo function (RuntimeFixture, FIXTURE_MODE=bytes) against SocketFloor
#   2. functions  every packaged function with its database and typical request
#   3. endtoend   routes through `chronoview-local serve`, beside pgbench and bcrypt floors
#
# Everything is release-built as it is deployed: the functions by `./build.sh package`, the
# benchmark programs in the same scratch folder with the same flags, so that they reuse its
# compiled dependencies instead of building them a second time. Loopback only; every process
# it starts (function processes, the local API, PostgreSQL) is stopped on the way out.
# Output: a table on stdout, each part's figures in .build/bench/*.json, all of them in
# .build/bench/results.json. Options: --quick (fewer samples, for trying the harness out).

BENCH_OUTPUT=.build/bench

# Echoes the base URL's health status once the local API answers, or fails after 90 s.
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
    local spawns=30 invocations=20000 function_spawns=10 seconds=10
    if $quick; then spawns=5 invocations=2000 function_spawns=3 seconds=2; fi

    local out=$root/$BENCH_OUTPUT
    rm -rf "$out"
    mkdir -p "$out/logs" "$out/bin"

    echo "==> packaging the functions"
    cmd_package
    echo "==> building the benchmark programs (release, static Swift runtime, as packaged)"
    local flags bin product
    flags=$(package_al2023_link_flags)
    for product in RuntimeFixture SocketFloor chronoview-bench; do
        # shellcheck disable=SC2086
        swift build -c release --scratch-path "$PACKAGE_SCRATCH" --static-swift-stdlib --product "$product" $flags
    done
    bin=$(swift build -c release --scratch-path "$PACKAGE_SCRATCH" --show-bin-path)
    # Stripped, like every deployed bootstrap, so sizes and load times compare like for like.
    strip --strip-all -o "$out/bin/RuntimeFixture" "$bin/RuntimeFixture"
    strip --strip-all -o "$out/bin/SocketFloor" "$bin/SocketFloor"
    local bench=$bin/chronoview-bench

    "$bench" runtime --ours "$out/bin/RuntimeFixture" --floor "$out/bin/SocketFloor" \
        --spawns "$spawns" --invocations "$invocations" \
        --json "$out/runtime.json" --log-directory "$out/logs" | tee "$out/runtime.txt"

    local bench_pid="" started_postgres=false
    bench_cleanup() {
        trap - EXIT INT TERM
        if [ -n "$bench_pid" ] && kill -0 "$bench_pid" 2>/dev/null; then
            kill -TERM "$bench_pid" 2>/dev/null || true
            wait "$bench_pid" 2>/dev/null || true
        fi
        if $started_postgres; then postgres_stop "$out/postgres"; fi
    }
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    postgres_ensure_installed
    postgres_start "$out/postgres" --ephemeral
    started_postgres=true
    "$(postgres_bin_dir)/psql" "$POSTGRES_URL" -qc "CREATE DATABASE chronoview" >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:$POSTGRES_PORT/chronoview?sslmode=disable"
    JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
    export JWT_SECRET
    export BCRYPT_COST=${BCRYPT_COST:-12}

    "$bench" functions --lambda-directory "$root/$PACKAGE_OUTPUT" --spawns "$function_spawns" \
        --env "DATABASE_URL=$DATABASE_URL" --env "JWT_SECRET=$JWT_SECRET" --env "BCRYPT_COST=$BCRYPT_COST" \
        --json "$out/functions.json" --log-directory "$out/logs" | tee "$out/functions.txt"

    "$bench" bcrypt --cost "$BCRYPT_COST" --json "$out/bcrypt.json" | tee "$out/bcrypt.txt"

    # Built last, and allowed to fail: the local API is the part most often mid-change, and
    # parts 1 and 2 do not need it.
    local api_built=true
    # shellcheck disable=SC2086
    swift build -c release --scratch-path "$PACKAGE_SCRATCH" --static-swift-stdlib --product chronoview-local $flags ||
        api_built=false
    local port
    port=$(postgres_free_port)
    # As many environments per function as the highest concurrency, as Lambda would scale to.
    if $api_built; then
        "$bin/chronoview-local" serve --template "$root/template.yaml" --build-path "$bin" \
            --port "$port" --host 127.0.0.1 --max-environments 8 >"$out/logs/serve.log" 2>&1 &
        bench_pid=$!
    fi
    if ! $api_built; then
        echo "error: chronoview-local did not build; skipping the end-to-end part" >&2
    elif bench_wait_for_api "$port" "$bench_pid"; then
        "$bench" endtoend --port "$port" --seconds "$seconds" --database-url "$DATABASE_URL" \
            --bcrypt-json "$out/bcrypt.json" --json "$out/endtoend.json" --work-directory "$out" |
            tee "$out/endtoend.txt" || echo "error: the end-to-end benchmark failed" >&2
    else
        echo "error: the local API did not come up; the end of $BENCH_OUTPUT/logs/serve.log:" >&2
        tail -n 20 "$out/logs/serve.log" >&2
    fi
    bench_cleanup

    python3 - "$out" <<'PY'
import json, os, platform, sys, datetime
out = sys.argv[1]
results = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "machine": {"cpus": os.cpu_count(), "kernel": platform.release()}}
for part in ("runtime", "functions", "bcrypt", "endtoend"):
    path = os.path.join(out, part + ".json")
    if os.path.exists(path):
        with open(path) as f:
            results[part] = json.load(f)
with open(os.path.join(out, "results.json"), "w") as f:
    json.dump(results, f, indent=2, sort_keys=True)
PY
    echo
    echo "==> summary (figures in $BENCH_OUTPUT/results.json)"
    cat "$out"/runtime.txt "$out"/functions.txt "$out"/bcrypt.txt "$out"/endtoend.txt 2>/dev/null
}
