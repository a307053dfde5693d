// The shapes of ChronoView's HTTP and WebSocket API (../shared/API.md, version 1.1), as the
// app sees them. Timestamps are RFC 3339 strings; prices and volumes are decimal strings.

export interface User {
  id: string;
  email: string;
  display_name: string;
  created_at: string;
}

export interface Session {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  user: User;
}

/** Fields every stored collection object carries. */
export interface Stored {
  id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export const intervals = [
  "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w", "1M",
] as const;
export type Interval = (typeof intervals)[number];

export interface ChartFields {
  name: string;
  symbol: string;
  interval: Interval;
  layout: Record<string, unknown>;
}
export type Chart = Stored & ChartFields;

export interface WatchlistFields {
  name: string;
  symbols: string[];
}
export type Watchlist = Stored & WatchlistFields;

export type AlertCondition = "above" | "below";
export type AlertStatus = "active" | "disabled" | "triggered";

export interface AlertFields {
  symbol: string;
  condition: AlertCondition;
  price: string;
  note: string;
  status: AlertStatus;
}
export type Alert = Stored & AlertFields & { triggered_at: string | null };

/** The collections behind `/api/{collection}`, with what each one stores. */
export interface Collections {
  charts: { item: Chart; fields: ChartFields };
  watchlists: { item: Watchlist; fields: WatchlistFields };
  alerts: { item: Alert; fields: AlertFields };
}
export type CollectionName = keyof Collections;

export interface Page<Item> {
  items: Item[];
  next_cursor: string | null;
}

export interface Candle {
  t: string;
  o: string;
  h: string;
  l: string;
  c: string;
  v: string;
}

export interface CandleSeries {
  symbol: string;
  interval: Interval;
  candles: Candle[];
}

/** One invalid field of a 422. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** An RFC 9457 problem-details body, as every API error carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldProblem[];
}

/** What the realtime WebSocket sends. */
export type RealtimeMessage =
  | { type: "subscribed"; symbols: string[] }
  | { type: "error"; code: string; message: string }
  | { type: "alert.triggered"; alert: Alert }
  | { type: "candle"; symbol: string; interval: "1m"; candle: Candle };

/** `/config.json`, written by whoever serves the app: where the realtime API is. */
export interface AppConfig {
  realtimeUrl: string;
}
