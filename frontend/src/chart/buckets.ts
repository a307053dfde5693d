// Bucket alignment of API.md: every interval's buckets start at fixed UTC boundaries, so a
// live 1-minute candle can be placed in the bucket the server would put it in.
import type { Interval } from "../api/types";
import { DAY, intervalLength } from "./intervals";

// 1970-01-01 was a Thursday; Monday-based weeks start three days later in the cycle.
const THURSDAY_TO_MONDAY = 3;

/** Open time (epoch ms) of the bucket of `interval` that holds the instant `time`. */
export function bucketStart(time: number, interval: Interval): number {
  const midnight = Math.floor(time / DAY) * DAY;
  if (interval === "1M") {
    const date = new Date(time);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
  if (interval === "1w") {
    const day = Math.floor(time / DAY);
    const sinceMonday = (((day + THURSDAY_TO_MONDAY) % 7) + 7) % 7;
    return (day - sinceMonday) * DAY;
  }
  const length = intervalLength(interval) ?? DAY;
  return midnight + Math.floor((time - midnight) / length) * length;
}
