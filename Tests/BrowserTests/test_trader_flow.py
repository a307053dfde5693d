"""A trader's first session in a real browser, against the whole local stack: sign up, log in,
a chart of candles that moves live, an alert that fires live, log out."""

import secrets

from playwright.sync_api import Page, expect

from conftest import Stack
from market import Candle, current_minute, history, ingest
from screens import heading, log_in, new_account, sign_up
from steps import Steps


def test_a_trader_charts_a_symbol_and_an_alert_fires_live(page: Page, stack: Stack):
    step = Steps(page, "trader-flow")
    email = f"trader-{secrets.token_hex(4)}@example.com"
    password = "correct horse battery"
    symbol = f"TEST:B{secrets.token_hex(3).upper()}"

    with step("the app opens on the login page"):
        page.goto("/")
        expect(heading(page, "Log in")).to_be_visible()

    with step("sign up"):
        sign_up(page, email, password, "Ada")
        expect(heading(page, "Charts")).to_be_visible()

    with step("log out after signing up"):
        page.get_by_role("button", name="Log out").click()
        expect(heading(page, "Log in")).to_be_visible()

    with step("a wrong password is said plainly"):
        log_in(page, email, "not the password")
        expect(page.get_by_role("alert")).to_contain_text("Email or password is wrong")

    with step("log in"):
        log_in(page, email, password)
        expect(heading(page, "Charts")).to_be_visible()

    candles = history(30, base=100)
    with step("candles are ingested"):
        ingest(stack.invoke_api, symbol, candles)

    with step("create a chart"):
        page.get_by_label("Name").fill("Scalping")
        page.get_by_label("Symbol").fill(symbol)
        page.get_by_label("Interval").select_option("1m")
        page.get_by_role("button", name="Create chart").click()
        expect(heading(page, "Scalping")).to_be_visible()

    with step("the chart shows its candles"):
        expect(page.get_by_text(f"Last {candles[-1].c}")).to_be_visible()
        expect(page.locator("canvas").first).to_be_visible()

    with step("the chart moves with a live candle"):
        ingest(stack.invoke_api, symbol, [Candle(t=current_minute(), o="104.00", h="106.00", l="103.00", c="105.25")])
        expect(page.get_by_text("Last 105.25")).to_be_visible()

    with step("create an alert"):
        page.get_by_role("link", name="Alerts").click()
        expect(heading(page, "Alerts")).to_be_visible()
        page.get_by_label("Symbol").fill(symbol)
        page.get_by_label("Condition").select_option("above")
        page.get_by_label("Price").fill("150.5")
        page.get_by_role("button", name="Create alert").click()
        alert_item = page.get_by_role("main").get_by_role("listitem").filter(has_text=symbol)
        expect(alert_item).to_contain_text("Active")

    with step("the alert fires live"):
        # The current minute's candle: the alert was active during it.
        ingest(stack.invoke_api, symbol, [Candle(t=current_minute(), o="105.25", h="151.00", l="105.00", c="149.00")])
        expect(page.get_by_role("status").filter(has_text=f"Alert: {symbol} went above")).to_be_visible()
        expect(alert_item).to_contain_text("Triggered")

    with step("log out"):
        page.get_by_role("button", name="Log out").click()
        expect(heading(page, "Log in")).to_be_visible()
        page.goto("/alerts")
        expect(heading(page, "Log in")).to_be_visible()


def test_a_field_the_api_refuses_is_explained_next_to_it(page: Page):
    step = Steps(page, "field-errors")
    with step("sign up with a password too short"):
        page.goto("/signup")
        page.get_by_label("Email").fill(f"short-{secrets.token_hex(4)}@example.com")
        page.get_by_label("Password").fill("short")
        page.get_by_role("button", name="Create account").click()
        password = page.get_by_label("Password")
        expect(password).to_have_attribute("aria-invalid", "true")


def test_a_link_into_the_app_survives_logging_in(page: Page):
    step = Steps(page, "deep-link")
    email = f"linker-{secrets.token_hex(4)}@example.com"
    with step("sign up and log out"):
        new_account(page, email, "a long enough password")
        page.get_by_role("button", name="Log out").click()

    with step("a deep link asks to log in, then goes where it pointed"):
        page.goto("/watchlists")
        expect(heading(page, "Log in")).to_be_visible()
        log_in(page, email, "a long enough password")
        expect(heading(page, "Watchlists")).to_be_visible()

