/**
 * What a thrown value says, for logs and messages: an Error's message, else the value as text
 * (even one whose toString throws, as a hostile or broken object's may).
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

/** A thrown value with its stack when it has one, for logs that a developer reads. */
export function errorStack(error: unknown): string {
  return (error instanceof Error && error.stack) || errorText(error);
}
