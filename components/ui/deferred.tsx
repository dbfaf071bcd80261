"use client";

import { useEffect, useRef, useState, type ComponentType, type ReactNode, type RefObject } from "react";

/** What the real component is told when a press on the placeholder was waiting for it. */
export type DeferredProps = { openAtOnce?: boolean; focusAtOnce?: boolean };
type Loader<P> = () => Promise<ComponentType<P & DeferredProps>>;
export type Placeholder = { press: () => void; ref: RefObject<HTMLButtonElement | null> };

// Loaded once per tab: a later page (client navigation) renders the real component straight away.
const loaded = new Map<Loader<never>, ComponentType<never>>();

/** Runs `run` once the browser is idle (or soon, where it cannot tell); returns a cancel. */
export function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 200);
  return () => window.clearTimeout(handle);
}

/**
 * Header menus and dialogs are not needed to paint or read a page, yet their libraries (menus,
 * popper positioning, dialogs) were a fifth of every page's JavaScript. This shows `placeholder`,
 * a look-alike of the real trigger, and fetches the real component once the page is idle. A press
 * on the placeholder meanwhile is not lost: it fetches at once and the real one opens as it arrives,
 * taking the focus if the placeholder had it.
 */
export function Deferred<P extends object>({ load, props, placeholder }: { load: Loader<P>; props: P; placeholder: (controls: Placeholder) => ReactNode }) {
  const [Real, setReal] = useState<ComponentType<P & DeferredProps> | null>(() => (loaded.get(load as Loader<never>) as ComponentType<P & DeferredProps> | undefined) ?? null);
  const [pressed, setPressed] = useState<DeferredProps>({});
  const ref = useRef<HTMLButtonElement | null>(null);
  const started = useRef(false);

  const fetchReal = () => {
    if (started.current) return;
    started.current = true;
    void load().then((component) => {
      loaded.set(load as Loader<never>, component as ComponentType<never>);
      // A keyboard user on the placeholder stays on the same control after the swap.
      if (document.activeElement === ref.current) setPressed((pressed) => ({ ...pressed, focusAtOnce: true }));
      setReal(() => component);
    });
  };
  useEffect(() => (Real ? undefined : whenIdle(fetchReal)));

  if (Real) return <Real {...props} {...pressed} />;
  return placeholder({
    ref,
    press: () => {
      setPressed({ openAtOnce: true, focusAtOnce: document.activeElement === ref.current });
      fetchReal();
    },
  });
}
