import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidSymbol, normalizeSymbol, symbolProblem } from "../src/market/symbol";

test("a symbol is stored trimmed and upper-cased", () => {
  assert.equal(normalizeSymbol("  binance:btcusdt "), "BINANCE:BTCUSDT");
  assert.equal(normalizeSymbol("eur/usd"), "EUR/USD");
});

test("API.md's examples and every allowed character are accepted", () => {
  for (const ok of ["AAPL", "BINANCE:BTCUSDT", "EUR/USD", "BRK.B", "ES_F", "BTC-PERP", "A", "0123456789"]) {
    assert.equal(symbolProblem(ok), null, ok);
  }
});

test("a symbol has 1 to 32 characters", () => {
  assert.equal(symbolProblem(""), "Enter a symbol.");
  assert.equal(symbolProblem("A".repeat(32)), null);
  assert.equal(symbolProblem("A".repeat(33)), "A symbol has at most 32 characters.");
});

test("characters outside A-Z 0-9 . : / _ - are refused", () => {
  for (const bad of ["EUR USD", "BTC$", "ÄPFEL", "A\tB", "A+B", "A,B", "€"]) {
    assert.equal(symbolProblem(bad), "Use only letters, digits and . : / _ -", bad);
  }
});

test("lower case is refused until normalized", () => {
  assert.equal(symbolProblem("btcusdt"), "Use only letters, digits and . : / _ -");
  assert.equal(symbolProblem(normalizeSymbol(" btcusdt ")), null);
});

test("realtime symbols are keyed trimmed and upper-cased", () => {
  assert.equal(normalizeSymbol(" binance:ethusdt\n"), "BINANCE:ETHUSDT");
});

test("only symbols the API accepts are valid for a subscription", () => {
  for (const ok of ["AAPL", "BINANCE:BTCUSDT", "EUR/USD", "A", "X".repeat(32), "A.B:C/D_E-F"]) {
    assert.equal(isValidSymbol(ok), true, ok);
  }
  for (const bad of ["", "X".repeat(33), "btc", "EUR USD", "BTC$", "É"]) {
    assert.equal(isValidSymbol(bad), false, bad);
  }
});

test("normalizing and filtering drops the symbols that would spoil a subscribe message", () => {
  const wanted = ["btcusdt", " eth ", "bad symbol", "", "x".repeat(33)];
  assert.deepEqual(wanted.map(normalizeSymbol).filter(isValidSymbol), ["BTCUSDT", "ETH"]);
});
