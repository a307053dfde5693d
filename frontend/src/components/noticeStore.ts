// App-wide notices (alerts that fired, for now): kept until dismissed, shown on every screen.
import { useSyncExternalStore } from "react";

export interface Notice {
  id: number;
  text: string;
}

let notices: Notice[] = [];
let lastId = 0;
const listeners = new Set<() => void>();

function set(next: Notice[]): void {
  notices = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function addNotice(text: string): void {
  lastId += 1;
  set([...notices, { id: lastId, text }]);
}

export function dismissNotice(id: number): void {
  set(notices.filter((notice) => notice.id !== id));
}

export function clearNotices(): void {
  if (notices.length > 0) set([]);
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
