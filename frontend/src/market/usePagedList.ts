// One of the user's collections, newest first, a page at a time ("Load more" follows
// next_cursor), with the local edits a screen makes after a successful request.
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import type { AlertStatus, CollectionName, Collections } from "../api/types";
import { useLatest } from "../components/useLatest";

const PAGE_SIZE = 50;

export interface PagedList<Item> {
  items: Item[];
  status: "loading" | "ready" | "error";
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** The failure of the last "Load more", or null. */
  moreError: unknown;
  loadMore(): void;
  reload(): void;
  /** Replaces the item with the same id, where it is. */
  put(item: Item): void;
  /** Adds an item just created at the top (newest first). */
  prepend(item: Item): void;
  remove(id: string): void;
}

interface ListState<Item> {
  items: Item[];
  cursor: string | null;
  status: PagedList<Item>["status"];
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
}

function loadingState<Item>(): ListState<Item> {
  return { items: [], cursor: null, status: "loading", error: null, loadingMore: false, moreError: null };
}

export function usePagedList<C extends CollectionName>(
  collection: C,
  status?: AlertStatus,
): PagedList<Collections[C]["item"]> {
  type Item = Collections[C]["item"];
  const api = useLatest(useApi());
  const [state, setState] = useState<ListState<Item>>(loadingState);
  const [reloads, setReloads] = useState(0);
  // Answers to an earlier load (another filter, a reload) are dropped.
  const generation = useRef(0);

  const fetchPage = useCallback((cursor: string | null) => {
    return api.current.list(collection, { limit: PAGE_SIZE, cursor, status });
  }, [api, collection, status]);

  useEffect(() => {
    generation.current += 1;
    const mine = generation.current;
    setState(loadingState);
    fetchPage(null).then(
      (page) => {
        if (generation.current !== mine) return;
        setState({ ...loadingState<Item>(), items: page.items, cursor: page.next_cursor, status: "ready" });
      },
      (error: unknown) => {
        if (generation.current !== mine) return;
        setState({ ...loadingState<Item>(), status: "error", error });
      },
    );
  }, [fetchPage, reloads]);

  const loadMore = () => {
    if (state.cursor === null || state.loadingMore) return;
    const mine = generation.current;
    setState((current) => ({ ...current, loadingMore: true, moreError: null }));
    fetchPage(state.cursor).then(
      (page) => {
        if (generation.current !== mine) return;
        setState((current) => {
          // An item created here since the first page may come again: keep one.
          const known = new Set(current.items.map((item) => item.id));
          const fresh = page.items.filter((item) => !known.has(item.id));
          return { ...current, items: [...current.items, ...fresh], cursor: page.next_cursor, loadingMore: false };
        });
      },
      (error: unknown) => {
        if (generation.current !== mine) return;
        setState((current) => ({ ...current, loadingMore: false, moreError: error }));
      },
    );
  };

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    hasMore: state.cursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
    reload: () => setReloads((count) => count + 1),
    put: (item) => setState((current) => ({
      ...current,
      items: current.items.map((old) => (old.id === item.id ? item : old)),
    })),
    prepend: (item) => setState((current) => ({
      ...current,
      items: [item, ...current.items.filter((old) => old.id !== item.id)],
    })),
    remove: (id) => setState((current) => ({
      ...current,
      items: current.items.filter((old) => old.id !== id),
    })),
  };
}
