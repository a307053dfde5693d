# shellcheck shell=bash
# The running API against its contract: schemathesis (PyPI) generates requests from openapi.yaml,
# sends them to `chronoview-local serve` and checks every answer against the document.
# `./build.sh test` runs check_api_schema after the tests (test_run_check): it needs the debug
# build of the functions and chronoview-local in .build/debug, and CHRONOVIEW_TEST_DATABASE_URL
# (a superuser on a PostgreSQL server), on which it creates a database of its own. Findings fail
# the check; its reports go to .build/schemathesis/report.
#
# The run is bounded and repeatable: a fixed seed, no example database carried over between runs,
# SCHEMATHESIS_MAX_EXAMPLES cases per operation and phase (25), one worker, and timeout(1) over
# the whole run (SCHEMATHESIS_TIMEOUT, 150 s). Every phase runs: the document's examples, the
# coverage phase (each schema boundary, from either side), random fuzzing, and stateful sequences
# along the links schemathesis infers (a created object's `location`, then GET, PATCH, DELETE).
#
# Checks (SCHEMATHESIS_CHECKS):
#   not_a_server_error            no 5xx for any input, valid or not
#   status_code_conformance       every status is documented for its operation
#   content_type_conformance      application/json or application/problem+json, as documented
#   response_headers_conformance  documented required headers (x-request-id, etag, location, ...)
#   response_schema_conformance   bodies match their schemas
#   positive_data_acceptance      a request the document allows is not refused with a 400 or 422
#   negative_data_rejection       a request the document does not allow gets a 4xx
#   missing_required_header       leaving out the bearer token gets a 401
#   ignored_auth                  a missing or invalid bearer token is refused where one is needed
#   use_after_free                a deleted object is gone (404)
#   ensure_resource_availability  a created object can be read back
# Left out:
#   unsupported_method            it wants 405 for a method a path does not have; API.md allows
#                                 404 there, and the API answers problem+json 404 not_found
#   allow_header_conformance      about the `allow` header of 405 answers, which the API never gives
#   object_level_authorization    needs a second identity wired in as a schemathesis auth provider;
#                                 CollectionRouteTests and WatchlistTests check that one user never
#                                 reads or changes another's objects
#   max_response_time             timing on a shared two-core machine says nothing about the API
#
# The fuzzing user: every operation runs with its token, DELETE /api/me and PUT /api/me/password
# included, since their current password is never one that schemathesis generates (they get 403,
# then the throttle's documented 429). Repeated failed logins for one email get the documented
# 429 too. The local API runs with --no-throttling: API Gateway's route throttling is a setting of
# the deployment, not part of the contract, and would only add 429s that the document leaves out.
# A few of API.md's rules are beyond JSON Schema (password bytes, symbols repeated in another
# case, `to` after `from`, cursors only the API makes): scripts/schemathesis/chronoview_hooks.py
# keeps the positive cases that break them out. Settings: scripts/schemathesis/schemathesis.toml.

SCHEMATHESIS_VERSION=4.32.5
# Schemathesis draws its cases with Hypothesis: pinned too, so that one seed means one run.
SCHEMATHESIS_HYPOTHESIS_VERSION=6.170.17
SCHEMATHESIS_SEED=20261202

# Prints the path of schemathesis, installed into .build/schemathesis at the pinned versions.
schemathesis_install() {
    local venv=${root:-$PWD}/.build/schemathesis
    if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION" ||
        ! "$venv/bin/python" -c "import hypothesis, sys; sys.exit(hypothesis.__version__ != '$SCHEMATHESIS_HYPOTHESIS_VERSION')" 2>/dev/null; then
        echo "==> installing schemathesis $SCHEMATHESIS_VERSION into $venv" >&2
        [ -x "$venv/bin/pip" ] || python3 -m venv "$venv" >&2
        "$venv/bin/pip" install --quiet --disable-pip-version-check \
            "schemathesis==$SCHEMATHESIS_VERSION" "hypothesis==$SCHEMATHESIS_HYPOTHESIS_VERSION" >&2
    fi
    echo "$venv/bin/schemathesis"
}

# What schemathesis_cleanup undoes; globals of check_api_schema's subshell.
SCHEMATHESIS_SERVER_PID=""
SCHEMATHESIS_DATABASE=""

