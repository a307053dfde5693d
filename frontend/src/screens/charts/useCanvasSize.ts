import { RefObject, useLayoutEffect, useState } from "react";

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel, for a sharp canvas on high-density screens. */
  ratio: number;
}

function sameSize(a: CanvasSize, b: CanvasSize): boolean {
  return a.width === b.width && a.height === b.height && a.ratio === b.ratio;
}

/** The size of `ref`'s element, following resizes and moves to a screen of another density. */
export function useCanvasSize(ref: RefObject<HTMLElement>): CanvasSize {
  const [size, setSize] = useState<CanvasSize>({ width: 0, height: 0, ratio: 1 });

  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = () => {
      const box = element.getBoundingClientRect();
      const next = {
        width: Math.floor(box.width),
        height: Math.floor(box.height),
        ratio: window.devicePixelRatio || 1,
      };
      setSize((previous) => (sameSize(previous, next) ? previous : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // A change of density matches no longer: measure again (and listen for the new one then).
    const density = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    density.addEventListener("change", measure);
    return () => {
      observer.disconnect();
      density.removeEventListener("change", measure);
    };
  }, [ref, size.ratio]);

  return size;
}
