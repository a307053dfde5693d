import { useId, useRef, useState } from "react";
import { ErrorNotice, LoadingState } from "../../components";
import { LoadMore } from "../../market/LoadMore";
import { usePagedList } from "../../market/usePagedList";
import { ChartListItem } from "./ChartListItem";
import { NewChartForm } from "./NewChartForm";
import "../../market/market.css";
import "./charts.css";

/** /charts: the user's charts, newest first, and a form for a new one. */
export function ChartListScreen() {
  const charts = usePagedList("charts");
  const [status, setStatus] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  return (
    <div className="market-screen">
      <h1>Charts</h1>
      <NewChartForm />
      <section aria-labelledby={headingId}>
        <h2 id={headingId} ref={listHeading} tabIndex={-1}>
          Your charts
        </h2>
        <p className="visually-hidden" role="status">
          {status}
        </p>
        {charts.status === "loading" ? <LoadingState label="Loading charts…" /> : null}
        {charts.status === "error" ? <ErrorNotice error={charts.error} onRetry={charts.reload} /> : null}
        {charts.status === "ready" && charts.items.length === 0 ? (
          <p className="market-empty">No charts yet. Create one above.</p>
        ) : null}
        {charts.items.length > 0 ? (
          <ul className="market-list">
            {charts.items.map((chart) => (
              <ChartListItem
                key={chart.id}
                chart={chart}
                onChanged={charts.put}
                onDeleted={(deleted) => {
                  charts.remove(deleted.id);
                  setStatus(`Deleted ${deleted.name}.`);
                  // The item that had focus is gone; the list's heading is the nearest place.
                  listHeading.current?.focus();
                }}
              />
            ))}
          </ul>
        ) : null}
        <LoadMore
          hasMore={charts.hasMore}
          loading={charts.loadingMore}
          error={charts.moreError}
          onLoadMore={charts.loadMore}
        />
      </section>
    </div>
  );
}
