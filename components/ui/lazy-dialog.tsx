"use client";

import dynamic from "next/dynamic";
import { type ComponentType, useEffect, useState } from "react";
import { whenIdle } from "./deferred";

/**
 * A controlled dialog whose module arrives after the page: the dialog machinery (focus trap, scroll
 * lock, portal, about 10 kB gzip) is not needed to paint or read a page. Its module is fetched once
 * the browser is idle, or at once if the dialog is opened first; it mounts on its first opening and
 * stays mounted, so later openings and closings animate as usual.
 */
export function lazyDialog<P extends { open: boolean }>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Body = dynamic(load, { ssr: false });
  return function LazyDialog(props: P) {
    const [wasOpened, setWasOpened] = useState(props.open);
    useEffect(() => whenIdle(() => void load()), []);
    if (props.open && !wasOpened) setWasOpened(true);
    return wasOpened ? <Body {...props} /> : null;
  };
}
