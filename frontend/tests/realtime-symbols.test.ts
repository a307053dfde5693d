import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidSymbol, normalizeSymbol } from "../src/realtime/symbols";

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
