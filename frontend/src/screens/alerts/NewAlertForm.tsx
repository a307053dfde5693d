import { FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import type { Alert, AlertCondition } from "../../api/types";
import { ErrorNotice, TextField, useAction } from "../../components";
import { isFieldProblem } from "../../market/apiProblems";
import { priceProblem } from "../../market/decimal";
import { SymbolField } from "../../market/SymbolField";
import { normalizeSymbol, symbolProblem } from "../../market/symbol";
import { characterCount } from "../../market/text";
import { ConditionSelect } from "./ConditionSelect";

const MAX_NOTE = 500;
const FIELDS = ["symbol", "condition", "price", "note"];

interface Problems {
  symbol?: string;
  price?: string;
  note?: string;
}

/** Creates an active alert. The price is sent as typed (a decimal string), never as a float. */
export function NewAlertForm(props: { onCreated: (alert: Alert) => void }) {
  const api = useApi();
  const [symbol, setSymbol] = useState("");
  const [condition, setCondition] = useState<AlertCondition>("above");
  const [price, setPrice] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const { busy, error, run } = useAction();
  const headingId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = { symbol: normalizeSymbol(symbol), condition, price: price.trim(), note: note.trim() };
    const found: Problems = {
      symbol: symbolProblem(fields.symbol) ?? undefined,
      price: priceProblem(fields.price) ?? undefined,
      note: characterCount(fields.note) > MAX_NOTE ? `A note has at most ${MAX_NOTE} characters.` : undefined,
    };
    setProblems(found);
    if (found.symbol !== undefined || found.price !== undefined || found.note !== undefined) return;
    void run(async () => {
      props.onCreated(await api.create("alerts", fields));
      setSymbol("");
      setPrice("");
      setNote("");
    });
  }

  const limited = error instanceof ApiError && error.code === "limit_reached";
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>New alert</h2>
      <div className="market-form-fields">
        <SymbolField value={symbol} onChange={setSymbol} error={problems.symbol ?? fieldError(error, "symbol")} />
        <ConditionSelect value={condition} onChange={setCondition} error={fieldError(error, "condition")} />
        <TextField
          label="Price"
          name="price"
          value={price}
          onChange={setPrice}
          error={problems.price ?? fieldError(error, "price")}
          autoComplete="off"
          hint="For example 42000.50"
          required
        />
        <TextField
          label="Note"
          name="note"
          value={note}
          onChange={setNote}
          error={problems.note ?? fieldError(error, "note")}
          autoComplete="off"
          hint="Optional"
        />
      </div>
      {limited ? (
        <p className="notice notice-error" role="alert">
          You have 500 alerts, the most you can keep. Delete one to make room for another.
        </p>
      ) : null}
      {error !== null && !limited && !isFieldProblem(error, FIELDS) ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create alert"}
        </button>
      </div>
    </form>
  );
}
