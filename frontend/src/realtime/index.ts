export { AlertNotifier, alertMessage } from "./AlertNotifier";
export { useAlertTriggered, useCandleStream, useRealtimeStatus } from "./hooks";
export { RealtimeClient, MAX_SYMBOLS, type RealtimeStatus } from "./RealtimeClient";
export { RealtimeProvider, useRealtimeClient } from "./RealtimeContext";
