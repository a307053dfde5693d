#!/usr/bin/env bash
# Fails if a function's executable links Foundation or ICU; only FoundationEssentials is allowed.
#
#   scripts/check-no-foundation.sh BINARY...    unstripped executables, named after their function
#
# Why: Foundation (swift-corelibs-foundation), FoundationInternationalization,
# FoundationNetworking and FoundationXML all bring ICU, whose data alone is 32 MiB of every
# bootstrap; FoundationEssentials (Data, Date, URL, JSON coding, ...) does not. One
# `import Foundation`, in our code or in a dependency, brings all of it back without any
# error or warning (BENCHMARKS.md, "The package-size decision"), so packaging checks for it.
#
# How: swift-aws-lambda-runtime's CI (.github/workflows/scripts/check-link-foundation.sh)
# builds an example without --static-swift-stdlib and fails when `ldd` lists
# libFoundation.so, libFoundationInternationalization.so or lib_FoundationICU.so. Our
# bootstraps link the Swift libraries statically, so there is no shared library to see; we
# read the symbol table of the unstripped binary instead, and look for:
#  - Swift symbols of, or naming, those four modules. They are demangled rather than matched
#    by prefix: `$s10Foundation` misses the extensions Foundation adds to FoundationEssentials
#    types, whose names start with `$s20FoundationEssentials` and spell Foundation as a word
#    substitution (`...V0A0E...` is "(extension in Foundation)");
#  - CoreFoundation, which only Foundation links (`__CFInitialize`);
#  - ICU: its data (`icudt76_dat`), its C++ namespace (`icu_76`), its C API (`ucol_open`, ...,
#    renamed `swift_ucol_open` in swift-foundation-icu);
#  - and, like the runtime's CI, NEEDED shared libraries of Foundation or ICU, for a binary
#    that was linked without --static-swift-stdlib.
set -euo pipefail

# Modules whose presence is the failure; FoundationEssentials is what they must be replaced by.
FORBIDDEN_MODULES="Foundation FoundationInternationalization FoundationNetworking FoundationXML"
# Their names in demangled text: `Foundation.NSString`, `(extension in Foundation):...`,
# `Array<Foundation.URLQueryItem>`; not `FoundationEssentials.Data`, nor a type of ours that
# happens to be called Foundation (`Core.Foundation`).
MODULES_REGEX="(^|[^A-Za-z0-9_.])(${FORBIDDEN_MODULES// /|})[.)]"

# The toolchain's demangler: on PATH, or beside `swift`.
demangler() {
    local swift
    if command -v swift-demangle; then
        return
    elif swift=$(command -v swift) && [ -x "$(dirname "$(readlink -f "$swift")")/swift-demangle" ]; then
        echo "$(dirname "$(readlink -f "$swift")")/swift-demangle"
    else
        echo "error: swift-demangle not found (it comes with the Swift toolchain)" >&2
        return 2
    fi
}

