# shellcheck shell=bash
# ./build.sh test [swift test options]: formatting, the packaging checker, a private
# PostgreSQL, every test, and the deployment checks. Options (e.g. --filter) go to swift test.
#
# The tests get, besides the environment of the caller:
#   CHRONOVIEW_TEST_DATABASE_URL  postgres://postgres@127.0.0.1:PORT/postgres, a superuser on
#                                 a throwaway server; tests create their own databases with it
#   CHRONOVIEW_FAULT_DATABASE_URL the same for a second, durable server that the fault tests
#                                 stop and start (the other suites keep theirs meanwhile)
#   CHRONOVIEW_FAULT_PGDATA       that server's data directory
#   CHRONOVIEW_FAULT_PG_CTL       absolute path of pg_ctl
#   CHRONOVIEW_FAULT_PG_LOG       that server's log, to pass as pg_ctl's -l when restarting
#   CHRONOVIEW_FAULT_PG_RUN_AS    command prefix to run pg_ctl as the server's user
#                                 (space-separated words, e.g. "runuser -u postgres --";
#                                 empty when the tests do not run as root)
#   BCRYPT_COST                   4 unless set: the cheapest cost bcrypt accepts
#   CHRONOVIEW_CARGO_LAMBDA       cargo-lambda, whose Runtime API serves our runtime
#   CHRONOVIEW_AWSLAMBDARIC_PYTHON a Python with AWS's awslambdaric, a client of our emulator
#   CHRONOVIEW_AWS_CLI            the AWS CLI, a client of our Lambda Invoke API
# CHRONOVIEW_TEST_TIMEOUT (default 45m, timeout(1) syntax) bounds swift test.
# Afterwards the app's unit tests run (frontend/tests), the app runs in a real browser (scripts/lib/browser.sh; BROWSER_TESTS=0 leaves it
# out), and every libFuzzer target of Fuzz/ runs for FUZZ_CHECK_SECONDS (12) over its seed
# corpus (scripts/lib/fuzz.sh); FUZZ_CHECK_SECONDS=0 leaves that out of a quick local run.
# Restarting after a stop brings the same port and settings back:
#   $CHRONOVIEW_FAULT_PG_RUN_AS $CHRONOVIEW_FAULT_PG_CTL -D $CHRONOVIEW_FAULT_PGDATA \
#       -l $CHRONOVIEW_FAULT_PG_LOG -w start

# The throwaway server's directory, removed by test_cleanup.
TEST_POSTGRES_DIR=""

test_cleanup() {
    if [ -n "$TEST_POSTGRES_DIR" ]; then
        postgres_stop "$TEST_POSTGRES_DIR/faults" || true
        postgres_stop "$TEST_POSTGRES_DIR" || true
        rm -rf "$TEST_POSTGRES_DIR"
        TEST_POSTGRES_DIR=""
    fi
}

# The test targets whose tests time what they check to the second (see cmd_test).
TEST_QUIET_SUITES='^(FeedTests|RealtimeDeliveryTests)\.'

# Runs swift test, showing its output as it comes and echoing its closing summary again.
test_run_swift_tests() {
    local log=$1
    shift
    local args=(--skip-build)
    # Swift Testing runs its tests in parallel inside one process by default. With no XCTest
    # suites, XCTest's empty run would only add a misleading "Executed 0 tests" line.
    if ! grep -rqs --include='*.swift' '^import XCTest' Tests; then
        args+=(--disable-xctest)
    fi
    # A hung test would otherwise hold CI until its own limit, with the server still up and
    # no word of which test it was; swift test's output up to then says that. --foreground
    # keeps swift test in our process group, so that Ctrl-C reaches it and the test process.
    timeout --foreground --kill-after=30 "${CHRONOVIEW_TEST_TIMEOUT:-45m}" \
        swift test "${args[@]}" "$@" 2>&1 | tee "$log"
}

# test_run_check FUNCTION: runs a later check with errexit on; its failure becomes cmd_test's
# status (in the caller's `status`) unless an earlier step failed first.
test_run_check() {
    local check_status
    # Not `"$1" || ...`: bash ignores errexit inside a function called there, so a failing
    # step in the middle of it would go unnoticed.
    set +e
    (set -e; "$1")
    check_status=$?
    set -e
    [ "$status" -ne 0 ] || status=$check_status
}

