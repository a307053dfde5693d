/** A decorative spinner; pair it with text (LoadingState does). */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A polite "Loading…" for a screen or a region that is waiting for data. */
export function LoadingState(props: { label?: string }) {
  return (
    <div className="loading" role="status">
      <Spinner />
      <span>{props.label ?? "Loading…"}</span>
    </div>
  );
}
