import type { Chart } from "../../api/types";
import { ErrorNotice, LoadingState } from "../../components";
import { CandleChart } from "./CandleChart";
import { ChartHeader } from "./ChartHeader";
import { LatestCandleTable } from "./LatestCandleTable";
import { useCandleSeries } from "./useCandleSeries";

/** A loaded chart: header, candles and their summary in words. */
export function ChartView(props: { chart: Chart; onChart: (chart: Chart) => void }) {
  const { chart } = props;
  const series = useCandleSeries(chart.symbol, chart.interval);
  const last = series.candles.length > 0 ? series.candles[series.candles.length - 1] : null;

  return (
    <div className="market-screen chart-screen">
      <ChartHeader chart={chart} last={last} onChart={props.onChart} />
      {series.status === "loading" ? <LoadingState label="Loading candles…" /> : null}
      {series.status === "error" ? <ErrorNotice error={series.error} onRetry={series.retry} /> : null}
      {series.status === "ready" && last === null ? (
        <p className="market-empty">No candles yet for {chart.symbol}</p>
      ) : null}
      {series.status === "ready" && last !== null ? (
        <>
          {/* A new interval starts a new view: zoom and position of another interval mean nothing. */}
          <CandleChart key={chart.interval} symbol={chart.symbol} interval={chart.interval} series={series} />
          <LatestCandleTable symbol={chart.symbol} interval={chart.interval} candle={last} />
        </>
      ) : null}
    </div>
  );
}
