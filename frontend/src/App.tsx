import type { ReactElement } from "react";
import { ApiProvider, useSession } from "./api/ApiContext";
import { loginPath, nextPath } from "./auth/redirects";
import { Layout } from "./components/Layout";
import { AlertNotifier } from "./realtime/AlertNotifier";
import { RealtimeProvider } from "./realtime/RealtimeContext";
import { matchPath, Redirect, useLocationPath, useLocationSearch } from "./routing";
import { AccountScreen } from "./screens/account/AccountScreen";
import { AlertsScreen } from "./screens/alerts/AlertsScreen";
import { LoginScreen } from "./screens/auth/LoginScreen";
import { SignUpScreen } from "./screens/auth/SignUpScreen";
import { ChartListScreen } from "./screens/charts/ChartListScreen";
import { ChartScreen } from "./screens/charts/ChartScreen";
import { NotFoundScreen } from "./screens/NotFoundScreen";
import { WatchlistsScreen } from "./screens/watchlists/WatchlistsScreen";

export function App() {
  return (
    <ApiProvider>
      <RealtimeProvider>
        <AlertNotifier />
        <Layout>
          <CurrentScreen />
        </Layout>
      </RealtimeProvider>
    </ApiProvider>
  );
}

/** The screens that need a logged-in user, or null when `path` is none of them. */
function protectedScreen(path: string): ReactElement | null {
  if (matchPath("/charts", path)) return <ChartListScreen />;
  const chart = matchPath("/charts/:id", path);
  if (chart) return <ChartScreen key={chart.id} id={chart.id} />;
  if (matchPath("/watchlists", path)) return <WatchlistsScreen />;
  if (matchPath("/alerts", path)) return <AlertsScreen />;
  if (matchPath("/account", path)) return <AccountScreen />;
  return null;
}

/** The route table. */
function CurrentScreen() {
  const path = useLocationPath();
  const search = useLocationSearch();
  const { user, ended } = useSession();

  if (matchPath("/", path)) return <Redirect to={user ? "/charts" : "/login"} />;
  const login = matchPath("/login", path);
  if (login || matchPath("/signup", path)) {
    // Logging in or signing up ends here: on to where the user was going.
    if (user) return <Redirect to={nextPath(search)} />;
    return login ? <LoginScreen /> : <SignUpScreen />;
  }
  const screen = protectedScreen(path);
  if (screen === null) return <NotFoundScreen />;
  if (user === null) return <Redirect to={loginPath(path + search, ended)} />;
  return screen;
}
