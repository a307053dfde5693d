import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Alert, AlertStatus } from "../../api/types";
import { ConfirmButton, ErrorNotice } from "../../components";
import { hasStatus } from "../../market/apiProblems";
import { conditionLabels, statusText } from "./alertText";

/** One alert, with the actions its status allows. `fresh`: it fired while this screen was open. */
export function AlertItem(props: {
  alert: Alert;
  fresh: boolean;
  onChanged: (alert: Alert) => void;
  onDeleted: (alert: Alert) => void;
}) {
  const api = useApi();
  const { alert } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);

  async function setStatus(status: AlertStatus) {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      props.onChanged(await api.update("alerts", alert.id, { status }, alert.version));
    } catch (caught) {
      if (!hasStatus(caught, 412)) {
        setError(caught);
        return;
      }
      // It fired or was changed elsewhere since it was shown: show it as it is now.
      try {
        props.onChanged(await api.get("alerts", alert.id));
        setNote("This alert had changed, so it was reloaded. Check it and try again.");
      } catch (reload) {
        setError(reload);
      }
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setError(null);
    try {
      await api.remove("alerts", alert.id);
    } catch (caught) {
      // Already gone is what was asked for.
      if (!hasStatus(caught, 404)) {
        setError(caught);
        return;
      }
    }
    props.onDeleted(alert);
  }

  const label = `${alert.symbol} ${conditionLabels[alert.condition].toLowerCase()} ${alert.price}`;
  return (
    <li className={`market-item alert-item alert-${alert.status}${props.fresh ? " alert-fresh" : ""}`}>
      <div className="alert-summary">
        <p className="alert-line">
          <span className="alert-symbol mono">{alert.symbol}</span>{" "}
          <span className="alert-condition">
            {conditionLabels[alert.condition]} <span className="mono">{alert.price}</span>
          </span>
        </p>
        <p className="alert-status">
          {statusText(alert)}
          {props.fresh ? <span className="alert-fresh-label"> (just now)</span> : null}
        </p>
        {alert.note !== "" ? <p className="alert-note">{alert.note}</p> : null}
      </div>
      <div className="market-actions" role="group" aria-label={`Actions for ${label}`}>
        {alert.status === "active" ? (
          <button type="button" disabled={busy} onClick={() => void setStatus("disabled")}>
            Disable
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void setStatus("active")}>
            Re-arm
          </button>
        )}
        <ConfirmButton label="Delete" confirmLabel={`Delete the alert ${label}?`} onConfirm={remove} />
      </div>
      {note !== null ? <p className="notice" role="status">{note}</p> : null}
      {error !== null ? <ErrorNotice error={error} /> : null}
    </li>
  );
}
