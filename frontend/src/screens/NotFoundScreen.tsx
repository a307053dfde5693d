import { Link } from "../routing";

export function NotFoundScreen() {
  return (
    <section className="page-narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to ChronoView's start page</Link>
      </p>
    </section>
  );
}
