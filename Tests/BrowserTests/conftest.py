"""The whole local stack for the browser tests: `chronoview-local serve` over a database of its
own, serving the built app, and headless Chromium (Debian's) driven by Playwright.

`./build.sh test` runs these after the Swift tests (scripts/lib/browser.sh), with:
  CHRONOVIEW_TEST_DATABASE_URL  a superuser URL on the test PostgreSQL server
  CHRONOVIEW_PSQL               psql, to create and drop the stack's database there
  CHRONOVIEW_BIN_PATH           the folder of chronoview-local and the functions
  CHRONOVIEW_APP_DIR            the built app (./build.sh app)
  CHRONOVIEW_TEMPLATE           template.yaml
  CHRONOVIEW_BROWSER            the Chromium executable
  CHRONOVIEW_SCREENSHOTS        where a failed step leaves its screenshot
"""

import os
import re
import secrets
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright


@dataclass(frozen=True)
class Stack:
    """Where the running stack answers."""

    app: str
    invoke_api: str


def _psql(server: str, statement: str) -> None:
    subprocess.run([os.environ["CHRONOVIEW_PSQL"], server, "-qc", statement], check=True, capture_output=True)


def _wait_for_banner(output: Path, process: subprocess.Popen, deadline: float) -> str:
    """serve prints its banner once every server listens."""
    while time.monotonic() < deadline:
        text = output.read_text(encoding="utf-8", errors="replace")
        if "Ctrl-C stops." in text:
            return text
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with {process.returncode}:\n{text}")
        time.sleep(0.1)
    raise TimeoutError("serve did not start within its deadline")


def _address(banner: str, label: str) -> str:
    match = re.search(label + r" on (\S+?)/?(?:\s|$)", banner)
    if match is None:
        raise RuntimeError(f"no {label} in the banner:\n{banner}")
    return match.group(1)


@pytest.fixture(scope="session")
def stack():
    server = os.environ["CHRONOVIEW_TEST_DATABASE_URL"]
    name = "browser_" + secrets.token_hex(6)
    _psql(server, f"CREATE DATABASE {name}")
    parts = urlsplit(server)
    database = urlunsplit(parts._replace(path="/" + name))
    bin_path = os.environ["CHRONOVIEW_BIN_PATH"]
    environment = dict(
        os.environ, JWT_SECRET=secrets.token_urlsafe(48), BCRYPT_COST="4", DATABASE_URL=database
    )
    with tempfile.NamedTemporaryFile(prefix="serve-", suffix=".txt") as output:
        process = subprocess.Popen(
            [
                f"{bin_path}/chronoview-local", "serve",
                "--port", "0", "--lambda-port", "0", "--websocket-port", "0",
                "--template", os.environ["CHRONOVIEW_TEMPLATE"],
                "--build-path", bin_path,
                "--app", os.environ["CHRONOVIEW_APP_DIR"],
            ],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            banner = _wait_for_banner(Path(output.name), process, time.monotonic() + 120)
            yield Stack(app=_address(banner, "ChronoView app"), invoke_api=_address(banner, "Lambda Invoke API"))
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            _psql(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            log = Path(output.name).read_text(encoding="utf-8", errors="replace")
            folder = Path(os.environ["CHRONOVIEW_SCREENSHOTS"])
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "serve.log").write_text(log, encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ["CHRONOVIEW_BROWSER"],
            # Root in a container has no user namespaces for Chromium's sandbox.
            args=["--no-sandbox"] if os.geteuid() == 0 else [],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, stack: Stack):
    context = browser.new_context(base_url=stack.app, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    # An uncaught error or a Content-Security-Policy violation is a failure of the app. Other
    # console errors are not: Chromium logs every 4xx answer the app expects as one.
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(f"uncaught: {error}"))
    page.on(
        "console",
        lambda message: failures.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    context.close()
    assert failures == [], "the app failed in the browser"
