import { useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import { PASSWORD_HINT } from "../../auth/passwordHint";
import { ErrorNotice } from "../../components/ErrorNotice";
import { TextField } from "../../components/TextField";
import { useAction } from "../../components/useAction";
import { isWrongPassword, WRONG_PASSWORD } from "./invalidCredentials";

/** Changing the password; the server then revokes every session, so App shows the login page. */
export function PasswordForm(props: { email: string }) {
  const api = useApi();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const { busy, error, run } = useAction();
  const wrong = isWrongPassword(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() => api.changePassword(current, next));
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      {/* Tells password managers whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={props.email} readOnly hidden />
      <TextField
        label="Current password"
        name="current_password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
        error={wrong ? WRONG_PASSWORD : fieldError(error, "current_password")}
      />
      <TextField
        label="New password"
        name="new_password"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
        value={next}
        onChange={setNext}
        error={fieldError(error, "new_password")}
      />
      {error && !wrong ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}
