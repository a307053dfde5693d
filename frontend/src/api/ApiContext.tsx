import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from "react";
import { ApiClient } from "./ApiClient";
import type { SessionState } from "./session";

const ApiContext = createContext<ApiClient | null>(null);

/** Gives the tree one ApiClient, and with it one in-memory session. */
export function ApiProvider(props: { children: ReactNode }) {
  const [client] = useState(() => new ApiClient());
  return <ApiContext.Provider value={client}>{props.children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error("useApi needs an <ApiProvider> above it");
  return client;
}

/** The logged-in user (null when logged out) and why the last session ended. */
export function useSession(): SessionState {
  const client = useApi();
  return useSyncExternalStore(client.subscribe, client.getState);
}
