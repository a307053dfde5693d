import { FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import type { Interval } from "../../api/types";
import { ErrorNotice, TextField, useAction } from "../../components";
import { isFieldProblem } from "../../market/apiProblems";
import { normalizeSymbol, symbolProblem } from "../../market/symbol";
import { SymbolField } from "../../market/SymbolField";
import { nameProblem } from "../../market/text";
import { navigate } from "../../routing";
import { IntervalSelect } from "./IntervalSelect";

interface Problems {
  name?: string;
  symbol?: string;
}

/** Creates a chart and opens it. */
export function NewChartForm() {
  const api = useApi();
  const [name, setName] = useState("");
  const [symbol, setSymbol] = useState("");
  const [interval, setChartInterval] = useState<Interval>("1h");
  const [problems, setProblems] = useState<Problems>({});
  const { busy, error, run } = useAction();
  const headingId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = { name: name.trim(), symbol: normalizeSymbol(symbol), interval, layout: {} };
    const found: Problems = {
      name: nameProblem(fields.name) ?? undefined,
      symbol: symbolProblem(fields.symbol) ?? undefined,
    };
    setProblems(found);
    if (found.name !== undefined || found.symbol !== undefined) return;
    void run(async () => {
      const chart = await api.create("charts", fields);
      navigate(`/charts/${chart.id}`);
    });
  }

  const limited = error instanceof ApiError && error.code === "limit_reached";
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>New chart</h2>
      <div className="market-form-fields">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          error={problems.name ?? fieldError(error, "name")}
          autoComplete="off"
          required
        />
        <SymbolField
          value={symbol}
          onChange={setSymbol}
          error={problems.symbol ?? fieldError(error, "symbol")}
          hint="For example AAPL, BINANCE:BTCUSDT or EUR/USD."
        />
        <IntervalSelect value={interval} onChange={setChartInterval} error={fieldError(error, "interval")} />
      </div>
      {limited ? (
        <p className="notice notice-error" role="alert">
          You have 1,000 charts, the most you can keep. Delete one to make room for another.
        </p>
      ) : null}
      {error !== null && !limited && !isFieldProblem(error, ["name", "symbol", "interval"]) ? (
        <ErrorNotice error={error} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create chart"}
        </button>
      </div>
    </form>
  );
}
