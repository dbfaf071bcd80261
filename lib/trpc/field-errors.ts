// The form fields a failed call names, each with the message to show beside it. The server fills
// `data.fieldErrors` for invalid input (every field zod refused) and for a domain error that names one.
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  const raw = (error as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } } | null)?.data?.fieldErrors;
  if (!raw) return {};
  const errors: FieldErrors = {};
  for (const [field, messages] of Object.entries(raw)) {
    if (messages?.[0]) errors[field] = messages[0];
  }
  return errors;
}
