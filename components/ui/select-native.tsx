import type { ComponentProps } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/cn";
import { fieldClasses } from "@/components/ui/input";

export type NativeSelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapping div (width, margins); `className` goes on the <select>. */
  wrapperClassName?: string;
};

export function NativeSelect({ className, wrapperClassName, children, ...props }: NativeSelectProps) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select data-slot="native-select" className={cn(fieldClasses, "h-10 cursor-pointer appearance-none py-2 pr-9", className)} {...props}>
        {children}
      </select>
      <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
