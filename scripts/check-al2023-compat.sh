#!/usr/bin/env bash
# Fails unless every ELF binary given can be loaded by the Lambda `provided.al2023` runtime.
#
#   scripts/check-al2023-compat.sh BINARY...    check binaries (exit 1 on any finding)
#   scripts/check-al2023-compat.sh --self-test  prove the checker rejects what it must
#
# Amazon Linux 2023 ships glibc 2.34 and GCC 11's libstdc++/libgcc_s, while we build on a
# newer distribution: a binary that links here can still ask the loader for a symbol
# version AL2023 does not have, and then dies at start with "version `GLIBC_2.35' not
# found" before it prints anything. The limits below are the newest versions AL2023's
# libraries define; the allowed libraries are the ones every AL2023 image has.
set -euo pipefail

MAX_GLIBC=2.34
MAX_GLIBCXX=3.4.29
MAX_CXXABI=1.3.13
MAX_GCC=7.0.0
ALLOWED_NEEDED="libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libstdc++.so.6
libgcc_s.so.1 ld-linux-x86-64.so.2 ld-linux-aarch64.so.1"
ALLOWED_INTERP="/lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1"

ensure_binutils() {
    command -v readelf >/dev/null && command -v objdump >/dev/null && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binutils >/dev/null
    else
        echo "error: readelf/objdump not found; install binutils" >&2
        exit 2
    fi
}

# version_le A B: true when version A is not newer than B.
version_le() {
    [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$2" ]
}

# Prints one line per problem found in $1; prints nothing for a compatible binary.
problems_of() {
    local bin=$1 lib interp name version limit
    if ! readelf -h "$bin" >/dev/null 2>&1; then
        echo "not an ELF file"
        return
    fi
    interp=$(readelf -l -W "$bin" | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]/\1/p')
    if [ -n "$interp" ] && ! grep -qxF "$interp" <<<"${ALLOWED_INTERP// /$'\n'}"; then
        echo "program interpreter $interp"
    fi
    while read -r lib; do
        grep -qxF "$lib" <<<"${ALLOWED_NEEDED//[ ]/$'\n'}" || echo "NEEDED $lib (not on every AL2023 image)"
    done < <(readelf -d -W "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')

    # The version-needs section is what the loader checks, one entry per version used.
    while read -r name; do
        version=${name#*_}
        case "$name" in
            GLIBC_PRIVATE) limit="" ;;
            GLIBC_[0-9]*) limit=$MAX_GLIBC ;;
            GLIBCXX_[0-9]*) limit=$MAX_GLIBCXX ;;
            CXXABI_[0-9]*) limit=$MAX_CXXABI ;;
            GCC_[0-9]*) limit=$MAX_GCC ;;
            *) limit="" ;;
        esac
        if [ -z "$limit" ] || ! version_le "$version" "$limit"; then
            # Name the symbols, since they are what has to be fixed.
            local symbols
            symbols=$(objdump -T "$bin" | awk -v v="$name" '$0 ~ "[ (]" v "[) ]" {print $NF}' |
                sort -u | head -n 8 | tr '\n' ' ')
            echo "needs $name${limit:+ (newer than ${name%%_*}_$limit)}: ${symbols:-?}"
        fi
    done < <(readelf -V -W "$bin" | sed -n '/\.gnu\.version_r/,$p' |
        sed -n 's/.*Name: \([^ ]*\).*Flags.*/\1/p' | sort -u)
}

check() {
    local bin failed=0 found
    ensure_binutils
    for bin in "$@"; do
        found=$(problems_of "$bin")
        if [ -n "$found" ]; then
            echo "FAIL $bin would not run on provided.al2023:" >&2
            sed 's/^/    /' <<<"$found" >&2
            failed=1
        else
            echo "ok   $bin runs on provided.al2023 (glibc <= $MAX_GLIBC, libstdc++ <= $MAX_GLIBCXX)"
        fi
    done
    return $failed
}

# Builds binaries that must be rejected, and ones that must pass, and checks the verdicts.
self_test() {
    ensure_binutils
    if ! command -v gcc >/dev/null || ! command -v g++ >/dev/null; then
        echo "error: the self-test needs gcc and g++" >&2
        return 2
    fi
    local here dir failures=0
    here=$(cd "$(dirname "$0")" && pwd)
    dir=$(mktemp -d)
    # shellcheck disable=SC2064
    trap "rm -rf '$dir'" RETURN

    cat >"$dir/hypot.c" <<'C'
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    if (argc < 3) return 2;
    printf("%.17g %.9g\n", hypot(atof(argv[1]), atof(argv[2])), (double)hypotf(atof(argv[1]), atof(argv[2])));
    return 0;
}
C
    cat >"$dir/cv.cc" <<'CC'
#include <condition_variable>
#include <mutex>
std::mutex m; std::condition_variable cv; bool ready = true;
int main() { std::unique_lock<std::mutex> l(m); cv.wait(l, [] { return ready; }); return 0; }
CC
    cat >"$dir/arc4random.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
