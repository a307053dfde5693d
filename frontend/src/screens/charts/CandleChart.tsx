import { PointerEvent, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Interval } from "../../api/types";
import { ChartCommand, ZOOM_STEP, commandForKey } from "../../chart/commands";
import { drawChart } from "../../chart/drawChart";
import type { ChartFrame } from "../../chart/frame";
import { plotIndexOf, toPlotCandles } from "../../chart/plotCandles";
import { readChartTheme } from "../../chart/theme";
import { formatCandleTime } from "../../chart/timeFormat";
import {
  Viewport, clampViewport, indexAtX, initialViewport, maxRightOffset, panBy, revealIndex,
  visibleRange, zoomAround,
} from "../../chart/viewport";
import { ErrorNotice } from "../../components";
import { useLatest } from "../../components/useLatest";
import { ChartReadout } from "./ChartReadout";
import type { CandleSeriesState } from "./useCandleSeries";
import { useCanvasSize } from "./useCanvasSize";
import { useColorScheme } from "./useColorScheme";

/** Older history is fetched when the view comes this many candles near the oldest loaded one. */
const OLDER_THRESHOLD = 20;
/** Pixels a press must move to pan; less is a tap that places the crosshair. */
const DRAG_THRESHOLD = 4;
const WHEEL_ZOOM = 0.002;
const LINE_PIXELS = 16;

interface Aim {
  time: number;
  /** Pointer height, or null when the keyboard placed the crosshair (it then sits on the close). */
  y: number | null;
}

interface Drag {
  pointerId: number;
  startX: number;
  startOffset: number;
  moved: boolean;
}

