import { FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/ApiError";
import { fieldError } from "../api/fieldError";
import { ErrorNotice, TextField, useAction } from "../components";
import { isFieldProblem } from "./apiProblems";
import { nameProblem } from "./text";

interface RenameProps {
  /** The current name, also used in the field's label ("New name for BTC daily"). */
  name: string;
  /** Saves the trimmed name; throws to show an error, resolves once the item shows the outcome. */
  onRename: (name: string) => Promise<void>;
}

/** A "Rename" button that opens an inline form in its place. */
export function RenameControl(props: RenameProps) {
  const [editing, setEditing] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Focus returns to "Rename" when the form closes, but not on the first render.
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    buttonRef.current?.focus();
  }, [editing]);

  function close() {
    returnFocus.current = true;
    setEditing(false);
  }

  if (!editing) {
    return (
      <button ref={buttonRef} type="button" onClick={() => setEditing(true)}>
        Rename
      </button>
    );
  }
  return <RenameForm {...props} onClose={close} />;
}

function RenameForm(props: RenameProps & { onClose: () => void }) {
  const [draft, setDraft] = useState(props.name);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const fieldRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    fieldRef.current?.querySelector("input")?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = draft.trim();
    const invalid = nameProblem(name);
    setProblem(invalid);
    if (invalid !== null) return;
    if (name === props.name) {
      props.onClose();
      return;
    }
    void run(async () => {
      await props.onRename(name);
      props.onClose();
    });
  }

  const taken = error instanceof ApiError && error.code === "name_taken"
    ? "You already use this name. Choose another one."
    : undefined;
  return (
    <form
      className="market-inline-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onClose();
      }}
      noValidate
    >
      <div ref={fieldRef}>
        <TextField
          label={`New name for ${props.name}`}
          name="name"
          value={draft}
          onChange={setDraft}
          error={problem ?? fieldError(error, "name") ?? taken}
          autoComplete="off"
          required
        />
      </div>
      <div className="market-actions">
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save name"}
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
      {error !== null && taken === undefined && !isFieldProblem(error, ["name"]) ? (
        <ErrorNotice error={error} />
      ) : null}
    </form>
  );
}
