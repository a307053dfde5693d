// What the chart's keys and buttons do, as data: one place applies them all.

export type ChartCommand =
  /** Moves the crosshair by `by` candles (negative: back in time). */
  | { kind: "move"; by: number }
  | { kind: "jump"; to: "oldest" | "newest" }
  /** Pans by a share of the visible candles (positive: back in time). */
  | { kind: "pan"; screens: number }
  | { kind: "latest" }
  | { kind: "zoom"; factor: number }
  | { kind: "clear" };

const FAST_STEP = 10;
export const ZOOM_STEP = 1.25;

export function commandForKey(key: string, shift: boolean): ChartCommand | null {
  switch (key) {
    case "ArrowLeft": return { kind: "move", by: shift ? -FAST_STEP : -1 };
    case "ArrowRight": return { kind: "move", by: shift ? FAST_STEP : 1 };
    case "Home": return { kind: "jump", to: "oldest" };
    case "End": return { kind: "jump", to: "newest" };
    case "PageUp": return { kind: "pan", screens: 1 };
    case "PageDown": return { kind: "pan", screens: -1 };
    case "+":
    case "=": return { kind: "zoom", factor: ZOOM_STEP };
    case "-":
    case "_": return { kind: "zoom", factor: 1 / ZOOM_STEP };
    case "Escape": return { kind: "clear" };
    default: return null;
  }
}
