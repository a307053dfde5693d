function segments(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

/** The `:param` values when `path` fits `pattern` ("/charts/:id"), else null. A trailing slash is ignored. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const wanted = segments(pattern);
  const given = segments(path);
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < wanted.length; index += 1) {
    const part = wanted[index];
    const value = given[index];
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null; // A malformed %-escape matches nothing.
      }
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}
