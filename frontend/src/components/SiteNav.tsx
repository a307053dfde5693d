import { useApi } from "../api/ApiContext";
import { Link, navigate } from "../routing";
import { RealtimeIndicator } from "./RealtimeIndicator";

const sections = [
  { to: "/charts", label: "Charts" },
  { to: "/watchlists", label: "Watchlists" },
  { to: "/alerts", label: "Alerts" },
  { to: "/account", label: "Account" },
];

/** The logged-in header: the sections, the realtime dot and Log out. */
export function SiteNav(props: { path: string }) {
  const api = useApi();

  function logOut() {
    // The session ends synchronously inside logOut, so the login page renders in the same pass.
    void api.logOut();
    navigate("/login");
  }

  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {sections.map((section) => {
          const current = props.path === section.to || props.path.startsWith(`${section.to}/`);
          return (
            <li key={section.to}>
              <Link to={section.to} aria-current={current ? "page" : undefined}>
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <span className="nav-tools">
        <RealtimeIndicator />
        <button type="button" className="link-button" onClick={logOut}>
          Log out
        </button>
      </span>
    </nav>
  );
}
