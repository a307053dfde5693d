import type { Interval } from "../api/types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Length of a bucket in milliseconds; months have none (null). */
export function intervalLength(interval: Interval): number | null {
  switch (interval) {
    case "1m": return MINUTE;
    case "3m": return 3 * MINUTE;
    case "5m": return 5 * MINUTE;
    case "15m": return 15 * MINUTE;
    case "30m": return 30 * MINUTE;
    case "1h": return HOUR;
    case "2h": return 2 * HOUR;
    case "4h": return 4 * HOUR;
    case "6h": return 6 * HOUR;
    case "12h": return 12 * HOUR;
    case "1d": return DAY;
    case "1w": return WEEK;
    case "1M": return null;
  }
}

/** Whether buckets are shorter than a day, so times of day matter when showing them. */
export function isIntraday(interval: Interval): boolean {
  const length = intervalLength(interval);
  return length !== null && length < DAY;
}

const LABELS: Record<Interval, string> = {
  "1m": "1 minute", "3m": "3 minutes", "5m": "5 minutes", "15m": "15 minutes",
  "30m": "30 minutes", "1h": "1 hour", "2h": "2 hours", "4h": "4 hours", "6h": "6 hours",
  "12h": "12 hours", "1d": "1 day", "1w": "1 week", "1M": "1 month",
};

/** Words for an interval: "1M" and "1m" look alike. */
export function intervalLabel(interval: Interval): string {
  return LABELS[interval];
}
