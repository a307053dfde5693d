// Paints one frame of the candlestick chart on a 2D context whose units are CSS pixels.
import type { Candle, Interval } from "../api/types";
import { ChartFrame, chartFrame } from "./frame";
import type { PlotCandle } from "./plotCandles";
import { priceToY, yToPrice } from "./priceScale";
import type { ChartTheme } from "./theme";
import { formatCandleTime } from "./timeFormat";
import { Viewport, xOfIndex } from "./viewport";

export interface Crosshair {
  index: number;
  /** Pointer height; null puts the line on the candle's close (keyboard). */
  y: number | null;
}

export interface ChartScene {
  /** The API's candles, for text; `plot` holds the same candles as numbers. */
  candles: readonly Candle[];
  plot: readonly PlotCandle[];
  interval: Interval;
  view: Viewport;
  crosshair: Crosshair | null;
}

const TAG_HEIGHT = 18;
const TAG_PADDING = 5;
const VOLUME_ALPHA = 0.4;

/** Draws `scene`; returns the frame's geometry for hit testing, or null when there is no data. */
export function drawChart(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  scene: ChartScene,
  theme: ChartTheme,
): ChartFrame | null {
  ctx.save();
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.font = theme.font;
  ctx.textBaseline = "middle";
  const count = scene.plot.length;
  if (count === 0) {
    ctx.restore();
    return null;
  }
  const lastClose = scene.candles[count - 1].c;
  const frame = chartFrame(scene.plot, scene.interval, scene.view, width, height, lastClose,
    (text) => ctx.measureText(text).width);
  const x = (index: number) => xOfIndex(scene.view, count, frame.layout.price.width, index);
  drawGrid(ctx, frame, x, theme);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, frame.layout.price.width, frame.layout.timeAxis.y);
  ctx.clip();
  drawCandles(ctx, frame, scene, x, theme);
  ctx.restore();
  drawPriceAxis(ctx, frame, theme);
  drawTimeAxis(ctx, frame, x, theme);
  drawLastPrice(ctx, frame, scene, theme);
  if (scene.crosshair !== null) drawCrosshair(ctx, frame, scene, scene.crosshair, x, theme);
  ctx.restore();
  return frame;
}

function drawGrid(
  ctx: CanvasRenderingContext2D, frame: ChartFrame, x: (index: number) => number, theme: ChartTheme,
): void {
  const { price, timeAxis } = frame.layout;
  ctx.fillStyle = theme.grid;
  for (const value of frame.priceTicks.values) {
    ctx.fillRect(0, Math.round(priceToY(frame.scale, value)), price.width, 1);
  }
  for (const tick of frame.timeTicks) {
    ctx.fillRect(Math.round(x(tick.index)), 0, 1, timeAxis.y);
  }
  ctx.fillRect(price.width, 0, 1, timeAxis.y);
  ctx.fillRect(0, timeAxis.y, price.width, 1);
}

function drawCandles(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  scene: ChartScene,
  x: (index: number) => number,
  theme: ChartTheme,
): void {
  if (frame.range === null) return;
  // An odd body width centres the body on its one-pixel wick.
  let body = Math.max(1, Math.floor(scene.view.spacing * 0.7));
  if (body > 2 && body % 2 === 0) body -= 1;
  const half = (body - 1) / 2;
  const volume = frame.layout.volume;
  const volumeBottom = volume.y + volume.height;
  for (let index = frame.range.first; index <= frame.range.last; index += 1) {
    const candle = scene.plot[index];
    const centre = Math.round(x(index));
    ctx.fillStyle = candle.rising ? theme.up : theme.down;
    if (frame.maxVolume > 0) {
      const barHeight = Math.max(1, Math.round((candle.volume / frame.maxVolume) * volume.height));
      ctx.globalAlpha = VOLUME_ALPHA;
      ctx.fillRect(centre - half, volumeBottom - barHeight, body, barHeight);
      ctx.globalAlpha = 1;
    }
    const high = Math.round(priceToY(frame.scale, candle.high));
    const low = Math.round(priceToY(frame.scale, candle.low));
    ctx.fillRect(centre, high, 1, Math.max(1, low - high));
    const top = Math.round(priceToY(frame.scale, Math.max(candle.open, candle.close)));
    const bottom = Math.round(priceToY(frame.scale, Math.min(candle.open, candle.close)));
    ctx.fillRect(centre - half, top, body, Math.max(1, bottom - top));
  }
}

