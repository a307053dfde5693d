import { useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import { HiddenUsername, PasswordField } from "../../auth/CredentialFields";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useAction } from "../../components/useAction";
import { isWrongPassword, WRONG_PASSWORD } from "./invalidCredentials";

/** Deleting the account: the password, then an inline "Yes / No"; App then shows the login page. */
export function DeleteAccountForm(props: { email: string }) {
  const api = useApi();
  const [password, setPassword] = useState("");
  const { error, run } = useAction();
  const wrong = isWrongPassword(error);

  // Enter in the field must not delete anything: only the confirmation does.
  function submit(event: FormEvent) {
    event.preventDefault();
  }

  return (
    <form className="form card card-danger" onSubmit={submit} noValidate aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p>This deletes your account and all your charts, watchlists and alerts. It can't be undone.</p>
      <HiddenUsername email={props.email} />
      <PasswordField
        purpose="current"
        label="Password"
        name="password"
        value={password}
        onChange={setPassword}
        error={wrong ? WRONG_PASSWORD : fieldError(error, "password")}
      />
      {error && !wrong ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <ConfirmButton
          label="Delete account"
          confirmLabel="Delete your account and everything in it?"
          onConfirm={() => run(() => api.deleteAccount(password))}
        />
      </div>
    </form>
  );
}
