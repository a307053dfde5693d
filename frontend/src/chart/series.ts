// A candle series is kept oldest first with one candle per open time, as the API sends it.
import type { Candle } from "../api/types";

/** `current` with `incoming` added; a candle with a known open time replaces the old one. */
export function mergeCandles(current: readonly Candle[], incoming: readonly Candle[]): Candle[] {
  const byTime = new Map<number, Candle>();
  for (const candle of current) byTime.set(Date.parse(candle.t), candle);
  for (const candle of incoming) byTime.set(Date.parse(candle.t), candle);
  return Array.from(byTime.entries())
    .sort(([a], [b]) => a - b)
    .map(([, candle]) => candle);
}

/** Index of the candle opening at `time`, or -1; searches from the newest, where live data lands. */
export function findCandleIndex(candles: readonly Candle[], time: number): number {
  for (let index = candles.length - 1; index >= 0; index -= 1) {
    const open = Date.parse(candles[index].t);
    if (open === time) return index;
    if (open < time) return -1;
  }
  return -1;
}
