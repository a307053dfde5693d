# shellcheck shell=bash
# A static libpq for the packaged bootstraps: libpq_static_dir builds it (once per set of
# inputs) and echoes a directory that holds nothing but libpq.a.
#
# Why we build it ourselves: the database layer reaches PostgreSQL through libpq (the CLibPQ
# system-library module: `link "pq"`, `#include <postgresql/libpq-fe.h>`). Development and
# test builds link Debian's libpq.so from libpq-dev. A provided.al2023 bootstrap can't:
# AL2023 has no libpq.so.5, and Debian's libpq.a is built with GSSAPI and LDAP, which drag in
# krb5, SASL and GnuTLS, which have no static build and aren't on AL2023 either
# (BENCHMARKS.md, "The package-size decision"). So we build the *same* PostgreSQL version
# from Debian's source package, with OpenSSL as its only dependency, and merge libpq, the
# pgcommon/pgport helpers it needs and OpenSSL's static libssl/libcrypto into ONE libpq.a.
# The module map's single -lpq then links all of it statically: no link-order problem, and
# no separate -lssl/-lcrypto that could find Debian's shared OpenSSL.
#
# Because the version is the installed libpq-dev's, Debian's headers in /usr/include/postgresql
# (what the Swift shim includes) describe exactly this library.
#
# Layout, under $LIBPQ_SCRATCH:
#   lib/libpq.a            the library, alone: package.sh puts lib/ first on the link path.
#                          The path never changes, because it is passed with -Xswiftc, which
#                          reaches every compile command too: a new path would recompile every
#                          module, where a new library only needs a relink (package.sh sees to
#                          that by hashing it).
#   stamp                  the inputs lib/libpq.a was built from; when they change, it is rebuilt
#   VERSION/downloads/     the source package (.dsc, orig tarball, Debian changes), kept
#   VERSION/build.log      configure and make output of the last build (shown on failure)
#   VERSION/src/           the unpacked, patched tree while it is built

# Inside package.sh's scratch folder (.build-release), which is where its other link inputs live.
LIBPQ_SCRATCH=.build-release/libpq
# The deb-src entries we add when the machine has none (see libpq_ensure_deb_src).
LIBPQ_DEB_SRC_LIST=/etc/apt/sources.list.d/chronoview-deb-src.sources
# Everything libpq can use besides OpenSSL is switched off: each of these would be one more
# library to link statically and check against AL2023's glibc, and a Lambda function talking
# to RDS over TLS needs none of them. (Most are off by default in PostgreSQL 15; they are named
# so that a version whose defaults differ, like 16 where ICU is on by default, still gets the
# same minimal build.)
LIBPQ_CONFIGURE_FLAGS=(--with-openssl --without-gssapi --without-ldap --without-readline
    --without-icu --without-zlib --without-llvm --without-pam --without-systemd
    --without-lz4 --without-zstd --without-libxml --without-selinux --disable-nls)
# PIC because the objects end up in position-independent executables.
LIBPQ_CFLAGS="-O2 -fPIC"

