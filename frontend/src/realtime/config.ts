import type { AppConfig } from "../api/types";

let loading: Promise<AppConfig | null> | null = null;

async function fetchConfig(): Promise<AppConfig | null> {
  try {
    const response = await fetch("/config.json", { headers: { accept: "application/json" } });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    if (typeof body !== "object" || body === null || !("realtimeUrl" in body)) return null;
    const { realtimeUrl } = body as { realtimeUrl: unknown };
    if (typeof realtimeUrl !== "string" || !/^wss?:\/\//i.test(realtimeUrl)) return null;
    return { realtimeUrl };
  } catch {
    return null;
  }
}

/** /config.json, fetched once per page load; null (realtime off) when missing or unusable. */
export function loadAppConfig(): Promise<AppConfig | null> {
  loading ??= fetchConfig();
  return loading;
}
