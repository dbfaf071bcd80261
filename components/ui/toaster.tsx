"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner, type ToasterProps } from "sonner";

export function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();
  // resolvedTheme is undefined until next-themes has mounted; let sonner follow the system meanwhile.
  const theme: ToasterProps["theme"] = resolvedTheme === "dark" ? "dark" : resolvedTheme === "light" ? "light" : "system";
  return <Sonner theme={theme} richColors closeButton position="bottom-right" {...props} />;
}
