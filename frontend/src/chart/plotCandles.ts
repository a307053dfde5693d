// Numbers for drawing only: the strings stay the source of every value shown as text.
import type { Candle } from "../api/types";
import { compareDecimal } from "../market/decimal";

export interface PlotCandle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Close at or above open, decided on the exact decimals. */
  rising: boolean;
}

export function toPlotCandles(candles: readonly Candle[]): PlotCandle[] {
  return candles.map((candle) => ({
    time: Date.parse(candle.t),
    open: Number(candle.o),
    high: Number(candle.h),
    low: Number(candle.l),
    close: Number(candle.c),
    volume: Number(candle.v),
    rising: compareDecimal(candle.c, candle.o) >= 0,
  }));
}

/** Index of the candle opening at `time` in `plot` (oldest first), or -1. */
export function plotIndexOf(plot: readonly PlotCandle[], time: number): number {
  let low = 0;
  let high = plot.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const open = plot[middle].time;
    if (open === time) return middle;
    if (open < time) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
