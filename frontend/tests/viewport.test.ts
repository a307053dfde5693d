import assert from "node:assert/strict";
import { test } from "node:test";
import {
  clampViewport, indexAtX, initialViewport, maxRightOffset, panBy, revealIndex, visibleRange,
  xOfIndex, zoomAround,
} from "../src/chart/viewport";

// 100 candles, 10 px apart, on a 500 px plot.
const view = { spacing: 10, rightOffset: 0 };

test("the newest candle sits one blank bar and a half from the right edge", () => {
  assert.equal(xOfIndex(view, 100, 500, 99), 485);
  assert.equal(xOfIndex(view, 100, 500, 51), 5);
  assert.equal(xOfIndex({ spacing: 10, rightOffset: 10 }, 100, 500, 89), 485);
});

test("indexAtX is the inverse of xOfIndex", () => {
  assert.equal(indexAtX(view, 100, 500, 485), 99);
  assert.equal(indexAtX(view, 100, 500, 0), 50.5);
  assert.equal(indexAtX(view, 100, 500, xOfIndex(view, 100, 500, 42)), 42);
});

test("the visible range holds the candles at least partly on screen", () => {
  // Candle 51 spans 0..10 px; candle 50 (-10..0 px) only touches the left edge.
  assert.deepEqual(visibleRange(view, 100, 500), { first: 51, last: 99 });
  // A quarter bar further right, candle 50 shows its right part.
  assert.deepEqual(visibleRange({ spacing: 10, rightOffset: 0.25 }, 100, 500), { first: 50, last: 99 });
});

test("a candle that only touches the right edge is not in the visible range", () => {
  // Ten bars hidden to the right: candle 90 spans 490..500 px, candle 91 starts at 500 px.
  assert.deepEqual(visibleRange({ spacing: 10, rightOffset: 10 }, 100, 500), { first: 41, last: 90 });
  assert.deepEqual(visibleRange({ spacing: 8, rightOffset: 10 }, 100, 400), { first: 41, last: 90 });
});

test("nothing is visible without candles or without width", () => {
  assert.equal(visibleRange(view, 0, 500), null);
  assert.equal(visibleRange(view, 100, 0), null);
});

test("panning back stops while five of the oldest candles are on screen", () => {
  assert.equal(maxRightOffset(100), 95);
  assert.equal(maxRightOffset(3), 0);
  assert.deepEqual(panBy(view, 100, 30), { spacing: 10, rightOffset: 30 });
  assert.deepEqual(panBy(view, 100, 200), { spacing: 10, rightOffset: 95 });
  assert.deepEqual(panBy({ spacing: 10, rightOffset: 3 }, 100, -5), { spacing: 10, rightOffset: 0 });
});

test("clamping keeps spacing within 2..48 px and returns the same view when nothing changes", () => {
  assert.deepEqual(clampViewport({ spacing: 1, rightOffset: -4 }, 100), { spacing: 2, rightOffset: 0 });
  assert.deepEqual(clampViewport({ spacing: 60, rightOffset: 99 }, 100), { spacing: 48, rightOffset: 95 });
  const fine = { spacing: 10, rightOffset: 7 };
  assert.equal(clampViewport(fine, 100), fine);
  assert.deepEqual(initialViewport, { spacing: 8, rightOffset: 0 });
});

test("zooming keeps the candle under the pointer where it is", () => {
  assert.deepEqual(zoomAround(view, 100, 500, 250, 2), { spacing: 20, rightOffset: 12.5 });
  assert.equal(indexAtX({ spacing: 20, rightOffset: 12.5 }, 100, 500, 250), indexAtX(view, 100, 500, 250));
  assert.deepEqual(zoomAround(view, 100, 500, 500, 2), { spacing: 20, rightOffset: 0 });
});

test("zooming stops at the spacing limits", () => {
  assert.deepEqual(zoomAround(view, 100, 500, 500, 0.1), { spacing: 2, rightOffset: 0 });
  assert.equal(zoomAround(view, 100, 500, 500, 10).spacing, 48);
});

test("revealing a candle off the left edge pans just enough to show it whole at the left", () => {
  const shown = revealIndex(view, 100, 500, 40);
  assert.deepEqual(shown, { spacing: 10, rightOffset: 11 });
  assert.equal(xOfIndex(shown, 100, 500, 40), 5);
});

test("revealing a candle off the right edge brings it to the newest position", () => {
  const shown = revealIndex({ spacing: 10, rightOffset: 30 }, 100, 500, 95);
  assert.deepEqual(shown, { spacing: 10, rightOffset: 4 });
  assert.equal(xOfIndex(shown, 100, 500, 95), 485);
});

test("revealing a candle already on screen changes nothing", () => {
  assert.equal(revealIndex(view, 100, 500, 90), view);
});
