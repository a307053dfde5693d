import { useId, useRef, useState } from "react";
import type { Alert } from "../../api/types";
import { ErrorNotice, LoadingState } from "../../components";
import { LoadMore } from "../../market/LoadMore";
import { usePagedList } from "../../market/usePagedList";
import { useAlertTriggered } from "../../realtime";
import { AlertFilter, AlertFilterValue } from "./AlertFilter";
import { AlertItem } from "./AlertItem";
import { NewAlertForm } from "./NewAlertForm";
import "../../market/market.css";
import "./alerts.css";

/** /alerts: create alerts, see which fired, disable, re-arm and delete them. */
export function AlertsScreen() {
  const [filter, setFilter] = useState<AlertFilterValue>("all");
  const alerts = usePagedList("alerts", filter === "active" ? "active" : undefined);
  // Alerts that fired while this screen is open stay highlighted until acted on.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const forget = (id: string) => setFresh((old) => {
    const next = new Set(old);
    next.delete(id);
    return next;
  });

  useAlertTriggered((alert) => {
    if (!alerts.items.some((shown) => shown.id === alert.id)) return;
    alerts.put(alert);
    setFresh((old) => new Set(old).add(alert.id));
  });

  function changed(alert: Alert) {
    alerts.put(alert);
    forget(alert.id);
  }

  return (
    <div className="market-screen">
      <h1>Alerts</h1>
      <NewAlertForm
        onCreated={(alert) => {
          alerts.prepend(alert);
          setStatus(`Created an alert on ${alert.symbol}.`);
        }}
      />
      <section className="alerts" aria-labelledby={headingId}>
        <div className="alerts-header">
          <h2 id={headingId} ref={listHeading} tabIndex={-1}>
            Your alerts
          </h2>
          <AlertFilter value={filter} onChange={setFilter} />
        </div>
        <p className="visually-hidden" role="status">
          {status}
        </p>
        {alerts.status === "loading" ? <LoadingState label="Loading alerts…" /> : null}
        {alerts.status === "error" ? <ErrorNotice error={alerts.error} onRetry={alerts.reload} /> : null}
        {alerts.status === "ready" && alerts.items.length === 0 ? (
          <p className="market-empty">
            {filter === "active" ? "No active alerts." : "No alerts yet. Create one above."}
          </p>
        ) : null}
        {alerts.items.length > 0 ? (
          <ul className="market-list">
            {alerts.items.map((alert) => (
              <AlertItem
                key={alert.id}
                alert={alert}
                fresh={fresh.has(alert.id)}
                onChanged={changed}
                onDeleted={(deleted) => {
                  alerts.remove(deleted.id);
                  forget(deleted.id);
                  setStatus(`Deleted the alert on ${deleted.symbol}.`);
                  // The item that had focus is gone; the list's heading is the nearest place.
                  listHeading.current?.focus();
                }}
              />
            ))}
          </ul>
        ) : null}
        <LoadMore
          hasMore={alerts.hasMore}
          loading={alerts.loadingMore}
          error={alerts.moreError}
          onLoadMore={alerts.loadMore}
        />
      </section>
    </div>
  );
}
