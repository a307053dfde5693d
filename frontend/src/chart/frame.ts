// The geometry of one drawn frame: layout, visible candles, price scale and axis labels. Pure
// but for `measure` (text width), so it can be checked without a canvas.
import type { Interval } from "../api/types";
import { ChartLayout, chartLayout } from "./layout";
import type { PlotCandle } from "./plotCandles";
import { PriceScale, PriceTicks, paddedRange, priceTicks } from "./priceScale";
import { TimeTick, timeTicks } from "./timeTicks";
import { IndexRange, Viewport, visibleRange } from "./viewport";

const AXIS_PADDING = 16;
const MIN_AXIS_WIDTH = 56;
/** Axis width moves in steps so the plot does not jitter as labels change while panning. */
const AXIS_WIDTH_STEP = 8;
const PRICE_LABEL_GAP = 44;
const TIME_LABEL_GAP = 84;
const PRICE_PADDING = 0.08;

export interface ChartFrame {
  layout: ChartLayout;
  range: IndexRange | null;
  scale: PriceScale;
  priceTicks: PriceTicks;
  timeTicks: TimeTick[];
  maxVolume: number;
}

export function chartFrame(
  plot: readonly PlotCandle[],
  interval: Interval,
  view: Viewport,
  width: number,
  height: number,
  lastClose: string,
  measure: (text: string) => number,
): ChartFrame {
  const axisWidth = (textWidth: number) =>
    Math.ceil(Math.max(MIN_AXIS_WIDTH, textWidth + AXIS_PADDING) / AXIS_WIDTH_STEP) * AXIS_WIDTH_STEP;
  const guess = axisWidth(measure(lastClose));
  const frame = frameFor(plot, interval, view, width, height, guess);
  const labels = frame.priceTicks.values.map((value) =>
    measure(value.toFixed(frame.priceTicks.decimals)));
  const needed = axisWidth(Math.max(measure(lastClose), ...labels));
  return needed > guess ? frameFor(plot, interval, view, width, height, needed) : frame;
}

function frameFor(
  plot: readonly PlotCandle[],
  interval: Interval,
  view: Viewport,
  width: number,
  height: number,
  axisWidth: number,
): ChartFrame {
  const layout = chartLayout(width, height, axisWidth);
  const range = visibleRange(view, plot.length, layout.price.width);
  const shown = range === null ? plot : plot.slice(range.first, range.last + 1);
  let low = Infinity;
  let high = -Infinity;
  let maxVolume = 0;
  for (const candle of shown) {
    low = Math.min(low, candle.low);
    high = Math.max(high, candle.high);
    maxVolume = Math.max(maxVolume, candle.volume);
  }
  const [min, max] = shown.length === 0 ? [0, 1] : paddedRange(low, high, PRICE_PADDING);
  const pane = layout.price;
  return {
    layout,
    range,
    scale: { min, max, top: pane.y, bottom: pane.y + pane.height },
    priceTicks: priceTicks(min, max, Math.max(2, Math.floor(pane.height / PRICE_LABEL_GAP))),
    timeTicks: range === null
      ? []
      : timeTicks(plot, range.first, range.last, interval, view.spacing, TIME_LABEL_GAP),
    maxVolume,
  };
}
