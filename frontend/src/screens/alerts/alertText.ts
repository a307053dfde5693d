import type { Alert, AlertCondition } from "../../api/types";
import { formatDateTime } from "../../chart/timeFormat";

export const conditionLabels: Record<AlertCondition, string> = { above: "Above", below: "Below" };

/** "Active", "Disabled" or "Triggered at 2 Dec 2026, 14:05" (the user's time zone). */
export function statusText(alert: Alert): string {
  switch (alert.status) {
    case "active": return "Active";
    case "disabled": return "Disabled";
    case "triggered":
      return alert.triggered_at === null ? "Triggered" : `Triggered at ${formatDateTime(alert.triggered_at)}`;
  }
}
