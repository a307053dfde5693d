import assert from "node:assert/strict";
import { test } from "node:test";
import { compareDecimal, maxDecimal, minDecimal, priceProblem } from "../src/market/decimal";

test("\"10\" is above \"9.5\": integer digits count before any text order", () => {
  assert.equal(compareDecimal("10", "9.5"), 1);
  assert.equal(compareDecimal("9.5", "10"), -1);
  assert.equal(compareDecimal("100", "99.99999999"), 1);
});

test("fractions compare digit by digit: 0.1 is above 0.09", () => {
  assert.equal(compareDecimal("0.1", "0.09"), 1);
  assert.equal(compareDecimal("0.5", "1"), -1);
  assert.equal(compareDecimal("1.25", "1.3"), -1);
});

test("trailing zeros of the fraction and leading zeros change no value", () => {
  assert.equal(compareDecimal("1.50", "1.5"), 0);
  assert.equal(compareDecimal("1.000", "1"), 0);
  assert.equal(compareDecimal("007", "7"), 0);
  assert.equal(compareDecimal("0.0", "0"), 0);
  assert.equal(compareDecimal("00.10", "0.1"), 0);
});

test("long digits beyond a double's precision still compare exactly", () => {
  // Both pairs are equal as doubles.
  assert.equal(compareDecimal("1234567890123456789012345678", "1234567890123456789012345679"), -1);
  assert.equal(compareDecimal("0.12345678901234567891", "0.1234567890123456789"), 1);
  assert.equal(compareDecimal("99999999999999999999.99999999", "100000000000000000000"), -1);
  assert.equal(compareDecimal("1234567890123456789012345678", "1234567890123456789012345678.00"), 0);
});

test("surrounding spaces are ignored and anything else falls back to numbers", () => {
  assert.equal(compareDecimal(" 2 ", "10"), -1);
  assert.equal(compareDecimal("1e3", "999"), 1);
});

test("max and min pick the original string of the larger and smaller value", () => {
  assert.equal(maxDecimal("9.5", "10"), "10");
  assert.equal(minDecimal("9.5", "10"), "9.5");
  assert.equal(maxDecimal("0.30", "0.3"), "0.30", "a tie keeps the first");
  assert.equal(minDecimal("0.3", "0.30"), "0.3");
  assert.equal(maxDecimal("1.00000000000000000002", "1.00000000000000000001"), "1.00000000000000000002");
});

test("a price must be entered and be a plain decimal with a dot", () => {
  assert.equal(priceProblem(""), "Enter a price.");
  assert.equal(priceProblem("   "), "Enter a price.");
  for (const bad of ["abc", "1,5", "-5", "+5", "1e3", ".5", "5.", "1.2.3"]) {
    assert.equal(priceProblem(bad), "Enter a number such as 42000.50, with a dot for decimals.", bad);
  }
});

test("a price must be above zero", () => {
  assert.equal(priceProblem("0"), "The price must be above zero.");
  assert.equal(priceProblem("0.00000000"), "The price must be above zero.");
  assert.equal(priceProblem("000"), "The price must be above zero.");
});

test("a price has at most 8 decimal places, not counting trailing zeros", () => {
  assert.equal(priceProblem("0.00000001"), null);
  assert.equal(priceProblem("1.12345678"), null);
  assert.equal(priceProblem("1.123456780"), null);
  assert.equal(priceProblem("1.123456789"), "Use at most 8 decimal places.");
  assert.equal(priceProblem("0.000000001"), "Use at most 8 decimal places.");
});

test("a price has at most 20 significant digits, not counting leading zeros", () => {
  assert.equal(priceProblem("12345678901234567890"), null);
  assert.equal(priceProblem("000012345678901234567890"), null);
  assert.equal(priceProblem("123456789012.12345678"), null);
  assert.equal(priceProblem("123456789012345678901"), "Use at most 20 significant digits.");
  assert.equal(priceProblem("1234567890123.12345678"), "Use at most 20 significant digits.");
});

test("a typed price is trimmed first", () => {
  assert.equal(priceProblem("  42000.50 "), null);
});
