import { ApiError } from "./ApiError";
import { NetworkError } from "./NetworkError";
import type { ActiveSession, SessionEnd, SessionState } from "./session";
import type {
  AlertStatus,
  CandleSeries,
  CollectionName,
  Collections,
  Interval,
  Page,
  Session,
  User,
} from "./types";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** Refresh this long before the access token runs out. */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that failed for a passing reason (network, 5xx, 429), try again this soon. */
const REFRESH_RETRY_MS = 15_000;

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** A refresh answer that says the refresh token is no good, not that the server is unwell. */
function isRejection(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

/** ChronoView's HTTP API on this origin, with the session's tokens kept in memory. */
export class ApiClient {
  private session: ActiveSession | null = null;
  private state: SessionState = { user: null, ended: null };
  private readonly listeners = new Set<() => void>();
  /** The one refresh under way: refresh tokens are single use, so two at once would end the session. */
  private refreshing: Promise<Session> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Goes up at every login and logout, so that a late refresh answer cannot revive an old session. */
  private generation = 0;

  // Session state, for useSyncExternalStore and the realtime client.

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SessionState => this.state;

  getAccessToken(): string | null {
    return this.session?.accessToken ?? null;
  }

  /**
   * An access token that is not about to expire, refreshing first if its refresh is overdue
   * (timers stall while a laptop sleeps); null when logged out.
   */
  async freshAccessToken(): Promise<string | null> {
    const session = this.session;
    if (session === null) return null;
    if (Date.now() < session.refreshAt) return session.accessToken;
    try {
      await this.refresh();
    } catch {
      // A failed refresh either ended the session or will be retried; the old token may still do.
    }
    return this.getAccessToken();
  }

  // Accounts.

  signUp(email: string, password: string, displayName?: string): Promise<User> {
    const body = displayName === undefined ? { email, password } : { email, password, display_name: displayName };
    return this.send<User>("POST", "/users", { body }, null);
  }

  async logIn(email: string, password: string): Promise<Session> {
    const session = await this.send<Session>("POST", "/login", { body: { email, password } }, null);
    this.generation += 1;
    this.refreshing = null;
    this.begin(session);
    return session;
  }

  /** Ends the session here at once, then revokes its refresh token on the server. */
  async logOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    const refreshing = this.refreshing;
    this.end("logout");
    if (refreshToken === undefined) return;
    // A refresh under way spends this token and brings a new one: revoke that one instead.
    const latest = refreshing ? await refreshing.then((s) => s.refresh_token, () => refreshToken) : refreshToken;
    try {
      await this.send<void>("POST", "/logout", { body: { refresh_token: latest } }, null);
    } catch {
      // Already logged out here; an unreachable server only leaves a token nobody holds.
    }
  }

  async me(): Promise<User> {
    return this.setUser(await this.call<User>("GET", "/me"));
  }

  async updateMe(displayName: string): Promise<User> {
    return this.setUser(await this.call<User>("PATCH", "/me", { body: { display_name: displayName } }));
  }

  /** The server revokes every refresh token on success, so the session ends here too. */
  async changePassword(current: string, next: string): Promise<void> {
    await this.call<void>("PUT", "/me/password", { body: { current_password: current, new_password: next } });
    this.end("password_changed");
  }

  async deleteAccount(password: string): Promise<void> {
    await this.call<void>("DELETE", "/me", { body: { password } });
    this.end("deleted");
  }

  // Charts, watchlists and alerts.

  list<C extends CollectionName>(
    collection: C,
    options: { limit?: number; cursor?: string | null; status?: AlertStatus } = {},
  ): Promise<Page<Collections[C]["item"]>> {
    const search = query({ limit: options.limit, cursor: options.cursor, status: options.status });
    return this.call("GET", `/${collection}${search}`);
  }

  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C]["item"]> {
    return this.call("GET", `/${collection}/${encodeURIComponent(id)}`);
  }

  create<C extends CollectionName>(
    collection: C,
    fields: Partial<Collections[C]["fields"]>,
  ): Promise<Collections[C]["item"]> {
    return this.call("POST", `/${collection}`, { body: fields });
  }

  /** With `version`, the server refuses (412) if someone changed the object since. */
  update<C extends CollectionName>(
    collection: C,
    id: string,
    fields: Partial<Collections[C]["fields"]>,
    version?: number,
  ): Promise<Collections[C]["item"]> {
    const headers = version === undefined ? undefined : { "if-match": `"${version}"` };
    return this.call("PATCH", `/${collection}/${encodeURIComponent(id)}`, { body: fields, headers });
  }

  remove(collection: CollectionName, id: string): Promise<void> {
    return this.call("DELETE", `/${collection}/${encodeURIComponent(id)}`);
  }

  // Market data.

  candles(q: { symbol: string; interval: Interval; from?: string; to?: string; limit?: number }): Promise<CandleSeries> {
    return this.call("GET", `/candles${query(q)}`);
  }

  // Plumbing.

  /** An authorized request; a 401 to a token we sent gets one refresh and one retry. */
  private async call<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const token = this.getAccessToken();
    const generation = this.generation;
    try {
      return await this.send<T>(method, path, options, token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || token === null) throw error;
      // Another request may have refreshed already while this one was out.
      if (this.getAccessToken() === token) await this.refresh();
      const fresh = this.getAccessToken();
      // Retry only within the same session: not after a logout, nor as someone who logged in since.
      if (fresh === null || this.generation !== generation) throw error;
      return this.send<T>(method, path, options, fresh);
    }
  }

  private async send<T>(method: Method, path: string, options: RequestOptions, token: string | null): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: "same-origin",
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    if (response.status === 204) return undefined as T;
    const data: unknown = await response.json();
    // The contract (API.md) is what vouches for this shape.
    return data as T;
  }

  /** Trades the refresh token for a new pair, sharing one request among all callers. */
  private refresh(): Promise<Session> {
    if (this.refreshing) return this.refreshing;
    if (this.session === null) return Promise.reject(new Error("Not logged in"));
    const generation = this.generation;
    const body = { refresh_token: this.session.refreshToken };
    const refreshing = this.send<Session>("POST", "/token/refresh", { body }, null)
      .then(
        (next) => {
          // Applied only if this session is still the current one (no logout or new login since).
          if (this.generation === generation) this.begin(next);
          return next;
        },
        (error: unknown) => {
          if (this.generation === generation) {
            if (isRejection(error)) this.end("expired");
            else this.scheduleRefresh(REFRESH_RETRY_MS);
          }
          throw error;
        },
      )
      .finally(() => {
        if (this.refreshing === refreshing) this.refreshing = null;
      });
    this.refreshing = refreshing;
    return refreshing;
  }

  private begin(next: Session): void {
    const expiresInMs = next.expires_in * 1000;
    // Short-lived tokens (tests, odd configurations) refresh halfway instead.
    const delay = Math.max(expiresInMs - REFRESH_MARGIN_MS, expiresInMs / 2);
    this.session = {
      accessToken: next.access_token,
      refreshToken: next.refresh_token,
      refreshAt: Date.now() + delay,
      user: next.user,
    };
    this.scheduleRefresh(delay);
    this.setState({ user: next.user, ended: null });
  }

  private end(reason: SessionEnd): void {
    this.generation += 1;
    this.refreshing = null;
    clearTimeout(this.refreshTimer);
    this.session = null;
    this.setState({ user: null, ended: reason });
  }

  private scheduleRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      // Failures are handled inside refresh(): it ends the session or schedules a retry.
      this.refresh().catch(() => undefined);
    }, delayMs);
  }

  private setUser(user: User): User {
    if (this.session !== null) {
      this.session = { ...this.session, user };
      this.setState({ user, ended: null });
    }
    return user;
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
