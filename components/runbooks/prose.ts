// Reading styles for a rendered runbook body (allow-listed HTML) and for the editor, kept here so the
// runbook pages need no global stylesheet rules of their own.
export const runbookProseClasses = [
  "min-w-0 break-words leading-relaxed outline-none",
  "[&_h1]:mt-4 [&_h1]:mb-2 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:font-semibold",
  "[&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_a]:underline [&_hr]:my-4 [&_hr]:border-border",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground",
  "[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-muted [&_pre]:p-3",
  "[&_.runbook-step_label]:flex [&_.runbook-step_label]:items-start [&_.runbook-step_label]:gap-2 [&_.runbook-step]:my-1",
  "[&_.runbook-step_input]:mt-1 [&_.runbook-step_input]:size-4 [&_.runbook-step_input]:shrink-0",
].join(" ");
