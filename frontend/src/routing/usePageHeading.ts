import { useEffect, useRef, type RefObject } from "react";

/**
 * Keeps document.title in step with the page's h1 and, after an in-app navigation, moves
 * focus to that h1 so that screen readers announce the new page. Screens that load their
 * h1 later are waited for.
 */
export function usePageHeading(main: RefObject<HTMLElement>, path: string): void {
  const previousPath = useRef<string | null>(null);

  useEffect(() => {
    const container = main.current;
    if (container === null) return undefined;
    // The first render (and StrictMode's second run of it) is a page load, not a navigation.
    let focusPending = previousPath.current !== null && previousPath.current !== path;
    previousPath.current = path;

    function apply(target: HTMLElement) {
      const heading = target.querySelector("h1");
      const text = heading?.textContent?.trim() ?? "";
      const title = text === "" ? "ChronoView" : `${text} · ChronoView`;
      if (document.title !== title) document.title = title;
      if (!focusPending || heading === null) return;
      focusPending = false;
      // Leave alone a field that the screen focused itself.
      const active = document.activeElement;
      if (active !== null && active !== target && target.contains(active)) return;
      heading.tabIndex = -1;
      heading.focus();
    }

    apply(container);
    const observer = new MutationObserver(() => apply(container));
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main, path]);
}
