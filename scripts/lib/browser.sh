# shellcheck shell=bash
# shellcheck disable=SC2154 # root is set by build.sh, which sources this file.
# The app in a real browser (Tests/BrowserTests): Debian's Chromium, headless, driven by
# Playwright for Python (from PyPI, into a virtual environment under the build folder, with
# the system's Chromium rather than a downloaded one), against `chronoview-local serve` over
# the test PostgreSQL server. A failed step leaves a screenshot in .build/browser-tests/screenshots.
BROWSER_PLAYWRIGHT_VERSION=1.65.2
BROWSER_PYTEST_VERSION=9.2.0
BROWSER_DIR=.build/browser-tests

browser_install() {
    local venv=$root/$BROWSER_DIR/venv
    apt_install chromium chromium
    if ! "$venv/bin/python" -c "from importlib.metadata import version as v; \
        assert (v('playwright'), v('pytest')) == ('$BROWSER_PLAYWRIGHT_VERSION', '$BROWSER_PYTEST_VERSION')" 2>/dev/null; then
        echo "==> installing playwright $BROWSER_PLAYWRIGHT_VERSION and pytest $BROWSER_PYTEST_VERSION into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check \
            "playwright==$BROWSER_PLAYWRIGHT_VERSION" "pytest==$BROWSER_PYTEST_VERSION"
    fi
}

# Needs CHRONOVIEW_TEST_DATABASE_URL (cmd_test's server) and the built functions.
check_browser() {
    browser_install
    app_build
    local screenshots=$root/$BROWSER_DIR/screenshots
    rm -rf "$screenshots"
    mkdir -p "$screenshots"
    CHRONOVIEW_BIN_PATH=$(swift build --show-bin-path) \
        CHRONOVIEW_APP_DIR=$root/$APP_OUTPUT_DIR \
        CHRONOVIEW_TEMPLATE=$root/template.yaml \
        CHRONOVIEW_PSQL=$(postgres_bin_dir)/psql \
        CHRONOVIEW_BROWSER=$(command -v chromium) \
        CHRONOVIEW_SCREENSHOTS=$screenshots \
        timeout --kill-after=30 10m \
        "$root/$BROWSER_DIR/venv/bin/python" -m pytest -q -p no:cacheprovider "$root/Tests/BrowserTests"
}
