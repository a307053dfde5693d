import { useEffect, useSyncExternalStore } from "react";
import type { Alert, Candle } from "../api/types";
import { useRealtimeClient } from "./RealtimeContext";
import type { RealtimeStatus } from "./RealtimeClient";
import { isValidSymbol, normalizeSymbol } from "../market/symbol";
import { useLatest } from "../components/useLatest";

export function useRealtimeStatus(): RealtimeStatus {
  const client = useRealtimeClient();
  return useSyncExternalStore(client.subscribeStatus, client.getStatus);
}

/**
 * Subscribes to `symbols` while mounted and calls `onCandle` with each 1-minute candle.
 * Only a change in the set of symbols resubscribes; a new `onCandle` each render does not.
 */
export function useCandleStream(symbols: string[], onCandle: (symbol: string, candle: Candle) => void): void {
  const client = useRealtimeClient();
  const handler = useLatest(onCandle);
  // A stable key for the set, so a new array with the same symbols changes nothing.
  const key = [...new Set(symbols.map(normalizeSymbol).filter(isValidSymbol))].sort().join(" ");

  useEffect(() => {
    if (key === "") return undefined;
    return client.watch(key.split(" "), (symbol, candle) => handler.current(symbol, candle));
  }, [client, key, handler]);
}

/** Calls `onAlert` for every alert of the user that fires while mounted. */
export function useAlertTriggered(onAlert: (alert: Alert) => void): void {
  const client = useRealtimeClient();
  const handler = useLatest(onAlert);
  useEffect(() => client.onAlert((alert) => handler.current(alert)), [client, handler]);
}
