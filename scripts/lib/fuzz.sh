# shellcheck shell=bash
# The libFuzzer targets of Fuzz/ (a package of its own, so that the main package never builds
# them): building them with the fuzzer and address sanitizers, and running each for a bounded
# time over a copy of its seed corpus in Fuzz/Corpus/<Target>.
#
#   check_fuzz            CI's short run: every target for FUZZ_CHECK_SECONDS (12 s) each
#   scripts/fuzz.sh [S]   a longer run: every target for S seconds (60 by default)
#
# What a run finds stays out of the repository: the corpus it grows and any crash go under
# .build-fuzz/runs/<Target>. A crash fails the run and prints how to replay it without libFuzzer:
#   swift run --package-path Fuzz --scratch-path .build-fuzz-replay <Target> <crash file>

FUZZ_PACKAGE=Fuzz
FUZZ_SCRATCH=.build-fuzz
FUZZ_CHECK_SECONDS=${FUZZ_CHECK_SECONDS:-12}

# Echoes the fuzz targets: every folder of Fuzz/Sources but the two support libraries.
fuzz_targets() {
    local dir
    for dir in "${root:-$PWD}/$FUZZ_PACKAGE"/Sources/*/; do
        dir=${dir%/}
        dir=${dir##*/}
        case "$dir" in FuzzSupport | LibFuzzer) ;; *) echo "$dir" ;; esac
    done
}

# Builds every target with libFuzzer's main and coverage instrumentation, and ASan.
# CHRONOVIEW_FUZZ compiles each target's LLVMFuzzerTestOneInput and a main that hands it to
# libFuzzer's driver, in place of the replay main; -parse-as-library keeps any stray top-level
# code from becoming a second entry point.
fuzz_build() {
    echo "==> building the fuzz targets (-sanitize=fuzzer,address) in $FUZZ_SCRATCH"
    (cd "${root:-$PWD}" && swift build --package-path "$FUZZ_PACKAGE" --scratch-path "$FUZZ_SCRATCH" -c debug \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DCHRONOVIEW_FUZZ) || {
        echo "error: the fuzz targets do not build" >&2
        return 1
    }
}

# fuzz_run TARGET SECONDS: runs one target; fails on a crash, a leak, a timeout or an oracle trap.
fuzz_run() {
    local target=$1 seconds=$2 dir bin status=0 log
    dir=${root:-$PWD}
    bin=$(cd "$dir" && swift build --package-path "$FUZZ_PACKAGE" --scratch-path "$FUZZ_SCRATCH" -c debug \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DCHRONOVIEW_FUZZ --show-bin-path)/$target
    local run=$dir/$FUZZ_SCRATCH/runs/$target
    rm -rf "$run"
    mkdir -p "$run/corpus" "$run/artifacts"
    # A copy: libFuzzer adds every input that finds new coverage to its first corpus directory.
    cp -R "$dir/$FUZZ_PACKAGE/Corpus/$target/." "$run/corpus/"
    log=$run/fuzz.log
    echo "==> fuzzing $target for ${seconds}s"
    # SWIFT_BACKTRACE: Swift's own crash reporter and libFuzzer's both handle the fatal signal, and
    # together they hang instead of exiting; libFuzzer's report is the one wanted here.
    # timeout: a last resort should the process hang all the same; libFuzzer stops itself at
    # -max_total_time.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0} \
        timeout --kill-after=10 $((seconds + 120)) "$bin" "$run/corpus" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=8192 \
        -artifact_prefix="$run/artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    # The figures worth keeping: executions, speed, coverage, corpus size.
    local runs speed cov
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' || true)
    echo "    $target: ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-no coverage line}"
    if [ $status -ne 0 ]; then
        tail -n 40 "$log" >&2
        local artifact
        for artifact in "$run"/artifacts/*; do
            [ -e "$artifact" ] || continue
            echo "error: $target found $artifact" >&2
            echo "       replay: swift run --package-path $FUZZ_PACKAGE --scratch-path .build-fuzz-replay $target $artifact" >&2
        done
        echo "error: fuzzing $target failed (exit $status); the whole log is $log" >&2
        return 1
    fi
}

# fuzz_all SECONDS: builds, then runs every target for SECONDS; fails if any target failed.
fuzz_all() {
    local seconds=$1 target failed=()
    fuzz_build || return 1
    for target in $(fuzz_targets); do
        fuzz_run "$target" "$seconds" || failed+=("$target")
    done
    if [ ${#failed[@]} -ne 0 ]; then
        echo "error: fuzzing failed for ${failed[*]}" >&2
        return 1
    fi
}

check_fuzz() {
    fuzz_all "$FUZZ_CHECK_SECONDS"
}
