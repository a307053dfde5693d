import { useEffect, useState } from "react";

/** Whole seconds left of `seconds` counted from mount; 0 when done or when null. */
export function useCountdown(seconds: number | null): number {
  const [deadline] = useState(() => (seconds === null ? 0 : Date.now() + seconds * 1000));
  const left = () => Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  const [remaining, setRemaining] = useState(left);

  useEffect(() => {
    if (deadline === 0) return undefined;
    const timer = setInterval(() => {
      const next = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setRemaining(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  return remaining;
}
