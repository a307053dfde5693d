import { FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import type { Watchlist } from "../../api/types";
import { ErrorNotice, TextField, useAction } from "../../components";
import { isFieldProblem } from "../../market/apiProblems";
import { nameProblem } from "../../market/text";

/** Creates an empty watchlist. */
export function NewWatchlistForm(props: { onCreated: (watchlist: Watchlist) => void }) {
  const api = useApi();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const headingId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    const invalid = nameProblem(trimmed);
    setProblem(invalid);
    if (invalid !== null) return;
    void run(async () => {
      props.onCreated(await api.create("watchlists", { name: trimmed, symbols: [] }));
      setName("");
    });
  }

  const code = error instanceof ApiError ? error.code : null;
  const taken = code === "name_taken" ? "You already have a watchlist with this name." : undefined;
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>New watchlist</h2>
      <div className="market-form-fields">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          error={problem ?? fieldError(error, "name") ?? taken}
          autoComplete="off"
          required
        />
      </div>
      {code === "limit_reached" ? (
        <p className="notice notice-error" role="alert">
          You have 200 watchlists, the most you can keep. Delete one to make room for another.
        </p>
      ) : null}
      {error !== null && code !== "limit_reached" && taken === undefined && !isFieldProblem(error, ["name"]) ? (
        <ErrorNotice error={error} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create watchlist"}
        </button>
      </div>
    </form>
  );
}