/** The interactive candlestick chart of a non-empty series. */
export function CandleChart(props: { symbol: string; interval: Interval; series: CandleSeriesState }) {
  const { symbol, interval, series } = props;
  const { candles, loadOlder } = series;
  const plot = useMemo(() => toPlotCandles(candles), [candles]);
  const count = plot.length;
  const [view, setView] = useState<Viewport>(initialViewport);
  const shown = clampViewport(view, count);
  const [aim, setAim] = useState<Aim | null>(null);
  const aimIndex = aim === null ? -1 : plotIndexOf(plot, aim.time);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<ChartFrame | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const size = useCanvasSize(surfaceRef);
  const scheme = useColorScheme();
  const helpId = useId();
  const canLoadOlder = series.hasOlder && !series.loadingOlder && series.olderError === null;

  const plotWidth = () => frameRef.current?.layout.price.width ?? size.width;

  // A new candle while the user looks at history must not shift what they look at.
  const newest = count > 0 ? plot[count - 1].time : null;
  const previousNewest = useRef(newest);
  useLayoutEffect(() => {
    const before = previousNewest.current;
    previousNewest.current = newest;
    if (before === null || newest === null || newest <= before) return;
    const beforeIndex = plotIndexOf(plot, before);
    if (beforeIndex < 0) return;
    const added = count - 1 - beforeIndex;
    setView((old) => (old.rightOffset > 0 ? { ...old, rightOffset: old.rightOffset + added } : old));
  }, [plot, count, newest]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null || size.width === 0 || size.height === 0) return;
    const pixelWidth = Math.round(size.width * size.ratio);
    const pixelHeight = Math.round(size.height * size.ratio);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const context = canvas.getContext("2d");
    if (context === null) return;
    context.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
    const crosshair = aimIndex >= 0 && aim !== null ? { index: aimIndex, y: aim.y } : null;
    const frame = drawChart(context, size.width, size.height,
      { candles, plot, interval, view: shown, crosshair }, readChartTheme(canvas));
    frameRef.current = frame;
    if (frame?.range && frame.range.first < OLDER_THRESHOLD && canLoadOlder) loadOlder();
  }, [candles, plot, interval, shown, aim, aimIndex, size, scheme, canLoadOlder, loadOlder]);

  // React's wheel listener is passive and could not keep the page from scrolling instead.
  const onWheel = useLatest((event: WheelEvent) => {
    event.preventDefault();
    const width = plotWidth();
    const unit = event.deltaMode === 1 ? LINE_PIXELS : event.deltaMode === 2 ? width : 1;
    if (event.ctrlKey || event.metaKey) {
      // Also what a trackpad pinch sends.
      const x = event.clientX - (canvasRef.current?.getBoundingClientRect().left ?? 0);
      const factor = Math.exp(-event.deltaY * unit * WHEEL_ZOOM);
      setView((old) => zoomAround(old, count, width, x, factor));
      return;
    }
    const delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY;
    // Scrolling up or swiping right goes back in time. Several events can come between renders.
    setView((old) => panBy(old, count, (-delta * unit) / old.spacing));
  });
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return undefined;
    const listener = (event: WheelEvent) => onWheel.current(event);
    canvas.addEventListener("wheel", listener, { passive: false });
    return () => canvas.removeEventListener("wheel", listener);
  }, [onWheel]);

  function showCandle(index: number) {
    const target = Math.min(count - 1, Math.max(0, index));
    setAim({ time: plot[target].time, y: null });
    setView(revealIndex(shown, count, plotWidth(), target));
  }

  function apply(command: ChartCommand) {
    const width = plotWidth();
    const screen = Math.max(1, Math.floor(width / shown.spacing));
    switch (command.kind) {
      case "move": {
        // The first press shows the crosshair on the newest candle in view.
        if (aimIndex >= 0) showCandle(aimIndex + command.by);
        else showCandle(visibleRange(shown, count, width)?.last ?? count - 1);
        return;
      }
      case "jump":
        showCandle(command.to === "oldest" ? 0 : count - 1);
        return;
      case "pan":
        setView(panBy(shown, count, command.screens * screen));
        return;
      case "latest":
        setView({ ...shown, rightOffset: 0 });
        return;
      case "zoom":
        setView(zoomAround(shown, count, width, width / 2, command.factor));
        return;
      case "clear":
        setAim(null);
        return;
    }
  }

  function pointAt(event: PointerEvent<HTMLCanvasElement>): { x: number; y: number } {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  function aimAt(x: number, y: number) {
    const index = Math.round(indexAtX(shown, count, plotWidth(), x));
    setAim({ time: plot[Math.min(count - 1, Math.max(0, index))].time, y });
  }

  function onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = {
      pointerId: event.pointerId,
      startX: pointAt(event).x,
      startOffset: shown.rightOffset,
      moved: false,
    };
  }

  function onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
    const { x, y } = pointAt(event);
    const drag = dragRef.current;
    if (drag !== null && drag.pointerId === event.pointerId) {
      const dx = x - drag.startX;
      if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
      drag.moved = true;
      // Dragging right pulls older candles into view.
      setView(clampViewport({ ...shown, rightOffset: drag.startOffset + dx / shown.spacing }, count));
      return;
    }
    if (event.pointerType === "mouse") aimAt(x, y);
  }

  function onPointerUp(event: PointerEvent<HTMLCanvasElement>) {
    const drag = dragRef.current;
    dragRef.current = null;
    if (drag === null || drag.moved) return;
    const { x, y } = pointAt(event);
    aimAt(x, y);
  }

  const last = candles[count - 1];
  const readout = aimIndex >= 0 ? candles[aimIndex] : last;
  const keyboardAim = aim !== null && aim.y === null && aimIndex >= 0;
  const atOldest = shown.rightOffset >= maxRightOffset(count);

  return (
    <div className="chart-panel">
      <ChartReadout candle={readout} interval={interval} />
      <div ref={surfaceRef} className="chart-surface">
        <canvas
          ref={canvasRef}
          className="chart-canvas"
          tabIndex={0}
          role="img"
          aria-label={`${symbol} ${interval} candlestick chart, last close ${last.c}`}
          aria-describedby={helpId}
          onKeyDown={(event) => {
            const command = commandForKey(event.key, event.shiftKey);
            if (command === null) return;
            event.preventDefault();
            apply(command);
          }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            dragRef.current = null;
          }}
          onPointerLeave={(event) => {
            if (event.pointerType === "mouse" && dragRef.current === null) setAim(null);
          }}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {keyboardAim
          ? `${formatCandleTime(readout.t, interval)}: open ${readout.o}, high ${readout.h}, `
            + `low ${readout.l}, close ${readout.c}, volume ${readout.v}`
          : ""}
      </p>
      <div className="chart-toolbar" role="group" aria-label="Move the chart">
        <button type="button" onClick={() => apply({ kind: "pan", screens: 0.5 })}
          disabled={atOldest && !series.hasOlder}>
          Older
        </button>
        <button type="button" onClick={() => apply({ kind: "pan", screens: -0.5 })}
          disabled={shown.rightOffset === 0}>
          Newer
        </button>
        <button type="button" onClick={() => apply({ kind: "latest" })} disabled={shown.rightOffset === 0}>
          Latest
        </button>
        <button type="button" onClick={() => apply({ kind: "zoom", factor: ZOOM_STEP })}>
          Zoom in
        </button>
        <button type="button" onClick={() => apply({ kind: "zoom", factor: 1 / ZOOM_STEP })}>
          Zoom out
        </button>
        <span className="chart-history muted" role="status">
          {series.loadingOlder ? "Loading older candles…" : series.hasOlder ? "" : "Start of history"}
        </span>
      </div>
      {series.olderError !== null ? <ErrorNotice error={series.olderError} onRetry={loadOlder} /> : null}
      <p id={helpId} className="chart-help muted">
        Drag or scroll over the chart to move through time; Ctrl and scroll to zoom. With the chart
        focused, ← and → move the crosshair (with Shift, 10 candles), Home and End go to the oldest
        and newest candle, Page Up and Page Down move a screen, + and − zoom, Esc hides the crosshair.
      </p>
    </div>
  );
}
