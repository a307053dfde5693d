import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../src/api/ApiError";
import { fieldError } from "../src/api/fieldError";
import { NetworkError } from "../src/api/NetworkError";

const invalid = new ApiError({
  type: "about:blank", title: "Unprocessable Content", status: 422, code: "validation_failed",
  errors: [
    { field: "name", code: "too_long", message: "at most 100 characters" },
    { field: "symbol", code: "invalid", message: "not a symbol" },
  ],
});

test("fieldError gives the 422 message of the named field", () => {
  assert.equal(fieldError(invalid, "name"), "at most 100 characters");
  assert.equal(fieldError(invalid, "symbol"), "not a symbol");
});

test("fieldError is undefined for another field, an error without fields or a non-API error", () => {
  assert.equal(fieldError(invalid, "price"), undefined);
  const notFound = new ApiError({ type: "about:blank", title: "Not Found", status: 404, code: "not_found" });
  assert.equal(fieldError(notFound, "name"), undefined);
  assert.equal(fieldError(new NetworkError(new Error("offline")), "name"), undefined);
  assert.equal(fieldError(null, "name"), undefined);
});
