import { useEffect, useId, useRef, useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Watchlist, WatchlistFields } from "../../api/types";
import { ConfirmButton, ErrorNotice } from "../../components";
import { hasStatus } from "../../market/apiProblems";
import { RenameControl } from "../../market/RenameControl";
import { AddSymbolForm } from "./AddSymbolForm";
import { SymbolRow } from "./SymbolRow";
import type { PriceState } from "./useLastPrices";

/** Where focus goes once the saved list is on screen: a moved symbol's button, or the heading. */
type FocusTarget = { symbol: string; button: "up" | "down" } | "heading" | null;

/** One watchlist: its symbols with prices, and every change saved with the version shown. */
export function WatchlistCard(props: {
  watchlist: Watchlist;
  prices: ReadonlyMap<string, PriceState>;
  onChanged: (watchlist: Watchlist) => void;
  onDeleted: (watchlist: Watchlist) => void;
}) {
  const api = useApi();
  const { watchlist } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const focusTarget = useRef<FocusTarget>(null);

  useEffect(() => {
    const target = focusTarget.current;
    focusTarget.current = null;
    if (target === "heading") headingRef.current?.focus();
    else if (target !== null) {
      const row = listRef.current?.querySelector(`[data-symbol="${CSS.escape(target.symbol)}"]`);
      row?.querySelector<HTMLButtonElement>(`[data-move="${target.button}"]`)?.focus();
    }
  }, [watchlist]);

  /** Shows the stored watchlist after a 412, and says why the change did not happen. */
  async function reloadAfterConflict() {
    try {
      props.onChanged(await api.get("watchlists", watchlist.id));
      setNote("This watchlist was changed elsewhere, so it was reloaded. Make your change again.");
    } catch (caught) {
      if (hasStatus(caught, 404)) props.onDeleted(watchlist);
      else throw caught;
    }
  }

  /** Saves `fields` over the version on screen; resolves false when a 412 reloaded it instead. */
  async function save(fields: Partial<WatchlistFields>): Promise<boolean> {
    setNote(null);
    try {
      props.onChanged(await api.update("watchlists", watchlist.id, fields, watchlist.version));
      return true;
    } catch (caught) {
      if (!hasStatus(caught, 412)) throw caught;
      await reloadAfterConflict();
      return false;
    }
  }

  /** Moves and removals: one at a time, with their errors shown on the card. */
  async function change(symbols: string[], announce: string, focus: FocusTarget) {
    setBusy(true);
    setError(null);
    try {
      if (await save({ symbols })) {
        setStatus(announce);
        focusTarget.current = focus;
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function move(index: number, by: -1 | 1) {
    const symbols = [...watchlist.symbols];
    const symbol = symbols[index];
    symbols.splice(index, 1);
    symbols.splice(index + by, 0, symbol);
    void change(symbols, `Moved ${symbol} to position ${index + by + 1} of ${symbols.length}.`,
      { symbol, button: by < 0 ? "up" : "down" });
  }

  function remove(symbol: string) {
    void change(watchlist.symbols.filter((other) => other !== symbol), `Removed ${symbol}.`, "heading");
  }

  async function add(symbol: string): Promise<boolean> {
    const saved = await save({ symbols: [...watchlist.symbols, symbol] });
    if (saved) setStatus(`Added ${symbol}.`);
    return saved;
  }

  async function deleteWatchlist() {
    setError(null);
    try {
      await api.remove("watchlists", watchlist.id);
    } catch (caught) {
      // Already gone is what was asked for.
      if (!hasStatus(caught, 404)) {
        setError(caught);
        return;
      }
    }
    props.onDeleted(watchlist);
  }

  return (
    <section className="card watchlist" aria-labelledby={headingId}>
      <div className="watchlist-header">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {watchlist.name}
        </h3>
        <div className="market-actions">
          <RenameControl name={watchlist.name} onRename={async (name) => {
              await save({ name });
            }} />
          <ConfirmButton label="Delete" confirmLabel={`Delete ${watchlist.name}?`} onConfirm={deleteWatchlist} />
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {note !== null ? <p className="notice" role="status">{note}</p> : null}
      {error !== null ? <ErrorNotice error={error} /> : null}
      {watchlist.symbols.length === 0 ? (
        <p className="market-empty">No symbols yet. Add one below.</p>
      ) : (
        <ol ref={listRef} className="watchlist-symbols" aria-labelledby={headingId}>
          {watchlist.symbols.map((symbol, index) => (
            <SymbolRow
              key={symbol}
              symbol={symbol}
              position={index}
              count={watchlist.symbols.length}
              price={props.prices.get(symbol)}
              busy={busy}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(symbol)}
            />
          ))}
        </ol>
      )}
      <AddSymbolForm symbols={watchlist.symbols} onAdd={add} />
    </section>
  );
}
