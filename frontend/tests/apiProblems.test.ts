import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../src/api/ApiError";
import type { FieldProblem } from "../src/api/types";
import { hasStatus, isFieldProblem } from "../src/market/apiProblems";

function unprocessable(fields: string[], status = 422): ApiError {
  const errors: FieldProblem[] = fields.map((field) => ({ field, code: "invalid", message: `bad ${field}` }));
  return new ApiError({ type: "about:blank", title: "x", status, code: "validation_failed", errors });
}

test("hasStatus is true only for an ApiError of that status", () => {
  assert.equal(hasStatus(unprocessable([], 412), 412), true);
  assert.equal(hasStatus(unprocessable([], 412), 404), false);
  assert.equal(hasStatus(new Error("412"), 412), false);
});

test("a 422 about the form's own fields only is a field problem", () => {
  assert.equal(isFieldProblem(unprocessable(["symbol", "price"]), ["symbol", "price", "note"]), true);
  assert.equal(isFieldProblem(unprocessable(["price"]), ["symbol", "price"]), true);
});

test("a 422 naming a field the form does not show is not a field problem", () => {
  assert.equal(isFieldProblem(unprocessable(["symbol", "condition"]), ["symbol", "price"]), false);
});

test("a 422 naming no field, another status or another error is not a field problem", () => {
  assert.equal(isFieldProblem(unprocessable([]), ["symbol"]), false);
  assert.equal(isFieldProblem(unprocessable(["symbol"], 409), ["symbol"]), false);
  assert.equal(isFieldProblem(new Error("422"), ["symbol"]), false);
});
