import assert from "node:assert/strict";
import { test } from "node:test";
import { formatAxisTime } from "../src/chart/timeFormat";
import { timeTicks } from "../src/chart/timeTicks";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** `count` candles `step` ms apart from `first`. */
function series(first: number, step: number, count: number): { time: number }[] {
  return Array.from({ length: count }, (_, index) => ({ time: first + index * step }));
}

test("daily candles get a label each Monday (UTC) when a week fits the gap", () => {
  // Thursday 2025-12-25 to Wednesday 2026-01-14; 20 px a bar: a day is too narrow, a week is 140 px.
  const candles = series(Date.UTC(2025, 11, 25), DAY, 21);
  const ticks = timeTicks(candles, 0, 20, "1d", 20, 84);
  assert.deepEqual(ticks.map((tick) => tick.index), [4, 11, 18]); // 12-29, 01-05, 01-12
  assert.equal(ticks[1].label, formatAxisTime(Date.UTC(2026, 0, 5), "day", true));
});

test("the first candle is labelled only when it sits on a boundary", () => {
  const candles = series(Date.UTC(2025, 11, 29), DAY, 8); // starts on a Monday
  assert.deepEqual(timeTicks(candles, 0, 7, "1d", 20, 84).map((tick) => tick.index), [0, 7]);
});

test("a daily label that starts a new year shows the year", () => {
  const candles = series(Date.UTC(2025, 11, 30), DAY, 4);
  const ticks = timeTicks(candles, 0, 3, "1d", 90, 84);
  assert.deepEqual(ticks.map((tick) => tick.index), [0, 1, 2, 3]);
  assert.equal(ticks[2].label, formatAxisTime(Date.UTC(2026, 0, 1), "year", true));
  assert.notEqual(ticks[2].label, formatAxisTime(Date.UTC(2026, 0, 1), "day", true));
  assert.equal(ticks[3].label, formatAxisTime(Date.UTC(2026, 0, 2), "day", true));
});

test("narrow daily bars are labelled on the first of each month", () => {
  // 3 px a bar: even two weeks (42 px) are too close; a month is about 91 px.
  const candles = series(Date.UTC(2026, 0, 30), DAY, 32); // 01-30 .. 03-02
  const ticks = timeTicks(candles, 0, 31, "1d", 3, 84);
  assert.deepEqual(ticks, [
    { index: 2, label: formatAxisTime(Date.UTC(2026, 1, 1), "month", true) },
    { index: 30, label: formatAxisTime(Date.UTC(2026, 2, 1), "month", true) },
  ]);
  assert.notEqual(ticks[0].label, ticks[1].label);
});

test("monthly candles 8 px apart are labelled once a year, with the year", () => {
  const candles = Array.from({ length: 18 }, (_, index) => ({ time: Date.UTC(2024, 9 + index, 1) }));
  const ticks = timeTicks(candles, 0, 17, "1M", 8, 84);
  assert.deepEqual(ticks.map((tick) => tick.index), [3, 15]); // 2025-01, 2026-01
  assert.deepEqual(ticks.map((tick) => tick.label), [
    formatAxisTime(Date.UTC(2025, 0, 1), "year", true),
    formatAxisTime(Date.UTC(2026, 0, 1), "year", true),
  ]);
  assert.notEqual(ticks[0].label, ticks[1].label);
});

test("only the candles in first..last are labelled", () => {
  const candles = series(Date.UTC(2025, 11, 25), DAY, 21);
  assert.deepEqual(timeTicks(candles, 5, 15, "1d", 20, 84).map((tick) => tick.index), [11]);
});

test("intraday labels fall on whole hours of the user's time zone", () => {
  // 5-minute candles from 09:40 local time, 8 px apart: an hour (96 px) is the first step that fits.
  const first = new Date(2026, 0, 14, 9, 40).getTime();
  const candles = series(first, 5 * MINUTE, 24);
  const ticks = timeTicks(candles, 0, 23, "5m", 8, 84);
  assert.deepEqual(ticks, [
    { index: 4, label: formatAxisTime(new Date(2026, 0, 14, 10, 0).getTime(), "time", false) },
    { index: 16, label: formatAxisTime(new Date(2026, 0, 14, 11, 0).getTime(), "time", false) },
  ]);
});

test("an intraday label at a new local day shows the date instead of the time", () => {
  // Hourly candles from 23:00 local, 8 px apart: labels every 12 hours.
  const first = new Date(2026, 0, 14, 23, 0).getTime();
  const candles = series(first, HOUR, 14);
  const ticks = timeTicks(candles, 0, 13, "1h", 8, 84);
  assert.deepEqual(ticks, [
    { index: 1, label: formatAxisTime(new Date(2026, 0, 15).getTime(), "day", false) },
    { index: 13, label: formatAxisTime(new Date(2026, 0, 15, 12).getTime(), "time", false) },
  ]);
  assert.notEqual(ticks[0].label, formatAxisTime(new Date(2026, 0, 15).getTime(), "time", false));
});
