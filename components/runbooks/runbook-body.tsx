import { cn } from "@/lib/cn";
import { toSafeHtml } from "@/lib/editor/to-html";
import type { JsonNode } from "@/lib/editor/to-markdown";
import { runbookProseClasses } from "./prose";

/** A runbook body, read-only: only the allow-list renderer turns stored JSON into markup (lib/editor/to-html.ts). */
export function RunbookBody({ body, className }: { body: { type: "doc"; content?: unknown[] }; className?: string }) {
  const html = toSafeHtml(body as JsonNode);
  return <div className={cn(runbookProseClasses, className)} data-testid="runbook-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
