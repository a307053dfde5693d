import type { MouseEvent, ReactNode } from "react";
import { navigate } from "./history";

/** A real link that navigates in-app on a plain left click and leaves every other click to the browser. */
export function Link(props: { to: string; children: ReactNode; className?: string; "aria-current"?: "page" }) {
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  }
  return (
    <a href={props.to} className={props.className} aria-current={props["aria-current"]} onClick={onClick}>
      {props.children}
    </a>
  );
}
