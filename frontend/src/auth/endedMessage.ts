import type { SessionEnd } from "../api/session";

/** What the login page says about how the last session ended (nothing after a plain logout). */
export function endedMessage(ended: SessionEnd | null): string | null {
  switch (ended) {
    case "expired":
      return "Your session ended; log in again.";
    case "password_changed":
      return "Your password was changed. Log in with the new one.";
    case "deleted":
      return "Your account and everything in it were deleted.";
    default:
      return null;
  }
}
