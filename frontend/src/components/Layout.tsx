import { useRef, type ReactNode } from "react";
import { useSession } from "../api/ApiContext";
import { Link, useLocationPath, usePageHeading } from "../routing";
import { NoticeList } from "./NoticeList";
import { SiteNav } from "./SiteNav";

/** The page frame: skip link, header with navigation, the main region and the notices. */
export function Layout(props: { children: ReactNode }) {
  const { user } = useSession();
  const path = useLocationPath();
  const main = useRef<HTMLElement>(null);
  usePageHeading(main, path);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          ChronoView
        </Link>
        {user ? <SiteNav path={path} /> : null}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {props.children}
      </main>
      <NoticeList />
    </>
  );
}
