"""What the browser tests do on the app's screens, written once."""

from playwright.sync_api import Page, expect


def heading(page: Page, name: str):
    """The page's own heading: each screen has one h1."""
    return page.get_by_role("heading", name=name, exact=True, level=1)


def sign_up(page: Page, email: str, password: str, display_name: str) -> None:
    page.get_by_role("link", name="Create an account").click()
    expect(heading(page, "Create your account")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Display name (optional)").fill(display_name)
    page.get_by_role("button", name="Create account").click()


def log_in(page: Page, email: str, password: str) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def new_account(page: Page, email: str, password: str) -> None:
    """Signs up from the start page and waits for the charts it lands on."""
    page.goto("/signup")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(heading(page, "Charts")).to_be_visible()
