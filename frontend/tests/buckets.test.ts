import assert from "node:assert/strict";
import { test } from "node:test";
import { intervals, type Interval } from "../src/api/types";
import { bucketStart } from "../src/chart/buckets";

const at = (iso: string) => Date.parse(iso);
const start = (iso: string, interval: Interval) => new Date(bucketStart(at(iso), interval)).toISOString();

test("every interval puts Wednesday 2026-03-04 13:07:42.5 UTC in the bucket API.md aligns", () => {
  const expected: Record<Interval, string> = {
    "1m": "2026-03-04T13:07:00.000Z",
    "3m": "2026-03-04T13:06:00.000Z",
    "5m": "2026-03-04T13:05:00.000Z",
    "15m": "2026-03-04T13:00:00.000Z",
    "30m": "2026-03-04T13:00:00.000Z",
    "1h": "2026-03-04T13:00:00.000Z",
    "2h": "2026-03-04T12:00:00.000Z",
    "4h": "2026-03-04T12:00:00.000Z",
    "6h": "2026-03-04T12:00:00.000Z",
    "12h": "2026-03-04T12:00:00.000Z",
    "1d": "2026-03-04T00:00:00.000Z",
    "1w": "2026-03-02T00:00:00.000Z",
    "1M": "2026-03-01T00:00:00.000Z",
  };
  for (const interval of intervals) {
    assert.equal(start("2026-03-04T13:07:42.500Z", interval), expected[interval], interval);
  }
});

test("a 1m bucket drops the seconds and milliseconds", () => {
  assert.equal(start("2026-03-04T13:07:59.999Z", "1m"), "2026-03-04T13:07:00.000Z");
  assert.equal(start("2026-03-04T13:08:00.000Z", "1m"), "2026-03-04T13:08:00.000Z");
});

test("3m buckets are multiples of 3 minutes since UTC midnight, the last one at 23:57", () => {
  assert.equal(start("2026-03-04T00:02:59.999Z", "3m"), "2026-03-04T00:00:00.000Z");
  assert.equal(start("2026-03-04T00:03:00.000Z", "3m"), "2026-03-04T00:03:00.000Z");
  assert.equal(start("2026-03-04T23:59:30.000Z", "3m"), "2026-03-04T23:57:00.000Z");
});

test("5m, 15m and 30m buckets start on their multiples within the hour", () => {
  assert.equal(start("2026-03-04T13:04:59.000Z", "5m"), "2026-03-04T13:00:00.000Z");
  assert.equal(start("2026-03-04T13:14:00.000Z", "15m"), "2026-03-04T13:00:00.000Z");
  assert.equal(start("2026-03-04T13:15:00.000Z", "15m"), "2026-03-04T13:15:00.000Z");
  assert.equal(start("2026-03-04T13:44:00.000Z", "30m"), "2026-03-04T13:30:00.000Z");
  assert.equal(start("2026-03-04T23:59:59.999Z", "30m"), "2026-03-04T23:30:00.000Z");
});

test("hour buckets are multiples of their length since UTC midnight", () => {
  assert.equal(start("2026-03-04T13:59:59.999Z", "1h"), "2026-03-04T13:00:00.000Z");
  assert.equal(start("2026-03-04T01:00:00.000Z", "2h"), "2026-03-04T00:00:00.000Z");
  assert.equal(start("2026-03-04T15:59:00.000Z", "4h"), "2026-03-04T12:00:00.000Z");
  assert.equal(start("2026-03-04T16:00:00.000Z", "4h"), "2026-03-04T16:00:00.000Z");
  assert.equal(start("2026-03-04T05:59:00.000Z", "6h"), "2026-03-04T00:00:00.000Z");
  assert.equal(start("2026-03-04T23:00:00.000Z", "6h"), "2026-03-04T18:00:00.000Z");
  assert.equal(start("2026-03-04T11:59:59.999Z", "12h"), "2026-03-04T00:00:00.000Z");
  assert.equal(start("2026-03-04T12:00:00.000Z", "12h"), "2026-03-04T12:00:00.000Z");
  assert.equal(start("2026-03-04T23:59:00.000Z", "12h"), "2026-03-04T12:00:00.000Z");
});

