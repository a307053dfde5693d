import { ErrorNotice } from "../components";

/** "Load more" under a paged list, with the failure of the last attempt. */
export function LoadMore(props: {
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  onLoadMore: () => void;
}) {
  if (!props.hasMore) return null;
  return (
    <div className="market-load-more">
      {props.error !== null ? <ErrorNotice error={props.error} onRetry={props.onLoadMore} /> : null}
      <button type="button" onClick={props.onLoadMore} disabled={props.loading}>
        {props.loading ? "Loading more…" : "Load more"}
      </button>
    </div>
  );
}
