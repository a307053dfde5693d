import { FormEvent, useState } from "react";
import { fieldError } from "../../api/fieldError";
import { ErrorNotice, useAction } from "../../components";
import { isFieldProblem } from "../../market/apiProblems";
import { normalizeSymbol, symbolProblem } from "../../market/symbol";
import { SymbolField } from "../../market/SymbolField";

const MAX_SYMBOLS = 1000;

/** Adds a symbol at the end of a watchlist. */
export function AddSymbolForm(props: {
  symbols: readonly string[];
  /** Saves; resolves false when the watchlist had to be reloaded instead, throws on failure. */
  onAdd: (symbol: string) => Promise<boolean>;
}) {
  const [symbol, setSymbol] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalized = normalizeSymbol(symbol);
    let invalid = symbolProblem(normalized);
    if (invalid === null && props.symbols.includes(normalized)) {
      invalid = `${normalized} is already in this watchlist.`;
    }
    if (invalid === null && props.symbols.length >= MAX_SYMBOLS) {
      invalid = `A watchlist holds at most ${MAX_SYMBOLS} symbols.`;
    }
    setProblem(invalid);
    if (invalid !== null) return;
    void run(async () => {
      if (await props.onAdd(normalized)) setSymbol("");
    });
  }

  return (
    <form className="market-inline-form" onSubmit={submit} noValidate>
      <SymbolField value={symbol} onChange={setSymbol} error={problem ?? fieldError(error, "symbols")} />
      <button type="submit" disabled={busy}>
        {busy ? "Adding…" : "Add symbol"}
      </button>
      {error !== null && !isFieldProblem(error, ["symbols"]) ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
