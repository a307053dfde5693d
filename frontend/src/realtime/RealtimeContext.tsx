import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useApi } from "../api/ApiContext";
import { loadAppConfig } from "./config";
import { RealtimeClient } from "./RealtimeClient";

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** Runs one realtime connection for the app once /config.json says where; without it, realtime is off. */
export function RealtimeProvider(props: { children: ReactNode }) {
  const api = useApi();
  const [client] = useState(() => new RealtimeClient(api));

  useEffect(() => {
    let cancelled = false;
    void loadAppConfig().then((config) => {
      if (!cancelled) client.start(config?.realtimeUrl ?? null);
    });
    return () => {
      cancelled = true;
      client.stop();
    };
  }, [client]);

  return <RealtimeContext.Provider value={client}>{props.children}</RealtimeContext.Provider>;
}

export function useRealtimeClient(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (client === null) throw new Error("realtime hooks need a <RealtimeProvider> above them");
  return client;
}
