"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

const PHONE = "(max-width: 640px)";

function subscribePhone(onChange: () => void) {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();
  // resolvedTheme is undefined until next-themes has mounted; let sonner follow the system meanwhile.
  const theme: ToasterProps["theme"] = resolvedTheme === "dark" ? "dark" : resolvedTheme === "light" ? "light" : "system";
  // At phone width a bottom toast spans the screen and sits on the form's Save/Cancel row (and a
  // pointer resting on it pauses its timer), so phones get toasts at the top, away from the buttons.
  const phone = useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
  return <Sonner theme={theme} richColors closeButton position={phone ? "top-center" : "bottom-right"} {...props} />;
}
