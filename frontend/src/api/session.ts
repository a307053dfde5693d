import type { User } from "./types";

/** Why a session stopped: the app says so on the login page. */
export type SessionEnd = "logout" | "expired" | "password_changed" | "deleted";

/** What screens see of the session; tokens stay inside ApiClient. */
export interface SessionState {
  user: User | null;
  /** Why the last session ended, until the next login; null before any. */
  ended: SessionEnd | null;
}

/** The tokens of a logged-in session, held in memory only (never in storage). */
export interface ActiveSession {
  accessToken: string;
  refreshToken: string;
  /** Date.now() from which the access token is due for a refresh (the timer's moment). */
  refreshAt: number;
  user: User;
}
