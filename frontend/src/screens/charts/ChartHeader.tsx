import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Candle, Chart, Interval } from "../../api/types";
import { ErrorNotice } from "../../components";
import { hasStatus } from "../../market/apiProblems";
import { compareDecimal } from "../../market/decimal";
import { IntervalSelect } from "./IntervalSelect";

/** The chart's name, symbol, interval picker (saved to the chart) and last price. */
export function ChartHeader(props: { chart: Chart; last: Candle | null; onChart: (chart: Chart) => void }) {
  const api = useApi();
  const { chart, last } = props;
  const [pending, setPending] = useState<Interval | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);

  async function changeInterval(interval: Interval) {
    setPending(interval);
    setError(null);
    setNote(null);
    try {
      props.onChart(await api.update("charts", chart.id, { interval }, chart.version));
    } catch (caught) {
      if (!hasStatus(caught, 412)) {
        setError(caught);
      } else {
        try {
          props.onChart(await api.get("charts", chart.id));
          setNote("This chart was changed elsewhere, so it was reloaded. Pick the interval again if you still want to.");
        } catch (reload) {
          setError(reload);
        }
      }
    } finally {
      setPending(null);
    }
  }

  const direction = last === null ? "" : compareDecimal(last.c, last.o) >= 0 ? "up" : "down";
  return (
    <header className="chart-header">
      <div className="chart-title">
        <h1>{chart.name}</h1>
        <p className="chart-symbol mono">{chart.symbol}</p>
      </div>
      <div className="chart-interval">
        <IntervalSelect value={pending ?? chart.interval} onChange={changeInterval} disabled={pending !== null} />
      </div>
      {last !== null ? (
        <p className="chart-last">
          Last <span className={`mono ${direction}`}>{last.c}</span>
        </p>
      ) : null}
      {note !== null ? <p className="notice chart-header-note" role="status">{note}</p> : null}
      {error !== null ? (
        <div className="chart-header-note">
          <ErrorNotice error={error} />
        </div>
      ) : null}
    </header>
  );
}
