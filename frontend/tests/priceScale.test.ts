import assert from "node:assert/strict";
import { test } from "node:test";
import { paddedRange, priceTicks, priceToY, yToPrice } from "../src/chart/priceScale";

const scale = { min: 100, max: 200, top: 0, bottom: 400 };

test("prices map linearly onto pixels, the maximum at the top", () => {
  assert.equal(priceToY(scale, 200), 0);
  assert.equal(priceToY(scale, 100), 400);
  assert.equal(priceToY(scale, 150), 200);
  assert.equal(priceToY(scale, 125), 300);
});

test("a pixel maps back to its price", () => {
  assert.equal(yToPrice(scale, 100), 175);
  assert.equal(yToPrice(scale, 400), 100);
  assert.equal(yToPrice(scale, priceToY(scale, 137.5)), 137.5);
});

test("a range is padded by a share of its span on each side", () => {
  assert.deepEqual(paddedRange(100, 200, 0.1), [90, 210]);
});

test("a flat range is padded by 1% of the price, or by 1 around zero", () => {
  assert.deepEqual(paddedRange(50, 50, 0.08), [49.5, 50.5]);
  assert.deepEqual(paddedRange(0, 0, 0.08), [-1, 1]);
});

test("ticks fall on nice steps of 1, 2, 2.5 or 5 times a power of ten", () => {
  assert.deepEqual(priceTicks(0, 100, 5), { values: [0, 20, 40, 60, 80, 100], decimals: 0 });
  assert.deepEqual(priceTicks(0, 1, 6), { values: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 });
  assert.deepEqual(priceTicks(3, 97, 2), { values: [50], decimals: 0 });
});

test("a step of 2.5 gets one more decimal place than its power of ten", () => {
  assert.deepEqual(priceTicks(99.5, 100.75, 5), {
    values: [99.5, 99.75, 100, 100.25, 100.5, 100.75],
    decimals: 2,
  });
});

test("small prices get as many decimals as their step needs", () => {
  const ticks = priceTicks(0.000101, 0.000149, 4); // step 0.00002
  assert.equal(ticks.decimals, 5);
  assert.deepEqual(ticks.values, [0.00012, 0.00014]);
});

test("ticks are capped at 50 even when asked for more", () => {
  assert.equal(priceTicks(0, 1000, 500).values.length, 50);
});
