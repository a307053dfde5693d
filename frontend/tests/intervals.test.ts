import assert from "node:assert/strict";
import { test } from "node:test";
import { intervals } from "../src/api/types";
import { intervalLabel, intervalLength, isIntraday } from "../src/chart/intervals";

test("every chart interval of API.md is known, in order", () => {
  assert.deepEqual([...intervals], ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w", "1M"]);
});

test("bucket lengths are in milliseconds and months have none", () => {
  assert.equal(intervalLength("1m"), 60_000);
  assert.equal(intervalLength("3m"), 180_000);
  assert.equal(intervalLength("15m"), 900_000);
  assert.equal(intervalLength("1h"), 3_600_000);
  assert.equal(intervalLength("12h"), 43_200_000);
  assert.equal(intervalLength("1d"), 86_400_000);
  assert.equal(intervalLength("1w"), 604_800_000);
  assert.equal(intervalLength("1M"), null);
});

test("intervals shorter than a day are intraday; 1d, 1w and 1M are not", () => {
  const intraday = intervals.filter(isIntraday);
  assert.deepEqual(intraday, ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h"]);
});

test("labels tell 1m (minute) and 1M (month) apart", () => {
  assert.equal(intervalLabel("1m"), "1 minute");
  assert.equal(intervalLabel("1M"), "1 month");
  assert.equal(intervalLabel("12h"), "12 hours");
  assert.equal(new Set(intervals.map(intervalLabel)).size, intervals.length);
});
