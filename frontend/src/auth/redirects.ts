import type { SessionEnd } from "../api/session";

/** Where to go after logging in: a path of this app from `?next=`, else the charts. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  // Only local paths: "//host" and "/\host" would leave the site.
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/charts";
  // Back to the login or sign-up page would redirect forever.
  if (/^\/(login|signup)(?:[/?#]|$)/.test(next)) return "/charts";
  return next;
}

/** The login page for someone who is not (or no longer) logged in at `path`. */
export function loginPath(path: string, ended: SessionEnd | null): string {
  // After an expiry, or a first visit, come back here; after a password change or deletion, start over.
  if (ended !== null && ended !== "expired") return "/login";
  return `/login?next=${encodeURIComponent(path)}`;
}
