import assert from "node:assert/strict";
import { test } from "node:test";
import { chartLayout } from "../src/chart/layout";

test("candles go above volume, the price axis right and the time axis below", () => {
  assert.deepEqual(chartLayout(800, 424, 64), {
    price: { x: 0, y: 8, width: 736, height: 304 },
    volume: { x: 0, y: 320, width: 736, height: 80 },
    priceAxis: { x: 736, y: 0, width: 64, height: 400 },
    timeAxis: { x: 0, y: 400, width: 736, height: 24 },
  });
});

test("the volume pane takes a fifth of the plot height, rounded", () => {
  const layout = chartLayout(300, 131, 56);
  assert.equal(layout.volume.height, 21);
  assert.equal(layout.volume.y, 86);
  assert.equal(layout.price.height, 70);
});

test("a canvas smaller than the axes gives empty panes, never negative sizes", () => {
  const layout = chartLayout(50, 10, 64);
  assert.deepEqual(layout.price, { x: 0, y: 8, width: 0, height: 0 });
  assert.deepEqual(layout.priceAxis, { x: 0, y: 0, width: 50, height: 0 });
  assert.equal(layout.volume.height, 0);
});