cmd_test() {
    check_format

    echo "==> checking the provided.al2023 compatibility checker"
    apt_install readelf binutils objdump binutils gcc gcc g++ g++
    scripts/check-al2023-compat.sh --self-test

    postgres_ensure_installed
    peers_install
    peers_install_aws_cli

    echo "==> building the tests"
    swift_build_dependencies
    swift build --build-tests

    trap test_cleanup EXIT
    # Turn Ctrl-C and kill into an ordinary exit, so the EXIT trap stops the server.
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
    # Under /tmp rather than $TMPDIR: the server's user must reach it, and a unix socket
    # path must stay short.
    TEST_POSTGRES_DIR=$(mktemp -d /tmp/chronoview-test.XXXXXX)
    postgres_start "$TEST_POSTGRES_DIR" --ephemeral

    export CHRONOVIEW_TEST_DATABASE_URL=$POSTGRES_URL
    # Durable (fsync on): the restart test checks that every acknowledged write survives.
    postgres_start "$TEST_POSTGRES_DIR/faults"
    export CHRONOVIEW_FAULT_DATABASE_URL=$POSTGRES_URL
    export CHRONOVIEW_FAULT_PGDATA=$POSTGRES_PGDATA
    export CHRONOVIEW_FAULT_PG_CTL=$POSTGRES_PG_CTL
    export CHRONOVIEW_FAULT_PG_LOG=$POSTGRES_LOG
    export CHRONOVIEW_FAULT_PG_RUN_AS=$POSTGRES_RUN_AS
    export BCRYPT_COST=${BCRYPT_COST:-4}

    echo "==> running the tests"
    local log=$TEST_POSTGRES_DIR/swift-test.log status=0
    if [ $# -eq 0 ]; then
        # Two passes. The feed's and the pushes' tests time retries, back-offs, timeouts and
        # deadlines against stand-in servers to the second; beside every other suite (function
        # processes, local stacks, PostgreSQL) the two cores are so busy that a local request
        # can take seconds, and they fail for that alone. So they run after the rest, on a
        # quiet machine.
        test_run_swift_tests "$log" --skip "$TEST_QUIET_SUITES" || status=$?
        echo "==> running the timing-sensitive tests on their own ($TEST_QUIET_SUITES)"
        local quiet_status=0
        test_run_swift_tests "$log.quiet" --filter "$TEST_QUIET_SUITES" || quiet_status=$?
        [ $status -ne 0 ] || status=$quiet_status
        cat "$log.quiet" >>"$log"
    else
        test_run_swift_tests "$log" "$@" || status=$?
    fi
    if [ $status -eq 124 ] || [ $status -eq 137 ]; then
        echo "error: swift test was stopped after ${CHRONOVIEW_TEST_TIMEOUT:-45m} (CHRONOVIEW_TEST_TIMEOUT)" >&2
    fi

    # Run even after failing tests: every verdict is worth having from one CI run.
    if declare -F check_deployment >/dev/null; then
        echo "==> checking the deployment"
        test_run_check check_deployment
    fi
    echo "==> checking the local API against openapi.yaml"
    test_run_check check_api_schema
    echo "==> the app's unit tests (frontend/tests)"
    test_run_check check_app_units
    if [ "${BROWSER_TESTS:-1}" != 0 ]; then
        echo "==> the app in a real browser (Tests/BrowserTests)"
        test_run_check check_browser
    fi
    if [ "$FUZZ_CHECK_SECONDS" != 0 ]; then
        echo "==> fuzzing every target for ${FUZZ_CHECK_SECONDS}s"
        test_run_check check_fuzz
    fi

    # Later steps print after the test runner: repeat its verdict so it closes the output.
    echo "==> test summary"
    grep -E '(Test run with .* (passed|failed))|(Executed [0-9]+ tests?,)' "$log" | tail -n 2 || true
    if [ $status -ne 0 ]; then
        echo "error: ./build.sh test failed (exit $status)" >&2
    fi
    return $status
}
