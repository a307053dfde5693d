# shellcheck shell=bash
# Independent Lambda implementations the tests check ours against (Tests/LocalAPITests/Peers):
# cargo-lambda's Runtime API emulator for our runtime, and AWS's Python runtime interface
# client for our emulator. Both come from PyPI into a virtual environment under the build
# folder; cargo-lambda also needs cargo on PATH at start (it reads a manifest with it).
# The AWS CLI, from the same place, is the client our Lambda Invoke API is checked with.
PEERS_CARGO_LAMBDA_VERSION=1.9.2
PEERS_AWSLAMBDARIC_VERSION=4.2.2
PEERS_AWSCLI_VERSION=1.46.3

peers_install() {
    local venv=${root:-$PWD}/.build/runtime-peers
    if [ ! -x "$venv/bin/cargo-lambda" ] || ! "$venv/bin/python" -c "import awslambdaric" 2>/dev/null; then
        echo "==> installing cargo-lambda $PEERS_CARGO_LAMBDA_VERSION and awslambdaric $PEERS_AWSLAMBDARIC_VERSION into $venv"
        python3 -m venv "$venv"
        # --no-deps: its one dependency, ziglang, is for cross-compiling Rust, which this never does.
        "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps \
            "cargo-lambda==$PEERS_CARGO_LAMBDA_VERSION"
        "$venv/bin/pip" install --quiet --disable-pip-version-check "awslambdaric==$PEERS_AWSLAMBDARIC_VERSION"
    fi
    [ -d "$HOME/.cargo/bin" ] && PATH=$PATH:$HOME/.cargo/bin
    apt_install cargo cargo
    export CHRONOVIEW_CARGO_LAMBDA=$venv/bin/cargo-lambda
    export CHRONOVIEW_AWSLAMBDARIC_PYTHON=$venv/bin/python
}

# The AWS CLI (v1, the one on PyPI) in the same virtual environment: the Invoke API tests
# (Tests/LocalAPITests/InvokeAPI) drive `chronoview-local serve`'s Lambda endpoint with it.
peers_install_aws_cli() {
    local venv=${root:-$PWD}/.build/runtime-peers
    if ! "$venv/bin/aws" --version 2>&1 | grep -q "^aws-cli/$PEERS_AWSCLI_VERSION "; then
        echo "==> installing awscli $PEERS_AWSCLI_VERSION into $venv"
        [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check "awscli==$PEERS_AWSCLI_VERSION"
    fi
    export CHRONOVIEW_AWS_CLI=$venv/bin/aws
}
