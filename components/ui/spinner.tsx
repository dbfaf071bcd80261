import type { ComponentProps } from "react";
import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/cn";

const sizeClasses = { sm: "size-4", md: "size-5", lg: "size-8" } as const;

export type SpinnerProps = ComponentProps<"span"> & {
  /** Text announced to screen readers (visually hidden). */
  label?: string;
  size?: keyof typeof sizeClasses;
};

export function Spinner({ className, label = "Loading", size = "md", ...props }: SpinnerProps) {
  return (
    <span role="status" data-slot="spinner" className={cn("inline-flex items-center justify-center text-muted-foreground", className)} {...props}>
      <LoaderCircle aria-hidden="true" className={cn("animate-spin", sizeClasses[size])} />
      <span className="sr-only">{label}</span>
    </span>
  );
}