# Runs on every way out of check_api_schema: the server first (it stops its function
# processes and their connections), then the database.
schemathesis_cleanup() {
    trap - EXIT INT TERM
    stop_process "$SCHEMATHESIS_SERVER_PID"
    SCHEMATHESIS_SERVER_PID=""
    if [ -n "$SCHEMATHESIS_DATABASE" ]; then
        "$(postgres_bin_dir)/psql" "$CHRONOVIEW_TEST_DATABASE_URL" \
            -qc "DROP DATABASE IF EXISTS $SCHEMATHESIS_DATABASE WITH (FORCE)" >/dev/null || true
        SCHEMATHESIS_DATABASE=""
    fi
}

# In a subshell of its own, so that its traps and globals end with it and the caller's stay.
check_api_schema() (
    set -euo pipefail
    local dir=${root:-$PWD} schemathesis bin psql admin_url database database_url work log
    bin=$dir/.build/debug
    : "${CHRONOVIEW_TEST_DATABASE_URL:?the test PostgreSQL server is not running}"
    if [ ! -x "$bin/chronoview-local" ]; then
        echo "error: $bin/chronoview-local is not built (swift build)" >&2
        return 1
    fi
    schemathesis=$(schemathesis_install)
    psql=$(postgres_bin_dir)/psql
    admin_url=$CHRONOVIEW_TEST_DATABASE_URL
    database=schemathesis_$$_$RANDOM
    # The same server and credentials, another database; any query string (sslmode) is kept.
    local base=${admin_url%%\?*}
    database_url=${base%/*}/$database${admin_url#"$base"}
    work=$dir/.build/schemathesis/run
    rm -rf "$work" "$dir/.build/schemathesis/report"
    mkdir -p "$work"
    log=$work/serve.log

    trap schemathesis_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    SCHEMATHESIS_DATABASE=$database
    "$psql" "$admin_url" -qc "CREATE DATABASE $database" >/dev/null

    # A random signing key for this run's tokens, and bcrypt's cheapest cost: sign-ups and logins
    # are many here. API Gateway's route throttling (a deployment setting) stays off.
    JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n') BCRYPT_COST=4 \
        "$bin/chronoview-local" serve --port 0 --lambda-port 0 --no-throttling \
        --database-url "$database_url" --template "$dir/template.yaml" --build-path "$bin" >"$log" 2>&1 &
    SCHEMATHESIS_SERVER_PID=$!
    local url="" _
    for _ in $(seq 1 600); do
        url=$(grep -oE -m 1 'API on http://127\.0\.0\.1:[0-9]+' "$log" | sed 's/^API on //') || true
        [ -n "$url" ] && break
        kill -0 "$SCHEMATHESIS_SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$url" ]; then
        echo "error: chronoview-local serve did not start; its output:" >&2
        cat "$log" >&2
        return 1
    fi

    # The fuzzing user: signed up and logged in once; its access token (15 minutes) outlives the run.
    local token
    token=$("$(dirname "$schemathesis")/python" - "$url" <<'PYTHON'
import json, sys, urllib.request
url = sys.argv[1]
account = {"email": "schemathesis@example.com", "password": "fuzzing is not a password anyone types"}
def post(path, body):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)
post("/api/users", account)
print(post("/api/login", account)["access_token"])
PYTHON
    )

    echo "==> schemathesis $SCHEMATHESIS_VERSION against $url (seed $SCHEMATHESIS_SEED)"
    local checks=${SCHEMATHESIS_CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,positive_data_acceptance,negative_data_rejection,missing_required_header,ignored_auth,use_after_free,ensure_resource_availability}
    local status=0
    # From the run folder, where Hypothesis keeps its own files; no example database, so that
    # no earlier run's cases come first.
    (cd "$work" && SCHEMATHESIS_HOOKS=$dir/scripts/schemathesis/chronoview_hooks.py \
        timeout --kill-after=10 "${SCHEMATHESIS_TIMEOUT:-150}" \
        "$schemathesis" --config-file "$dir/scripts/schemathesis/schemathesis.toml" --no-color \
        run "$dir/openapi.yaml" --url "$url" --header "Authorization: Bearer $token" \
        --checks "$checks" --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}" \
        --seed "$SCHEMATHESIS_SEED" --generation-database none --workers 1 \
        --request-timeout 30 --report junit --report-dir "$dir/.build/schemathesis/report") || status=$?
    if [ $status -eq 124 ] || [ $status -eq 137 ]; then
        echo "error: schemathesis was stopped after ${SCHEMATHESIS_TIMEOUT:-150}s (SCHEMATHESIS_TIMEOUT)" >&2
    elif [ $status -ne 0 ]; then
        echo "error: schemathesis found answers that disagree with openapi.yaml (server log: $log)" >&2
    fi
    return $status
)
