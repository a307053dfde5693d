import { useRealtimeStatus } from "../realtime/hooks";
import type { RealtimeStatus } from "../realtime/RealtimeClient";

const labels: Record<RealtimeStatus, string> = {
  off: "Live updates off",
  connecting: "Connecting live updates",
  open: "Live updates on",
  closed: "Live updates interrupted; reconnecting",
};

/** A coloured dot for the realtime connection, with its meaning in words for screen readers. */
export function RealtimeIndicator() {
  const status = useRealtimeStatus();
  return (
    <span className={`realtime realtime-${status}`} title={labels[status]}>
      <span className="realtime-dot" aria-hidden="true" />
      <span className="visually-hidden">{labels[status]}</span>
    </span>
  );
}
