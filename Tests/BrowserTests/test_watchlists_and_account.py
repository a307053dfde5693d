"""The other screens a trader uses: a watchlist whose prices move live, and the account."""

import secrets

from playwright.sync_api import Page, expect

from conftest import Stack
from market import Candle, current_minute, history, ingest
from screens import heading, log_in, new_account
from steps import Steps


def test_a_watchlist_shows_each_symbols_last_price_and_follows_it(page: Page, stack: Stack):
    step = Steps(page, "watchlist")
    first, second = f"TEST:W{secrets.token_hex(3).upper()}", f"TEST:X{secrets.token_hex(3).upper()}"
    candles = history(5, base=50)
    ingest(stack.invoke_api, first, candles)

    with step("sign up and open the watchlists"):
        new_account(page, f"watcher-{secrets.token_hex(4)}@example.com", "a long enough password")
        page.get_by_role("link", name="Watchlists").click()
        expect(heading(page, "Watchlists")).to_be_visible()

    with step("create a watchlist"):
        page.get_by_label("Name").fill("Majors")
        page.get_by_role("button", name="Create watchlist").click()
        expect(page.get_by_role("heading", name="Majors")).to_be_visible()

    rows = page.get_by_role("main").get_by_role("listitem")
    with step("add two symbols, one without data"):
        page.get_by_label("Symbol").fill(first)
        page.get_by_role("button", name="Add symbol").click()
        expect(rows.filter(has_text=first)).to_contain_text(candles[-1].c)
        page.get_by_label("Symbol").fill(second)
        page.get_by_role("button", name="Add symbol").click()
        expect(rows.filter(has_text=second)).to_contain_text("No data yet")

    with step("a price moves live"):
        ingest(stack.invoke_api, first, [Candle(t=current_minute(), o="50.00", h="61.00", l="49.00", c="60.75")])
        expect(rows.filter(has_text=first)).to_contain_text("60.75")

    with step("reorder survives a reload of the list"):
        page.get_by_role("button", name=f"Move {second} up").click()
        expect(rows.first).to_contain_text(second)
        page.get_by_role("link", name="Charts").click()
        page.get_by_role("link", name="Watchlists").click()
        expect(rows.first).to_contain_text(second)

    with step("a symbol the API refuses is explained"):
        page.get_by_label("Symbol").fill("not a symbol!")
        page.get_by_role("button", name="Add symbol").click()
        expect(page.get_by_label("Symbol")).to_have_attribute("aria-invalid", "true")


def test_the_account_changes_its_name_and_password_and_can_be_deleted(page: Page):
    step = Steps(page, "account")
    email = f"owner-{secrets.token_hex(4)}@example.com"

    with step("sign up and open the account"):
        new_account(page, email, "first password here")
        page.get_by_role("link", name="Account").click()
        expect(heading(page, "Account")).to_be_visible()

    with step("change the display name"):
        page.get_by_label("Display name").fill("Grace")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Saved.")).to_be_visible()

    with step("a wrong current password is said next to it"):
        page.get_by_label("Current password").fill("not my password")
        page.get_by_label("New password").fill("second password here")
        page.get_by_role("button", name="Change password").click()
        expect(page.get_by_label("Current password")).to_have_attribute("aria-invalid", "true")

    with step("change the password, which ends the session"):
        page.get_by_label("Current password").fill("first password here")
        page.get_by_role("button", name="Change password").click()
        expect(heading(page, "Log in")).to_be_visible()
        expect(page.get_by_text("Your password was changed")).to_be_visible()

    with step("log in with the new password; the name was kept"):
        log_in(page, email, "second password here")
        expect(heading(page, "Charts")).to_be_visible()
        page.get_by_role("link", name="Account").click()
        expect(page.get_by_label("Display name")).to_have_value("Grace")

    with step("delete the account"):
        delete_form = page.locator("form").filter(has=page.get_by_role("heading", name="Delete account"))
        delete_form.get_by_label("Password").fill("second password here")
        delete_form.get_by_role("button", name="Delete account").click()
        delete_form.get_by_role("button", name="Yes").click()
        expect(heading(page, "Log in")).to_be_visible()
        expect(page.get_by_text("Your account and everything in it were deleted.")).to_be_visible()

    with step("the deleted account cannot log in"):
        log_in(page, email, "second password here")
        expect(page.get_by_role("alert")).to_contain_text("Email or password is wrong")
