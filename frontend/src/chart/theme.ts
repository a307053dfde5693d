// Chart colours come from CSS custom properties (charts.css), so light and dark schemes and
// any theming stay in stylesheets.

export interface ChartTheme {
  background: string;
  grid: string;
  text: string;
  up: string;
  down: string;
  crosshair: string;
  labelBackground: string;
  labelText: string;
  font: string;
}

export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: value("--chart-background", "#ffffff"),
    grid: value("--chart-grid", "rgba(128, 128, 128, 0.18)"),
    text: value("--chart-text", "#555555"),
    up: value("--chart-up", "#138a52"),
    down: value("--chart-down", "#d1323b"),
    crosshair: value("--chart-crosshair", "#777777"),
    labelBackground: value("--chart-label-background", "#333333"),
    labelText: value("--chart-label-text", "#ffffff"),
    font: `11px ${style.fontFamily || "sans-serif"}`,
  };
}
