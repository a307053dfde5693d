import assert from "node:assert/strict";
import { test } from "node:test";
import type { Candle } from "../src/api/types";
import { findCandleIndex, mergeCandles } from "../src/chart/series";

function candle(t: string, c = "1"): Candle {
  return { t, o: "1", h: c, l: "1", c, v: "0" };
}
const times = (candles: readonly Candle[]) => candles.map((item) => item.t);

test("merging older history puts it first, oldest to newest", () => {
  const current = [candle("2026-03-04T13:00:00.000Z"), candle("2026-03-04T13:15:00.000Z")];
  const older = [candle("2026-03-04T12:30:00.000Z"), candle("2026-03-04T12:45:00.000Z")];
  assert.deepEqual(times(mergeCandles(current, older)), [
    "2026-03-04T12:30:00.000Z", "2026-03-04T12:45:00.000Z",
    "2026-03-04T13:00:00.000Z", "2026-03-04T13:15:00.000Z",
  ]);
});

test("an overlapping page adds no duplicates and its candle replaces the one with the same open time", () => {
  const current = [candle("2026-03-04T13:00:00.000Z", "5"), candle("2026-03-04T13:15:00.000Z", "6")];
  const page = [candle("2026-03-04T12:45:00.000Z", "4"), candle("2026-03-04T13:00:00.000Z", "7")];
  const merged = mergeCandles(current, page);
  assert.deepEqual(times(merged), [
    "2026-03-04T12:45:00.000Z", "2026-03-04T13:00:00.000Z", "2026-03-04T13:15:00.000Z",
  ]);
  assert.deepEqual(merged.map((item) => item.c), ["4", "7", "6"]);
});

test("the same instant written without milliseconds is the same candle", () => {
  const merged = mergeCandles([candle("2026-03-04T13:00:00.000Z", "1")], [candle("2026-03-04T13:00:00Z", "2")]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].c, "2");
});

test("merging sorts unsorted input and leaves both inputs as they were", () => {
  const current = [candle("2026-03-04T13:30:00.000Z"), candle("2026-03-04T13:00:00.000Z")];
  const incoming = [candle("2026-03-04T13:15:00.000Z")];
  const merged = mergeCandles(current, incoming);
  assert.deepEqual(times(merged), [
    "2026-03-04T13:00:00.000Z", "2026-03-04T13:15:00.000Z", "2026-03-04T13:30:00.000Z",
  ]);
  assert.deepEqual(times(current), ["2026-03-04T13:30:00.000Z", "2026-03-04T13:00:00.000Z"]);
  assert.equal(incoming.length, 1);
});

test("findCandleIndex finds a candle by its open time and says -1 for gaps and outside times", () => {
  const series = ["13:00", "13:15", "13:45", "14:00"].map((hm) => candle(`2026-03-04T${hm}:00.000Z`));
  const index = (hm: string) => findCandleIndex(series, Date.parse(`2026-03-04T${hm}:00.000Z`));
  assert.equal(index("13:00"), 0);
  assert.equal(index("13:45"), 2);
  assert.equal(index("14:00"), 3);
  assert.equal(index("13:30"), -1);
  assert.equal(index("12:45"), -1);
  assert.equal(index("14:15"), -1);
  assert.equal(findCandleIndex([], Date.parse("2026-03-04T13:00:00.000Z")), -1);
});
