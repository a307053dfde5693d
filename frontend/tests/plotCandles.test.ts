import assert from "node:assert/strict";
import { test } from "node:test";
import type { Candle } from "../src/api/types";
import { plotIndexOf, toPlotCandles } from "../src/chart/plotCandles";

const candle = (o: string, c: string): Candle =>
  ({ t: "2026-03-04T13:00:00.000Z", o, h: "200", l: "0.5", c, v: "1.25" });

test("plot candles carry the numbers of the decimal strings", () => {
  assert.deepEqual(toPlotCandles([candle("100", "99.99")]), [{
    time: Date.UTC(2026, 2, 4, 13), open: 100, high: 200, low: 0.5, close: 99.99, volume: 1.25, rising: false,
  }]);
});

test("a candle whose close equals its open counts as rising", () => {
  assert.equal(toPlotCandles([candle("10", "10.00")])[0].rising, true);
  assert.equal(toPlotCandles([candle("9.5", "10")])[0].rising, true);
});

test("rising is decided on the exact digits, beyond what a double tells apart", () => {
  assert.equal(toPlotCandles([candle("1", "1.00000000000000000001")])[0].rising, true);
  assert.equal(toPlotCandles([candle("1", "0.99999999999999999999")])[0].rising, false);
});

test("plotIndexOf finds a candle by open time, or -1", () => {
  const plot = [10, 20, 30, 40, 50].map((time) => ({
    time, open: 1, high: 1, low: 1, close: 1, volume: 1, rising: true,
  }));
  assert.deepEqual([10, 20, 30, 40, 50].map((time) => plotIndexOf(plot, time)), [0, 1, 2, 3, 4]);
  assert.equal(plotIndexOf(plot, 35), -1);
  assert.equal(plotIndexOf(plot, 5), -1);
  assert.equal(plotIndexOf(plot, 60), -1);
  assert.equal(plotIndexOf([], 10), -1);
});
