import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError, describeError } from "../src/api/ApiError";
import { NetworkError } from "../src/api/NetworkError";
import type { Problem } from "../src/api/types";

function problem(status: number, code: string, extra: Partial<Problem> = {}): Problem {
  return { type: "about:blank", title: `Title ${status}`, status, code, ...extra };
}

test("429 says too many attempts and how long to wait, from retry-after", () => {
  const throttled = problem(429, "too_many_attempts");
  assert.equal(describeError(new ApiError(throttled, 30)), "Too many attempts. Try again in 30 seconds.");
  assert.equal(describeError(new ApiError(throttled, 1)), "Too many attempts. Try again in 1 second.");
  assert.equal(describeError(new ApiError(throttled)), "Too many attempts. Try again in a moment.");
});

test("503 says the database cannot be reached and how long to wait", () => {
  const down = problem(503, "unavailable");
  assert.equal(
    describeError(new ApiError(down, 5)),
    "ChronoView can't reach its database right now. Try again in 5 seconds.",
  );
  assert.equal(
    describeError(new ApiError(down, null)),
    "ChronoView can't reach its database right now. Try again in a moment.",
  );
});

test("a retry-after of zero does not say \"in 0 seconds\"", () => {
  assert.equal(describeError(new ApiError(problem(429, "too_many_attempts"), 0)),
    "Too many attempts. Try again in a moment.");
  assert.equal(describeError(new ApiError(problem(503, "unavailable"), 0)),
    "ChronoView can't reach its database right now. Try again in a moment.");
});

test("a request that got no answer says to check the connection", () => {
  assert.equal(describeError(new NetworkError(new TypeError("Failed to fetch"))),
    "Can't reach ChronoView. Check your connection.");
});

test("anything that is not an API or network error gets a general sentence", () => {
  assert.equal(describeError(new Error("boom")), "Something went wrong. Try again.");
  assert.equal(describeError("boom"), "Something went wrong. Try again.");
  assert.equal(describeError(undefined), "Something went wrong. Try again.");
});

test("401 and 403 tell wrong credentials from an ended session or a refusal", () => {
  assert.equal(describeError(new ApiError(problem(401, "invalid_credentials"))), "Email or password is wrong.");
  assert.equal(describeError(new ApiError(problem(401, "unauthorized"))), "Your session ended; log in again.");
  assert.equal(describeError(new ApiError(problem(403, "invalid_credentials"))), "Current password is wrong.");
  assert.equal(describeError(new ApiError(problem(403, "forbidden"))), "You can't do that.");
});

test("404, 412, 413 and 500 have their own sentences", () => {
  assert.equal(describeError(new ApiError(problem(404, "not_found"))), "This wasn't found. It may have been deleted.");
  assert.equal(describeError(new ApiError(problem(412, "precondition_failed"))), "This was changed elsewhere; reload it.");
  assert.equal(describeError(new ApiError(problem(413, "payload_too_large"))), "That's too large to save.");
  assert.equal(describeError(new ApiError(problem(500, "internal"))), "Something went wrong at ChronoView. Try again.");
});

test("409 names the conflict by its code, else shows the detail", () => {
  assert.equal(describeError(new ApiError(problem(409, "email_taken"))),
    "An account with this email already exists. Log in instead?");
  assert.equal(describeError(new ApiError(problem(409, "name_taken"))),
    "That name is already in use. Choose another one.");
  assert.equal(describeError(new ApiError(problem(409, "limit_reached"))),
    "You've reached the limit for these. Delete some to make room.");
  assert.equal(describeError(new ApiError(problem(409, "other", { detail: "Locked." }))), "Locked.");
  assert.equal(describeError(new ApiError(problem(409, "other"))), "Title 409");
});

test("other statuses show the problem's detail, else its title", () => {
  assert.equal(describeError(new ApiError(problem(422, "validation_failed", { detail: "2 fields are invalid" }))),
    "2 fields are invalid");
  assert.equal(describeError(new ApiError(problem(418, "teapot"))), "Title 418");
});

test("an ApiError carries status, code, message and each field's message", () => {
  const error = new ApiError(problem(422, "validation_failed", {
    detail: "1 field is invalid",
    errors: [{ field: "email", code: "invalid", message: "not an email address" }],
  }));
  assert.equal(error.status, 422);
  assert.equal(error.code, "validation_failed");
  assert.equal(error.message, "1 field is invalid");
  assert.equal(error.name, "ApiError");
  assert.equal(error.retryAfter, null);
  assert.equal(error.fieldMessage("email"), "not an email address");
  assert.equal(error.fieldMessage("password"), undefined);
  assert.equal(new ApiError(problem(404, "not_found")).message, "Title 404");
});

test("fromResponse reads a problem+json body and the retry-after header", async () => {
  const response = new Response(
    JSON.stringify({ type: "about:blank", title: "Too Many Requests", status: 429, code: "too_many_attempts" }),
    { status: 429, headers: { "content-type": "application/problem+json", "retry-after": "30" } },
  );
  const error = await ApiError.fromResponse(response);
  assert.equal(error.status, 429);
  assert.equal(error.code, "too_many_attempts");
  assert.equal(error.retryAfter, 30);
  assert.equal(describeError(error), "Too many attempts. Try again in 30 seconds.");
});

test("fromResponse makes a problem from the status when a proxy answered with HTML", async () => {
  const response = new Response("<html>Bad Gateway</html>", { status: 502, statusText: "Bad Gateway" });
  const error = await ApiError.fromResponse(response);
  assert.deepEqual(error.problem, { type: "about:blank", title: "Bad Gateway", status: 502, code: "http_error" });
  assert.equal(error.retryAfter, null);
  assert.equal(describeError(error), "Bad Gateway");
});
