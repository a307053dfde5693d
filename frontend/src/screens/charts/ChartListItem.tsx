import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Chart } from "../../api/types";
import { ConfirmButton, ErrorNotice } from "../../components";
import { hasStatus } from "../../market/apiProblems";
import { RenameControl } from "../../market/RenameControl";
import { Link } from "../../routing";

/** One chart of the list: a link to it, and rename and delete in place. */
export function ChartListItem(props: {
  chart: Chart;
  onChanged: (chart: Chart) => void;
  onDeleted: (chart: Chart) => void;
}) {
  const api = useApi();
  const { chart } = props;
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function rename(name: string) {
    setNote(null);
    try {
      props.onChanged(await api.update("charts", chart.id, { name }, chart.version));
    } catch (caught) {
      if (!hasStatus(caught, 412)) throw caught;
      // Changed elsewhere since this list was loaded: show what is stored now.
      props.onChanged(await api.get("charts", chart.id));
      setNote("This chart was changed elsewhere, so it was reloaded. Rename it again if you still want to.");
    }
  }

  async function remove() {
    setError(null);
    try {
      await api.remove("charts", chart.id);
    } catch (caught) {
      // Already gone is what was asked for.
      if (!hasStatus(caught, 404)) {
        setError(caught);
        return;
      }
    }
    props.onDeleted(chart);
  }

  return (
    <li className="market-item">
      <Link to={`/charts/${chart.id}`} className="chart-link">
        <span className="chart-link-name">{chart.name}</span>
        <span className="chart-link-meta">
          {chart.symbol} · {chart.interval}
        </span>
      </Link>
      <div className="market-actions">
        <RenameControl name={chart.name} onRename={rename} />
        <ConfirmButton label="Delete" confirmLabel={`Delete ${chart.name}?`} onConfirm={remove} />
      </div>
      {note !== null ? <p className="notice" role="status">{note}</p> : null}
      {error !== null ? <ErrorNotice error={error} /> : null}
    </li>
  );
}
