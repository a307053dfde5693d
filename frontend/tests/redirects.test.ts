import assert from "node:assert/strict";
import { test } from "node:test";
import { loginPath, nextPath } from "../src/auth/redirects";

test("after login the app goes to ?next= when it is a path of this app", () => {
  assert.equal(nextPath("?next=%2Fcharts%2F42"), "/charts/42");
  assert.equal(nextPath("?next=/alerts?status=active"), "/alerts?status=active");
  assert.equal(nextPath("?next=%2Falerts%3Fstatus%3Dactive"), "/alerts?status=active");
  assert.equal(nextPath("?next=/loginx"), "/loginx");
});

test("without a usable ?next= the app goes to the charts", () => {
  assert.equal(nextPath(""), "/charts");
  assert.equal(nextPath("?other=/x"), "/charts");
  assert.equal(nextPath("?next=charts"), "/charts");
  assert.equal(nextPath("?next=https://evil.example/"), "/charts");
});

test("?next= never leaves the site", () => {
  assert.equal(nextPath("?next=//evil.example/"), "/charts");
  assert.equal(nextPath("?next=%2F%2Fevil.example"), "/charts");
  assert.equal(nextPath("?next=/%5Cevil.example"), "/charts");
});

test("?next= never points back at login or sign-up", () => {
  for (const next of ["/login", "/login/", "/login?next=/x", "/signup", "/signup#top"]) {
    assert.equal(nextPath(`?next=${encodeURIComponent(next)}`), "/charts", next);
  }
});

test("the login page brings you back after an expiry or a first visit", () => {
  assert.equal(loginPath("/charts/42?x=1", null), "/login?next=%2Fcharts%2F42%3Fx%3D1");
  assert.equal(loginPath("/alerts", "expired"), "/login?next=%2Falerts");
});

test("after a logout, a password change or deletion the login page starts over", () => {
  assert.equal(loginPath("/alerts", "password_changed"), "/login");
  assert.equal(loginPath("/alerts", "deleted"), "/login");
  assert.equal(loginPath("/alerts", "logout"), "/login");
});
