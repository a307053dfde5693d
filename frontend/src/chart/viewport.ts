// Which candles are on screen. The view is anchored at the newest candle: `rightOffset` counts
// the bars hidden to the right of the plot, so loading older history (prepended) leaves it put.

/** A blank bar right of the newest candle, so it does not touch the price axis. */
const RIGHT_MARGIN_BARS = 1;
const MIN_SPACING = 2;
const MAX_SPACING = 48;
/** Panning back stops while this many of the oldest loaded candles are still on screen. */
const MIN_VISIBLE_BARS = 5;

export interface Viewport {
  /** Pixels from one candle to the next. */
  spacing: number;
  rightOffset: number;
}

export const initialViewport: Viewport = { spacing: 8, rightOffset: 0 };

/** Centre x (from the plot's left edge) of candle `index` of `count`. */
export function xOfIndex(view: Viewport, count: number, plotWidth: number, index: number): number {
  return plotWidth - view.spacing * (count - index - view.rightOffset + RIGHT_MARGIN_BARS - 0.5);
}

/** The (fractional) candle index under `x`. */
export function indexAtX(view: Viewport, count: number, plotWidth: number, x: number): number {
  return count - view.rightOffset + RIGHT_MARGIN_BARS - 0.5 - (plotWidth - x) / view.spacing;
}

export interface IndexRange {
  first: number;
  last: number;
}

/** Candles at least partly on screen, or null when none is. */
export function visibleRange(view: Viewport, count: number, plotWidth: number): IndexRange | null {
  // Candle i spans i - 0.5 .. i + 0.5 in index units; one that only touches an edge is off screen.
  const first = Math.max(0, Math.floor(indexAtX(view, count, plotWidth, 0) - 0.5) + 1);
  const last = Math.min(count - 1, Math.ceil(indexAtX(view, count, plotWidth, plotWidth) + 0.5) - 1);
  return first <= last ? { first, last } : null;
}

/** How far back the view can pan with `count` candles loaded. */
export function maxRightOffset(count: number): number {
  return Math.max(0, count - MIN_VISIBLE_BARS);
}

export function clampViewport(view: Viewport, count: number): Viewport {
  const spacing = Math.min(MAX_SPACING, Math.max(MIN_SPACING, view.spacing));
  const rightOffset = Math.min(maxRightOffset(count), Math.max(0, view.rightOffset));
  return spacing === view.spacing && rightOffset === view.rightOffset
    ? view
    : { spacing, rightOffset };
}

/** Moves the view `bars` candles back in time (negative: forward). */
export function panBy(view: Viewport, count: number, bars: number): Viewport {
  return clampViewport({ ...view, rightOffset: view.rightOffset + bars }, count);
}

/** Zooms by `factor`, keeping the candle under `x` where it is. */
export function zoomAround(
  view: Viewport, count: number, plotWidth: number, x: number, factor: number,
): Viewport {
  const index = indexAtX(view, count, plotWidth, x);
  const spacing = Math.min(MAX_SPACING, Math.max(MIN_SPACING, view.spacing * factor));
  const rightOffset = count + RIGHT_MARGIN_BARS - 0.5 - (plotWidth - x) / spacing - index;
  return clampViewport({ spacing, rightOffset }, count);
}

/** The least panning that brings candle `index` fully on screen. */
export function revealIndex(view: Viewport, count: number, plotWidth: number, index: number): Viewport {
  const x = xOfIndex(view, count, plotWidth, index);
  const half = view.spacing / 2;
  if (x + half > plotWidth) return clampViewport({ ...view, rightOffset: count - 1 - index }, count);
  if (x - half < 0) {
    const fitting = Math.floor(plotWidth / view.spacing);
    return clampViewport({ ...view, rightOffset: count - index + RIGHT_MARGIN_BARS - fitting }, count);
  }
  return view;
}
