import { useId, useMemo, useRef, useState } from "react";
import { ErrorNotice, LoadingState } from "../../components";
import { LoadMore } from "../../market/LoadMore";
import { usePagedList } from "../../market/usePagedList";
import { MAX_SYMBOLS } from "../../realtime";
import { NewWatchlistForm } from "./NewWatchlistForm";
import { useLastPrices } from "./useLastPrices";
import { WatchlistCard } from "./WatchlistCard";
import "../../market/market.css";
import "./watchlists.css";

/** /watchlists: the user's watchlists with the last price of each symbol. */
export function WatchlistsScreen() {
  const watchlists = usePagedList("watchlists");
  const [status, setStatus] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  // Realtime carries at most MAX_SYMBOLS symbols a connection: prices go to the first ones shown.
  const allSymbols = useMemo(
    () => [...new Set(watchlists.items.flatMap((watchlist) => watchlist.symbols))],
    [watchlists.items],
  );
  const priced = useMemo(() => allSymbols.slice(0, MAX_SYMBOLS), [allSymbols]);
  const prices = useLastPrices(priced);

  return (
    <div className="market-screen">
      <h1>Watchlists</h1>
      <NewWatchlistForm
        onCreated={(watchlist) => {
          watchlists.prepend(watchlist);
          setStatus(`Created ${watchlist.name}.`);
        }}
      />
      <section className="watchlists" aria-labelledby={headingId}>
        <h2 id={headingId} ref={listHeading} tabIndex={-1}>
          Your watchlists
        </h2>
        <p className="visually-hidden" role="status">
          {status}
        </p>
        {allSymbols.length > priced.length ? (
          <p className="notice">
            Prices are shown for the first {MAX_SYMBOLS} symbols on this page.
          </p>
        ) : null}
        {watchlists.status === "loading" ? <LoadingState label="Loading watchlists…" /> : null}
        {watchlists.status === "error" ? (
          <ErrorNotice error={watchlists.error} onRetry={watchlists.reload} />
        ) : null}
        {watchlists.status === "ready" && watchlists.items.length === 0 ? (
          <p className="market-empty">No watchlists yet. Create one above.</p>
        ) : null}
        {watchlists.items.map((watchlist) => (
          <WatchlistCard
            key={watchlist.id}
            watchlist={watchlist}
            prices={prices}
            onChanged={watchlists.put}
            onDeleted={(deleted) => {
              watchlists.remove(deleted.id);
              setStatus(`Deleted ${deleted.name}.`);
              // The card that had focus is gone; the list's heading is the nearest place.
              listHeading.current?.focus();
            }}
          />
        ))}
        <LoadMore
          hasMore={watchlists.hasMore}
          loading={watchlists.loadingMore}
          error={watchlists.moreError}
          onLoadMore={watchlists.loadMore}
        />
      </section>
    </div>
  );
}
