// Where each part of the chart goes: candles above volume, price axis right, time axis below.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  price: Rect;
  volume: Rect;
  priceAxis: Rect;
  timeAxis: Rect;
}

const TIME_AXIS_HEIGHT = 24;
const PADDING_TOP = 8;
const PANE_GAP = 8;
const VOLUME_SHARE = 0.2;

export function chartLayout(width: number, height: number, priceAxisWidth: number): ChartLayout {
  const plotWidth = Math.max(0, width - priceAxisWidth);
  const plotHeight = Math.max(0, height - TIME_AXIS_HEIGHT);
  const volumeHeight = Math.round(plotHeight * VOLUME_SHARE);
  return {
    price: {
      x: 0,
      y: PADDING_TOP,
      width: plotWidth,
      height: Math.max(0, plotHeight - volumeHeight - PANE_GAP - PADDING_TOP),
    },
    volume: { x: 0, y: plotHeight - volumeHeight, width: plotWidth, height: volumeHeight },
    priceAxis: { x: plotWidth, y: 0, width: Math.max(0, width - plotWidth), height: plotHeight },
    timeAxis: { x: 0, y: plotHeight, width: plotWidth, height: TIME_AXIS_HEIGHT },
  };
}