function drawPriceAxis(ctx: CanvasRenderingContext2D, frame: ChartFrame, theme: ChartTheme): void {
  const { price, priceAxis } = frame.layout;
  ctx.fillStyle = theme.text;
  ctx.textAlign = "left";
  for (const value of frame.priceTicks.values) {
    const y = priceToY(frame.scale, value);
    if (y < price.y || y > price.y + price.height) continue;
    ctx.fillText(value.toFixed(frame.priceTicks.decimals), priceAxis.x + TAG_PADDING + 2, y);
  }
}

function drawTimeAxis(
  ctx: CanvasRenderingContext2D, frame: ChartFrame, x: (index: number) => number, theme: ChartTheme,
): void {
  const { timeAxis } = frame.layout;
  ctx.fillStyle = theme.text;
  ctx.textAlign = "center";
  let freeFrom = -Infinity;
  for (const tick of frame.timeTicks) {
    const centre = x(tick.index);
    const half = ctx.measureText(tick.label).width / 2;
    // Gaps in the data can bring two boundaries close: keep the earlier label.
    if (centre - half < freeFrom || centre - half < 0 || centre + half > timeAxis.width) continue;
    ctx.fillText(tick.label, centre, timeAxis.y + timeAxis.height / 2);
    freeFrom = centre + half + 8;
  }
}

function drawLastPrice(
  ctx: CanvasRenderingContext2D, frame: ChartFrame, scene: ChartScene, theme: ChartTheme,
): void {
  const { price } = frame.layout;
  const last = scene.plot[scene.plot.length - 1];
  const y = Math.round(priceToY(frame.scale, last.close));
  if (y < price.y || y > price.y + price.height) return;
  const colour = last.rising ? theme.up : theme.down;
  ctx.strokeStyle = colour;
  ctx.setLineDash([2, 3]);
  ctx.beginPath();
  ctx.moveTo(0, y + 0.5);
  ctx.lineTo(price.width, y + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);
  drawAxisTag(ctx, frame, scene.candles[scene.candles.length - 1].c, y, colour, theme.labelText);
}

function drawCrosshair(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  scene: ChartScene,
  crosshair: Crosshair,
  x: (index: number) => number,
  theme: ChartTheme,
): void {
  const { price, timeAxis } = frame.layout;
  const candle = scene.plot[crosshair.index];
  if (candle === undefined) return;
  const centre = Math.round(x(crosshair.index)) + 0.5;
  if (centre < 0 || centre > price.width) return;
  const y = crosshair.y ?? priceToY(frame.scale, candle.close);
  ctx.strokeStyle = theme.crosshair;
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  ctx.moveTo(centre, 0);
  ctx.lineTo(centre, timeAxis.y);
  if (y >= price.y && y <= price.y + price.height) {
    ctx.moveTo(0, Math.round(y) + 0.5);
    ctx.lineTo(price.width, Math.round(y) + 0.5);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  if (y >= price.y && y <= price.y + price.height) {
    const text = crosshair.y === null
      ? scene.candles[crosshair.index].c
      : yToPrice(frame.scale, y).toFixed(frame.priceTicks.decimals + 1);
    drawAxisTag(ctx, frame, text, y, theme.labelBackground, theme.labelText);
  }
  const time = formatCandleTime(candle.time, scene.interval);
  const width = ctx.measureText(time).width + 2 * TAG_PADDING;
  const left = Math.min(Math.max(0, centre - width / 2), Math.max(0, price.width - width));
  ctx.fillStyle = theme.labelBackground;
  ctx.fillRect(left, timeAxis.y + 2, width, TAG_HEIGHT);
  ctx.fillStyle = theme.labelText;
  ctx.textAlign = "center";
  ctx.fillText(time, left + width / 2, timeAxis.y + 2 + TAG_HEIGHT / 2);
}

/** A filled label on the price axis at height `y`. */
function drawAxisTag(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  text: string,
  y: number,
  background: string,
  foreground: string,
): void {
  const { priceAxis } = frame.layout;
  ctx.fillStyle = background;
  ctx.fillRect(priceAxis.x + 1, y - TAG_HEIGHT / 2, priceAxis.width - 1, TAG_HEIGHT);
  ctx.fillStyle = foreground;
  ctx.textAlign = "left";
  ctx.fillText(text, priceAxis.x + TAG_PADDING + 2, y);
}
