import { useSyncExternalStore } from "react";

const query = "(prefers-color-scheme: dark)";

function subscribe(listener: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener("change", listener);
  return () => media.removeEventListener("change", listener);
}

/** The system colour scheme; the canvas must be repainted with the other palette when it changes. */
export function useColorScheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, () => (window.matchMedia(query).matches ? "dark" : "light"));
}
