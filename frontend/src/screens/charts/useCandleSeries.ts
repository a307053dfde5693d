// The candles of one chart: the latest 200 buckets, older history on demand, and live
// 1-minute candles folded into the chart's interval as they are stored.
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Candle, Interval } from "../../api/types";
import { foldMinute } from "../../chart/foldMinute";
import { mergeCandles } from "../../chart/series";
import { useLatest } from "../../components/useLatest";
import { useCandleStream } from "../../realtime";

const PAGE = 200;
/** Minutes of one bucket often arrive in bursts; one re-fetch covers them. */
const REFETCH_DELAY_MS = 500;

export interface CandleSeriesState {
  status: "loading" | "ready" | "error";
  error: unknown;
  /** Oldest first. */
  candles: Candle[];
  /** False once an older page came back empty. */
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
  loadOlder: () => void;
  retry: () => void;
}

export function useCandleSeries(symbol: string, interval: Interval): CandleSeriesState {
  const api = useLatest(useApi());
  const [candles, setCandles] = useState<Candle[]>([]);
  const [status, setStatus] = useState<CandleSeriesState["status"]>("loading");
  const [error, setError] = useState<unknown>(null);
  const [hasOlder, setHasOlder] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // What the state above belongs to: until the effect below has reset it for a new symbol
  // or interval, the old candles must not be shown under the new interval.
  const key = `${symbol} ${interval}`;
  const [loadedKey, setLoadedKey] = useState(key);

  // The source of truth, so that live candles arriving between renders fold onto each other.
  const stored = useRef<Candle[]>([]);
  const ready = useRef(false);
  const olderBusy = useRef(false);
  /** Live minutes that arrive before the first page; folded in once it is there. */
  const early = useRef<Candle[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  // Answers meant for an earlier symbol, interval or attempt are dropped.
  const generation = useRef(0);

  const commit = useCallback((next: Candle[]) => {
    stored.current = next;
    setCandles(next);
  }, []);

  const refetchLater = useCallback((bucket: string) => {
    const mine = generation.current;
    clearTimeout(timers.current.get(bucket));
    timers.current.set(bucket, setTimeout(() => {
      timers.current.delete(bucket);
      api.current.candles({ symbol, interval, from: bucket, limit: 1 }).then(
        (series) => {
          const fresh = series.candles[0];
          if (generation.current !== mine || fresh === undefined) return;
          if (Date.parse(fresh.t) !== Date.parse(bucket)) return;
          commit(mergeCandles(stored.current, [fresh]));
        },
        // The estimate stays on screen; the bucket's next minute tries again.
        () => undefined,
      );
    }, REFETCH_DELAY_MS));
  }, [api, commit, symbol, interval]);

  const fold = useCallback((minute: Candle) => {
    const { candles: next, stale } = foldMinute(stored.current, minute, interval);
    commit(next);
    if (stale !== null) refetchLater(stale);
  }, [commit, interval, refetchLater]);

  useEffect(() => {
    generation.current += 1;
    const mine = generation.current;
    const pending = timers.current;
    ready.current = false;
    olderBusy.current = false;
    early.current = [];
    commit([]);
    setLoadedKey(key);
    setStatus("loading");
    setError(null);
    setHasOlder(true);
    setLoadingOlder(false);
    setOlderError(null);
    api.current.candles({ symbol, interval, limit: PAGE }).then(
      (series) => {
        if (generation.current !== mine) return;
        commit(mergeCandles([], series.candles));
        for (const minute of early.current) fold(minute);
        early.current = [];
        ready.current = true;
        setHasOlder(series.candles.length > 0);
        setStatus("ready");
      },
      (caught: unknown) => {
        if (generation.current !== mine) return;
        setError(caught);
        setStatus("error");
      },
    );
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, [api, commit, fold, key, symbol, interval, attempt]);

  useCandleStream([symbol], (_symbol, minute) => {
    if (ready.current) fold(minute);
    else early.current.push(minute);
  });

  const loadOlder = useCallback(() => {
    const oldest = stored.current[0];
    if (!ready.current || olderBusy.current || oldest === undefined) return;
    const mine = generation.current;
    olderBusy.current = true;
    setLoadingOlder(true);
    setOlderError(null);
    api.current.candles({ symbol, interval, to: oldest.t, limit: PAGE }).then(
      (series) => {
        if (generation.current !== mine) return;
        if (series.candles.length === 0) setHasOlder(false);
        else commit(mergeCandles(stored.current, series.candles));
        olderBusy.current = false;
        setLoadingOlder(false);
      },
      (caught: unknown) => {
        if (generation.current !== mine) return;
        olderBusy.current = false;
        setLoadingOlder(false);
        setOlderError(caught);
      },
    );
  }, [api, commit, symbol, interval]);

  const belongs = loadedKey === key;
  return {
    status: belongs ? status : "loading",
    error,
    candles: belongs ? candles : [],
    hasOlder,
    loadingOlder,
    olderError,
    loadOlder,
    retry: () => setAttempt((count) => count + 1),
  };
}
