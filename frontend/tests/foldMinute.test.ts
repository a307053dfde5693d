import assert from "node:assert/strict";
import { test } from "node:test";
import type { Candle } from "../src/api/types";
import { foldMinute } from "../src/chart/foldMinute";

function candle(t: string, o: string, h: string, l: string, c: string, v: string): Candle {
  return { t, o, h, l, c, v };
}

// Two 15-minute buckets: 12:45 and 13:00 (still open).
const fifteen = (): Candle[] => [
  candle("2026-03-04T12:45:00.000Z", "98", "100", "97", "99", "4"),
  candle("2026-03-04T13:00:00.000Z", "100", "105", "99", "101", "10"),
];

test("a live minute folds into the last bucket: open kept, high and low widened, close replaced", () => {
  const before = fifteen();
  const minute = candle("2026-03-04T13:07:00.000Z", "101", "106.5", "100", "106", "2");
  const { candles, stale } = foldMinute(before, minute, "15m");
  assert.deepEqual(candles, [
    before[0],
    candle("2026-03-04T13:00:00.000Z", "100", "106.5", "99", "106", "10"),
  ]);
  // The bucket's volume and open cannot be folded safely: it is re-fetched.
  assert.equal(stale, "2026-03-04T13:00:00.000Z");
  assert.deepEqual(before, fifteen(), "the input series is not changed");
});

test("a minute with a lower low lowers the bucket's low and keeps its high", () => {
  const minute = candle("2026-03-04T13:14:00.000Z", "100", "101", "98.75", "99.5", "1");
  const { candles } = foldMinute(fifteen(), minute, "15m");
  assert.deepEqual(candles[1], candle("2026-03-04T13:00:00.000Z", "100", "105", "98.75", "99.5", "10"));
});

test("folding compares prices as decimals: 10 is above 9.5", () => {
  const series = [candle("2026-03-04T13:00:00.000Z", "9", "9.5", "9", "9.25", "1")];
  const minute = candle("2026-03-04T13:01:00.000Z", "9.25", "10", "8.75", "10", "1");
  const { candles } = foldMinute(series, minute, "1h");
  assert.equal(candles[0].h, "10");
  assert.equal(candles[0].l, "8.75");
});

test("a minute past the last bucket starts a new bucket at the aligned open time", () => {
  const minute = candle("2026-03-04T13:16:00.000Z", "101", "102", "100.5", "101.5", "3");
  const { candles, stale } = foldMinute(fifteen(), minute, "15m");
  assert.equal(candles.length, 3);
  assert.deepEqual(candles[2], candle("2026-03-04T13:15:00.000Z", "101", "102", "100.5", "101.5", "3"));
  assert.equal(stale, null);
});

test("a Sunday minute folds into the week that opened on Monday", () => {
  const week = [candle("2026-03-02T00:00:00.000Z", "50", "60", "40", "55", "100")];
  const minute = candle("2026-03-08T23:59:00.000Z", "55", "61", "54", "58", "1");
  const { candles, stale } = foldMinute(week, minute, "1w");
  assert.deepEqual(candles, [candle("2026-03-02T00:00:00.000Z", "50", "61", "40", "58", "100")]);
  assert.equal(stale, "2026-03-02T00:00:00.000Z");
});

test("the first minute of a month opens a new 1M bucket", () => {
  const month = [candle("2026-02-01T00:00:00.000Z", "50", "60", "40", "55", "100")];
  const minute = candle("2026-03-01T00:00:00.000Z", "55", "56", "54", "56", "1");
  const { candles, stale } = foldMinute(month, minute, "1M");
  assert.deepEqual(candles.map((item) => item.t), ["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
  assert.equal(candles[1].o, "55");
  assert.equal(stale, null);
});

test("a correction of an older loaded bucket folds into that bucket, not the last one", () => {
  const minute = candle("2026-03-04T12:50:00.000Z", "99", "100.25", "96", "98", "1");
  const { candles, stale } = foldMinute(fifteen(), minute, "15m");
  assert.deepEqual(candles[0], candle("2026-03-04T12:45:00.000Z", "98", "100.25", "96", "98", "4"));
  assert.deepEqual(candles[1], fifteen()[1]);
  assert.equal(stale, "2026-03-04T12:45:00.000Z");
});

test("a minute in a gap between loaded buckets opens that bucket in its place", () => {
  const series = [
    candle("2026-03-04T12:00:00.000Z", "1", "1", "1", "1", "1"),
    candle("2026-03-04T14:00:00.000Z", "2", "2", "2", "2", "1"),
  ];
  const minute = candle("2026-03-04T13:30:00.000Z", "3", "3", "3", "3", "1");
  const { candles } = foldMinute(series, minute, "1h");
  assert.deepEqual(candles.map((item) => item.t), [
    "2026-03-04T12:00:00.000Z", "2026-03-04T13:00:00.000Z", "2026-03-04T14:00:00.000Z",
  ]);
});

test("a minute older than the oldest loaded bucket is left for the history that holds it", () => {
  const before = fifteen();
  const minute = candle("2026-03-04T12:40:00.000Z", "1", "1000", "1", "1", "1");
  const fold = foldMinute(before, minute, "15m");
  assert.equal(fold.candles, before);
  assert.equal(fold.stale, null);
});

test("the first minute of an empty series opens its bucket", () => {
  const minute = candle("2026-03-04T13:07:00.000Z", "1", "2", "0.5", "1.5", "7");
  assert.deepEqual(foldMinute([], minute, "4h"), {
    candles: [candle("2026-03-04T12:00:00.000Z", "1", "2", "0.5", "1.5", "7")],
    stale: null,
  });
});

test("on a 1m chart a live minute replaces the one with its open time or is appended", () => {
  const series = [
    candle("2026-03-04T13:06:00.000Z", "1", "1", "1", "1", "1"),
    candle("2026-03-04T13:07:00.000Z", "1", "2", "1", "2", "2"),
  ];
  const correction = candle("2026-03-04T13:07:00.000Z", "1", "3", "0.5", "2.5", "4");
  const replaced = foldMinute(series, correction, "1m");
  assert.deepEqual(replaced, { candles: [series[0], correction], stale: null });
  const next = candle("2026-03-04T13:08:00.000Z", "2.5", "2.5", "2.5", "2.5", "1");
  assert.deepEqual(foldMinute(series, next, "1m").candles, [...series, next]);
});

test("on a 1m chart a minute older than the loaded history leaves no hole in it", () => {
  // Merging it would make it the oldest candle, and older pages (fetched up to the oldest
  // candle) would then skip everything between it and the history already loaded.
  const series = [
    candle("2026-03-04T13:06:00.000Z", "1", "1", "1", "1", "1"),
    candle("2026-03-04T13:07:00.000Z", "1", "1", "1", "1", "1"),
  ];
  const late = candle("2026-03-04T09:00:00.000Z", "5", "5", "5", "5", "5");
  const fold = foldMinute(series, late, "1m");
  assert.equal(fold.candles, series);
  assert.equal(fold.stale, null);
});
