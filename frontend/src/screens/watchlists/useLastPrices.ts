// Last prices of the symbols on screen: the newest stored 1-minute candle of each, then every
// candle the realtime connection pushes.
import { useEffect, useRef, useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Candle } from "../../api/types";
import { useLatest } from "../../components/useLatest";
import { useCandleStream } from "../../realtime";

export type PriceState =
  | { status: "loading" }
  | { status: "error" }
  /** `candle` is null when nobody has data for the symbol yet. */
  | { status: "ready"; candle: Candle | null };

/** Requests at once, so a long watchlist does not flood the API. */
const CONCURRENCY = 6;

function isNewer(candidate: Candle, state: PriceState | undefined): boolean {
  if (state === undefined || state.status !== "ready" || state.candle === null) return true;
  // The same minute again is a correction, and replaces the old one.
  return Date.parse(candidate.t) >= Date.parse(state.candle.t);
}

export function useLastPrices(symbols: string[]): ReadonlyMap<string, PriceState> {
  const api = useLatest(useApi());
  const [prices, setPrices] = useState<ReadonlyMap<string, PriceState>>(new Map());
  const requested = useRef(new Set<string>());
  const key = symbols.join(" ");

  useEffect(() => {
    const missing = key === "" ? [] : key.split(" ").filter((symbol) => !requested.current.has(symbol));
    if (missing.length === 0) return;
    for (const symbol of missing) requested.current.add(symbol);
    setPrices((old) => {
      const next = new Map(old);
      for (const symbol of missing) next.set(symbol, { status: "loading" });
      return next;
    });
    const queue = [...missing];
    const work = async () => {
      for (;;) {
        const symbol = queue.shift();
        if (symbol === undefined) return;
        try {
          const series = await api.current.candles({ symbol, interval: "1m", limit: 1 });
          const candle = series.candles[series.candles.length - 1] ?? null;
          setPrices((old) => {
            const state = old.get(symbol);
            // A pushed candle may have arrived first, and be newer.
            if (state?.status === "ready" && (candle === null || !isNewer(candle, state))) return old;
            return new Map(old).set(symbol, { status: "ready", candle });
          });
        } catch {
          setPrices((old) => new Map(old).set(symbol, { status: "error" }));
          // Asked again the next time the symbols on screen change.
          requested.current.delete(symbol);
        }
      }
    };
    for (let worker = 0; worker < Math.min(CONCURRENCY, missing.length); worker += 1) void work();
  }, [api, key]);

  useCandleStream(symbols, (symbol, candle) => {
    setPrices((old) => (isNewer(candle, old.get(symbol))
      ? new Map(old).set(symbol, { status: "ready", candle })
      : old));
  });

  return prices;
}