# Echoes the absolute path of a directory holding a self-contained, static libpq.a for the
# installed libpq-dev's PostgreSQL version. Progress goes to stderr. Errors return 1 rather
# than relying on `set -e`, which bash switches off in the command substitution that calls
# this.
libpq_static_dir() {
    apt_install_packages libpq-dev libssl-dev dpkg-dev || return 1
    apt_install make make perl perl bzip2 bzip2 xz xz-utils objcopy binutils || return 1

    local source_package source_version openssl_version cc stamp dir out=$LIBPQ_SCRATCH/lib
    source_package=$(dpkg-query -W -f='${source:Package}' libpq-dev) || return 1
    source_version=$(dpkg-query -W -f='${source:Version}' libpq-dev) || return 1
    openssl_version=$(dpkg-query -W -f='${Version}' libssl-dev) || return 1
    cc=$(swift_toolchain_bin)/clang || return 1
    # '+' and ':' trip up ar's MRI scripts and are awkward in paths.
    dir=$LIBPQ_SCRATCH/${source_version//[^A-Za-z0-9._-]/_}
    stamp=$(
        echo "postgresql: $source_package $source_version"
        echo "openssl: libssl-dev $openssl_version"
        echo "configure: ${LIBPQ_CONFIGURE_FLAGS[*]} CFLAGS=$LIBPQ_CFLAGS"
        echo "cc: $("$cc" --version | head -n 1)"
        echo "arch: $(uname -m)"
        echo "script: $(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)"
    ) || return 1

    if [ -f "$out/libpq.a" ] && [ -f "$LIBPQ_SCRATCH/stamp" ] && [ "$(cat "$LIBPQ_SCRATCH/stamp")" = "$stamp" ]; then
        (cd "$out" && pwd)
        return
    fi

    echo "==> building a static libpq ($source_package $source_version, OpenSSL $openssl_version) in $dir" >&2
    local started=$SECONDS
    rm -rf "$out" "$LIBPQ_SCRATCH/stamp" "$dir/src" "$dir/merge"
    mkdir -p "$dir/downloads" || return 1
    : >"$dir/build.log"
    libpq_fetch_source "$source_package" "$source_version" "$dir" || return 1
    libpq_build "$cc" "$dir" || return 1
    libpq_merge "$cc" "$dir" "$out" || return 1
    echo "$stamp" >"$LIBPQ_SCRATCH/stamp"
    rm -rf "$dir/src"
    echo "==> static libpq built in $((SECONDS - started)) s: $out/libpq.a ($(human_size "$(stat -c %s "$out/libpq.a")"))" >&2
    (cd "$out" && pwd)
}

# libpq_fetch_source PACKAGE VERSION DIR: the source package in DIR/downloads (kept across
# rebuilds, so a changed flag does not download again), unpacked with Debian's patches to
# DIR/src.
libpq_fetch_source() {
    local package=$1 version=$2 dir=$3 dsc
    dsc=$dir/downloads/${package}_${version#*:}.dsc
    if [ ! -f "$dsc" ]; then
        libpq_ensure_deb_src "$package" "$version" || return 1
        echo "==> downloading the source of $package $version" >&2
        # As root apt would warn that its _apt user can't write here; the files are checked
        # against the signed Sources index either way.
        if ! (cd "$dir/downloads" &&
            apt-get source -qq --download-only -o APT::Sandbox::User=root "$package=$version") \
            >>"$dir/build.log" 2>&1; then
            libpq_fail "$dir" "apt-get source $package=$version failed"
            return 1
        fi
    fi
    # --no-copy: the orig tarball stays in downloads/ instead of being copied beside src/.
    if ! dpkg-source --no-copy -x "$dsc" "$dir/src" >>"$dir/build.log" 2>&1; then
        libpq_fail "$dir" "dpkg-source could not unpack $dsc"
        return 1
    fi
}

# libpq_ensure_deb_src PACKAGE VERSION: makes apt know the source package, adding deb-src
# entries for Debian's own archive when there are none. They mirror the deb entries of
# /etc/apt/sources.list.d/debian.sources (URIs, suites, components, Signed-By), so the
# source comes from the same archive, verified with the same key, as the installed libpq-dev.
libpq_ensure_deb_src() {
    local package=$1 version=$2 debian=/etc/apt/sources.list.d/debian.sources
    libpq_source_known "$package" "$version" && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: apt has no deb-src entry for $package $version; add one (see $LIBPQ_DEB_SRC_LIST in scripts/lib/libpq.sh) or run as root" >&2
        return 1
    fi
    if [ ! -f "$LIBPQ_DEB_SRC_LIST" ]; then
        if [ ! -f "$debian" ]; then
            echo "error: $debian not found: add a deb-src entry for Debian's archive yourself" >&2
            return 1
        fi
        echo "==> adding deb-src entries for Debian's archive: $LIBPQ_DEB_SRC_LIST" >&2
        {
            echo "# Added by ChronoView's build.sh (scripts/lib/libpq.sh) to fetch the PostgreSQL"
            echo "# sources that the Lambda packages' static libpq is built from; mirrors $debian."
            echo
            # One deb-src stanza per enabled deb stanza, comments left out.
            awk '
                BEGIN { RS = ""; FS = "\n" }
                {
                    types = ""; enabled = 1; body = ""
                    for (i = 1; i <= NF; i++) {
                        if ($i ~ /^#/) continue
                        if (tolower($i) ~ /^types:/) { types = $i; continue }
                        if (tolower($i) ~ /^enabled:[ \t]*no/) enabled = 0
                        body = body $i "\n"
                    }
                    if (enabled && types ~ /[: \t]deb([ \t]|$)/)
                        printf "%sTypes: deb-src\n%s", (n++ ? "\n" : ""), body
                }
            ' "$debian"
        } >"$LIBPQ_DEB_SRC_LIST.tmp" && mv "$LIBPQ_DEB_SRC_LIST.tmp" "$LIBPQ_DEB_SRC_LIST" || return 1
    fi
    echo "==> apt-get update (for the deb-src entries)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    if ! libpq_source_known "$package" "$version"; then
        echo "error: Debian's archive no longer has the source of $package $version (what libpq-dev is);" >&2
        echo "       upgrade libpq-dev to the archive's version, or add snapshot.debian.org as a deb-src entry" >&2
        return 1
    fi
}

# True when apt knows the source package PACKAGE at exactly VERSION. (Not `grep -q`: it stops
# reading at the first match, and apt-cache's SIGPIPE would then fail the pipeline.)
libpq_source_known() {
    apt-cache showsrc "$1" 2>/dev/null | grep -xF "Version: $2" >/dev/null
}

# libpq_build CC DIR: configures DIR/src and builds libpq.a and the two helper archives that
# libpq.so is normally linked with (the _shlib variants: compiled as PIC, frontend-only).
libpq_build() {
    local cc=$1 dir=$2 tree=$2/src
    echo "==> configuring PostgreSQL (${LIBPQ_CONFIGURE_FLAGS[*]})" >&2
    if ! (cd "$tree" && CC=$cc CFLAGS=$LIBPQ_CFLAGS ./configure "${LIBPQ_CONFIGURE_FLAGS[@]}") \
        >>"$dir/build.log" 2>&1; then
        libpq_fail "$dir" "configure failed"
        return 1
    fi
    echo "==> building libpq, libpgcommon_shlib and libpgport_shlib" >&2
    # Naming the archives skips the `all` targets, and with them the headers that `all` would
    # first link into src/include (utils/errcodes.h, ...; the release tarball ships them
    # pre-generated under src/backend): hence generated-headers first.
    local target
    for target in src/backend:generated-headers src/port:libpgport_shlib.a \
        src/common:libpgcommon_shlib.a src/interfaces/libpq:libpq.a; do
        if ! make -C "$tree/${target%%:*}" -j2 "${target#*:}" >>"$dir/build.log" 2>&1; then
            libpq_fail "$dir" "make ${target#*:} failed"
            return 1
        fi
    done
}

# libpq_merge CC DIR OUT: OUT/libpq.a = libpq + pgcommon_shlib + pgport_shlib + OpenSSL's
# libssl.a and libcrypto.a.
libpq_merge() {
    local cc=$1 dir=$2 out=$3 tree merge=$2/merge name path
    tree=$(cd "$dir/src" && pwd) || return 1
    mkdir -p "$merge" || return 1

    # libpq.so exports only what exports.txt lists; the other globals of pgcommon and pgport
    # are internal to it, and some have names that other libraries define too: libdispatch,
    # in every static Swift binary, has its own strlcpy (and glibc 2.38 has one). In a static
    # link one definition would then serve both, or the link would fail with a duplicate. So
    # they get a prefix, in pgcommon and pgport and in libpq's calls to them, which keeps them
    # to ourselves the way libpq.so's export list does.
    awk '!/^#/ && NF >= 2 { print $1 }' "$tree/src/interfaces/libpq/exports.txt" | sort -u >"$merge/exports" || return 1
    nm -g --defined-only "$tree/src/common/libpgcommon_shlib.a" "$tree/src/port/libpgport_shlib.a" |
        awk 'NF == 3 && $2 ~ /^[A-Z]$/ && $2 != "U" { print $3 }' | sort -u |
        comm -23 - "$merge/exports" | awk '{ print $1, "chronoview_" $1 }' >"$merge/renames" || return 1
    objcopy --redefine-syms="$merge/renames" "$tree/src/interfaces/libpq/libpq.a" "$merge/pq.a" &&
        objcopy --redefine-syms="$merge/renames" "$tree/src/common/libpgcommon_shlib.a" "$merge/pgcommon.a" &&
        objcopy --redefine-syms="$merge/renames" "$tree/src/port/libpgport_shlib.a" "$merge/pgport.a" || return 1
    for name in ssl crypto; do
        path=$("$cc" -print-file-name="lib$name.a")
        if [ ! -f "$path" ]; then
            echo "error: lib$name.a not found (install libssl-dev)" >&2
            return 1
        fi
        # Short names in one directory: ar's MRI scripts can't quote paths.
        ln -sf "$path" "$merge/$name.a" || return 1
    done

    libpq_check_clashes "$cc" "$merge" || return 1

    rm -f "$merge/combined.a"
    if ! (cd "$merge" && printf '%s\n' 'create combined.a' 'addlib pq.a' 'addlib pgcommon.a' \
        'addlib pgport.a' 'addlib ssl.a' 'addlib crypto.a' save end | ar -M) >>"$dir/build.log" 2>&1; then
        libpq_fail "$dir" "ar -M could not merge the archives"
        return 1
    fi
    mkdir -p "$out" && ranlib "$merge/combined.a" && mv "$merge/combined.a" "$out/libpq.a" || return 1
    rm -rf "$merge"
}

# libpq_check_clashes CC MERGE: fails when a global symbol is defined twice among the archives
# in MERGE, or by them and by a library every bootstrap links statically (the Swift runtime and
# Foundation archives, libstdc++, zlib). Two definitions either fail the link or, worse, let
# one silently serve the callers of the other. (Weak and common symbols may repeat.)
libpq_check_clashes() {
    local cc=$1 merge=$2 swift_static clashes
    swift_static=$(dirname "$cc")/../lib/swift_static/linux
    clashes=$(
        {
            (cd "$merge" && nm -A -g --defined-only pq.a pgcommon.a pgport.a ssl.a crypto.a)
            nm -A -g --defined-only "$swift_static"/*.a \
                "$("$cc" -print-file-name=libstdc++.a)" "$("$cc" -print-file-name=libz.a)"
        } 2>/dev/null |
            awk 'NF == 3 && $2 ~ /^[A-TX-Z]$/ && $2 != "C" {
                n = split($1, where, ":"); sub(".*/", "", where[1]); print $3, where[1] ":" where[2]
            }' |
            sort -u | awk '$1 == last { print prev; print } { last = $1; prev = $0 }' |
            sort -u
    ) || return 1
    # Only clashes that involve our archives matter here.
    clashes=$(awk 'NR == FNR { if ($2 ~ /^(pq|pgcommon|pgport|ssl|crypto)\.a:/) ours[$1] = 1; next } $1 in ours' \
        <(printf '%s\n' "$clashes") <(printf '%s\n' "$clashes"))
    if [ -n "$clashes" ]; then
        echo "error: static libpq: symbols defined more than once (symbol, archive:member):" >&2
        sed 's/^/    /' <<<"$clashes" >&2
        return 1
    fi
}

# libpq_fail DIR MESSAGE: the message and the end of DIR/build.log on stderr.
libpq_fail() {
    echo "error: static libpq: $2; the end of $1/build.log:" >&2
    tail -n 30 "$1/build.log" | sed 's/^/    /' >&2
}
