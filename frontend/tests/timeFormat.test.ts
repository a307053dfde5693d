import assert from "node:assert/strict";
import { test } from "node:test";
import { formatAxisTime, formatCandleTime, formatDateTime } from "../src/chart/timeFormat";

const at = (iso: string) => Date.parse(iso);

test("a day candle is named by its UTC day, in any time zone", () => {
  const day = formatCandleTime("2026-03-04T00:00:00.000Z", "1d");
  assert.equal(formatCandleTime(at("2026-03-04T23:59:00.000Z"), "1d"), day);
  assert.notEqual(formatCandleTime(at("2026-03-03T23:59:00.000Z"), "1d"), day);
});

test("a month candle is named by its UTC month", () => {
  const march = formatCandleTime("2026-03-01T00:00:00.000Z", "1M");
  assert.equal(formatCandleTime(at("2026-03-31T23:59:00.000Z"), "1M"), march);
  assert.notEqual(formatCandleTime(at("2026-02-28T23:59:00.000Z"), "1M"), march);
  assert.notEqual(march, formatCandleTime("2026-03-01T00:00:00.000Z", "1d"), "a month is not a day");
});

test("an intraday candle is named down to the minute", () => {
  const one = formatCandleTime("2026-03-04T13:00:00.000Z", "1h");
  assert.notEqual(formatCandleTime("2026-03-04T14:00:00.000Z", "1h"), one);
  assert.notEqual(formatCandleTime("2026-03-04T13:05:00.000Z", "5m"), one);
  assert.equal(formatDateTime("2026-03-04T13:00:00.000Z"), one);
});

test("UTC axis labels name the UTC day, month and year", () => {
  // 00:30 and 23:30 UTC on New Year's Eve: local days, months or years would differ somewhere.
  const early = at("2026-12-31T00:30:00.000Z");
  const late = at("2026-12-31T23:30:00.000Z");
  for (const kind of ["day", "month", "year"] as const) {
    assert.equal(formatAxisTime(late, kind, true), formatAxisTime(early, kind, true), kind);
  }
  assert.notEqual(formatAxisTime(late, "day", true), formatAxisTime(at("2027-01-01T00:30:00.000Z"), "day", true));
});