test("a 1d bucket starts at UTC midnight, and midnight itself opens a new day", () => {
  assert.equal(start("2026-03-04T23:59:59.999Z", "1d"), "2026-03-04T00:00:00.000Z");
  assert.equal(start("2026-03-05T00:00:00.000Z", "1d"), "2026-03-05T00:00:00.000Z");
  assert.equal(start("2026-03-04T00:00:00.000Z", "6h"), "2026-03-04T00:00:00.000Z");
});

test("a 1w bucket starts on the Monday before, in UTC", () => {
  // 2026-03-02 is a Monday, 2026-03-08 the Sunday after it.
  assert.equal(start("2026-03-04T12:00:00.000Z", "1w"), "2026-03-02T00:00:00.000Z");
  assert.equal(start("2026-03-02T00:00:00.000Z", "1w"), "2026-03-02T00:00:00.000Z");
  assert.equal(start("2026-03-01T23:59:59.999Z", "1w"), "2026-02-23T00:00:00.000Z");
});

test("a Sunday belongs to the week of the previous Monday", () => {
  assert.equal(start("2026-03-08T23:59:00.000Z", "1w"), "2026-03-02T00:00:00.000Z");
  assert.equal(start("2026-03-09T00:00:00.000Z", "1w"), "2026-03-09T00:00:00.000Z");
});

test("a week can start in the previous month and year", () => {
  // 2026-01-01 is a Thursday; its week began on Monday 2025-12-29.
  assert.equal(start("2026-01-01T08:00:00.000Z", "1w"), "2025-12-29T00:00:00.000Z");
  assert.equal(start("2026-01-04T23:59:00.000Z", "1w"), "2025-12-29T00:00:00.000Z");
});

test("weeks before and at the epoch (a Thursday) start on Monday 1969-12-29", () => {
  assert.equal(start("1970-01-01T00:00:00.000Z", "1w"), "1969-12-29T00:00:00.000Z");
  assert.equal(start("1969-12-31T10:00:00.000Z", "1w"), "1969-12-29T00:00:00.000Z");
  assert.equal(start("1969-12-28T10:00:00.000Z", "1w"), "1969-12-22T00:00:00.000Z");
});

test("a 1M bucket starts on the first of the month, whatever the month's length", () => {
  assert.equal(start("2026-03-31T23:59:59.999Z", "1M"), "2026-03-01T00:00:00.000Z");
  assert.equal(start("2026-04-30T23:59:00.000Z", "1M"), "2026-04-01T00:00:00.000Z");
  assert.equal(start("2026-02-28T23:59:00.000Z", "1M"), "2026-02-01T00:00:00.000Z");
  assert.equal(start("2024-02-29T12:00:00.000Z", "1M"), "2024-02-01T00:00:00.000Z");
  assert.equal(start("2025-12-31T23:59:00.000Z", "1M"), "2025-12-01T00:00:00.000Z");
  assert.equal(start("2026-03-01T00:00:00.000Z", "1M"), "2026-03-01T00:00:00.000Z");
});

test("fixed-length buckets hold their instant, start on a multiple since midnight and are stable", () => {
  const lengths: [Interval, number][] = [
    ["3m", 3 * 60_000], ["5m", 5 * 60_000], ["15m", 15 * 60_000], ["30m", 30 * 60_000],
    ["1h", 3_600_000], ["2h", 7_200_000], ["4h", 14_400_000], ["6h", 21_600_000], ["12h", 43_200_000],
  ];
  const first = at("2026-03-04T00:00:00.000Z");
  for (const [interval, length] of lengths) {
    // Every 7 minutes and 13 seconds over two days.
    for (let time = first; time < first + 2 * 86_400_000; time += 433_000) {
      const open = bucketStart(time, interval);
      assert.ok(open <= time && time - open < length, `${interval} at ${new Date(time).toISOString()}`);
      assert.equal((open % 86_400_000) % length, 0, interval);
      assert.equal(bucketStart(open, interval), open, interval);
    }
  }
});
