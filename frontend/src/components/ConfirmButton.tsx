import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

type Stage = "idle" | "asking" | "working";

/**
 * A destructive button that asks "Delete? Yes / No" in place. Focus goes to "No" (the safe
 * answer) and back to the button after "No" or Escape.
 */
export function ConfirmButton(props: { label: string; confirmLabel?: string; onConfirm: () => void | Promise<void> }) {
  const [stage, setStage] = useState<Stage>("idle");
  const questionId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const noRef = useRef<HTMLButtonElement>(null);
  const refocusButton = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (stage === "asking") noRef.current?.focus();
    if (stage === "idle" && refocusButton.current) {
      refocusButton.current = false;
      buttonRef.current?.focus();
    }
  }, [stage]);

  function cancel() {
    refocusButton.current = true;
    setStage("idle");
  }

  async function confirm() {
    setStage("working");
    try {
      // onConfirm shows its own errors; this only puts the button back if it is still here.
      await props.onConfirm();
    } finally {
      if (mounted.current) setStage("idle");
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && stage === "asking") {
      event.preventDefault();
      cancel();
    }
  }

  if (stage === "idle") {
    return (
      <button ref={buttonRef} type="button" className="danger" onClick={() => setStage("asking")}>
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
      <span id={questionId} className="confirm-question">
        {props.confirmLabel ?? `${props.label}?`}
      </span>
      <button type="button" className="danger" onClick={() => void confirm()} disabled={stage === "working"}>
        Yes
      </button>
      <button ref={noRef} type="button" onClick={cancel} disabled={stage === "working"}>
        No
      </button>
    </span>
  );
}
