import { errorMessage } from "@/lib/trpc/error-message";
import { Button } from "./button";

/** A list that could not load: what failed, why, and a way to try again (the rows already shown stay). */
export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-destructive/50 px-4 py-3 text-sm text-destructive">
      <span className="min-w-0 flex-1">
        Could not load {what}: {errorMessage(error)}
      </span>
      <Button type="button" variant="outline" size="sm" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
