import { useEffect } from "react";
import { navigate } from "./history";

/** Replaces the current history entry with `to` once rendered. */
export function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to, { replace: true }), [props.to]);
  return null;
}
