import type { PriceState } from "./useLastPrices";

/** How a price reads: the API's string, or why there is none. */
function priceText(price: PriceState | undefined): string {
  if (price === undefined) return "—";
  switch (price.status) {
    case "loading": return "Loading…";
    case "error": return "Price unavailable";
    case "ready": return price.candle === null ? "No data yet" : price.candle.c;
  }
}

/**
 * One symbol of a watchlist with its last price and the buttons that move and remove it. The
 * move buttons stay focusable at the ends of the list (aria-disabled), so focus is not lost.
 */
export function SymbolRow(props: {
  symbol: string;
  position: number;
  count: number;
  price: PriceState | undefined;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { symbol, position, count } = props;
  const first = position === 0;
  const last = position === count - 1;
  return (
    <li className="watchlist-symbol" data-symbol={symbol}>
      <span className="watchlist-symbol-name mono">{symbol}</span>
      <span className="watchlist-symbol-price mono">
        <span className="visually-hidden">Last price </span>
        {priceText(props.price)}
      </span>
      <span className="watchlist-symbol-actions">
        <button
          type="button"
          data-move="up"
          aria-label={`Move ${symbol} up`}
          aria-disabled={first || props.busy}
          onClick={() => {
            if (!first && !props.busy) props.onMove(-1);
          }}
        >
          <span aria-hidden="true">↑</span>
          <span className="watchlist-button-text"> Up</span>
        </button>
        <button
          type="button"
          data-move="down"
          aria-label={`Move ${symbol} down`}
          aria-disabled={last || props.busy}
          onClick={() => {
            if (!last && !props.busy) props.onMove(1);
          }}
        >
          <span aria-hidden="true">↓</span>
          <span className="watchlist-button-text"> Down</span>
        </button>
        <button
          type="button"
          aria-label={`Remove ${symbol}`}
          aria-disabled={props.busy}
          onClick={() => {
            if (!props.busy) props.onRemove();
          }}
        >
          Remove
        </button>
      </span>
    </li>
  );
}
