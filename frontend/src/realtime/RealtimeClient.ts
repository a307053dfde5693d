import type { ApiClient } from "../api/ApiClient";
import type { Alert, Candle, RealtimeMessage } from "../api/types";
import { isValidSymbol, normalizeSymbol } from "../market/symbol";

export type RealtimeStatus = "off" | "connecting" | "open" | "closed";
export type CandleListener = (symbol: string, candle: Candle) => void;
export type AlertListener = (alert: Alert) => void;

/** The server's limit on symbols per connection. */
export const MAX_SYMBOLS = 50;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** A connection that stayed up this long was healthy: the next failure starts the backoff over. */
const HEALTHY_MS = 10_000;

function isMessage(value: unknown): value is RealtimeMessage {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/**
 * One WebSocket to the realtime API while a user is logged in. Components ask for symbols
 * (reference-counted); the first MAX_SYMBOLS asked for are subscribed, and the rest wait
 * for a free slot. Reconnects with jittered exponential backoff and the freshest token.
 */
export class RealtimeClient {
  private url: string | null = null;
  private socket: WebSocket | null = null;
  private status: RealtimeStatus = "off";
  private attempt = 0;
  private openedAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The token the current socket (or its attempt) was opened with. */
  private token: string | null = null;
  /** Goes up whenever a connection attempt is abandoned, so a pending one knows to stop. */
  private generation = 0;
  /** Symbol → how many watchers want it; Map order is the order they were first asked for. */
  private readonly wanted = new Map<string, number>();
  /** What the open socket is subscribed to. */
  private readonly subscribed = new Set<string>();
  private readonly candleListeners = new Set<CandleListener>();
  private readonly alertListeners = new Set<AlertListener>();
  private readonly statusListeners = new Set<() => void>();
  private unsubscribeSession: (() => void) | null = null;

  constructor(private readonly api: ApiClient) {}

  /** Starts following the session: connected while logged in (and `url` is set), closed otherwise. */
  start(url: string | null): void {
    this.stop();
    this.url = url;
    this.unsubscribeSession = this.api.subscribe(() => this.sync());
    window.addEventListener("online", this.reconnectNow);
    this.sync();
  }

  stop(): void {
    this.unsubscribeSession?.();
    this.unsubscribeSession = null;
    window.removeEventListener("online", this.reconnectNow);
    this.disconnect();
    this.setStatus("off");
  }

  readonly getStatus = (): RealtimeStatus => this.status;

  readonly subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Wants `symbols` until the returned function is called, handing their candles to `listener`. */
  watch(symbols: string[], listener: CandleListener): () => void {
    const mine = new Set(symbols.map(normalizeSymbol).filter(isValidSymbol));
    for (const symbol of mine) this.wanted.set(symbol, (this.wanted.get(symbol) ?? 0) + 1);
    const filtered: CandleListener = (symbol, candle) => {
      if (mine.has(symbol)) listener(symbol, candle);
    };
    this.candleListeners.add(filtered);
    this.syncSubscriptions();
    return () => {
      this.candleListeners.delete(filtered);
      for (const symbol of mine) {
        const count = (this.wanted.get(symbol) ?? 1) - 1;
        if (count > 0) this.wanted.set(symbol, count);
        else this.wanted.delete(symbol);
      }
      this.syncSubscriptions();
    };
  }

  onAlert(listener: AlertListener): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  /** Connects or disconnects to match the session. */
  private sync(): void {
    const token = this.api.getAccessToken();
    if (this.url === null || token === null) {
      this.disconnect();
      this.setStatus("off");
    } else if (this.status === "off") {
      void this.connect();
    } else if (this.status === "closed" && token !== this.token) {
      // Refreshed while waiting to reconnect (an expired token may be why it failed): try now.
      this.reconnectNow();
    }
  }

  private readonly reconnectNow = (): void => {
    if (this.status !== "closed") return;
    clearTimeout(this.retryTimer);
    void this.connect();
  };

  private async connect(): Promise<void> {
    const url = this.url;
    if (url === null) return;
    const generation = ++this.generation;
    this.setStatus("connecting");
    const token = await this.api.freshAccessToken();
    if (generation !== this.generation) return;
    if (token === null) {
      this.setStatus("off");
      return;
    }
    this.token = token;
    let socket: WebSocket;
    try {
      socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    } catch {
      this.setStatus("off"); // A URL the browser refuses (or the CSP blocks): realtime stays off.
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.openedAt = Date.now();
      this.subscribed.clear();
      this.setStatus("open");
      this.syncSubscriptions();
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.subscribed.clear();
      if (this.openedAt !== 0 && Date.now() - this.openedAt >= HEALTHY_MS) this.attempt = 0;
      this.openedAt = 0;
      this.setStatus("closed");
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
    this.attempt += 1;
    // Jitter (half to all of the ceiling) keeps many tabs from reconnecting in step.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private disconnect(): void {
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.openedAt = 0;
    this.token = null;
    this.subscribed.clear();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, "logged out");
  }

  /** Sends what it takes for the socket's subscriptions to be the first MAX_SYMBOLS wanted. */
  private syncSubscriptions(): void {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) return;
    const target = new Set([...this.wanted.keys()].slice(0, MAX_SYMBOLS));
    const drop = [...this.subscribed].filter((symbol) => !target.has(symbol));
    const add = [...target].filter((symbol) => !this.subscribed.has(symbol));
    // Unsubscribing first keeps the connection within the server's limit.
    if (drop.length > 0) socket.send(JSON.stringify({ action: "unsubscribe", symbols: drop }));
    if (add.length > 0) socket.send(JSON.stringify({ action: "subscribe", symbols: add }));
    this.subscribed.clear();
    for (const symbol of target) this.subscribed.add(symbol);
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (!isMessage(message)) return;
    if (message.type === "candle") {
      for (const listener of this.candleListeners) listener(message.symbol, message.candle);
    } else if (message.type === "alert.triggered") {
      for (const listener of this.alertListeners) listener(message.alert);
    }
  }

  private setStatus(status: RealtimeStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }
}