/* Fails when two draws repeat or arc4random_uniform leaves its range. */
int main(void) {
    unsigned char buffer[32] = {0};
    arc4random_buf(buffer, sizeof buffer);
    unsigned a = arc4random(), b = arc4random(), bad = 0;
    for (int i = 0; i < 1000; i++) bad |= arc4random_uniform(7) >= 7;
    printf("%u %u %u\n", a, b, buffer[0] | buffer[31]);
    return a == b || bad;
}
C
    cat >"$dir/extra.c" <<'C'
int extra(void) { return 1; }
C
    cat >"$dir/uses_extra.c" <<'C'
int extra(void);
int main(void) { return extra() - 1; }
C

    expect() {
        local want=$1 what=$2 bin=$3 got
        if check "$bin" >/dev/null 2>&1; then got=pass; else got=fail; fi
        if [ "$got" = "$want" ]; then
            echo "self-test ok: $what is $([ "$want" = pass ] && echo accepted || echo rejected)"
        else
            echo "self-test FAILED: $what should ${want} but did not:" >&2
            check "$bin" >&2 || true
            failures=$((failures + 1))
        fi
    }

    # Link the way swiftc does: gold when it is there. Linkers differ in how --wrap treats
    # versioned references, which is exactly what the shim must survive.
    local use_ld=()
    if command -v ld.gold >/dev/null; then use_ld=(-fuse-ld=gold); fi

    # A plain link against this machine's glibc picks the newest hypot version.
    gcc -O1 "${use_ld[@]}" -o "$dir/hypot-new" "$dir/hypot.c" -lm
    if readelf -V -W "$dir/hypot-new" | grep -q 'GLIBC_2\.3[5-9]\|GLIBC_2\.[4-9]'; then
        expect fail "a binary using hypot@GLIBC_2.35+" "$dir/hypot-new"
    else
        echo "self-test skipped: this glibc has no hypot newer than $MAX_GLIBC"
    fi
    # The same program linked through the compat shim, the way package.sh links bootstraps.
    local shim=$here/al2023-glibc-compat.c wraps
    wraps=$(grep -o '__wrap_[A-Za-z0-9_]*' "$shim" | sort -u | sed 's/^__wrap_/-Wl,--wrap=/' | tr '\n' ' ')
    gcc -O2 -Wall -Wextra -Werror -fPIC -c -o "$dir/compat.o" "$shim"
    # shellcheck disable=SC2086
    gcc -O1 "${use_ld[@]}" -o "$dir/hypot-compat" "$dir/hypot.c" "$dir/compat.o" -lm $wraps
    expect pass "the same binary linked through the compat shim" "$dir/hypot-compat"
    local want got
    want=$("$dir/hypot-new" 3 4)
    if ! got=$(timeout 10 "$dir/hypot-compat" 3 4) || [ "$got" != "$want" ]; then
        echo "self-test FAILED: hypot through the compat shim gave '$got', not '$want'" >&2
        failures=$((failures + 1))
    fi

    # arc4random has no version old enough: the shim must replace it, not rebind it.
    gcc -O1 "${use_ld[@]}" -o "$dir/arc4random-new" "$dir/arc4random.c"
    if readelf -V -W "$dir/arc4random-new" | grep -q 'GLIBC_2\.36'; then
        expect fail "a binary using arc4random@GLIBC_2.36" "$dir/arc4random-new"
    fi
    # shellcheck disable=SC2086
    gcc -O1 "${use_ld[@]}" -o "$dir/arc4random-compat" "$dir/arc4random.c" "$dir/compat.o" $wraps
    expect pass "the same binary linked through the compat shim" "$dir/arc4random-compat"
    if ! timeout 10 "$dir/arc4random-compat" >/dev/null; then
        echo "self-test FAILED: arc4random through the compat shim repeats or is out of range" >&2
        failures=$((failures + 1))
    fi

    g++ -O1 "${use_ld[@]}" -o "$dir/cv-shared" "$dir/cv.cc"
    if readelf -V -W "$dir/cv-shared" | grep -q 'GLIBCXX_3\.4\.3[0-9]'; then
        expect fail "a binary using libstdc++'s GLIBCXX_3.4.30 condition_variable::wait" "$dir/cv-shared"
    fi
    # Static libstdc++ brings its own arc4random call along, hence the shim here too.
    # shellcheck disable=SC2086
    g++ -O1 "${use_ld[@]}" -static-libstdc++ -o "$dir/cv-static" "$dir/cv.cc" "$dir/compat.o" $wraps
    expect pass "the same binary with libstdc++ linked in, through the compat shim" "$dir/cv-static"
    if ! timeout 10 "$dir/cv-static"; then
        echo "self-test FAILED: the static libstdc++ binary does not run" >&2
        failures=$((failures + 1))
    fi

    gcc -shared -fPIC -o "$dir/libextra.so" "$dir/extra.c"
    gcc -o "$dir/uses-extra" "$dir/uses_extra.c" -L"$dir" -lextra
    expect fail "a binary that needs a library AL2023 lacks" "$dir/uses-extra"

    echo "not an executable" >"$dir/text"
    expect fail "a file that is not ELF" "$dir/text"

    if [ $failures -ne 0 ]; then
        echo "AL2023 compatibility checker self-test: $failures failure(s)" >&2
        return 1
    fi
}

case "${1:-}" in
    --self-test) self_test ;;
    "" | -h | --help)
        sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
        [ -n "${1:-}" ]
        ;;
    *) check "$@" ;;
esac
