import assert from "node:assert/strict";
import { test } from "node:test";
import { chartFrame } from "../src/chart/frame";
import type { PlotCandle } from "../src/chart/plotCandles";

/** 7 px a character. */
const measure = (text: string) => text.length * 7;

function plot(time: number, low: number, high: number, volume: number): PlotCandle {
  return { time, open: low, high, low, close: high, volume, rising: true };
}

test("an empty chart has no range, a 0..1 scale and an axis sized for the last close", () => {
  const frame = chartFrame([], "1h", { spacing: 8, rightOffset: 0 }, 800, 424, "12345.67", measure);
  // "12345.67" is 56 px, plus 16 px padding: 72 px, a multiple of 8.
  assert.deepEqual(frame.layout.priceAxis, { x: 728, y: 0, width: 72, height: 400 });
  assert.equal(frame.range, null);
  assert.deepEqual(frame.timeTicks, []);
  assert.deepEqual(frame.scale, { min: 0, max: 1, top: 8, bottom: 312 });
  assert.deepEqual(frame.priceTicks, { values: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 });
  assert.equal(frame.maxVolume, 0);
});

test("the price axis is at least 56 px and widens to fit the widest tick label", () => {
  const candles = [
    plot(Date.UTC(2026, 2, 2), 1_000_000, 1_500_000, 3),
    plot(Date.UTC(2026, 2, 3), 1_200_000, 2_000_000, 7.5),
  ];
  const frame = chartFrame(candles, "1d", { spacing: 8, rightOffset: 0 }, 800, 424, "1", measure);
  // Ticks 1000000..2000000 every 200000: "1000000" is 49 px, plus 16 is 65, rounded up to 72.
  assert.equal(frame.layout.priceAxis.width, 72);
  assert.equal(frame.layout.price.width, 728);
  assert.deepEqual(frame.range, { first: 0, last: 1 });
  assert.deepEqual(frame.scale, { min: 920_000, max: 2_080_000, top: 8, bottom: 312 });
  assert.deepEqual(frame.priceTicks.values, [1_000_000, 1_200_000, 1_400_000, 1_600_000, 1_800_000, 2_000_000]);
  assert.equal(frame.maxVolume, 7.5);
});

test("only visible candles set the price scale and the volume maximum", () => {
  // 100 px wide plot (156 - 56), 10 px a bar: the newest 9 of 20 candles show.
  const candles = Array.from({ length: 20 }, (_, index) =>
    index < 5 ? plot(index * 60_000, 1, 1000, 500) : plot(index * 60_000, 10, 20, index));
  const frame = chartFrame(candles, "1m", { spacing: 10, rightOffset: 0 }, 156, 424, "20", measure);
  assert.deepEqual(frame.range, { first: 11, last: 19 });
  assert.equal(frame.maxVolume, 19);
  assert.deepEqual([frame.scale.min, frame.scale.max], [9.2, 20.8]);
});
