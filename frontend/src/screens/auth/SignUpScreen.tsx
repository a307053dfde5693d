import { useRef, useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import { EmailField, PasswordField } from "../../auth/CredentialFields";
import { ErrorNotice } from "../../components/ErrorNotice";
import { TextField } from "../../components/TextField";
import { useAction } from "../../components/useAction";
import { Link, useLocationSearch } from "../../routing";

/** Creating an account, then logging in with it; App then sends the user to the charts. */
export function SignUpScreen() {
  const api = useApi();
  const search = useLocationSearch();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  // The account created on an earlier try whose login failed (a 429 or 503, say): only log in now.
  const created = useRef<string | null>(null);
  const { busy, error, run } = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      if (created.current !== email) {
        const name = displayName.trim();
        await api.signUp(email, password, name === "" ? undefined : name);
        created.current = email;
      }
      await api.logIn(email, password);
    });
  }

  return (
    <section className="auth-page">
      <h1>Create your account</h1>
      <form className="form" onSubmit={submit} noValidate>
        <EmailField value={email} onChange={setEmail} error={fieldError(error, "email")} />
        <PasswordField
          purpose="new"
          label="Password"
          name="password"
          value={password}
          onChange={setPassword}
          error={fieldError(error, "password")}
        />
        <TextField
          label="Display name (optional)"
          name="display_name"
          autoComplete="nickname"
          value={displayName}
          onChange={setDisplayName}
          error={fieldError(error, "display_name")}
        />
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to={`/login${search}`}>Log in instead</Link>
      </p>
    </section>
  );
}
