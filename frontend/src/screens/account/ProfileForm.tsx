import { useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import { fieldError } from "../../api/fieldError";
import type { User } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { TextField } from "../../components/TextField";
import { useAction } from "../../components/useAction";

export function ProfileForm(props: { user: User }) {
  const api = useApi();
  const [displayName, setDisplayName] = useState(props.user.display_name);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      const user = await api.updateMe(displayName);
      setDisplayName(user.display_name);
      setSaved(true);
    });
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <TextField
        label="Display name"
        name="display_name"
        autoComplete="nickname"
        required
        value={displayName}
        onChange={(value) => {
          setDisplayName(value);
          setSaved(false);
        }}
        error={fieldError(error, "display_name")}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <span role="status" className="form-status">
          {saved ? "Saved." : ""}
        </span>
      </div>
    </form>
  );
}
