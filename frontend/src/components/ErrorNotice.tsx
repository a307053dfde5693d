import { ApiError, describeError } from "../api/ApiError";
import { useCountdown } from "./useCountdown";

const keys = new WeakMap<object, number>();
let lastKey = 0;

/** One key per error object, so a new error (even with the same text) is a new notice and is announced again. */
function keyOf(error: unknown): number {
  if (typeof error !== "object" || error === null) return 0;
  let key = keys.get(error);
  if (key === undefined) {
    lastKey += 1;
    key = lastKey;
    keys.set(error, key);
  }
  return key;
}

/** Seconds to wait before a retry can help: 429 and 503 say so in retry-after. */
function waitOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || (error.status !== 429 && error.status !== 503)) return null;
  return error.retryAfter;
}

/** Says what went wrong; for 429 and 503 counts down retry-after before Retry is enabled. */
export function ErrorNotice(props: { error: unknown; onRetry?: () => void }) {
  return <ErrorNoticeBody key={keyOf(props.error)} error={props.error} onRetry={props.onRetry} />;
}

function ErrorNoticeBody(props: { error: unknown; onRetry?: () => void }) {
  const remaining = useCountdown(waitOf(props.error));
  return (
    <div className="notice notice-error">
      {/* Only the message is the alert: the ticking countdown would be re-announced every second. */}
      <p role="alert">{describeError(props.error)}</p>
      {remaining > 0 ? <p className="notice-countdown">You can try again in {remaining} s.</p> : null}
      {props.onRetry ? (
        <button type="button" onClick={props.onRetry} disabled={remaining > 0}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
