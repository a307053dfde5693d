# shellcheck shell=bash
# shellcheck disable=SC2154 # root is set by build.sh, which sources this file.
# `./build.sh serve [options]`: the app and the whole API on http://127.0.0.1:3000, as
# CloudFront, API Gateway and Lambda would run them, backed by real function processes and a
# real PostgreSQL.
#
# Builds the functions and chronoview-local (debug: the second run is incremental) and the
# app (scripts/lib/app.sh), starts
# an embedded PostgreSQL with its data in .chronoview/postgres unless DATABASE_URL is set,
# keeps a development JWT_SECRET in .chronoview/jwt-secret unless JWT_SECRET is set, and runs
# `chronoview-local serve` with the remaining options (--port, --host, --env-file, ...).
# Ctrl-C or SIGTERM stops the server, its function processes and the database.

SERVE_STATE_DIR=.chronoview
# What serve_cleanup has to stop; globals, since the EXIT trap runs after cmd_serve returns.
SERVE_PID=""
SERVE_STARTED_POSTGRES=false

# Echoes the development JWT secret, creating it (mode 600) on first use.
serve_jwt_secret() {
    local file=$root/$SERVE_STATE_DIR/jwt-secret
    if [ ! -s "$file" ]; then
        (
            umask 077
            # 48 random bytes: well over the 32 that the functions require.
            head -c 48 /dev/urandom | base64 | tr -d '\n' >"$file.tmp"
            mv "$file.tmp" "$file"
        )
        echo "==> created a development JWT secret in $SERVE_STATE_DIR/jwt-secret" >&2
    fi
    chmod 600 "$file"
    cat "$file"
}

# Creates the chronoview database on the embedded server if it is not there yet.
serve_create_database() {
    local psql
    psql=$(postgres_bin_dir)/psql
    if ! "$psql" "$POSTGRES_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = 'chronoview'" | grep -q 1; then
        "$psql" "$POSTGRES_URL" -qc "CREATE DATABASE chronoview" >/dev/null
    fi
}

cmd_serve() {
    mkdir -p "$root/$SERVE_STATE_DIR"

    echo "==> building the functions and chronoview-local"
    swift_build_dependencies
    # Every function is its own executable: build them all, and the CLI (nothing of the tests).
    swift build -q
    local bin_path
    bin_path=$(swift build --show-bin-path)
    app_build

    trap serve_cleanup EXIT
    # A signal ends the wait below; EXIT then cleans up.
    trap 'exit 130' INT
    trap 'exit 143' TERM

    if [ -z "${DATABASE_URL:-}" ]; then
        postgres_ensure_installed
        SERVE_STARTED_POSTGRES=true
        postgres_start "$root/$SERVE_STATE_DIR/postgres"
        serve_create_database
        export DATABASE_URL="postgres://postgres@127.0.0.1:$POSTGRES_PORT/chronoview?sslmode=disable"
    else
        echo "==> using the database at DATABASE_URL"
    fi
    if [ -z "${JWT_SECRET:-}" ]; then
        JWT_SECRET=$(serve_jwt_secret)
        export JWT_SECRET
    fi

    # In the background so that this shell keeps receiving signals and can clean up after it;
    # background jobs ignore SIGINT, so the server is stopped with SIGTERM.
    "$bin_path/chronoview-local" serve --template "$root/template.yaml" --build-path "$bin_path" \
        --app "$root/$APP_OUTPUT_DIR" "$@" &
    SERVE_PID=$!
    local status=0
    wait "$SERVE_PID" || status=$?
    SERVE_PID=""
    return "$status"
}

# Runs on every way out: the server first (it stops its function processes), then the database.
serve_cleanup() {
    trap - EXIT INT TERM
    stop_process "$SERVE_PID"
    SERVE_PID=""
    if $SERVE_STARTED_POSTGRES; then
        echo "==> stopping PostgreSQL"
        postgres_stop "$root/$SERVE_STATE_DIR/postgres"
        SERVE_STARTED_POSTGRES=false
    fi
}
