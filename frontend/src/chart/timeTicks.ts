// Time-axis labels on round boundaries (every 15 minutes, 6 hours, month...), chosen so that
// labels stay at least `minGap` pixels apart at the current zoom, and stay put while panning.
import type { Interval } from "../api/types";
import { DAY, intervalLength, isIntraday } from "./intervals";
import { AxisLabelKind, formatAxisTime } from "./timeFormat";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEK = 7 * DAY;
const MONDAY_OFFSET = 4 * DAY;
const AVERAGE_MONTH = 30.44 * DAY;
const MS_STEPS = [
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, WEEK, 2 * WEEK,
];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120];

type Step = { kind: "ms"; ms: number } | { kind: "months"; months: number };

export interface TimeTick {
  index: number;
  label: string;
}

function chooseStep(interval: Interval, barSpacing: number, minGap: number): Step {
  const length = intervalLength(interval);
  if (length !== null) {
    for (const ms of MS_STEPS) {
      if (ms >= length && (ms / length) * barSpacing >= minGap) return { kind: "ms", ms };
    }
  }
  const barLength = length ?? AVERAGE_MONTH;
  for (const months of MONTH_STEPS) {
    if (((months * AVERAGE_MONTH) / barLength) * barSpacing >= minGap) {
      return { kind: "months", months };
    }
  }
  return { kind: "months", months: MONTH_STEPS[MONTH_STEPS.length - 1] };
}

/** Calendar parts of a moment, in UTC or in the user's time zone. */
function parts(time: number, utc: boolean): { year: number; month: number; day: number } {
  const date = new Date(time);
  return utc
    ? { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() }
    : { year: date.getFullYear(), month: date.getMonth(), day: date.getDate() };
}

function groupOf(time: number, step: Step, utc: boolean): number {
  if (step.kind === "months") {
    const { year, month } = parts(time, utc);
    return Math.floor((year * 12 + month) / step.months);
  }
  const local = utc ? time : time - new Date(time).getTimezoneOffset() * MINUTE;
  // Weeks start on Monday; the epoch was a Thursday, four days after one.
  const shifted = step.ms >= WEEK ? local - MONDAY_OFFSET : local;
  return Math.floor(shifted / step.ms);
}

function labelKind(time: number, previous: number, step: Step, utc: boolean): AxisLabelKind {
  const now = parts(time, utc);
  const before = parts(previous, utc);
  if (now.year !== before.year && (step.kind === "months" || step.ms >= DAY)) return "year";
  if (step.kind === "months") return "month";
  if (step.ms >= DAY) return "day";
  return now.day !== before.day || now.month !== before.month ? "day" : "time";
}

/** Labels for the candles `first`..`last` (inclusive) of `candles` (oldest first). */
export function timeTicks(
  candles: readonly { time: number }[],
  first: number,
  last: number,
  interval: Interval,
  barSpacing: number,
  minGap: number,
): TimeTick[] {
  const step = chooseStep(interval, barSpacing, minGap);
  const utc = !isIntraday(interval);
  const ticks: TimeTick[] = [];
  for (let index = first; index <= last; index += 1) {
    const time = candles[index].time;
    // The first loaded candle is labelled only when it sits exactly on a boundary.
    const previous = index > 0 ? candles[index - 1].time : time - 1;
    if (groupOf(time, step, utc) === groupOf(previous, step, utc)) continue;
    const kind = labelKind(time, previous, step, utc);
    ticks.push({ index, label: formatAxisTime(time, kind, utc) });
  }
  return ticks;
}
