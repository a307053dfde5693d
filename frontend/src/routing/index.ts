export { navigate, useLocationPath, useLocationSearch } from "./history";
export { Link } from "./Link";
export { matchPath } from "./matchPath";
export { Redirect } from "./Redirect";
export { usePageHeading } from "./usePageHeading";
