import { useSession } from "../../api/ApiContext";
import { DeleteAccountForm } from "./DeleteAccountForm";
import { PasswordForm } from "./PasswordForm";
import { ProfileForm } from "./ProfileForm";

export function AccountScreen() {
  const { user } = useSession();
  // App shows this screen only to a logged-in user; null is the moment the session ends.
  if (user === null) return null;
  return (
    <section className="page-narrow">
      <h1>Account</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Member since</dt>
        <dd>{new Date(user.created_at).toLocaleDateString()}</dd>
      </dl>
      <ProfileForm user={user} />
      <PasswordForm email={user.email} />
      <DeleteAccountForm email={user.email} />
    </section>
  );
}
