# A private PostgreSQL server for the tests and for `./build.sh serve`.
#
# Layout of a server directory DIR (everything the server writes stays inside it):
#   DIR/data           the cluster, created by initdb on first start
#   DIR/socket         the unix socket directory
#   DIR/postgres.log   the server log
#
# postgres_start DIR [--ephemeral]  starts it on a free loopback port and exports
#   POSTGRES_URL, POSTGRES_PORT, POSTGRES_SOCKET_DIR, POSTGRES_PGDATA, POSTGRES_LOG,
#   POSTGRES_PG_CTL (absolute path) and POSTGRES_RUN_AS (command prefix that runs a
#   command as the server's user; empty when not root). --ephemeral trades durability
#   for speed (fsync off), for data that is thrown away anyway.
# postgres_stop DIR  stops it; safe to call when it is not running.
#
# The port, socket directory and other settings live in DIR/data/chronoview.conf rather
# than on pg_ctl's command line, so that `$POSTGRES_RUN_AS $POSTGRES_PG_CTL -D
# $POSTGRES_PGDATA -l $POSTGRES_LOG -w start` brings the server back exactly as it was:
# the database fault tests stop and restart it that way.

# The user that owns the cluster when we are root: PostgreSQL refuses to run as root.
POSTGRES_SYSTEM_USER_FALLBACK=chronoview-pg

# Echoes the directory holding initdb, pg_ctl, postgres and the matching psql; fails if there
# is none.
postgres_bin_dir() {
    local dir on_path
    on_path=$(command -v pg_ctl 2>/dev/null) || on_path=/nonexistent/pg_ctl
    # A pg_ctl on PATH is often a lone symlink into the real directory, which is the one that
    # also has psql. Debian keeps the server binaries out of PATH altogether, so look in its
    # versioned directories too, newest first.
    for dir in "$(dirname "$(readlink -m "$on_path")")" \
        $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5 -rn); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

postgres_ensure_installed() {
    if postgres_bin_dir >/dev/null; then
        return 0
    fi
    echo "==> installing PostgreSQL (initdb/pg_ctl not found)"
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "error: PostgreSQL server binaries are missing; install the 'postgresql' package" >&2
        return 1
    fi
    # The package's own cluster is of no use to us and would only hold port 5432 if started.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/chronoview.conf
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    postgres_bin_dir >/dev/null || {
        echo "error: PostgreSQL was installed but initdb/pg_ctl are still missing" >&2
        return 1
    }
}

# Sets POSTGRES_RUN_AS (a command prefix) and POSTGRES_OS_USER.
postgres_pick_user() {
    if [ "$(id -u)" -ne 0 ]; then
        POSTGRES_OS_USER=$(id -un)
        POSTGRES_RUN_AS=""
        return 0
    fi
    if id postgres >/dev/null 2>&1; then
        POSTGRES_OS_USER=postgres
    else
        POSTGRES_OS_USER=$POSTGRES_SYSTEM_USER_FALLBACK
        id "$POSTGRES_OS_USER" >/dev/null 2>&1 ||
            useradd --system --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin "$POSTGRES_OS_USER"
    fi
    # runuser needs no password and no PAM session, and keeps the environment.
    POSTGRES_RUN_AS="runuser -u $POSTGRES_OS_USER --"
}

# Echoes a TCP port on 127.0.0.1 that nothing listens on right now.
postgres_free_port() {
    python3 - <<'PY'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# Runs a command as the server's user, from a directory that user can read: the caller's
# working directory may be closed to it, which initdb and postgres refuse to start from.
postgres_as_user() {
    local dir=$1
    shift
    # shellcheck disable=SC2086
    (cd "$dir" && $POSTGRES_RUN_AS "$@")
}

postgres_start() {
    local dir=$1 ephemeral=false
    shift
    while [ $# -gt 0 ]; do
        case "$1" in
            --ephemeral) ephemeral=true ;;
            *) echo "postgres_start: unknown option $1" >&2; return 2 ;;
        esac
        shift
    done

    local bin
    bin=$(postgres_bin_dir) || { echo "error: PostgreSQL is not installed" >&2; return 1; }
    postgres_pick_user

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local data=$dir/data socket=$dir/socket log=$dir/postgres.log
    # A unix socket path is limited to 107 bytes; a deep checkout would otherwise fail late
    # with a confusing bind error.
    if [ ${#socket} -gt 90 ]; then
        echo "error: $socket is too long for a unix socket path; use a shorter directory" >&2
        return 1
    fi
    mkdir -p "$data" "$socket"
    touch "$log"
    if [ -n "$POSTGRES_RUN_AS" ]; then
        chown "$POSTGRES_OS_USER" "$dir" "$data" "$socket" "$log"
        chmod 0700 "$data"
        # The server's user must be able to reach DIR from /.
        if ! postgres_as_user / test -x "$dir"; then
            echo "error: user $POSTGRES_OS_USER cannot reach $dir; put it under a world-searchable directory" >&2
            return 1
        fi
    fi

    if [ ! -s "$data/PG_VERSION" ]; then
        local locale=C
        # C.UTF-8 keeps sorting byte-wise (reproducible) but lets upper()/lower() know non-ASCII.
        if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=C.UTF-8; fi
        postgres_as_user "$dir" "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale="$locale" \
            --auth-local=trust --auth-host=trust --no-sync --no-instructions >"$dir/initdb.log" 2>&1 || {
            cat "$dir/initdb.log" >&2
            return 1
        }
        echo "include_if_exists = 'chronoview.conf'" >>"$data/postgresql.conf"
    fi

    local port
    for _ in 1 2 3; do
        port=$(postgres_free_port)
        {
            echo "# Written by scripts/lib/postgres.sh on every start."
            echo "listen_addresses = '127.0.0.1'"
            echo "port = $port"
            echo "unix_socket_directories = '$socket'"
            # Tests run many suites at once, each with its own pool.
            echo "max_connections = 300"
            if $ephemeral; then
                echo "fsync = off"
                echo "synchronous_commit = off"
                echo "full_page_writes = off"
            fi
        } >"$data/chronoview.conf"
        chown --reference="$data" "$data/chronoview.conf" 2>/dev/null || true
        if postgres_as_user "$dir" "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null; then
            export POSTGRES_PORT=$port
            export POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
            export POSTGRES_SOCKET_DIR=$socket
            export POSTGRES_PGDATA=$data
            export POSTGRES_LOG=$log
            export POSTGRES_PG_CTL=$bin/pg_ctl
            export POSTGRES_RUN_AS
            echo "==> PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data)"
            return 0
        fi
        # Another process may have taken the port between our probe and the server's bind.
        if ! tail -n 20 "$log" | grep -q 'could not bind\|could not create any TCP/IP sockets'; then
            break
        fi
        echo "==> port $port was taken, retrying" >&2
    done
    echo "error: PostgreSQL did not start; the end of $log:" >&2
    tail -n 30 "$log" >&2
    return 1
}

postgres_stop() {
    local dir=$1
    [ -d "$dir/data" ] || return 0
    dir=$(cd "$dir" && pwd)
    local bin
    bin=$(postgres_bin_dir) || return 0
    postgres_pick_user
    if postgres_as_user "$dir" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        # fast: roll back open transactions and disconnect clients instead of waiting for them.
        postgres_as_user "$dir" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null ||
            postgres_as_user "$dir" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
}
