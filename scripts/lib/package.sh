# ./build.sh package [Function...]: every function (or the ones named) as a provided.al2023
# bootstrap, in .build/lambda/<Function>/bootstrap and .build/lambda/<Function>.zip.
#
# Why the link is done this way: Lambda's provided.al2023 has glibc 2.34 and GCC 11's
# libstdc++, but we build on a newer Debian, and the loader refuses to start a binary that
# asks for a symbol version it lacks. So:
#  - the Swift runtime and FoundationEssentials go in statically (--static-swift-stdlib):
#    AL2023 has no Swift libraries at all;
#  - libstdc++ goes in statically too, because the static Swift runtime
#    archives pull in a GCC 12 libstdc++ symbol (std::condition_variable::wait@GLIBCXX_3.4.30) that GCC 11's lacks. swiftc
#    always adds a plain -lstdc++, so we put a directory holding only libstdc++.a first on
#    the search path and let that -lstdc++ find the archive; libgcc_s stays shared, AL2023
#    has it and only old GCC_3.x symbols are used from it;
#  - zlib goes in statically the same way (a libz.a in that directory answers the -lz that
#    swift-nio-extras' compression asks for, in MarketFeed's HTTP client): AL2023 does not
#    promise libz.so.1;
#  - libpq too: the CLibPQ module map's `link "pq"` becomes a plain -lpq, which a second
#    directory, holding only the libpq.a that scripts/lib/libpq.sh builds (libpq without
#    GSSAPI/LDAP, with OpenSSL's libssl.a and libcrypto.a merged in), answers before the
#    search reaches Debian's libpq.so; AL2023 has no libpq.so.5;
#  - glibc can't be linked statically (dlopen, NSS), so the few functions that got a newer
#    symbol version here (hypot@GLIBC_2.35, and arc4random@GLIBC_2.36 from the static
#    libstdc++) are sent by `ld --wrap` to scripts/al2023-glibc-compat.c, which calls their
#    baseline version (looked up at run time) or reimplements them.
# scripts/check-al2023-compat.sh then proves each bootstrap asks for nothing newer; a new
# dependency that needs another symbol fails packaging there instead of failing at cold start.
# scripts/check-no-foundation.sh proves each function links FoundationEssentials only, not
# Foundation and its 32 MiB of ICU.

PACKAGE_SCRATCH=.build-release
PACKAGE_OUTPUT=.build/lambda
# Files a function needs beside its bootstrap at run time, e.g. a CA bundle for RDS.
PACKAGE_EXTRA_FILES=scripts/lambda-extra-files.txt

# Echoes the function names: the executable targets under Sources/Functions in the manifest.
package_function_names() {
    swift package --scratch-path "$PACKAGE_SCRATCH" dump-package | python3 -c '
import json, sys
for target in json.load(sys.stdin)["targets"]:
    if target["type"] == "executable" and (target.get("path") or "").startswith("Sources/Functions/"):
        print(target["name"])
'
}

