// How times are shown. Intraday buckets are shown in the user's time zone; day, week and month
// buckets are UTC days (API.md), so they are named in UTC or they would appear a day off.
import type { Interval } from "../api/types";
import { isIntraday } from "./intervals";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const utcDate = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const utcMonth = new Intl.DateTimeFormat(undefined, {
  month: "long", year: "numeric", timeZone: "UTC",
});

/** A moment in the user's time zone, e.g. "2 Dec 2026, 14:05". */
export function formatDateTime(time: string | number): string {
  return dateTime.format(new Date(time));
}

/** The open time of a candle of `interval`, as precise as the bucket. */
export function formatCandleTime(time: string | number, interval: Interval): string {
  if (isIntraday(interval)) return dateTime.format(new Date(time));
  if (interval === "1M") return utcMonth.format(new Date(time));
  return utcDate.format(new Date(time));
}

export type AxisLabelKind = "time" | "day" | "month" | "year";

const axisFormats: Record<AxisLabelKind, Intl.DateTimeFormatOptions> = {
  time: { hour: "numeric", minute: "2-digit" },
  day: { day: "numeric", month: "short" },
  month: { month: "short" },
  year: { year: "numeric" },
};

const axisFormatters = new Map<string, Intl.DateTimeFormat>();

/** A short time-axis label; `utc` for day-or-longer buckets. */
export function formatAxisTime(time: number, kind: AxisLabelKind, utc: boolean): string {
  const key = `${kind}:${utc}`;
  let formatter = axisFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(undefined, {
      ...axisFormats[kind],
      timeZone: utc ? "UTC" : undefined,
    });
    axisFormatters.set(key, formatter);
  }
  return formatter.format(new Date(time));
}
