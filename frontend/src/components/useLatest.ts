import { MutableRefObject, useLayoutEffect, useRef } from "react";

/**
 * A ref that always holds the latest `value`, for effects and subscriptions that should not
 * restart when a callback or client object is recreated on render.
 */
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
