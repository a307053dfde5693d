// Folding a live 1-minute candle into a series of a longer interval. Volume cannot be folded
// safely (the minute may correct one already counted), so the caller re-fetches buckets that
// already existed; the high, low and close shown meanwhile are a close estimate.
import type { Candle, Interval } from "../api/types";
import { maxDecimal, minDecimal } from "../market/decimal";
import { bucketStart } from "./buckets";
import { findCandleIndex, mergeCandles } from "./series";

export interface Fold {
  candles: Candle[];
  /** Open time (ISO) of an existing bucket the minute changed, to be re-fetched; else null. */
  stale: string | null;
}

export function foldMinute(candles: Candle[], minute: Candle, interval: Interval): Fold {
  const start = bucketStart(Date.parse(minute.t), interval);
  // Before the oldest loaded bucket: history that is not on screen yet will come with it (on a
  // 1m chart too: merged, it would become the oldest candle and older pages would skip the gap).
  if (candles.length > 0 && start < Date.parse(candles[0].t)) return { candles, stale: null };
  if (interval === "1m") return { candles: mergeCandles(candles, [minute]), stale: null };
  const index = findCandleIndex(candles, start);
  if (index === -1) {
    const opened: Candle = { ...minute, t: new Date(start).toISOString() };
    return { candles: mergeCandles(candles, [opened]), stale: null };
  }
  const bucket = candles[index];
  const folded: Candle = {
    ...bucket,
    h: maxDecimal(bucket.h, minute.h),
    l: minDecimal(bucket.l, minute.l),
    c: minute.c,
  };
  const next = candles.map((candle, i) => (i === index ? folded : candle));
  return { candles: next, stale: bucket.t };
}
