# shellcheck shell=bash
# shellcheck disable=SC2154 # root is set by build.sh, which sources this file.
# `./build.sh app`: the single-page app of frontend/, type-checked and bundled into
# .build/app (index.html, config.json left to whoever serves it, and assets/ with hashed
# names), from Debian's packages alone: React and its types in /usr/share/nodejs, TypeScript
# for the checks and esbuild for the bundle. Nothing comes from npm's registry.

APP_OUTPUT_DIR=.build/app
# Debian's JavaScript modules: what the app imports, and the types of what it imports.
APP_MODULES_DIR=/usr/share/nodejs

app_ensure_installed() {
    apt_install tsc node-typescript esbuild esbuild
    apt_install_packages node-react node-react-dom node-scheduler node-csstype node-prop-types
}

# Builds the app into $APP_OUTPUT_DIR; fails on any type error.
app_build() {
    app_ensure_installed
    local out=$root/$APP_OUTPUT_DIR
    echo "==> building the app (frontend/ → $APP_OUTPUT_DIR)"
    tsc -p "$root/frontend"
    rm -rf "$out.tmp"
    mkdir -p "$out.tmp/assets"
    # NODE_PATH: esbuild finds Debian's modules where a project would have node_modules.
    NODE_PATH=$APP_MODULES_DIR esbuild "$root/frontend/src/main.tsx" --bundle --minify --sourcemap \
        --format=esm --target=es2020 --define:process.env.NODE_ENV='"production"' \
        --outdir="$out.tmp/assets" --entry-names='[name]-[hash]' --log-level=warning
    local script style
    script=$(cd "$out.tmp/assets" && ls main-*.js)
    style=$(cd "$out.tmp/assets" && ls main-*.css)
    # The page names the hashed files, so that it alone is revalidated and they are cached for good.
    sed -e "s|/assets/main.js|/assets/$script|" -e "s|/assets/main.css|/assets/$style|" \
        "$root/frontend/index.html" >"$out.tmp/index.html"
    grep -q "/assets/$script" "$out.tmp/index.html" && grep -q "/assets/$style" "$out.tmp/index.html" || {
        echo "error: frontend/index.html must load /assets/main.js and /assets/main.css" >&2
        return 1
    }
    if [ -d "$root/frontend/public" ]; then
        cp -R "$root/frontend/public/." "$out.tmp/"
    fi
    rm -rf "$out"
    mv "$out.tmp" "$out"
    echo "    $(du -sh "$out" | cut -f1) in $APP_OUTPUT_DIR: $script, $style"
}

# The app's pure logic (frontend/tests), type-checked, then run by Node's own test runner.
check_app_units() {
    app_ensure_installed
    tsc -p "$root/frontend/tests"
    bash "$root/frontend/tests/run.sh" "$root/.build/app-tests"
}

cmd_app() {
    app_build
}
