/** The message to show a person for a failed call: the server already words it for them. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Check your connection and try again.";
}
