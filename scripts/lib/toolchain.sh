# Host tools the build needs: finding them, and installing the missing ones from Debian.

# apt_install COMMAND PACKAGE [COMMAND PACKAGE...]: installs each PACKAGE whose COMMAND is
# missing, with a single apt-get update for all of them.
apt_install() {
    local missing=()
    while [ $# -ge 2 ]; do
        command -v "$1" >/dev/null || missing+=("$2")
        shift 2
    done
    apt_get_install "${missing[@]}"
}

# apt_install_packages PACKAGE...: installs each PACKAGE that dpkg does not have, for the
# packages that bring files (libraries, JavaScript modules) rather than a command.
apt_install_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
    done
    apt_get_install "${missing[@]}"
}

# apt_get_install [PACKAGE...]: apt-get install, as root on Debian; nothing to do for none.
apt_get_install() {
    [ $# -eq 0 ] && return 0
    echo "==> installing $*"
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "error: missing $*; install them with your package manager" >&2
        return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The directory of the Swift toolchain's binaries; its clang is the one swiftc links with.
swift_toolchain_bin() {
    local swift
    swift=$(command -v swift) || { echo "error: swift is not on PATH" >&2; return 1; }
    dirname "$(readlink -f "$swift")"
}

# Echoes a size in bytes as MiB with one decimal.
human_size() {
    awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'
}

# stop_process PID: asks a server we started in the background to stop (SIGTERM: background
# jobs ignore SIGINT) and waits for it; nothing when PID is empty or has already ended.
stop_process() {
    local pid=$1
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}

# The C libraries the Swift package links: libpq's headers and library (the CLibPQ module).
# Every command that runs `swift build` calls this first.
swift_build_dependencies() {
    apt_install_packages libpq-dev
}
