import { useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Chart } from "../../api/types";
import { ErrorNotice, LoadingState } from "../../components";
import { hasStatus } from "../../market/apiProblems";
import { useLatest } from "../../components/useLatest";
import { Link } from "../../routing";
import { ChartView } from "./ChartView";
import "../../market/market.css";
import "./charts.css";

type Loaded = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; chart: Chart };

/** /charts/:id. The h1 (the chart's name) appears once the chart is loaded. */
export function ChartScreen(props: { id: string }) {
  const api = useLatest(useApi());
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoaded({ status: "loading" });
    api.current.get("charts", props.id).then(
      (chart) => {
        if (current) setLoaded({ status: "ready", chart });
      },
      (error: unknown) => {
        if (current) setLoaded({ status: "error", error });
      },
    );
    return () => {
      current = false;
    };
  }, [api, props.id, attempt]);

  if (loaded.status === "loading") return <LoadingState label="Loading chart…" />;
  if (loaded.status === "error") {
    const missing = hasStatus(loaded.error, 404);
    return (
      <div className="market-screen">
        <h1>{missing ? "Chart not found" : "Chart"}</h1>
        {missing ? (
          <p>This chart does not exist or was deleted.</p>
        ) : (
          <ErrorNotice error={loaded.error} onRetry={() => setAttempt((count) => count + 1)} />
        )}
        <p>
          <Link to="/charts">Back to your charts</Link>
        </p>
      </div>
    );
  }
  return <ChartView chart={loaded.chart} onChart={(chart) => setLoaded({ status: "ready", chart })} />;
}
