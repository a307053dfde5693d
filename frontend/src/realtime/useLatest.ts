import { useLayoutEffect, useRef, type MutableRefObject } from "react";

/** A ref that always holds the latest value, so subscriptions need not restart when a handler changes. */
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
