import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** Decorative loading placeholder; hidden from assistive tech (announce loading elsewhere, e.g. <Spinner>). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted motion-reduce:animate-none", className)} {...props} />;
}
