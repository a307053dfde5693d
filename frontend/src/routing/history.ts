// The browser's History API as a store that components can read with useSyncExternalStore.
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener("popstate", notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("popstate", notify);
  };
}

/** Goes to a path of this app (with any query), adding a history entry unless `replace`. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const { pathname, search, hash } = window.location;
  if (options.replace) {
    window.history.replaceState(null, "", path);
  } else if (path !== pathname + search + hash) {
    window.history.pushState(null, "", path);
    // A new page starts at its top; going back restores the old position (the browser does that).
    window.scrollTo(0, 0);
  }
  notify();
}

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The query string, with its "?" (or ""). */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}
