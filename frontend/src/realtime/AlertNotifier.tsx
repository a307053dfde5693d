import { useEffect } from "react";
import { useSession } from "../api/ApiContext";
import type { Alert } from "../api/types";
import { addNotice, clearNotices } from "../components/noticeStore";
import { useAlertTriggered } from "./hooks";

export function alertMessage(alert: Alert): string {
  return `Alert: ${alert.symbol} went ${alert.condition} ${alert.price}`;
}

/** Turns every alert.triggered into a notice, on whatever screen is showing. */
export function AlertNotifier() {
  const { user } = useSession();
  useAlertTriggered((alert) => addNotice(alertMessage(alert)));
  // One user's alerts are not for whoever logs in next on this browser.
  useEffect(() => {
    if (user === null) clearNotices();
  }, [user]);
  return null;
}
