import assert from "node:assert/strict";
import { test } from "node:test";
import { readProblem, readRetryAfter } from "../src/api/problem";

test("a problem+json body is read as it is, with the response's status", () => {
  const body = {
    type: "about:blank", title: "Unprocessable Content", status: 400, code: "validation_failed",
    detail: "2 fields are invalid",
    errors: [
      { field: "email", code: "invalid", message: "not an email address" },
      { field: "password", code: "too_short", message: "at least 8 bytes" },
    ],
  };
  assert.deepEqual(readProblem(422, "Unprocessable Entity", body), { ...body, status: 422 });
});

test("malformed field errors are dropped and optional fields default", () => {
  const body = {
    title: "Unprocessable Content", code: "validation_failed", detail: 7,
    errors: [{ field: "name", code: "invalid", message: "too long" }, { field: "x" }, "oops", null],
  };
  assert.deepEqual(readProblem(422, "", body), {
    type: "about:blank", title: "Unprocessable Content", status: 422, code: "validation_failed",
    detail: undefined, errors: [{ field: "name", code: "invalid", message: "too long" }],
  });
});

test("API Gateway's own error and non-problem bodies become an http_error problem", () => {
  const standIn = { type: "about:blank", title: "Not Found", status: 404, code: "http_error" };
  assert.deepEqual(readProblem(404, "Not Found", { message: "Not Found" }), standIn);
  assert.deepEqual(readProblem(404, "Not Found", null), standIn);
  assert.deepEqual(readProblem(404, "Not Found", [1, 2]), standIn);
  assert.deepEqual(readProblem(404, "Not Found", { title: "No code" }), standIn);
});

test("without a status text the stand-in problem is titled by the status", () => {
  assert.equal(readProblem(502, "", "<html>").title, "HTTP 502");
});

test("retry-after in seconds is read, rounded up and never negative", () => {
  assert.equal(readRetryAfter("120"), 120);
  assert.equal(readRetryAfter(" 5 "), 5);
  assert.equal(readRetryAfter("1.2"), 2);
  assert.equal(readRetryAfter("0"), 0);
  assert.equal(readRetryAfter("-3"), 0);
});

test("a missing, empty or unreadable retry-after is null", () => {
  assert.equal(readRetryAfter(null), null);
  assert.equal(readRetryAfter(""), null);
  assert.equal(readRetryAfter("   "), null);
  assert.equal(readRetryAfter("soon"), null);
});

test("retry-after as an HTTP date counts the seconds until then, or 0 once past", () => {
  assert.equal(readRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), 0);
  const inAMinute = new Date(Date.now() + 61_000).toUTCString(); // whole seconds: 60 to 61 s away
  const seconds = readRetryAfter(inAMinute);
  assert.ok(seconds !== null && seconds >= 59 && seconds <= 61, String(seconds));
});
