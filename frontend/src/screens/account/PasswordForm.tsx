import { useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import { HiddenUsername, PasswordField } from "../../auth/CredentialFields";
import { ErrorNotice } from "../../components/ErrorNotice";
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
      <HiddenUsername email={props.email} />
      <PasswordField
        purpose="current"
        label="Current password"
        name="current_password"
        value={current}
        onChange={setCurrent}
        error={wrong ? WRONG_PASSWORD : fieldError(error, "current_password")}
      />
      <PasswordField
        purpose="new"
        label="New password"
        name="new_password"
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
