import assert from "node:assert/strict";
import { test } from "node:test";
import { characterCount, nameProblem } from "../src/market/text";

test("characters are counted as code points, not UTF-16 units", () => {
  assert.equal(characterCount(""), 0);
  assert.equal(characterCount("abc"), 3);
  assert.equal(characterCount("\u{1F600}\u00E9"), 2);
  assert.equal("\u{1F600}".length, 2);
});

test("a name has 1 to 100 characters", () => {
  assert.equal(nameProblem(""), "Enter a name.");
  assert.equal(nameProblem("x"), null);
  assert.equal(nameProblem("x".repeat(100)), null);
  assert.equal(nameProblem("x".repeat(101)), "A name has at most 100 characters.");
});

test("100 emoji are a valid name though they are 200 UTF-16 units", () => {
  assert.equal(nameProblem("\u{1F4C8}".repeat(100)), null);
  assert.equal(nameProblem("\u{1F4C8}".repeat(101)), "A name has at most 100 characters.");
});

test("a name's maximum can be set", () => {
  assert.equal(nameProblem("x".repeat(64), 64), null);
  assert.equal(nameProblem("x".repeat(65), 64), "A name has at most 64 characters.");
});
