import { TextField } from "../components/TextField";
import { PASSWORD_HINT } from "./passwordHint";

/** The account's email, as the login and sign-up forms ask for it. */
export function EmailField(props: { value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      autoComplete="email"
      required
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

/**
 * A password field: the account's current password, or a new one, which shows the API's rule
 * (and lets password managers offer to generate one).
 */
export function PasswordField(props: {
  purpose: "current" | "new";
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <TextField
      label={props.label}
      name={props.name}
      type="password"
      autoComplete={`${props.purpose}-password`}
      required
      hint={props.purpose === "new" ? PASSWORD_HINT : undefined}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

/** Tells password managers whose password a form's password fields are (the account's email). */
export function HiddenUsername(props: { email: string }) {
  return <input type="email" name="username" autoComplete="username" value={props.email} readOnly hidden />;
}
