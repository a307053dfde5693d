import { useState, type FormEvent } from "react";
import { useApi, useSession } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import { EmailField, PasswordField } from "../../auth/CredentialFields";
import { endedMessage } from "../../auth/endedMessage";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useAction } from "../../components/useAction";
import { Link, useLocationSearch } from "../../routing";

/** Logging in; once the session starts, App sends the user on to `?next=` or the charts. */
export function LoginScreen() {
  const api = useApi();
  const { ended } = useSession();
  const search = useLocationSearch();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const notice = endedMessage(ended);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.logIn(email, password);
    });
  }

  return (
    <section className="auth-page">
      <h1>Log in</h1>
      {notice ? (
        <p className="notice notice-info" role="status">
          {notice}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <EmailField value={email} onChange={setEmail} error={fieldError(error, "email")} />
        <PasswordField
          purpose="current"
          label="Password"
          name="password"
          value={password}
          onChange={setPassword}
          error={fieldError(error, "password")}
        />
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          Log in
        </button>
      </form>
      <p className="auth-switch">
        New to ChronoView? <Link to={`/signup${search}`}>Create an account</Link>
      </p>
    </section>
  );
}
