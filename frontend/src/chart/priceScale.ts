// A linear price scale and "nice" tick values (1, 2, 2.5 or 5 times a power of ten).

export interface PriceScale {
  min: number;
  max: number;
  /** Pixel of `max`. */
  top: number;
  /** Pixel of `min`. */
  bottom: number;
}

export function priceToY(scale: PriceScale, price: number): number {
  const span = scale.max - scale.min;
  return scale.bottom - ((price - scale.min) / span) * (scale.bottom - scale.top);
}

export function yToPrice(scale: PriceScale, y: number): number {
  const span = scale.max - scale.min;
  return scale.min + ((scale.bottom - y) / (scale.bottom - scale.top)) * span;
}

/** `low`..`high` widened by `fraction` of its span on each side; never empty. */
export function paddedRange(low: number, high: number, fraction: number): [number, number] {
  if (high > low) {
    const pad = (high - low) * fraction;
    return [low - pad, high + pad];
  }
  const pad = Math.abs(low) * 0.01 || 1;
  return [low - pad, high + pad];
}

const MAX_TICKS = 50;

export interface PriceTicks {
  values: number[];
  /** Decimal places that tell the ticks apart. */
  decimals: number;
}

export function priceTicks(min: number, max: number, maxCount: number): PriceTicks {
  const raw = (max - min) / Math.max(1, maxCount);
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const normalized = raw / magnitude;
  const nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10;
  const step = nice * magnitude;
  const decimals = Math.min(10, Math.max(0, -Math.floor(Math.log10(step)) + (nice === 2.5 ? 1 : 0)));
  const values: number[] = [];
  // Counted by index, and capped: at extreme magnitudes adding `step` may not change a double.
  const last = Math.floor(max / step);
  for (let index = Math.ceil(min / step); index <= last && values.length < MAX_TICKS; index += 1) {
    values.push(Number((index * step).toFixed(decimals)));
  }
  return { values, decimals };
}