# Prints one line per finding in binary $1; prints nothing for a clean binary. $2 is a
# scratch directory.
findings_of() {
    local bin=$1 tmp=$2 found count
    if ! readelf -h "$bin" >/dev/null 2>&1; then
        echo "cannot check: not an ELF file"
        return
    fi
    found=$(readelf -d -W "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' |
        grep -E '^lib(Foundation|FoundationInternationalization|FoundationNetworking|FoundationXML|_FoundationICU|icu[a-z0-9]*)\.so' |
        paste -sd ' ' || true)
    [ -z "$found" ] || echo "shared libraries: $found"

    # A stripped binary would pass for want of symbols: refuse it instead.
    if ! readelf -S -W "$bin" | grep -q ' \.symtab '; then
        echo "cannot check: no symbol table (stripped?); pass the unstripped binary from the build folder"
        return
    fi
    nm --defined-only "$bin" | awk 'NF == 3 { print $3 }' >"$tmp/symbols"

    # Every symbol that names one of those modules spells "Foundation" at least once.
    grep -F Foundation "$tmp/symbols" | "$DEMANGLE" --compact | grep -E "$MODULES_REGEX" >"$tmp/swift" || true
    if [ -s "$tmp/swift" ]; then
        count=$(wc -l <"$tmp/swift")
        echo "Swift modules $(grep -oE "$MODULES_REGEX" "$tmp/swift" | sed -E 's/^[^A-Za-z]*//; s/[.)]$//' |
            sort -u | paste -sd ' ') ($count symbols), e.g. $(awk '{ print length, $0 }' "$tmp/swift" |
            sort -n | head -n 2 | cut -d' ' -f2- | paste -sd ',' | sed 's/,/, /')"
        found=$(referrers_of "$(dirname "$bin")/$(basename "$bin").product/Objects.LinkFileList" "$tmp")
        [ -z "$found" ] || echo "asked for by (undefined references, per module): $found"
    fi
    found=$(grep -xE '_?_CFInitialize' "$tmp/symbols" | paste -sd ' ' || true)
    [ -z "$found" ] || echo "CoreFoundation: $found"
    grep -E '^icudt[0-9]+[a-z]?_dat$|^_Z.*[^0-9]6icu_[0-9]{2}|^(swift_)?u(col|brk|cal|dat|num|loc|res|cnv|set|norm2|regex|trans)_[A-Za-z]' \
        "$tmp/symbols" >"$tmp/icu" || true
    if [ -s "$tmp/icu" ]; then
        echo "ICU ($(wc -l <"$tmp/icu") symbols), e.g. $({ grep -E '^icudt' "$tmp/icu" | head -n 1
            grep -E '^(swift_)?u' "$tmp/icu" | head -n 2; } | paste -sd ' ')"
    fi
}

# The binary says that Foundation is there, not who wanted it. The objects SwiftPM linked
# (listed in $1, <function>.product/Objects.LinkFileList) do: prints their modules that have
# undefined references to the forbidden modules, most references first.
referrers_of() {
    local list=$1 tmp=$2
    [ -f "$list" ] || return 0
    tr '\n' '\0' <"$list" | xargs -0 nm -A -u 2>/dev/null |
        awk '$NF ~ /Foundation/ { module = $1; sub(/\.build\/[^\/]*$/, "", module); sub(/.*\//, "", module)
            print module > "'"$tmp"'/modules"; print $NF }' >"$tmp/undefined" || true
    [ -s "$tmp/undefined" ] || return 0
    "$DEMANGLE" --compact <"$tmp/undefined" | paste "$tmp/modules" - |
        awk -F '\t' -v re="$MODULES_REGEX" '$2 ~ re { print $1 }' | sort | uniq -c | sort -rn |
        awk '{ printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1 }'
}

check() {
    local bin failed=0 found
    if ! command -v nm >/dev/null || ! command -v readelf >/dev/null; then
        echo "error: nm/readelf not found; install binutils" >&2
        return 2
    fi
    DEMANGLE=$(demangler) || return 2
    local tmp
    tmp=$(mktemp -d)
    # shellcheck disable=SC2064
    trap "rm -rf '$tmp'" RETURN
    for bin in "$@"; do
        found=$(findings_of "$bin" "$tmp")
        if grep -q '^cannot check: ' <<<"$found"; then
            echo "FAIL $bin cannot be checked:" >&2
            sed 's/^cannot check: //; s/^/    /' <<<"$found" >&2
            failed=1
        elif [ -n "$found" ]; then
            echo "FAIL $(basename "$bin") links Foundation or ICU (only FoundationEssentials is allowed):" >&2
            sed 's/^/    /' <<<"$found" >&2
            echo "    look for \`import Foundation\` (or FoundationNetworking, ...) in the function's modules and in the packages they use" >&2
            failed=1
        else
            echo "ok   $(basename "$bin") links neither Foundation nor ICU"
        fi
    done
    return $failed
}

case "${1:-}" in
    "" | -h | --help)
        sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
        [ -n "${1:-}" ]
        ;;
    *) check "$@" ;;
esac