# Echoes the extra files for function $1, one path (relative to the repository) a line.
# Lines of $PACKAGE_EXTRA_FILES read `Function: path...`, or `*: path...` for every function.
package_extra_files_for() {
    [ -f "$PACKAGE_EXTRA_FILES" ] || return 0
    awk -v f="$1" '
        /^[[:space:]]*(#|$)/ { next }
        { name = $1; sub(/:$/, "", name); if (name == f || name == "*") for (i = 2; i <= NF; i++) print $i }
    ' "$PACKAGE_EXTRA_FILES"
}

# Prepares the static libstdc++ and libpq search directories and the compat object; echoes
# the extra `swift build` arguments that link a bootstrap for AL2023.
package_al2023_link_flags() {
    local dir=$PACKAGE_SCRATCH/al2023 clang libstdcxx shim=scripts/al2023-glibc-compat.c
    clang=$(swift_toolchain_bin)/clang
    mkdir -p "$dir/static-libstdcxx"
    libstdcxx=$("$clang" -print-file-name=libstdc++.a)
    if [ ! -f "$libstdcxx" ]; then
        echo "error: libstdc++.a not found (install the libstdc++-dev package of your GCC)" >&2
        return 1
    fi
    ln -sfn "$libstdcxx" "$dir/static-libstdcxx/libstdc++.a"
    local libz
    libz=$("$clang" -print-file-name=libz.a)
    if [ ! -f "$libz" ]; then
        echo "error: libz.a not found (install zlib1g-dev)" >&2
        return 1
    fi
    ln -sfn "$libz" "$dir/static-libstdcxx/libz.a"
    # The linker looks for -lpq in the -L directories in command-line order, and these come
    # before the system ones, where Debian's libpq.so is.
    local libpq
    libpq=$(libpq_static_dir) || return 1

    # SwiftPM relinks when the link command changes, not when an object it was only handed
    # through -Xlinker does, nor a library it finds through -L: naming the object after the
    # hash of its source and of those libraries makes a change to any of them change the
    # command. (Changing the -L paths instead would recompile every module: -Xswiftc flags
    # reach the compile commands too.)
    local object hash
    hash=$(cat "$shim" "$libstdcxx" "$libz" "$libpq/libpq.a" | sha256sum | cut -c1-16) || return 1
    object=$dir/al2023-glibc-compat-$hash.o
    if [ ! -f "$object" ]; then
        rm -f "$dir"/al2023-glibc-compat-*.o
        "$clang" -O2 -fPIC -Wall -Wextra -Werror -c -o "$object.tmp" "$shim" || return 1
        mv "$object.tmp" "$object"
    fi

    local top=${root:-$PWD}
    # -Osize: Lambda pays for every byte at cold start (the image is paged in) and in the
    # 10 MiB a zip may take here; the functions' work is I/O-bound (BENCHMARKS.md, "Footprint").
    # --no-export-dynamic undoes the -export-dynamic of the toolchain's static-stdlib-args.lnk:
    # nothing loads a library into a bootstrap that could look its symbols up, and exporting
    # every global keeps 2 MiB of symbol table and of code that --gc-sections would drop.
    echo "-Xswiftc -Osize -Xswiftc -L$top/$dir/static-libstdcxx -Xswiftc -L$libpq -Xlinker $top/$object" \
        "-Xlinker --no-export-dynamic"
    # Functions only (a name and its parenthesis), not the `__wrap_NAME` in the shim's comment.
    grep -oE '__wrap_[A-Za-z0-9_]+\(' "$shim" | sort -u | sed -e 's/($//' -e 's/^__wrap_/-Xlinker --wrap=/' | tr '\n' ' '
}

package_one() {
    local name=$1 bin_path=$2 dir bootstrap file zip_file
    dir=$PACKAGE_OUTPUT/$name
    bootstrap=$dir/bootstrap
    zip_file=$PACKAGE_OUTPUT/$name.zip
    rm -rf "$dir" "$zip_file"
    mkdir -p "$dir"
    # Keep the unstripped binary in the scratch folder for symbolicating crash reports.
    strip --strip-all -o "$bootstrap" "$bin_path/$name"
    chmod 0755 "$bootstrap"
    while read -r file; do
        [ -n "$file" ] || continue
        if [ ! -f "$file" ]; then
            echo "error: $name needs $file (listed in $PACKAGE_EXTRA_FILES), which does not exist" >&2
            return 1
        fi
        install -m 0644 "$file" "$dir/"
    done < <(package_extra_files_for "$name")
    # Fixed timestamps and no extra attributes: the same binary gives the same zip, so a
    # deployment can tell from the hash whether a function changed.
    find "$dir" -exec touch -h -d '1980-01-02 00:00:00 UTC' {} +
    (cd "$dir" && zip -q -X -r "../$name.zip" .)
}

cmd_package() {
    apt_install zip zip strip binutils readelf binutils python3 python3
    swift_build_dependencies

    local names=("$@") name flags bin_path failed=() built=()
    if [ ${#names[@]} -eq 0 ]; then
        mapfile -t names < <(package_function_names)
        [ ${#names[@]} -gt 0 ] || { echo "error: no functions found in Package.swift" >&2; return 1; }
    fi
    flags=$(package_al2023_link_flags)
    bin_path=$(swift build -c release --scratch-path "$PACKAGE_SCRATCH" --show-bin-path)

    for name in "${names[@]}"; do
        echo "==> building $name (release, static Swift runtime)"
        local status=0
        # shellcheck disable=SC2086
        swift build -c release --scratch-path "$PACKAGE_SCRATCH" --static-swift-stdlib \
            --product "$name" $flags || status=$?
        if [ $status -eq 0 ]; then
            built+=("$name")
        else
            failed+=("$name")
        fi
    done

    local bootstraps=()
    for name in "${built[@]}"; do
        package_one "$name" "$bin_path"
        bootstraps+=("$PACKAGE_OUTPUT/$name/bootstrap")
    done

    if [ ${#built[@]} -gt 0 ]; then
        echo "==> packages in $PACKAGE_OUTPUT"
        printf '%-16s %14s %14s\n' function bootstrap zip
        for name in "${built[@]}"; do
            printf '%-16s %14s %14s\n' "$name" \
                "$(human_size "$(stat -c %s "$PACKAGE_OUTPUT/$name/bootstrap")")" \
                "$(human_size "$(stat -c %s "$PACKAGE_OUTPUT/$name.zip")")"
        done
        echo "==> checking the bootstraps against provided.al2023"
        scripts/check-al2023-compat.sh "${bootstraps[@]}" || failed+=("(AL2023 compatibility)")
        # On the unstripped binaries: the symbols show what was linked in.
        echo "==> checking that the functions link FoundationEssentials, not Foundation or ICU"
        for name in "${built[@]}"; do
            scripts/check-no-foundation.sh "$bin_path/$name" || failed+=("$name (links Foundation)")
        done
        # The loader resolves every library and symbol version without running main: proof
        # that the rebound symbols still exist here too.
        for name in "${built[@]}"; do
            local loaded
            if ! loaded=$(ldd "$PACKAGE_OUTPUT/$name/bootstrap" 2>&1) || grep -q 'not found' <<<"$loaded"; then
                echo "error: $name/bootstrap does not load on this machine:" >&2
                echo "$loaded" >&2
                failed+=("$name (load)")
            fi
        done
    fi

    if [ ${#failed[@]} -gt 0 ]; then
        echo "error: packaging failed for: ${failed[*]}" >&2
        return 1
    fi
}
