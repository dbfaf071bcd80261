import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export type LabelProps = ComponentProps<"label">;

export function Label({ className, onMouseDown, ...props }: LabelProps) {
  return (
    <label
      data-slot="label"
      className={cn("inline-flex items-center gap-2 text-sm leading-none font-medium select-none", "peer-disabled:cursor-not-allowed peer-disabled:opacity-50", className)}
      onMouseDown={(event) => {
        onMouseDown?.(event);
        // A double click on a label selects no text (a click on a control inside it still works).
        if (!event.defaultPrevented && event.detail > 1 && !(event.target as HTMLElement).closest("button, input, select, textarea")) event.preventDefault();
      }}
      {...props}
    />
  );
}
