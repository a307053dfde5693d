import assert from "node:assert/strict";
import { test } from "node:test";
import { endedMessage } from "../src/auth/endedMessage";

test("the login page says why the last session ended", () => {
  assert.equal(endedMessage("expired"), "Your session ended; log in again.");
  assert.equal(endedMessage("password_changed"), "Your password was changed. Log in with the new one.");
  assert.equal(endedMessage("deleted"), "Your account and everything in it were deleted.");
});

test("after a plain logout or before any session the login page says nothing", () => {
  assert.equal(endedMessage("logout"), null);
  assert.equal(endedMessage(null), null);
});
